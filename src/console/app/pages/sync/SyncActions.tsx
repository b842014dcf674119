/** Start a sync of one source now (ADMIN keys only). */
import { useState } from 'react';
import { useMutation } from 'urql';
import { Picker } from '../../components/Picker';
import { RunSyncDocument, type Source } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { mayOperate } from '../../pages';
import { useSession } from '../../session';
import { SOURCES } from './sources';

export function SyncActions() {
  const { t } = useI18n();
  const { principal } = useSession();
  const [result, runSync] = useMutation(RunSyncDocument);
  const [source, setSource] = useState<Source>('NATIONAL');
  const [message, setMessage] = useState<string | null>(null);
  if (!mayOperate(principal)) return <p className="notice">{t('sync.notAllowed')}</p>;

  async function start(full: boolean) {
    setMessage(null);
    const r = await runSync({ source, full });
    if (r.data) setMessage(t('sync.started', { id: r.data.runSync.id, source: t(`source.${source}`) }));
    else if (r.error)
      setMessage(t('common.error', { message: r.error.graphQLErrors[0]?.message ?? r.error.message }));
  }

  return (
    <section className="actions" aria-label={t('sync.start')}>
      <Picker
        label={t('sync.filterSource')}
        value={source}
        options={SOURCES}
        name={(s) => t(`source.${s}`)}
        onChange={(v) => setSource(v as Source)}
      />
      <button type="button" className="primary" disabled={result.fetching} onClick={() => start(false)}>
        {t('sync.start')}
      </button>
      <button type="button" disabled={result.fetching} onClick={() => start(true)}>
        {t('sync.startFull')}
      </button>
      {message && <output className="notice">{message}</output>}
    </section>
  );
}
