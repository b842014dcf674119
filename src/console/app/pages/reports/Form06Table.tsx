/**
 * Form 06 in the official column layout: received (total; carried over; new online; new
 * direct or postal), resolved (total; early; on time; late), in progress (total; within
 * deadline; overdue), then withdrawn, refused at reception and the shares. Total row last.
 */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/DataTable';
import type { ReportRowViewFragment } from '../../graphql/generated';
import { useI18n } from '../../i18n';

type Row = ReportRowViewFragment;
type NumericKey = { [K in keyof Row]: Row[K] extends number ? K : never }[keyof Row];

export function Form06Table({ rows, total, groupLabel }: { rows: Row[]; total: Row; groupLabel: string }) {
  const { t, number, percent } = useI18n();
  const columns = useMemo<ColumnDef<Row, unknown>[]>(() => {
    const count = (id: string, header: string, value: (r: Row) => number): ColumnDef<Row, unknown> => ({
      id,
      header,
      accessorFn: value,
      cell: (c) => number(value(c.row.original)),
      footer: () => number(value(total)),
      meta: { className: 'num' },
    });
    const field = (key: NumericKey, header: string) => count(key, header, (r) => r[key]);
    const share = (key: 'onTimeShare' | 'onlineShare', header: string): ColumnDef<Row, unknown> => ({
      id: key,
      header,
      accessorFn: (r) => r[key] ?? -1,
      cell: (c) => percent(c.row.original[key]),
      footer: () => percent(total[key]),
      meta: { className: 'num' },
    });
    return [
      {
        id: 'label',
        header: groupLabel,
        accessorFn: (r) => r.label,
        cell: (c) => (
          <>
            {c.row.original.label}
            <span className="key">{c.row.original.key}</span>
          </>
        ),
        footer: () => <strong>{total.label}</strong>,
        meta: { className: 'wrap label' },
      },
      {
        id: 'received-group',
        header: t('report.col.received'),
        columns: [
          field('received', t('report.col.total')),
          field('carriedOver', t('report.col.carriedOver')),
          field('newOnline', t('report.col.newOnline')),
          count('newDirectPostal', t('report.col.newDirectPostal'), (r) => r.newDirect + r.newPostal),
        ],
      },
      {
        id: 'resolved-group',
        header: t('report.col.resolved'),
        columns: [
          field('resolved', t('report.col.total')),
          field('resolvedEarly', t('report.col.early')),
          field('resolvedOnTime', t('report.col.onTime')),
          field('resolvedLate', t('report.col.late')),
        ],
      },
      {
        id: 'progress-group',
        header: t('report.col.inProgress'),
        columns: [
          field('inProgress', t('report.col.total')),
          field('inProgressWithinDeadline', t('report.col.withinDeadline')),
          field('inProgressOverdue', t('report.col.overdue')),
        ],
      },
      {
        id: 'other-group',
        header: t('report.col.other'),
        columns: [
          field('withdrawn', t('report.col.withdrawn')),
          field('refusedAtReception', t('report.col.refused')),
          share('onTimeShare', t('report.col.onTimeShare')),
          share('onlineShare', t('report.col.onlineShare')),
        ],
      },
    ];
  }, [t, number, percent, total, groupLabel]);
  return (
    <DataTable
      caption={t('report.form06')}
      columns={columns}
      rows={rows}
      rowId={(r) => r.key}
      withFooter
      wrapHeadings
      testId="form06"
    />
  );
}
