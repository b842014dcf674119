/**
 * Consistency checks (issue 10): a check run over a seeded province — 2,000 procedures
 * and listings, 1M dossiers, 100k feedback — and over 10× the procedures, with the time
 * and the SQL statements per run. The first run also normalizes every name (check_text)
 * and opens every finding; the second is the steady state (unchanged data). Seeded in
 * SQL (generate_series), so the figures are the checks' own.
 */
import type { Orm } from '../../src/db/orm';
import { runChecks } from '../../src/modules/check';
import { type BenchPostgres, fmt, measure } from './support';

interface Size {
  procedures: number;
  dossiers: number;
  feedback: number;
}

async function seed(orm: Orm, size: Size): Promise<void> {
  const em = orm.em.fork();
  const P = size.procedures;
  const times = (v: string) =>
    `jsonb_build_array(jsonb_build_object('value', ${v}, 'unit', 'WORKING_DAY', 'description', null))`;
  const fee = (amount: string) =>
    `jsonb_build_array(jsonb_build_object('code', null, 'amount', ${amount}, 'description', 'Lệ phí'))`;
  const base = `raw, content_hash, deleted_at, created_at, updated_at`;
  // Seeding is not what is measured: the tables' own triggers (record history, the
  // report's dossier facts) are off while the rows go in, and back on for the checks.
  const triggers = (on: boolean) =>
    Promise.all(
      ['national_procedure', 'provincial_listing', 'dossier'].map((t) =>
        em.execute(`alter table ${t} ${on ? 'enable' : 'disable'} trigger user`),
      ),
    );
  await triggers(false);
  await em.execute(`insert into igate_agency (code, ${base}, external_id, name, level, parent_code, parent_external_id)
    select '000.00.' || a || '.H21', null, md5(a::text), null, now(), now(), null, 'Cơ quan ' || a, 'PROVINCE', null, null
      from generate_series(1, 40) a`);
  await em.execute(`insert into national_procedure (code, ${base}, external_id, name, search_text, procedure_type, in_force,
      abolished_at, source_updated_at, publishing_agency_code, decision, decision_date, sector_codes, sectors, levels,
      agency_codes, agencies, subjects, channels, documents, results, legal_bases, requirements, description, issues)
    select '1.' || lpad(i::text, 6, '0'), null, md5(i::text), null, now(), now(), null, 'Thủ tục hành chính số ' || i, '', 1,
      i % 50 <> 0, case when i % 50 = 0 then timestamptz '2024-01-01 00:00+07' end, now(), null, null,
      timestamptz '2023-01-02 00:00+07' + (i % 300) * interval '1 day', '{}', '[]', array['PROVINCE'],
      array['000.00.' || (i % 40 + 1) || '.H21'], '[]', '[]',
      jsonb_build_array(jsonb_build_object('channel', 'DIRECT', 'times', ${times('15')}, 'fees', ${fee('50000')}),
                        jsonb_build_object('channel', 'ONLINE', 'times', ${times('10')}, 'fees', '[]'::jsonb)),
      '[]', '[]', jsonb_build_array(jsonb_build_object('number', '50/2014/QH13', 'title', null, 'issuedDate', null, 'issuer', null)),
      null, null, '[]'
    from generate_series(1, ${P}) i`);
  // Listings agree with their national record except where i hits a planted difference.
  await em.execute(`insert into provincial_listing (code, ${base}, external_id, national_code, national_code_inferred, name,
      search_text, sector_code, sector, levels, agency_codes, agencies, channels, online_level, legal_bases, decision_number,
      decision_date, active, source_updated_at, issues)
    select '1.' || lpad(i::text, 6, '0') || '.000.00.00.H21', null, md5('l' || i), null, now(), now(), 'l' || i,
      '1.' || lpad(i::text, 6, '0'), false,
      case when i % 97 = 0 then 'Thủ tuc hanh chinh so ' || i else 'Thủ tục hành chính số ' || i end, '', null, null,
      case when i % 61 = 0 then array['PROVINCE', 'DISTRICT'] else array['PROVINCE'] end,
      array['000.00.' || (i % 40 + 1) || '.H21'], '[]',
      jsonb_build_array(jsonb_build_object('channel', 'DIRECT', 'times', ${times('case when i % 89 = 0 then 20 else 15 end')},
                          'fees', ${fee('case when i % 83 = 0 then 100000 else 50000 end')}),
                        jsonb_build_object('channel', 'ONLINE', 'times', ${times('10')}, 'fees', '[]'::jsonb)),
      'FULL', jsonb_build_array(jsonb_build_object('number', '50/2014/QH13', 'title', null, 'issuedDate', null, 'issuer', null)),
      'QĐ', timestamptz '2023-01-02 00:00+07' + (i % 300) * interval '1 day' + case when i % 71 = 0 then interval '30 days' else interval '2 days' end,
      i % 50 <> 0 or i % 100 = 0, now(), '[]'
    from generate_series(1, ${P}) i where i % 113 <> 0`);
  await em.execute(`insert into dossier (code, ${base}, external_id, listing_code, listing_external_id, national_code,
      agency_code, status, source_status_id, channel, applied_at, accepted_at, appointment_at, completed_at, returned_at,
      withdrawn_at, supplements, supplement_count, rating_value, rated_at, applicant_type, applicant_name, applicant_phone,
      applicant_email, identity_hash, identity_last4, source_updated_at)
    select 'H21-' || d, null, md5(d::text), null, now(), now(), 'd' || d,
      case when d % 1000 = 0 then '7.' || d || '.000.00.00.H21' else '1.' || lpad((d % ${P} + 1)::text, 6, '0') || '.000.00.00.H21' end,
      null, '1.' || lpad((d % ${P} + 1)::text, 6, '0'), '000.00.' || (d % 40 + 1) || '.H21', 'PROCESSED', 10, 'DIRECT',
      null, timestamptz '2023-06-01 08:00+07' + (d % 500000) * interval '1 minute', null, null, null, null, '[]', 0,
      null, null, null, null, null, null, null, null, now()
    from generate_series(1, ${size.dossiers}) d`);
  await em.execute(`insert into feedback (code, ${base}, external_id, title, content, classification, channel, status,
      status_group, history, sent_at, answered_at, source_updated_at, answer, published, likes, dislikes, agency_code,
      agency_name, procedure_code, dossier_code, sender_name, sender_phone, sender_email)
    select 'PAKN-' || f, null, md5(f::text), null, now(), now(), 'f' || f, 'Phản ánh', 'Nội dung', 'KHAC', 'CONG_TINH',
      'MOI_TIEP_NHAN', 'WAITING', '[]', now(), null, now(), null, false, 0, 0,
      case when f % 7000 = 0 then '000.00.99.H21' else '000.00.' || (f % 40 + 1) || '.H21' end, null,
      case when f % 5000 = 0 then '9.' || f else '1.' || lpad((f % ${P} + 1)::text, 6, '0') end,
      case when f % 3 = 0 then 'H21-' || (case when f % 6000 = 0 then -f else f * 7 % ${size.dossiers} + 1 end) end,
      null, null, null
    from generate_series(1, ${size.feedback}) f`);
  await em.execute(`insert into sync_run (source, mode, trigger, status, started_at, finished_at, heartbeat_at, worker)
    select s, 'FULL', 'CLI', 'SUCCEEDED', now(), now(), now(), 'bench' from unnest(array['NATIONAL', 'IGATE', 'PAKN']) s`);
  await triggers(true);
  await em.execute('analyze');
}

export async function checkBench(pg: BenchPostgres, sizes: Size[]): Promise<void> {
  console.log(
    '\n## Consistency checks (one run = one transaction; 2 shared cores, other helpers busy: noisy)',
  );
  console.log('| procedures | dossiers | feedback | run | time | statements | opened | seen again |');
  console.log('|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const size of sizes) {
    const db = await pg.database();
    try {
      await seed(db.orm, size);
      for (const label of ['first (normalizes, opens)', 'again (unchanged)']) {
        const { result, ms } = await measure(() => runChecks(db.orm, { trigger: 'CLI' }));
        if (result.status !== 'SUCCEEDED') throw new Error(`check run failed: ${result.errorMessage}`);
        console.log(
          `| ${fmt(size.procedures)} | ${fmt(size.dossiers)} | ${fmt(size.feedback)} | ${label} | ${fmt(ms / 1000, 2)} s | ${result.statements} | ${fmt(result.opened)} | ${fmt(result.seenAgain)} |`,
        );
      }
    } finally {
      await db.drop();
    }
  }
}
