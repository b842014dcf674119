/** Findings: filters, counts by severity, the table, and one finding's detail beside it. */
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../components/Chart';
import { DownloadButton } from '../components/DownloadButton';
import { MoreButton } from '../components/MoreButton';
import { QueryState } from '../components/QueryState';
import { FindingSummaryDocument, FindingsDocument } from '../graphql/generated';
import { useI18n } from '../i18n';
import { setParams, useLocation } from '../url';
import { FindingDetail } from './findings/FindingDetail';
import { FindingFilters } from './findings/FindingFilters';
import { FindingTable } from './findings/FindingTable';
import { filterFromParams, SEVERITIES, STATUSES } from './findings/filters';

export function FindingsPage() {
  const { t, number } = useI18n();
  const { params } = useLocation();
  const filterKey = ['kind', 'severity', 'status', 'agency', 'sector']
    .map((k) => params.get(k) ?? '')
    .join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filter params
  const filter = useMemo(() => filterFromParams(params), [filterKey]);
  // A cursor belongs to the filter it was read under: a new filter starts on the first page.
  const [cursor, setCursor] = useState<{ filterKey: string; after: string | null }>({
    filterKey,
    after: null,
  });
  const after = cursor.filterKey === filterKey ? cursor.after : null;
  const [findings] = useQuery({ query: FindingsDocument, variables: { first: 50, after, filter } });
  const [summary] = useQuery({ query: FindingSummaryDocument, variables: { filter } });
  const page = findings.data?.findings;
  // The export takes the same filter parameters as the address.
  const exportQuery = (() => {
    const q = new URLSearchParams();
    for (const k of ['kind', 'severity', 'status', 'agency', 'sector']) {
      const v = params.get(k);
      if (v) q.set(k, v);
    }
    const text = q.toString();
    return text ? `?${text}` : '';
  })();
  const selected = params.get('finding');

  const bySeverity = useMemo(() => {
    const counts = summary.data?.findingSummary.counts ?? [];
    const statuses = STATUSES.filter((s) => counts.some((c) => c.status === s));
    return {
      categories: SEVERITIES.map((s) => t(`severity.${s}`)),
      series: statuses.map((st) => ({
        name: t(`findingStatus.${st}`),
        values: SEVERITIES.map((sev) =>
          counts.filter((c) => c.severity === sev && c.status === st).reduce((n, c) => n + c.count, 0),
        ),
      })),
    };
  }, [summary.data, t]);

  return (
    <>
      <h1>{t('findings.title')}</h1>
      <FindingFilters>
        <DownloadButton href={`/export/findings.xlsx${exportQuery}`} label={t('findings.export')} />
      </FindingFilters>
      <div className="charts one">
        <Chart
          title={t('findings.bySeverity', { total: number(summary.data?.findingSummary.total ?? 0) })}
          kind="bar"
          horizontal
          stacked
          integer
          categories={bySeverity.categories}
          series={bySeverity.series}
          format={(v) => number(v)}
          height={150}
          testId="severity-chart"
        />
      </div>
      <QueryState fetching={findings.fetching} error={findings.error} hasData={!!page}>
        {page && (
          <>
            <p className="count" data-testid="findings-count">
              {t('common.showing', { shown: page.edges.length, total: number(page.totalCount) })}
            </p>
            <div className={selected ? 'split' : undefined}>
              <FindingTable
                rows={page.edges.map((e) => e.node)}
                selectedId={selected}
                onOpen={(f) => setParams({ finding: f.id === selected ? null : f.id })}
              />
              {selected && (
                <FindingDetail key={selected} id={selected} onClose={() => setParams({ finding: null })} />
              )}
            </div>
            <MoreButton pageInfo={page.pageInfo} onMore={(after) => setCursor({ filterKey, after })} />
          </>
        )}
      </QueryState>
    </>
  );
}
