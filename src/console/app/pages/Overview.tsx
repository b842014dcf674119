/**
 * Overview: each source's freshness and last run, at a glance. The last runs and open
 * findings only for roles that may read them (the graph would refuse the whole query).
 */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Chart, PALETTE } from '../components/Chart';
import { QueryState } from '../components/QueryState';
import { duration } from '../format';
import {
  type Source,
  SourceFreshnessDocument,
  type SourceFreshnessViewFragment,
  SourcesDocument,
  type SyncRunRowFragment,
  type SyncRunStatus,
  SyncRunsDocument,
} from '../graphql/generated';
import { useI18n } from '../i18n';
import { can, pageAllowed } from '../pages';
import { useSession } from '../session';
import { OpenFindings } from './overview/OpenFindings';
import { QuarterFigures } from './overview/QuarterFigures';

const STATUSES: SyncRunStatus[] = [
  'SUCCEEDED',
  'PARTIAL',
  'HELD',
  'FAILED',
  'ABANDONED',
  'RUNNING',
  'QUEUED',
];
const STATUS_COLOR: Record<SyncRunStatus, string> = {
  SUCCEEDED: '#2e8b57',
  PARTIAL: '#d9822b',
  HELD: '#7a5195',
  FAILED: '#b03a2e',
  ABANDONED: '#6b7280',
  RUNNING: PALETTE[0] ?? '#1f5fa8',
  QUEUED: '#9ca3af',
};

/** A source's card: its last run only where the role reads the ledger. */
type SourceCard = SourceFreshnessViewFragment & { lastRun?: SyncRunRowFragment | null };

export function OverviewPage() {
  const { t, number } = useI18n();
  const { principal } = useSession();
  const operations = can(principal, 'OPERATIONS');
  const [withRuns] = useQuery({ query: SourcesDocument, pause: !operations });
  const [freshness] = useQuery({ query: SourceFreshnessDocument, pause: operations });
  const sources = operations ? withRuns : freshness;
  const [runs] = useQuery({ query: SyncRunsDocument, variables: { first: 200 }, pause: !operations });
  const list: SourceCard[] = sources.data?.sources ?? [];

  const lag = useMemo(() => {
    // The unit follows the largest lag, so the axis reads in whole steps: seconds while every
    // source is within two minutes (just after a sync), minutes within two hours, hours past that.
    const most = Math.max(0, ...list.map((s) => s.lagSeconds ?? 0));
    const [unit, name] =
      most <= 120
        ? ([1, 'overview.seconds'] as const)
        : most <= 7200
          ? ([60, 'overview.minutes'] as const)
          : ([3600, 'overview.hours'] as const);
    return {
      unit: t(name),
      digits: unit === 1 ? 0 : 1,
      categories: list.map((s) => t(`source.${s.source}`)),
      values: list.map((s) => (s.lagSeconds === null ? null : Math.round((s.lagSeconds / unit) * 10) / 10)),
    };
  }, [list, t]);
  const byStatus = useMemo(() => {
    const sourcesSeen: Source[] = ['NATIONAL', 'IGATE', 'PAKN'];
    const nodes = runs.data?.syncRuns.edges.map((e) => e.node) ?? [];
    return {
      categories: sourcesSeen.map((s) => t(`source.${s}`)),
      series: STATUSES.filter((st) => nodes.some((n) => n.status === st)).map((st) => ({
        name: t(`status.${st}`),
        color: STATUS_COLOR[st],
        values: sourcesSeen.map((src) => nodes.filter((n) => n.source === src && n.status === st).length),
      })),
    };
  }, [runs.data, t]);

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="sr-only">
          {t('overview.figures')}
        </h2>
        <div className={pageAllowed('findings', principal) ? 'charts two' : 'charts one'}>
          {pageAllowed('findings', principal) && (
            <div>
              <OpenFindings />
            </div>
          )}
          <div>
            <QuarterFigures />
          </div>
        </div>
      </section>
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t('overview.sources')}</h2>
        <QueryState fetching={sources.fetching} error={sources.error} hasData={!!sources.data}>
          <ul className="cards three" data-testid="sources">
            {list.map((s) => (
              <SourceCardItem key={s.source} card={s} />
            ))}
          </ul>
          <div className={operations ? 'charts two' : 'charts one'}>
            <Chart
              title={t('overview.lagChart')}
              kind="bar"
              horizontal
              categories={lag.categories}
              series={[{ name: lag.unit, values: lag.values }]}
              format={(v) => number(v, lag.digits)}
              integer={lag.digits === 0}
              height={160}
              testId="lag-chart"
            />
            {operations && (
              <Chart
                title={t('overview.runsChart')}
                kind="bar"
                horizontal
                stacked
                categories={byStatus.categories}
                series={byStatus.series}
                format={(v) => number(v)}
                integer
                height={160}
                testId="runs-chart"
              />
            )}
          </div>
        </QueryState>
      </section>
    </>
  );
}

/** A card's state: off (not configured), stale or fresh; its badge also says when a run is under way. */
type Badge = 'overview.notConfigured' | 'overview.running' | 'overview.stale' | 'overview.fresh';

function stateOf(s: SourceCard): { state: 'off' | 'stale' | 'fresh'; badge: Badge } {
  if (!s.configured) return { state: 'off', badge: 'overview.notConfigured' };
  const state = s.stale ? 'stale' : 'fresh';
  if (s.running) return { state, badge: 'overview.running' };
  return { state, badge: s.stale ? 'overview.stale' : 'overview.fresh' };
}

/** One source's card: its state, last success, lag, last run (where read) and last error. */
function SourceCardItem({ card: s }: { card: SourceCard }) {
  const { t, dateTime, number } = useI18n();
  const { state, badge } = stateOf(s);
  return (
    <li className={`card source ${state}`} data-source={s.source}>
      <h3>{t(`source.${s.source}`)}</h3>
      <p className={`badge ${state}`}>{t(badge)}</p>
      <dl>
        <dt>{t('overview.lastSuccess')}</dt>
        <dd>{s.lastSuccessAt ? dateTime(s.lastSuccessAt) : t('common.never')}</dd>
        <dt>{t('overview.lag')}</dt>
        <dd>{duration(s.lagSeconds)}</dd>
        {s.lastRun !== undefined && (
          <>
            <dt>{t('overview.lastRun')}</dt>
            <dd>
              {s.lastRun
                ? `${t(`status.${s.lastRun.status}`)} · ${dateTime(s.lastRun.startedAt)} · ${number(s.lastRun.fetched)}`
                : '–'}
            </dd>
          </>
        )}
        {s.lastError && (
          <>
            <dt>{t('overview.lastError')}</dt>
            <dd className="error-text">
              {s.lastError.code}: {s.lastError.message}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
