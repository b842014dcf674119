/** Reports: form 06 with period, grouping, rule and roll-up pickers, its charts and its export; the service index; the feedback figures. */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { DownloadButton } from '../components/DownloadButton';
import { QueryState } from '../components/QueryState';
import { localDay } from '../format';
import {
  DossierReportDocument,
  LatestDossierDocument,
  type ReportGrouping,
  type TimelinessRule,
} from '../graphql/generated';
import { useI18n } from '../i18n';
import { setParams, useLocation } from '../url';
import { FeedbackSection } from './reports/FeedbackSection';
import { Form06Table } from './reports/Form06Table';
import { PeriodPicker } from './reports/PeriodPicker';
import { monthsOf, parsePeriod, periodText, quarterOf } from './reports/period';
import { MonthlyChart, OnTimeChart } from './reports/ReportCharts';
import { ServiceIndexTable } from './reports/ServiceIndexTable';

const GROUPINGS: ReportGrouping[] = ['AGENCY', 'SECTOR', 'LEVEL', 'PROCEDURE'];
const RULES: TimelinessRule[] = ['PROVINCIAL', 'NATIONAL'];

export function ReportsPage() {
  const { t } = useI18n();
  const { params } = useLocation();
  const [latest] = useQuery({ query: LatestDossierDocument });
  const latestAt = latest.data?.dossiers.edges[0]?.node;
  const fallback = quarterOf(latestAt?.acceptedAt ?? latestAt?.appliedAt ?? new Date().toISOString());
  const period = parsePeriod(params.get('period')) ?? fallback;
  const groupBy = GROUPINGS.find((g) => g === params.get('groupBy')) ?? 'AGENCY';
  const rule = RULES.find((r) => r === params.get('rule')) ?? 'PROVINCIAL';
  const rollUp = groupBy === 'AGENCY' && params.get('rollUp') === '1';
  const ready = !latest.fetching || !!params.get('period');

  const [report] = useQuery({
    query: DossierReportDocument,
    variables: { period: periodText(period), groupBy, rule, rollUp },
    pause: !ready,
  });
  const r = report.data?.dossierReport;
  // The last six years, and as far back as the period in the address or the latest data.
  const years = useMemo(() => {
    const last = Math.max(fallback.year, new Date().getFullYear(), period.year);
    const first = Math.min(last - 5, fallback.year, period.year);
    return Array.from({ length: last - first + 1 }, (_, i) => last - i);
  }, [fallback.year, period.year]);
  const periodKey = periodText(period);
  // periodKey is always a valid period text here.
  const months = useMemo(() => monthsOf(parsePeriod(periodKey)!), [periodKey]);

  return (
    <>
      <h1>{t('report.title')}</h1>
      <form className="filters" aria-label={t('report.pickers')} onSubmit={(e) => e.preventDefault()}>
        <PeriodPicker value={period} years={years} onChange={(p) => setParams({ period: periodText(p) })} />
        <label>
          {t('report.groupBy')}
          <select value={groupBy} onChange={(e) => setParams({ groupBy: e.target.value })}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`report.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('report.rule')}
          <select value={rule} onChange={(e) => setParams({ rule: e.target.value })}>
            {RULES.map((x) => (
              <option key={x} value={x}>
                {t(`report.rule.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={rollUp}
            disabled={groupBy !== 'AGENCY'}
            onChange={(e) => setParams({ rollUp: e.target.checked ? '1' : null })}
          />
          {t('report.rollUp')}
        </label>
        <DownloadButton
          href={`/export/dossier-report.xlsx?${new URLSearchParams({ period: periodText(period), groupBy, rule, ...(rollUp ? { rollUp: '1' } : {}) })}`}
          label={t('report.download')}
        />
      </form>
      <QueryState fetching={report.fetching} error={report.error} hasData={!!r}>
        {r && (
          <>
            <p className="report-head" data-testid="report-period">
              {t('report.form06')} · {localDay(r.from)} – {localDay(r.to)} · {t(`report.rule.${r.rule}`)}
            </p>
            <Form06Table rows={r.rows} total={r.total} groupLabel={t(`report.group.${r.groupBy}`)} />
            <div className="charts two">
              <OnTimeChart
                rows={r.rows}
                title={t('report.onTimeChart', { group: t(`report.group.${r.groupBy}`) })}
              />
              <MonthlyChart months={months} rule={rule} />
            </div>
          </>
        )}
      </QueryState>
      {ready && <ServiceIndexTable period={periodKey} />}
      {ready && <FeedbackSection defaultPeriod={periodKey} years={years} />}
    </>
  );
}
