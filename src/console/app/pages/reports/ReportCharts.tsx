/** On-time share by row (agency), and received / resolved month by month over the period. */
import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { Chart, largest } from '../../components/Chart';
import {
  ReportMonthTotalDocument,
  type ReportRowViewFragment,
  type TimelinessRule,
} from '../../graphql/generated';
import { useI18n } from '../../i18n';

const MAX_BARS = 20;

export function OnTimeChart({ rows, title }: { rows: ReportRowViewFragment[]; title: string }) {
  const { t, percent } = useI18n();
  // The rows with the most resolved dossiers, when there are more than fit.
  const shown = useMemo(() => largest(rows, (r) => r.resolved, MAX_BARS), [rows]);
  return (
    <Chart
      title={title}
      kind="bar"
      horizontal
      categories={shown.map((r) => r.label)}
      series={[{ name: t('report.col.onTimeShare'), values: shown.map((r) => r.onTimeShare) }]}
      format={(v) => percent(v)}
      height={Math.max(160, shown.length * 22 + 50)}
      testId="ontime-chart"
    />
  );
}

interface MonthPoint {
  month: string;
  received: number | null;
  resolved: number | null;
}

/** One small request per month (the report's totals), run together. */
export function MonthlyChart({ months, rule }: { months: string[]; rule: TimelinessRule }) {
  const { t, number } = useI18n();
  const client = useClient();
  const [points, setPoints] = useState<MonthPoint[] | null>(null);
  useEffect(() => {
    let live = true;
    setPoints(null);
    Promise.all(
      months.map(async (month) => {
        const r = await client.query(ReportMonthTotalDocument, { period: month, rule }).toPromise();
        const total = r.data?.dossierReport.total;
        return { month, received: total?.received ?? null, resolved: total?.resolved ?? null };
      }),
    ).then((p) => {
      if (live) setPoints(p);
    });
    return () => {
      live = false;
    };
  }, [client, months, rule]);
  const label = (m: string) => m.split('-').reverse().join('/');
  return (
    <Chart
      title={t('report.monthlyChart')}
      kind="line"
      categories={(points ?? []).map((p) => label(p.month))}
      series={[
        { name: t('report.col.received'), values: (points ?? []).map((p) => p.received) },
        { name: t('report.col.resolved'), values: (points ?? []).map((p) => p.resolved) },
      ]}
      format={(v) => number(v)}
      integer
      height={240}
      testId="monthly-chart"
    />
  );
}
