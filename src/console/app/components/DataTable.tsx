/**
 * A table with TanStack Table: sortable by its headers (buttons, so the keyboard reaches
 * them), rows that open a detail with Enter or a click when `onOpen` is given.
 */
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type Header,
  type Row,
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
  return (
    <div className="table-wrap">
      <table className={props.wrapHeadings ? 'data wrap-head' : 'data'} data-testid={props.testId}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <BodyRow key={row.id} row={row} onOpen={props.onOpen} selected={row.id === props.selectedId} />
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
                    <td key={header.id} className={classNameOf(header.column.columnDef)}>
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

/** The class a column asks for in its `meta` (number columns align right). */
function classNameOf<T>(def: ColumnDef<T, unknown>): string | undefined {
  return (def.meta as { className?: string })?.className;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const SORT_MARK = { asc: ' ▲', desc: ' ▼' } as const;

/** A column heading: a button that sorts when the column can be sorted, its order in aria-sort. */
function HeaderCell<T>({ header }: { header: Header<T, unknown> }) {
  const { t } = useI18n();
  const sorted = header.column.getIsSorted();
  const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
  const group = header.colSpan > 1;
  return (
    <th
      scope="col"
      colSpan={group ? header.colSpan : undefined}
      className={group ? 'group' : undefined}
      aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
    >
      {header.column.getCanSort() && !header.isPlaceholder ? (
        <button
          type="button"
          className="sort"
          onClick={header.column.getToggleSortingHandler()}
          title={sorted ? t(sorted === 'asc' ? 'table.sortAsc' : 'table.sortDesc') : undefined}
        >
          {label}
          <span aria-hidden="true">{sorted ? SORT_MARK[sorted] : ''}</span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}

/** A row of the body; with `onOpen`, focusable and opened by a click, Enter or Space. */
function BodyRow<T>({
  row,
  onOpen,
  selected,
}: {
  row: Row<T>;
  onOpen?: (row: T) => void;
  selected: boolean;
}) {
  const open = onOpen ? () => onOpen(row.original) : undefined;
  return (
    <tr
      data-row-id={row.id}
      className={[onOpen ? 'openable' : '', selected ? 'selected' : ''].join(' ')}
      tabIndex={open ? 0 : undefined}
      aria-selected={open ? selected : undefined}
      onClick={open}
      onKeyDown={
        open
          ? (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                open();
              }
            }
          : undefined
      }
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={classNameOf(cell.column.columnDef)}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}
