/** The sync ledger, newest first, filtered by source and status from the address. */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { SYNC_RUN_STATUSES } from '../../../../domain/model';
import { DataTable } from '../../components/DataTable';
import { MoreButton } from '../../components/MoreButton';
import { Picker } from '../../components/Picker';
import { QueryState } from '../../components/QueryState';
import { duration, secondsBetween } from '../../format';
import { type SyncRunRowFragment, type SyncRunStatus, SyncRunsDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { setParams, useLocation } from '../../url';
import { SOURCES } from './sources';

/** The ledger's statuses, the domain's own list. */
const STATUSES: readonly SyncRunStatus[] = SYNC_RUN_STATUSES;

function oneOf<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return options.find((o) => o === value);
}

export function RunLedger() {
  const { t, dateTime, number } = useI18n();
  const { params } = useLocation();
  const source = oneOf(params.get('source'), SOURCES);
  const status = oneOf(params.get('status'), STATUSES);
  const [after, setAfter] = useState<string | null>(null);
  const [runs] = useQuery({
    query: SyncRunsDocument,
    variables: { first: 25, after, filter: { source, status } },
  });
  const page = runs.data?.syncRuns;

  const columns = useMemo<ColumnDef<SyncRunRowFragment, unknown>[]>(
    () => [
      {
        id: 'started',
        header: t('sync.col.started'),
        accessorFn: (r) => r.startedAt,
        cell: (c) => dateTime(c.row.original.startedAt),
      },
      { id: 'source', header: t('sync.col.source'), accessorFn: (r) => t(`source.${r.source}`) },
      { id: 'mode', header: t('sync.col.mode'), accessorFn: (r) => t(`mode.${r.mode}`) },
      { id: 'trigger', header: t('sync.col.trigger'), accessorFn: (r) => t(`trigger.${r.trigger}`) },
      {
        id: 'status',
        header: t('sync.col.status'),
        accessorFn: (r) => r.status,
        cell: (c) => (
          <span className={`badge run-${c.row.original.status}`}>{t(`status.${c.row.original.status}`)}</span>
        ),
      },
      {
        id: 'fetched',
        header: t('sync.col.fetched'),
        accessorFn: (r) => r.fetched,
        cell: (c) => number(c.row.original.fetched),
        meta: { className: 'num' },
      },
      {
        id: 'written',
        header: t('sync.col.written'),
        accessorFn: (r) => r.inserted + r.updated,
        cell: (c) => `${number(c.row.original.inserted)} / ${number(c.row.original.updated)}`,
        meta: { className: 'num' },
      },
      {
        id: 'deleted',
        header: t('sync.col.deleted'),
        accessorFn: (r) => r.deleted,
        cell: (c) => number(c.row.original.deleted),
        meta: { className: 'num' },
      },
      {
        id: 'quarantined',
        header: t('sync.col.quarantined'),
        accessorFn: (r) => r.quarantined,
        cell: (c) => number(c.row.original.quarantined),
        meta: { className: 'num' },
      },
      {
        id: 'duration',
        header: t('sync.col.duration'),
        accessorFn: (r) => secondsBetween(r.startedAt, r.finishedAt),
        cell: (c) => duration(secondsBetween(c.row.original.startedAt, c.row.original.finishedAt)),
        meta: { className: 'num' },
      },
      {
        id: 'error',
        header: t('sync.col.error'),
        accessorFn: (r) => r.errorCode ?? '',
        cell: (c) => c.row.original.errorCode ?? '',
        enableSorting: false,
      },
    ],
    [t, dateTime, number],
  );

  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('sync.ledger')}</h2>
      <div className="filters">
        <Picker
          label={t('sync.filterSource')}
          value={source ?? ''}
          options={SOURCES}
          name={(s) => t(`source.${s}`)}
          all={t('common.all')}
          onChange={(v) => {
            setAfter(null);
            setParams({ source: v });
          }}
        />
        <Picker
          label={t('sync.filterStatus')}
          value={status ?? ''}
          options={STATUSES}
          name={(s) => t(`status.${s}`)}
          all={t('common.all')}
          onChange={(v) => {
            setAfter(null);
            setParams({ status: v });
          }}
        />
        {page && (
          <span className="count">
            {t('common.showing', { shown: page.edges.length, total: number(page.totalCount) })}
          </span>
        )}
      </div>
      <QueryState fetching={runs.fetching} error={runs.error} hasData={!!page}>
        <DataTable
          caption={t('sync.ledger')}
          columns={columns}
          rows={page?.edges.map((e) => e.node) ?? []}
          rowId={(r) => r.id}
          testId="ledger"
        />
        {page && <MoreButton pageInfo={page.pageInfo} onMore={setAfter} />}
      </QueryState>
    </section>
  );
}
