/** Kind, severity, status, agency and sector; each change goes into the address. */
import { useQuery } from 'urql';
import { FindingFilterOptionsDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { setParams, useLocation } from '../../url';
import { KINDS, SEVERITIES, STATUSES } from './filters';

export function FindingFilters({ children }: { children?: React.ReactNode }) {
  const { t } = useI18n();
  const { params } = useLocation();
  const { principal } = useSession();
  const [options] = useQuery({
    query: FindingFilterOptionsDocument,
    variables: { within: principal.agencyCode },
  });
  const agencies = options.data?.agencies.edges.map((e) => e.node) ?? [];
  // A new filter starts from the first page and closes the open detail.
  const set = (patch: Record<string, string | null>) => setParams({ ...patch, finding: null });
  return (
    <form className="filters" aria-label={t('findings.filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('findings.kind')}
        <select value={params.get('kind') ?? ''} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findings.severity')}
        <select value={params.get('severity') ?? ''} onChange={(e) => set({ severity: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findings.status')}
        <select value={params.get('status') ?? ''} onChange={(e) => set({ status: e.target.value })}>
          <option value="">{t('common.all')}</option>
          <option value="OPEN,REOPENED">{t('findings.needsAction')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`findingStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findings.agency')}
        <select value={params.get('agency') ?? ''} onChange={(e) => set({ agency: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findings.sector')}
        <input
          type="search"
          defaultValue={params.get('sector') ?? ''}
          placeholder={t('findings.sectorHint')}
          size={12}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set({ sector: e.currentTarget.value.trim() });
          }}
          onBlur={(e) => {
            if (e.currentTarget.value.trim() !== (params.get('sector') ?? ''))
              set({ sector: e.currentTarget.value.trim() });
          }}
        />
      </label>
      {children}
    </form>
  );
}
