/** When the record changed on each side: the versions the hub kept, newest first, with the fields that changed. */
import type { RecordVersionViewFragment } from '../../graphql/generated';
import { useI18n } from '../../i18n';

const SHOWN = 5;

function Versions({ title, versions }: { title: string; versions: RecordVersionViewFragment[] }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="versions">
      <h4>{title}</h4>
      {versions.length === 0 ? (
        <p className="empty">{t('common.none')}</p>
      ) : (
        <ol>
          {versions.slice(0, SHOWN).map((v) => (
            <li key={`${v.recordedAt}-${v.syncRunId ?? ''}`}>
              <span className="when">{dateTime(v.recordedAt)}</span>{' '}
              {v.changedFields ? v.changedFields.join(', ') : t('findings.firstVersion')}
              {v.syncRunId && <span className="muted"> · {t('findings.syncRun', { id: v.syncRunId })}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function RecordHistory({
  national,
  listings,
}: {
  national: RecordVersionViewFragment[] | null;
  listings: { code: string; history: RecordVersionViewFragment[] }[];
}) {
  const { t } = useI18n();
  return (
    <section className="record-history" aria-label={t('findings.recordHistory')} data-testid="record-history">
      <h3>{t('findings.recordHistory')}</h3>
      <div className="raw-pair">
        <Versions title={t('findings.national')} versions={national ?? []} />
        <div>
          {listings.length === 0 && <Versions title={t('findings.provincial')} versions={[]} />}
          {listings.map((l) => (
            <Versions key={l.code} title={`${t('findings.provincial')} · ${l.code}`} versions={l.history} />
          ))}
        </div>
      </div>
    </section>
  );
}
