/** The service index for the period: each figure with its numerator, denominator, points and formula. */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { ServiceIndexDocument, type ServiceIndexQuery } from '../../graphql/generated';
import { useI18n } from '../../i18n';

type Figure = ServiceIndexQuery['serviceIndex']['figures'][number];

export function ServiceIndexTable({ period }: { period: string }) {
  const { t, number, percent } = useI18n();
  const [index] = useQuery({ query: ServiceIndexDocument, variables: { period } });
  const si = index.data?.serviceIndex;
  const columns = useMemo<ColumnDef<Figure, unknown>[]>(
    () => [
      {
        id: 'label',
        header: t('index.figure'),
        accessorFn: (f) => f.label,
        footer: () => <strong>{t('index.total')}</strong>,
        meta: { className: 'wrap label' },
      },
      {
        id: 'numerator',
        header: t('index.numerator'),
        accessorFn: (f) => f.numerator,
        cell: (c) => number(c.row.original.numerator),
        meta: { className: 'num' },
      },
      {
        id: 'denominator',
        header: t('index.denominator'),
        accessorFn: (f) => f.denominator,
        cell: (c) => number(c.row.original.denominator),
        meta: { className: 'num' },
      },
      {
        id: 'ratio',
        header: t('index.ratio'),
        accessorFn: (f) => f.ratio ?? -1,
        cell: (c) => percent(c.row.original.ratio),
        meta: { className: 'num' },
      },
      {
        id: 'points',
        header: t('index.points'),
        accessorFn: (f) => f.points ?? -1,
        cell: (c) =>
          c.row.original.points === null
            ? t('index.noPoints')
            : `${number(c.row.original.points, 2)} / ${number(c.row.original.maximum, 2)}`,
        footer: () => (si ? `${number(si.points, 2)} / ${number(si.maximum, 2)}` : ''),
        meta: { className: 'num' },
      },
      {
        id: 'formula',
        header: t('index.formula'),
        accessorFn: (f) => f.formula,
        enableSorting: false,
        meta: { className: 'wrap formula' },
      },
    ],
    [t, number, percent, si],
  );
  return (
    <section aria-labelledby="index-title">
      <h2 id="index-title">{t('index.title')}</h2>
      <QueryState fetching={index.fetching} error={index.error} hasData={!!si}>
        {si && (
          <DataTable
            caption={t('index.title')}
            columns={columns}
            rows={si.figures}
            rowId={(f) => f.key}
            withFooter
            testId="service-index"
          />
        )}
      </QueryState>
    </section>
  );
}
