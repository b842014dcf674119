/**
 * Finding identity and lifecycle over real syncs of the simulators: a re-run opens
 * nothing; a fixed discrepancy resolves exactly its finding, and breaking it again reopens
 * the same id; acknowledged stays acknowledged; a failed iGate sync skips iGate's kinds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_SOURCES } from '../../../src/domain/finding';
import { setFindingStatus } from '../../../src/modules/check/finding-status';
import { type CheckedProvince, checkedProvince } from './province';

type Row = { id: string; identity: string; status: string };

describe('finding lifecycle', () => {
  let p: CheckedProvince;
  const findings = () =>
    p.db.orm.em.fork().execute<Row[]>(`select id::text, identity, status from finding order by id`);
  const history = (id: string) =>
    p.db.orm.em
      .fork()
      .execute<{ actor: string; from_status: string | null; to_status: string; note: string | null }[]>(
        `select actor, from_status, to_status, note from finding_event where finding_id = ? order by id`,
        [id],
      );

  beforeAll(async () => {
    p = await checkedProvince();
    const first = await p.check();
    expect(first.errorMessage).toBeNull();
    expect(first.opened).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => p?.close());

  it('opens nothing when run again on unchanged data', async () => {
    const before = await findings();
    const again = await p.check();
    expect(again).toMatchObject({ status: 'SUCCEEDED', opened: 0, reopened: 0, resolved: 0 });
    expect(again.seenAgain).toBe(before.length);
    expect(await findings()).toEqual(before);
  });

  it('keeps an acknowledged finding acknowledged across runs, with the note in its history', async () => {
    const [target] = await findings();
    await setFindingStatus(p.db.orm.em.fork(), {
      id: target!.id,
      to: 'ACKNOWLEDGED',
      note: 'Sở đã biết, sửa trong quý sau',
      actor: 'auditor-1',
    });
    await p.check();
    const after = (await findings()).find((f) => f.id === target!.id);
    expect(after?.status).toBe('ACKNOWLEDGED');
    expect((await history(target!.id)).map((h) => [h.actor, h.from_status, h.to_status, h.note])).toEqual([
      ['system', null, 'OPEN', null],
      ['auditor-1', 'OPEN', 'ACKNOWLEDGED', 'Sở đã biết, sửa trong quý sau'],
    ]);
  });

  it('resolves exactly the fixed finding, and reopens the same id when it breaks again', async () => {
    const planted = p.igate
      .manifest()
      .findings.find((f) => f.kind === 'NAME_MISMATCH' && f.severity === 'MEDIUM');
    expect(planted).toBeDefined();
    const identity = `NAME_MISMATCH|${planted!.subjectCode}|name|`;
    const before = await findings();
    const target = before.find((f) => f.identity === identity);
    expect(target?.status).toBe('OPEN');
    // The listing says "<name> theo quy định mới": the ministry adopts that wording.
    const listingName = String(p.igate.rawListing(planted!.subjectCode).name);
    const originalName = p.national.world.procedureAt(
      p.national.world.procedureIndexOf(planted!.nationalCode!)!,
    ).name;
    p.national.touch(planted!.nationalCode!, { name: listingName });
    const fixRun = await p.sync('NATIONAL');
    const fixed = await p.check({ trigger: 'AFTER_SYNC' });
    expect(fixed).toMatchObject({ resolved: 1, opened: 0, reopened: 0 });
    const afterFix = await findings();
    expect(afterFix.filter((f) => f.status === 'RESOLVED').map((f) => f.identity)).toEqual([identity]);
    expect(afterFix.filter((f) => f.identity !== identity)).toEqual(
      before.filter((f) => f.identity !== identity),
    );

    p.national.touch(planted!.nationalCode!, { name: originalName });
    await p.sync('NATIONAL');
    const broken = await p.check({ trigger: 'AFTER_SYNC' });
    expect(broken).toMatchObject({ reopened: 1, opened: 0, resolved: 0 });
    const reopened = (await findings()).find((f) => f.identity === identity);
    expect(reopened).toEqual({ id: target!.id, identity, status: 'REOPENED' });
    expect((await history(target!.id)).map((h) => h.to_status)).toEqual(['OPEN', 'RESOLVED', 'REOPENED']);

    // The national record kept its versions: when the name changed, and which sync brought it.
    const versions = await p.hub.gql<{
      procedure: {
        national: { history: { syncRunId: string | null; changedFields: string[] | null; data: string }[] };
      };
    }>(
      `query($code: String!) { procedure(code: $code) { national { history { syncRunId changedFields data } } } }`,
      {
        code: planted!.nationalCode,
      },
    );
    expect(versions.errors).toBeUndefined();
    const [latest, fix, first] = versions.data!.procedure.national.history;
    expect(JSON.parse(latest!.data).name).toBe(originalName);
    expect(fix!.syncRunId).toBe(fixRun);
    expect(fix!.changedFields).toContain('name');
    expect(JSON.parse(fix!.data).name).toBe(listingName);
    expect(first!.changedFields).toBeNull();
  });

  it('skips the iGate kinds after a failed iGate sync, leaving their findings as they were', async () => {
    const before = await findings();
    p.igate.faults.configure({ rate: 1 });
    const failed = await p.hub.services.sync.run('IGATE', { trigger: 'CLI', full: true });
    p.igate.faults.configure({});
    expect(failed.status).not.toBe('SUCCEEDED');
    const run = await p.check();
    const igateKinds = Object.entries(KIND_SOURCES)
      .filter(([, sources]) => sources.includes('IGATE'))
      .map(([k]) => k);
    expect(run.kindsSkipped.map((s) => s.kind).sort()).toEqual(igateKinds.sort());
    expect(run.kindsSkipped[0]?.reason).toMatch(/latest IGATE sync \(run \d+\) ended (FAILED|PARTIAL)/);
    expect(run.kindsRan).toEqual([]);
    expect(run).toMatchObject({ opened: 0, resolved: 0, reopened: 0 });
    expect(await findings()).toEqual(before);
  }, 60_000);
});
