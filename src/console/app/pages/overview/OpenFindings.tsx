/** Open findings (open, reopened, acknowledged) by severity, each bar a link to the list. */
import { useQuery } from 'urql';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { FindingSummaryDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { pageHref } from '../../url';
import { SEVERITIES } from '../findings/filters';

const OPEN = ['OPEN', 'REOPENED', 'ACKNOWLEDGED'] as const;

export function OpenFindings() {
  const { t, number } = useI18n();
  const [summary] = useQuery({ query: FindingSummaryDocument, variables: { filter: { status: [...OPEN] } } });
  const counts = summary.data?.findingSummary.counts ?? [];
  const bySeverity = SEVERITIES.map((s) =>
    counts.filter((c) => c.severity === s).reduce((n, c) => n + c.count, 0),
  );
  return (
    <QueryState fetching={summary.fetching} error={summary.error} hasData={!!summary.data}>
      <Chart
        title={t('overview.openFindings', { total: number(summary.data?.findingSummary.total ?? 0) })}
        kind="bar"
        categories={SEVERITIES.map((s) => t(`severity.${s}`))}
        series={[{ name: t('nav.findings'), values: bySeverity, color: '#b03a2e' }]}
        format={(v) => number(v)}
        integer
        height={200}
        testId="open-findings-chart"
      />
      <p className="chart-link">
        <a href={pageHref('findings', { status: 'OPEN,REOPENED' })}>{t('overview.toFindings')}</a>
      </p>
    </QueryState>
  );
}
