/** One section's tasks in the plan's own columns. */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/DataTable';
import { localDay } from '../../format';
import type { PlanBodyViewFragment, PlanQuery } from '../../graphql/generated';
import { useI18n } from '../../i18n';
import { Indicators, StatusBadge, type TaskProgress } from './Indicators';

export type PlanTaskRow = NonNullable<PlanQuery['plan']>['tasks'][number];

function Bodies({ bodies }: { bodies: PlanBodyViewFragment[] }) {
  return (
    <ul className="bodies">
      {bodies.map((b) => (
        <li
          key={b.text}
          className={b.agency || b.level ? 'matched' : 'unmatched'}
          title={b.agency?.code ?? b.level ?? undefined}
        >
          {b.text}
        </li>
      ))}
    </ul>
  );
}

export function TaskTable({
  tasks,
  caption,
  progress,
}: {
  tasks: PlanTaskRow[];
  caption: string;
  progress: Map<number, TaskProgress>;
}) {
  const { t } = useI18n();
  const columns = useMemo<ColumnDef<PlanTaskRow, unknown>[]>(
    () => [
      { id: 'number', header: t('plan.col.number'), accessorFn: (r) => r.number, meta: { className: 'num' } },
      {
        id: 'content',
        header: t('plan.col.content'),
        accessorFn: (r) => r.content,
        meta: { className: 'wrap wide' },
      },
      {
        id: 'leads',
        header: t('plan.col.leads'),
        accessorFn: (r) => r.leads.map((b) => b.text).join('; '),
        cell: (c) => <Bodies bodies={c.row.original.leads} />,
        meta: { className: 'wrap' },
      },
      {
        id: 'partners',
        header: t('plan.col.partners'),
        accessorFn: (r) => r.partners.map((b) => b.text).join('; '),
        cell: (c) => <Bodies bodies={c.row.original.partners} />,
        meta: { className: 'wrap' },
        enableSorting: false,
      },
      {
        id: 'result',
        header: t('plan.col.result'),
        accessorFn: (r) => r.expectedResult,
        meta: { className: 'wrap' },
        enableSorting: false,
      },
      {
        id: 'deadline',
        header: t('plan.col.deadline'),
        accessorFn: (r) => r.deadline.to ?? r.deadline.from ?? '9999',
        cell: (c) => {
          const d = c.row.original.deadline;
          const range = [localDay(d.from), localDay(d.to)].filter(Boolean).join(' – ');
          // The parsed reading, when it adds dates or a count to the text.
          const parsed = [range, d.workingDays ? t('plan.workingDays', { n: d.workingDays }) : ''].filter(
            Boolean,
          );
          return (
            <>
              <span>{c.row.original.deadlineText}</span>
              {parsed.length > 0 && (
                <span className="deadline-kind">
                  {t(`plan.deadline.${d.kind}`)} · {parsed.join(' · ')}
                </span>
              )}
            </>
          );
        },
        meta: { className: 'wrap' },
      },
      {
        id: 'indicators',
        header: t('plan.col.indicators'),
        accessorFn: (r) => progress.get(r.number)?.indicators.length ?? 0,
        cell: (c) => <Indicators progress={progress.get(c.row.original.number)} />,
        enableSorting: false,
        meta: { className: 'wrap wide' },
      },
      {
        id: 'status',
        header: t('plan.col.status'),
        accessorFn: (r) => progress.get(r.number)?.status ?? '',
        cell: (c) => {
          const p = progress.get(c.row.original.number);
          return p ? <StatusBadge status={p.status} /> : '–';
        },
      },
    ],
    [t, progress],
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={tasks}
      rowId={(r) => String(r.number)}
      testId="plan-tasks"
    />
  );
}
