/** Runs that held their deletions, each with a confirmation. */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryState } from '../../components/QueryState';
import { ConfirmDeletionsDocument, type SyncRunRowFragment, SyncRunsDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { mayOperate } from '../../pages';
import { useSession } from '../../session';

export function HeldDeletions() {
  const { t, dateTime, number } = useI18n();
  const { principal } = useSession();
  const [held, refetch] = useQuery({
    query: SyncRunsDocument,
    variables: { first: 50, filter: { status: 'HELD' } },
  });
  const [confirming, setConfirming] = useState<SyncRunRowFragment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [result, confirm] = useMutation(ConfirmDeletionsDocument);
  const runs = held.data?.syncRuns.edges.map((e) => e.node) ?? [];

  async function apply(run: SyncRunRowFragment) {
    const r = await confirm({ syncRunId: run.id });
    setConfirming(null);
    if (r.data) {
      setDone(t('sync.confirmed', { count: number(r.data.confirmDeletions.deleted), id: run.id }));
      refetch({ requestPolicy: 'network-only' });
    } else if (r.error) {
      setDone(t('common.error', { message: r.error.graphQLErrors[0]?.message ?? r.error.message }));
    }
  }

  return (
    <section aria-labelledby="held-title" data-testid="held">
      <h2 id="held-title">{t('sync.held')}</h2>
      {done && <output className="notice">{done}</output>}
      <QueryState fetching={held.fetching} error={held.error} hasData={!!held.data}>
        {runs.length === 0 ? (
          <p className="empty">{t('sync.heldNone')}</p>
        ) : (
          <ul className="cards wide">
            {runs.map((run) => (
              <li key={run.id} className="card held" data-run-id={run.id}>
                <p>
                  {t('sync.heldText', {
                    source: t(`source.${run.source}`),
                    at: dateTime(run.startedAt),
                    count: number(run.heldDeletions),
                  })}
                </p>
                {mayOperate(principal) && (
                  <button type="button" className="danger" onClick={() => setConfirming(run)}>
                    {t('sync.confirm')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {confirming && (
        <ConfirmDialog
          title={t('sync.confirmTitle', { count: number(confirming.heldDeletions) })}
          confirmLabel={t('sync.confirm')}
          busy={result.fetching}
          onConfirm={() => apply(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('sync.confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
