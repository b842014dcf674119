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
 * portal knows the code (or the column is null).
 */
export const procedurePrefetch =
  (column: string): PrefetchProvider =>
  ({ col }) => ({
    sql: `select json_build_object('code', k.code, 'name', coalesce(p.name, l.name))
          from (select ${col(column)} as code) k
          left join national_procedure p on p.code = k.code and p.deleted_at is null
          left join lateral (select min(l.name) as name from provincial_listing l
                             where l.national_code = k.code and l.active and l.deleted_at is null) l on true
          where p.code is not null or l.name is not null`,
    params: [],
    read: (v) => (v == null ? null : asNode(Procedure, v as Procedure)),
  });

// `Procedure.national`: only the selected fields' columns, tombstoned records included (as nationalByCodes).
registerPrefetch('Procedure', 'national', ({ col, selected }) => {
  const plan = planForFields(selected, NATIONAL_READERS, ['code'], (f) => f as NationalProcedure);
  return {
    sql: `select row_to_json(x) from (select ${plan.columns.map((c) => `p.${c}`).join(', ')}
          from national_procedure p where p.code = ${col('code')}) x`,
    params: [],
    read: (v) => (v == null ? null : { ...plan.build(v as Row), code: String((v as Row).code) }),
  };
});
