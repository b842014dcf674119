/** Quarantined upstream records: why each was refused, and its payload (redacted upstream of here). */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable';
import { MoreButton } from '../../components/MoreButton';
import { QueryState } from '../../components/QueryState';
import { prettyJson } from '../../format';
import { QuarantinedRecordsDocument, type QuarantinedRecordsQuery } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { setParams, useLocation } from '../../url';

type Row = QuarantinedRecordsQuery['quarantinedRecords']['edges'][number]['node'];

export function Quarantine() {
  const { t, dateTime, number } = useI18n();
  const { params } = useLocation();
  const openOnly = params.get('quarantine') !== 'all';
  const selectedId = params.get('record');
  const [after, setAfter] = useState<string | null>(null);
  const [records] = useQuery({
    query: QuarantinedRecordsDocument,
    variables: { first: 25, after, filter: openOnly ? { resolved: false } : {} },
  });
  const page = records.data?.quarantinedRecords;
  const rows = page?.edges.map((e) => e.node) ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;

  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      { id: 'source', header: t('sync.col.source'), accessorFn: (r) => t(`source.${r.source}`) },
      { id: 'stream', header: t('sync.q.stream'), accessorFn: (r) => r.stream },
      { id: 'key', header: t('sync.q.key'), accessorFn: (r) => r.externalKey ?? '' },
      { id: 'field', header: t('sync.q.field'), accessorFn: (r) => r.field ?? '' },
      { id: 'reason', header: t('sync.q.reason'), accessorFn: (r) => r.reason, meta: { className: 'wrap' } },
      { id: 'seen', header: t('sync.q.seen'), accessorFn: (r) => r.timesSeen, meta: { className: 'num' } },
      {
        id: 'lastSeen',
        header: t('sync.q.lastSeen'),
        accessorFn: (r) => r.lastSeenAt,
        cell: (c) => dateTime(c.row.original.lastSeenAt),
      },
      {
        id: 'resolved',
        header: t('sync.q.resolved'),
        accessorFn: (r) => (r.resolvedAt ? 1 : 0),
        cell: (c) => (c.row.original.resolvedAt ? dateTime(c.row.original.resolvedAt) : t('common.no')),
      },
    ],
    [t, dateTime],
  );

  return (
    <section aria-labelledby="quarantine-title">
      <h2 id="quarantine-title">{t('sync.quarantine')}</h2>
      <div className="filters">
        <label className="check">
          <input
            type="checkbox"
            checked={openOnly}
            onChange={(e) => {
              setAfter(null);
              setParams({ quarantine: e.target.checked ? null : 'all', record: null });
            }}
          />
          {t('sync.quarantineOpen')}
        </label>
        {page && (
          <span className="count">
            {t('common.showing', { shown: rows.length, total: number(page.totalCount) })}
          </span>
        )}
      </div>
      <QueryState fetching={records.fetching} error={records.error} hasData={!!page}>
        <div className={selected ? 'split' : undefined}>
          <DataTable
            caption={t('sync.quarantine')}
            columns={columns}
            rows={rows}
            rowId={(r) => r.id}
            selectedId={selectedId}
            onOpen={(r) => setParams({ record: r.id === selectedId ? null : r.id })}
            testId="quarantine"
          />
          {selected && (
            <aside className="detail" aria-labelledby="payload-title" data-testid="payload">
              <div className="detail-head">
                <h3 id="payload-title">
                  {t('sync.q.payload')} · {selected.externalKey ?? selected.id}
                </h3>
                <button type="button" onClick={() => setParams({ record: null })}>
                  {t('common.close')}
                </button>
              </div>
              <p>
                <strong>{t('sync.q.reason')}:</strong> {selected.reason}
              </p>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard */}
              <pre tabIndex={0}>{prettyJson(selected.raw)}</pre>
            </aside>
          )}
        </div>
        {page && <MoreButton pageInfo={page.pageInfo} onMore={setAfter} />}
      </QueryState>
    </section>
  );
}
