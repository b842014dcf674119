/**
 * A table with TanStack Table: sortable by its headers (buttons, so the keyboard reaches
 * them), rows that open a detail with Enter or a click when `onOpen` is given.
 */
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useState } from 'react';
import { useI18n } from '../i18n';

export interface DataTableProps<T> {
  caption: string;
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  rowId(row: T): string;
  onOpen?(row: T): void;
  selectedId?: string | null;
  testId?: string;
  /** Headings may wrap (many narrow number columns). */
  wrapHeadings?: boolean;
  /** Render the columns' `footer` (a total row). */
  withFooter?: boolean;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useI18n();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: props.rows,
    columns: props.columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: props.rowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const { onOpen } = props;
  return (
    <div className="table-wrap">
      <table className={props.wrapHeadings ? 'data wrap-head' : 'data'} data-testid={props.testId}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                    className={header.colSpan > 1 ? 'group' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() && !header.isPlaceholder ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={header.column.getToggleSortingHandler()}
                        title={sorted ? t(sorted === 'asc' ? 'table.sortAsc' : 'table.sortDesc') : undefined}
                      >
                        {label}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-row-id={row.id}
              className={[onOpen ? 'openable' : '', row.id === props.selectedId ? 'selected' : ''].join(' ')}
              tabIndex={onOpen ? 0 : undefined}
              aria-selected={onOpen ? row.id === props.selectedId : undefined}
              onClick={onOpen ? () => onOpen(row.original) : undefined}
              onKeyDown={
                onOpen
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onOpen(row.original);
                      }
                    }
                  : undefined
              }
            >
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  className={(cell.column.columnDef.meta as { className?: string })?.className}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {props.withFooter && (
          <tfoot>
            {table
              .getFooterGroups()
              .slice(0, 1)
              .map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <td
                      key={header.id}
                      className={(header.column.columnDef.meta as { className?: string })?.className}
                    >
                      {flexRender(header.column.columnDef.footer, header.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
          </tfoot>
        )}
      </table>
      {props.rows.length === 0 && <p className="empty">{t('common.none')}</p>}
    </div>
  );
}
