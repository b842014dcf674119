/**
 * PII_RETENTION_DAYS: once a dossier or feedback item has been closed longer than the
 * retention, its citizen's name, phone, e-mail and identity hash go from the row and its
 * raw payload (src/db/personal-data.ts), and so do the personal members of the
 * quarantined payloads of the same stream that name an erased item or were last seen
 * before the cutoff (a bad payload not seen again for the whole retention keeps only its
 * field and reason). Figures read other columns and dossier_fact, which nothing here
 * touches. Record history (record_version) versions national records and listings only:
 * no citizen is in it.
 *
 * Run by the `pii:erase` schedule (claimed per tick, so once across replicas), by
 * `hub pii erase`, and for the rows a sync writes, in the sync's own transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ERASED_RAW_KEYS } from '../../connectors/kit/pii';
import type { Orm } from '../db/orm';
import { countErasable, type ErasableTable, eraseRows, retentionCutoff } from '../db/personal-data';
import { query } from '../db/sql';
import type { StreamWriter } from '../db/writer';
import type { Job } from './scheduler';
import { writersWithPersonalData } from './writers';

/** Rows per statement (and transaction): short locks next to a running sync. */
const BATCH = 2_000;

export interface ErasureCounts {
  retentionDays: number;
  cutoff: string;
  dryRun: boolean;
  /** Rows erased (or, dry, that would be), by table. */
  tables: Record<string, number>;
  quarantined: number;
}

function erasableOf(w: StreamWriter & { personal: NonNullable<StreamWriter['personal']> }): ErasableTable {
  return { table: w.spec.table, key: w.spec.key, personal: w.personal };
}

/**
 * The quarantined payloads of one stream still holding personal data that is due to go:
 * last seen before the cutoff, or naming an item closed before it (erased or, dry, about to be).
 */
function quarantinedWhere(table: ErasableTable): string {
  return `q.source = ? and q.stream = ? and q.raw is not null
    and (q.last_seen_at < ?::timestamptz
      or exists (select 1 from "${table.table}" t
                  where t."${table.key}" = q.external_key and (${table.personal.closedAt}) < ?::timestamptz))
    and q.raw is distinct from hub_erase_personal(q.raw, ?::text[])`;
}

async function eraseQuarantined(
  em: EntityManager,
  w: StreamWriter,
  table: ErasableTable,
  cutoff: Date,
  dryRun: boolean,
): Promise<number> {
  const keys = [...ERASED_RAW_KEYS];
  const where = quarantinedWhere(table);
  const params = [w.source, w.stream, cutoff, cutoff, keys];
  if (dryRun) {
    const [row] = await query<{ n: string }>(
      em,
      `select count(*) as n from quarantined_record q where ${where}`,
      params,
    );
    return Number(row?.n ?? 0);
  }
  const rows = await query(
    em,
    `update quarantined_record q set raw = hub_erase_personal(q.raw, ?::text[]) where ${where} returning q.id`,
    [keys, ...params],
  );
  return rows.length;
}

export async function erasePersonalData(
  orm: Orm,
  options: { days: number; now?: Date; dryRun?: boolean },
): Promise<ErasureCounts> {
  const cutoff = retentionCutoff(options.days, options.now);
  const dryRun = Boolean(options.dryRun);
  const out: ErasureCounts = {
    retentionDays: options.days,
    cutoff: cutoff.toISOString(),
    dryRun,
    tables: {},
    quarantined: 0,
  };
  for (const w of writersWithPersonalData()) {
    const table = erasableOf(w);
    let n = 0;
    if (dryRun) n = await countErasable(orm.em.fork(), table, cutoff);
    else
      for (;;) {
        const erased = await orm.em
          .fork()
          .transactional((em) => eraseRows(em, table, cutoff, { limit: BATCH }));
        n += erased.length;
        if (erased.length < BATCH) break;
      }
    out.tables[table.table] = n;
    out.quarantined += await orm.em
      .fork()
      .transactional((em) => eraseQuarantined(em, w, table, cutoff, dryRun));
  }
  return out;
}

/**
 * Erase on write: the rows of a page the sync just wrote that are closed past the
 * retention lose their personal data again in the same transaction, so a record the
 * upstream changed (and still holds the data of) is never readable here, not even until
 * the next scheduled run.
 */
export async function eraseWritten(
  em: EntityManager,
  writer: StreamWriter,
  keys: string[],
  days: number | null | undefined,
): Promise<number> {
  if (!days || !writer.personal || keys.length === 0) return 0;
  const table = { table: writer.spec.table, key: writer.spec.key, personal: writer.personal };
  const erased = await eraseRows(em, table, retentionCutoff(days), { keys, limit: keys.length });
  return erased.length;
}

export function retentionJob(orm: Orm, days: number, expression: string): Job {
  return {
    name: 'pii:erase',
    expression,
    async run() {
      const r = await erasePersonalData(orm, { days });
      const tables = Object.entries(r.tables).map(([t, n]) => `${t} ${n}`);
      return `erased ${[...tables, `quarantined ${r.quarantined}`].join(', ')}`;
    },
  };
}
