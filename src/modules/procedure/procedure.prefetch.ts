/**
 * Procedure relations answered inside a parent list's statement (src/graph/prefetch.ts):
 * a procedure's national record, and the Procedure a row's national code names.
 */
import { planForFields } from '../../graph/columns';
import { asNode } from '../../graph/node';
import { type PrefetchProvider, registerPrefetch } from '../../graph/prefetch';
import { NATIONAL_READERS } from './national.read';
import { type NationalProcedure, Procedure } from './procedure.types';

type Row = Record<string, unknown>;

/**
 * The Procedure of the national code in a parent's `column`, as proceduresByCodes answers
 * it: the national name (not tombstoned), else the first active listing's; null when no
 * portal knows the code (or the column is null). The listings are read only when the
 * national database has no live record (coalesce evaluates lazily), and the answer is a
 * JSON pair [code, name], cheaper to build than an object. (An expression, not a
 * subquery: one subplan less per row.)
 */
export const procedurePrefetch =
  (column: string): PrefetchProvider =>
  ({ col }) => ({
    sql: `coalesce(
            (select json_build_array(p.code, p.name) from national_procedure p
             where p.code = ${col(column)} and p.deleted_at is null),
            (select json_build_array(${col(column)}, min(l.name)) from provincial_listing l
             where l.national_code = ${col(column)} and l.active and l.deleted_at is null having count(*) > 0))`,
    params: [],
    read: (v) => {
      if (v == null) return null;
      const [code, name] = v as [string, string];
      return asNode(Procedure, { code, name });
    },
  });

// `Procedure.national`: only the selected fields' columns, tombstoned records included (as
// nationalByCodes), as one JSON array in plan order (cheaper to build than an object). The
// catalogue's row carries its live national record's columns (`national.<column>`, see
// listProcedures): only a listing-only row looks its record (maybe tombstoned) up.
registerPrefetch('Procedure', 'national', ({ col, selected }) => {
  const plan = planForFields(selected, NATIONAL_READERS, ['code'], (f) => f as NationalProcedure);
  return {
    sql: `case when ${col('national.code')} is not null
            then json_build_array(${plan.columns.map((c) => col(`national.${c}`)).join(', ')})
            else (select json_build_array(${plan.columns.map((c) => `p.${c}`).join(', ')})
                  from national_procedure p where p.code = ${col('code')}) end`,
    params: [],
    read: (v) => {
      if (v == null) return null;
      const row: Row = {};
      plan.columns.forEach((c, i) => {
        row[c] = (v as unknown[])[i];
      });
      return { ...plan.build(row), code: String(row.code) };
    },
  };
});
