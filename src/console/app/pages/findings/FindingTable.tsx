/** The findings of the filter, one row each, with both values side by side. */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/DataTable';
import type { FindingRowFragment } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { DiffValues } from './DiffValues';

export function FindingTable({
  rows,
  selectedId,
  onOpen,
}: {
  rows: FindingRowFragment[];
  selectedId: string | null;
  onOpen(row: FindingRowFragment): void;
}) {
  const { t, dateTime } = useI18n();
  const columns = useMemo<ColumnDef<FindingRowFragment, unknown>[]>(
    () => [
      {
        id: 'severity',
        header: t('findings.severity'),
        accessorFn: (r) => ['HIGH', 'MEDIUM', 'LOW', 'INFO'].indexOf(r.severity),
        cell: (c) => (
          <span className={`badge sev-${c.row.original.severity}`}>
            {t(`severity.${c.row.original.severity}`)}
          </span>
        ),
      },
      {
        id: 'kind',
        header: t('findings.kind'),
        accessorFn: (r) => t(`kind.${r.kind}`),
        meta: { className: 'wrap narrow' },
      },
      {
        id: 'subject',
        header: t('findings.subject'),
        accessorFn: (r) => r.subjectCode,
        cell: (c) => (
          <>
            {c.row.original.subjectCode}
            {(c.row.original.field || c.row.original.channel) && (
              <span className="key">
                {[c.row.original.field, c.row.original.channel].filter(Boolean).join(' · ')}
              </span>
            )}
          </>
        ),
      },
      {
        id: 'values',
        header: t('findings.values'),
        accessorFn: (r) => r.nationalValue ?? '',
        cell: (c) => (
          <DiffValues
            national={c.row.original.nationalValue}
            provincial={c.row.original.provincialValue}
            compact
          />
        ),
        enableSorting: false,
        meta: { className: 'wrap values' },
      },
      {
        id: 'status',
        header: t('findings.status'),
        accessorFn: (r) => r.status,
        cell: (c) => (
          <span className={`badge st-${c.row.original.status}`}>
            {t(`findingStatus.${c.row.original.status}`)}
          </span>
        ),
      },
      { id: 'agency', header: t('findings.agency'), accessorFn: (r) => r.agencyCode ?? '' },
      {
        id: 'lastSeen',
        header: t('findings.lastSeen'),
        accessorFn: (r) => r.lastSeenAt,
        cell: (c) => dateTime(c.row.original.lastSeenAt),
      },
    ],
    [t, dateTime],
  );
  return (
    <DataTable
      caption={t('nav.findings')}
      columns={columns}
      rows={rows}
      rowId={(r) => r.id}
      selectedId={selectedId}
      onOpen={onOpen}
      testId="findings"
    />
  );
}
