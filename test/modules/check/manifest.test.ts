/**
 * The checks against what the simulators planted: precision and recall 1.0 for every
 * kind, every severity right, no trap firing. Confusion counts are printed kind by kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../../src/domain/finding';
import { type CheckedProvince, checkedProvince } from './province';

type Row = {
  kind: string;
  subject_code: string;
  field: string | null;
  channel: string | null;
  severity: string;
};

const key = (r: { kind: string; subjectCode: string; field: string | null; channel: string | null }) =>
  `${r.kind}|${r.subjectCode}|${r.field ?? ''}|${r.channel ?? ''}`;

describe('checks against the simulators’ manifest', () => {
  let p: CheckedProvince;
  let found: Map<string, string>;
  let expected: Map<string, string>;
  let traps: ReturnType<CheckedProvince['igate']['manifest']>['traps'];

  beforeAll(async () => {
    p = await checkedProvince();
    const run = await p.check();
    expect(run.errorMessage).toBeNull();
    expect(run.kindsSkipped).toEqual([]);
    const rows = await p.db.orm.em
      .fork()
      .execute<Row[]>(
        `select kind, subject_code, field, channel, severity from finding where status <> 'RESOLVED'`,
      );
    found = new Map(
      rows.map((r) => [
        key({ kind: r.kind, subjectCode: r.subject_code, field: r.field, channel: r.channel }),
        r.severity,
      ]),
    );
    const manifest = p.igate.manifest();
    traps = manifest.traps;
    expected = new Map(manifest.findings.map((f) => [key(f), f.severity]));
    for (const u of p.pakn.manifest().unknownReferences) {
      expected.set(
        key({ kind: 'FEEDBACK_UNKNOWN_REFERENCE', subjectCode: u.maPAKN, field: u.field, channel: null }),
        'LOW',
      );
    }
  }, 120_000);
  afterAll(() => p?.close());

  it('finds exactly what was planted, kind by kind, with the planted severity', () => {
    const table: Record<
      string,
      { expected: number; tp: number; fp: number; fn: number; wrongSeverity: number }
    > = {};
    const misses: string[] = [];
    for (const kind of FINDING_KINDS) {
      const e = [...expected].filter(([k]) => k.startsWith(`${kind}|`));
      const f = [...found].filter(([k]) => k.startsWith(`${kind}|`));
      const tp = e.filter(([k]) => found.has(k));
      const fp = f.filter(([k]) => !expected.has(k));
      const fn = e.filter(([k]) => !found.has(k));
      const wrong = tp.filter(([k, s]) => found.get(k) !== s);
      table[kind] = {
        expected: e.length,
        tp: tp.length,
        fp: fp.length,
        fn: fn.length,
        wrongSeverity: wrong.length,
      };
      for (const [k] of fp) misses.push(`false positive ${k} (${found.get(k)})`);
      for (const [k] of fn) misses.push(`missed ${k}`);
      for (const [k, s] of wrong) misses.push(`severity ${k}: expected ${s}, got ${found.get(k)}`);
    }
    console.table(table);
    expect(misses).toEqual([]);
    // Every kind was planted at least once, so a kind that finds nothing cannot pass unseen.
    const planted = FINDING_KINDS.filter((k) => (table[k]?.expected ?? 0) > 0);
    expect(planted).toEqual([...FINDING_KINDS]);
  });

  it('lets no trap fire', () => {
    // Every trap kind was planted, so a trap the checks would trip on cannot hide.
    expect(new Set(traps.map((t) => t.trap)).size).toBe(10);
    const fired = traps.flatMap((t) =>
      [...found.keys()]
        .filter((k) => k.split('|')[1] === t.subjectCode || k.split('|')[1] === t.nationalCode)
        .map((k) => `${t.trap} on ${t.subjectCode}: ${k}`),
    );
    expect(fired).toEqual([]);
  });
});
