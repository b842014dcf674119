/**
 * Feedback figures (PAKN, the graph's feedbackReport) for a period and grouping of their own
 * in the address (feedbackPeriod, feedbackGroupBy; the form 06 period by default): the
 * table, and a chart of items closed on time and late with its table view.
 */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Chart, largest, PALETTE } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { localDay } from '../../format';
import {
  type FeedbackGrouping,
  FeedbackReportDocument,
  type FeedbackRowViewFragment,
} from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { setParams, useLocation } from '../../url';
import { PeriodPicker } from './PeriodPicker';
import { parsePeriod, periodText } from './period';

type Row = FeedbackRowViewFragment;
type CountKey = Exclude<{ [K in keyof Row]: Row[K] extends number ? K : never }[keyof Row], undefined>;

const GROUPINGS: FeedbackGrouping[] = ['AGENCY', 'CLASSIFICATION', 'CHANNEL'];
const MAX_BARS = 15;
const COUNTS: CountKey[] = [
  'received',
  'waiting',
  'inProcess',
  'processed',
  'closed',
  'handledOnTime',
  'handledLate',
  'answeredOnTime',
  'answeredLate',
];

function FeedbackTable({ rows, total, groupLabel }: { rows: Row[]; total: Row; groupLabel: string }) {
  const { t, number, percent } = useI18n();
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'label',
        header: groupLabel,
        accessorFn: (r) => r.label,
        footer: () => <strong>{total.label}</strong>,
        meta: { className: 'wrap label' },
      },
      ...COUNTS.map(
        (key): ColumnDef<Row, unknown> => ({
          id: key,
          header: t(`feedback.col.${key}`),
          accessorFn: (r) => r[key],
          cell: (c) => number(c.row.original[key]),
          footer: () => number(total[key]),
          meta: { className: 'num' },
        }),
      ),
      {
        id: 'satisfaction',
        header: t('feedback.col.satisfaction'),
        accessorFn: (r) => r.satisfaction ?? -1,
        cell: (c) => percent(c.row.original.satisfaction),
        footer: () => percent(total.satisfaction),
        meta: { className: 'num' },
      },
    ],
    [t, number, percent, total, groupLabel],
  );
  return (
    <DataTable
      caption={t('feedback.title')}
      columns={columns}
      rows={rows}
      rowId={(r) => r.key}
      withFooter
      testId="feedback-report"
    />
  );
}

function ClosedChart({ rows, title }: { rows: Row[]; title: string }) {
  const { t, number } = useI18n();
  const shown = useMemo(() => largest(rows, (r) => r.closed, MAX_BARS), [rows]);
  return (
    <Chart
      title={title}
      kind="bar"
      horizontal
      stacked
      integer
      categories={shown.map((r) => r.label)}
      series={[
        {
          name: t('feedback.col.handledOnTime'),
          values: shown.map((r) => r.handledOnTime),
          color: PALETTE[2],
        },
        { name: t('feedback.col.handledLate'), values: shown.map((r) => r.handledLate), color: PALETTE[3] },
      ]}
      format={(v) => number(v)}
      height={Math.max(160, shown.length * 24 + 60)}
      testId="feedback-chart"
    />
  );
}

export function FeedbackSection({ defaultPeriod, years }: { defaultPeriod: string; years: number[] }) {
  const { t } = useI18n();
  const { params } = useLocation();
  const period = parsePeriod(params.get('feedbackPeriod')) ?? parsePeriod(defaultPeriod)!;
  const groupBy = GROUPINGS.find((g) => g === params.get('feedbackGroupBy')) ?? 'AGENCY';
  const [report] = useQuery({
    query: FeedbackReportDocument,
    variables: { period: periodText(period), groupBy },
  });
  const r = report.data?.feedbackReport;
  const pickable = years.includes(period.year) ? years : [...years, period.year].sort((a, b) => b - a);
  const groupLabel = t(`feedback.group.${groupBy}`);
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback.title')}</h2>
      <form className="filters" aria-label={t('feedback.pickers')} onSubmit={(e) => e.preventDefault()}>
        <PeriodPicker
          value={period}
          years={pickable}
          labels={{ year: t('feedback.year'), part: t('feedback.period') }}
          onChange={(p) => setParams({ feedbackPeriod: periodText(p) })}
        />
        <label>
          {t('feedback.groupBy')}
          <select value={groupBy} onChange={(e) => setParams({ feedbackGroupBy: e.target.value })}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`feedback.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryState fetching={report.fetching} error={report.error} hasData={!!r}>
        {r && (
          <>
            <p className="report-head" data-testid="feedback-period">
              {localDay(r.from)} – {localDay(r.to)}
            </p>
            <FeedbackTable rows={r.rows} total={r.total} groupLabel={groupLabel} />
            <ClosedChart rows={r.rows} title={t('feedback.chart', { group: groupLabel })} />
          </>
        )}
      </QueryState>
    </section>
  );
}
