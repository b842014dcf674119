/** One finding: both values side by side, the rule, what was read, its history, and the review actions. */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { prettyJson } from '../../format';
import {
  AcknowledgeFindingDocument,
  DismissFindingDocument,
  type FindingDetailFragment,
  FindingDocument,
} from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { mayReview } from '../../pages';
import { useSession } from '../../session';
import { DiffValues } from './DiffValues';
import { RecordHistory } from './RecordHistory';

export function FindingDetail({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { principal } = useSession();
  const [finding] = useQuery({ query: FindingDocument, variables: { id } });
  const [note, setNote] = useState('');
  const [ack, acknowledge] = useMutation(AcknowledgeFindingDocument);
  const [dis, dismiss] = useMutation(DismissFindingDocument);
  const [error, setError] = useState<string | null>(null);
  const f = finding.data?.finding;

  async function review(action: 'ack' | 'dismiss') {
    setError(null);
    const r =
      action === 'ack'
        ? await acknowledge({ id, note: note.trim() })
        : await dismiss({ id, note: note.trim() });
    if (r.error) setError(r.error.graphQLErrors[0]?.message ?? r.error.message);
    else setNote('');
  }
  const closed = f?.status === 'RESOLVED';

  return (
    <aside className="detail finding" aria-labelledby="finding-title" data-testid="finding-detail">
      <div className="detail-head">
        <h2 id="finding-title">{f ? `${t(`kind.${f.kind}`)} · ${f.subjectCode}` : t('common.loading')}</h2>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <QueryState fetching={finding.fetching} error={finding.error} hasData={!!f}>
        {f && (
          <>
            <p>
              <span className={`badge sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
              <span className={`badge st-${f.status}`} data-testid="finding-status">
                {t(`findingStatus.${f.status}`)}
              </span>{' '}
              {f.procedure && (
                <span className="muted">
                  {f.procedure.code} · {f.procedure.name}
                </span>
              )}
            </p>
            <DiffValues national={f.nationalValue} provincial={f.provincialValue} />
            <p className="rule">
              <strong>{t('findings.rule')}:</strong> {f.rule}
            </p>
            <FindingFacts finding={f} />
            {(f.nationalRaw || f.provincialRaw) && (
              <details>
                <summary>{t('findings.raw')}</summary>
                <div className="raw-pair">
                  <pre>{prettyJson(f.nationalRaw ?? '')}</pre>
                  <pre>{prettyJson(f.provincialRaw ?? '')}</pre>
                </div>
              </details>
            )}
            <FindingHistory history={f.history} />
            {f.procedure && (
              <RecordHistory
                national={f.procedure.national?.history ?? null}
                listings={f.procedure.listings}
              />
            )}
            {mayReview(principal) && !closed && (
              <div className="review">
                <label htmlFor="review-note">{t('findings.note')}</label>
                <textarea id="review-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
                {error && (
                  <p className="notice error" role="alert">
                    {error}
                  </p>
                )}
                <div className="row">
                  <button
                    type="button"
                    className="primary"
                    disabled={!note.trim() || ack.fetching || f.status === 'ACKNOWLEDGED'}
                    onClick={() => review('ack')}
                  >
                    {t('findings.acknowledge')}
                  </button>
                  <button
                    type="button"
                    disabled={!note.trim() || dis.fetching || f.status === 'WONT_FIX'}
                    onClick={() => review('dismiss')}
                  >
                    {t('findings.dismiss')}
                  </button>
                </div>
              </div>
            )}
          </>
        )}
      </QueryState>
    </aside>
  );
}

/** What the finding is about (its field, channel and agency where it has them) and when it was seen. */
function FindingFacts({ finding: f }: { finding: FindingDetailFragment }) {
  const { t, dateTime } = useI18n();
  return (
    <dl className="facts">
      {f.field && (
        <>
          <dt>{t('findings.field')}</dt>
          <dd>{f.field}</dd>
        </>
      )}
      {f.channel && (
        <>
          <dt>{t('findings.channel')}</dt>
          <dd>{f.channel}</dd>
        </>
      )}
      {f.agency && (
        <>
          <dt>{t('findings.agency')}</dt>
          <dd>
            {f.agency.name} ({f.agency.code})
          </dd>
        </>
      )}
      <dt>{t('findings.firstSeen')}</dt>
      <dd>{dateTime(f.firstSeenAt)}</dd>
      <dt>{t('findings.lastSeen')}</dt>
      <dd>{dateTime(f.lastSeenAt)}</dd>
    </dl>
  );
}

/** The finding's review history: each change of status, who made it and their note. */
function FindingHistory({ history }: { history: FindingDetailFragment['history'] }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <h3>{t('findings.history')}</h3>
      <ol className="history" data-testid="finding-history">
        {history.map((e) => (
          <li key={`${e.at}-${e.to}`}>
            <span className="when">{dateTime(e.at)}</span>{' '}
            {e.from ? `${t(`findingStatus.${e.from}`)} → ` : ''}
            <strong>{t(`findingStatus.${e.to}`)}</strong> · {e.actor}
            {e.note && <q>{e.note}</q>}
          </li>
        ))}
      </ol>
    </>
  );
}
