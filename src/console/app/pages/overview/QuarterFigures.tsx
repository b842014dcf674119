/** This quarter's on-time share, online share and satisfaction against the previous quarter. */
import { useQuery } from 'urql';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { LatestDossierDocument, QuarterFiguresDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { type Period, periodText, quarterOf } from '../reports/period';

function previousQuarter(p: Period): Period {
  const q = Number(p.part.slice(1));
  return q === 1 ? { year: p.year - 1, part: 'Q4' } : { year: p.year, part: `Q${q - 1}` };
}

export function QuarterFigures() {
  const { t, percent } = useI18n();
  const [latest] = useQuery({ query: LatestDossierDocument });
  const node = latest.data?.dossiers.edges[0]?.node;
  // The quarter of the latest dossier: "this quarter" for the data the hub holds.
  const current = quarterOf(node?.acceptedAt ?? node?.appliedAt ?? new Date().toISOString());
  const previous = previousQuarter(current);
  const [figures] = useQuery({
    query: QuarterFiguresDocument,
    variables: { current: periodText(current), previous: periodText(previous) },
    pause: !latest.data,
  });
  const d = figures.data;
  const satisfaction = (index: { key: string; ratio: number | null }[] | undefined) =>
    index?.find((f) => f.key === 'DOSSIER_SATISFACTION')?.ratio ?? null;
  const labelOf = (p: Period) => t('overview.quarterLabel', { q: p.part.slice(1), year: p.year });
  return (
    <QueryState
      fetching={figures.fetching || latest.fetching}
      error={figures.error ?? latest.error}
      hasData={!!d}
    >
      {d && (
        <Chart
          title={t('overview.quarterChart', { current: labelOf(current), previous: labelOf(previous) })}
          kind="bar"
          categories={[t('report.col.onTimeShare'), t('report.col.onlineShare'), t('overview.satisfaction')]}
          series={[
            {
              name: labelOf(previous),
              color: '#9aa5b4',
              values: [
                d.previous.total.onTimeShare,
                d.previous.total.onlineShare,
                satisfaction(d.previousIndex.figures),
              ],
            },
            {
              name: labelOf(current),
              values: [
                d.current.total.onTimeShare,
                d.current.total.onlineShare,
                satisfaction(d.currentIndex.figures),
              ],
            },
          ]}
          format={(v) => percent(v)}
          height={200}
          testId="quarter-chart"
        />
      )}
    </QueryState>
  );
}
