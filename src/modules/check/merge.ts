/**
 * Folds what a run saw (the `check_seen` table) into the findings, as set operations:
 * seen again, reopened, opened, resolved (domain.md, lifecycle). Every status change gets
 * a history row with the actor `system` and the run.
 */
import type { FindingKind } from '../../domain/finding';
import type { Statements } from './statements';

export interface MergeCounts {
  opened: number;
  seenAgain: number;
  resolved: number;
  reopened: number;
  /** HIGH findings this run opened or reopened (for the webhook summary). */
  highIds: string[];
}

const VALUES = `national_code = s.national_code, agency_code = s.agency_code, sector_code = s.sector_code,
  national_value = s.national_value, provincial_value = s.provincial_value, national_raw = s.national_raw,
  provincial_raw = s.provincial_raw, rule = s.rule, severity = s.severity, updated_at = now()`;

type Counted = { n: number; high: string[] }[];

export async function mergeSeen(
  sql: Statements,
  run: { id: string; at: Date; kinds: readonly FindingKind[] },
): Promise<MergeCounts> {
  // Still there: ACKNOWLEDGED and WONT_FIX stay so while seen; values and severity follow the data.
  const [again] = await sql.query<{ n: number }>(
    `with u as (
       update finding f set last_seen_at = ?, last_run_id = ?, ${VALUES}
         from check_seen s where f.identity = s.identity and f.status <> 'RESOLVED'
       returning f.id)
     select count(*)::int as n from u`,
    [run.at, run.id],
  );
  const [reopened] = await sql.query<Counted[number]>(
    `with u as (
       update finding f set status = 'REOPENED', last_seen_at = ?, last_run_id = ?, ${VALUES}
         from check_seen s where f.identity = s.identity and f.status = 'RESOLVED'
       returning f.id, f.severity),
     e as (
       insert into finding_event (finding_id, at, actor, from_status, to_status, note, run_id)
       select id, ?, 'system', 'RESOLVED', 'REOPENED', 'seen again by a check run', ? from u)
     select count(*)::int as n, coalesce(array_agg(id::text) filter (where severity = 'HIGH'), '{}') as high from u`,
    [run.at, run.id, run.at, run.id],
  );
  const [opened] = await sql.query<Counted[number]>(
    `with i as (
       insert into finding (identity, kind, subject_code, national_code, field, channel, agency_code, sector_code,
         national_value, provincial_value, national_raw, provincial_raw, rule, severity, status,
         first_seen_at, last_seen_at, last_run_id)
       select s.identity, s.kind, s.subject_code, s.national_code, s.field, s.channel, s.agency_code, s.sector_code,
         s.national_value, s.provincial_value, s.national_raw, s.provincial_raw, s.rule, s.severity, 'OPEN', ?, ?, ?
         from check_seen s
        where not exists (select 1 from finding f where f.identity = s.identity)
       returning id, severity),
     e as (
       insert into finding_event (finding_id, at, actor, from_status, to_status, note, run_id)
       select id, ?, 'system', null, 'OPEN', null, ? from i)
     select count(*)::int as n, coalesce(array_agg(id::text) filter (where severity = 'HIGH'), '{}') as high from i`,
    [run.at, run.at, run.id, run.at, run.id],
  );
  // Only the kinds that ran can resolve: a skipped kind's findings neither open nor resolve.
  const [resolved] = await sql.query<{ n: number }>(
    `with gone as (
       select f.id, f.status from finding f
        where f.kind in (select jsonb_array_elements_text(?::jsonb)) and f.status <> 'RESOLVED'
          and not exists (select 1 from check_seen s where s.identity = f.identity)
        for update),
     u as (
       update finding f set status = 'RESOLVED', updated_at = now() from gone where f.id = gone.id
       returning f.id, gone.status as from_status),
     e as (
       insert into finding_event (finding_id, at, actor, from_status, to_status, note, run_id)
       select id, ?, 'system', from_status, 'RESOLVED', 'no longer seen by a complete check', ? from u)
     select count(*)::int as n from u`,
    [JSON.stringify(run.kinds), run.at, run.id],
  );
  return {
    opened: opened?.n ?? 0,
    seenAgain: again?.n ?? 0,
    resolved: resolved?.n ?? 0,
    reopened: reopened?.n ?? 0,
    highIds: [...(opened?.high ?? []), ...(reopened?.high ?? [])],
  };
}
