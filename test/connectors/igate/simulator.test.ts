import { describe, expect, it } from 'vitest';
import { IgateClient } from '../../../connectors/igate';
import { toDossier } from '../../../connectors/igate/map';
import { startIgateSimulator } from '../../../connectors/sim/igate/simulator';
import { createWorld, type World } from '../../../connectors/sim/world';
import { defaultCalendar } from '../../../src/domain/calendar';
import { listingFindings, type Seen } from './story';
import { connectorConfig, SALT } from './support';

const LISTING_KINDS = [
  'MISSING_IN_PROVINCE',
  'MISSING_IN_NATIONAL',
  'ABOLISHED_BUT_LISTED',
  'NAME_MISMATCH',
  'PROCESSING_TIME_MISMATCH',
  'FEE_MISMATCH',
  'LEVEL_MISMATCH',
  'ONLINE_LEVEL_MISMATCH',
  'LEGAL_BASIS_MISMATCH',
  'PUBLICATION_LATE',
  'DUPLICATE_LISTING',
];
const key = (s: Seen) => s.join(' ');
// Read with the platform's ISO parser, not the connector's: a bug shared by both would pass.
const at = (v: unknown): number | null => (typeof v === 'string' ? Date.parse(v) : null);

type MappedDossier = Extract<ReturnType<typeof toDossier>, { ok: true }>['record'];

/** Its dates in order, all at or before its update; a returned one completed, a withdrawn one dated. */
function expectPlausibleFlow(d: MappedDossier): void {
  const times = [d.appliedAt, d.acceptedAt, d.completedAt, d.returnedAt].filter((t): t is Date => t !== null);
  expect(times.map((t) => t.getTime())).toEqual([...times].map((t) => t.getTime()).sort((a, b) => a - b));
  for (const t of [...times, d.withdrawnAt, ...d.supplements.map((s) => s.receivedAt)]) {
    if (t) expect(t.getTime()).toBeLessThanOrEqual(d.updatedAt.getTime());
  }
  if (d.status === 'RETURNED') expect(d.completedAt && d.returnedAt).toBeTruthy();
  if (d.status === 'WITHDRAWN') expect(d.withdrawnAt).not.toBeNull();
  if (d.acceptedAt) expect(d.appointmentAt).not.toBeNull();
}

/** What the dossiers add up to: those on unknown or abolished listings, lateness, online share by year. */
interface Tally {
  unknown: string[];
  onAbolished: string[];
  completed: number;
  late: number;
  byYear: Record<string, { online: number; all: number }>;
}

const newTally = (): Tally => ({ unknown: [], onAbolished: [], completed: 0, late: 0, byYear: {} });

function count(tally: Tally, d: MappedDossier, world: World, listings: Set<string>): void {
  if (!listings.has(d.listingCode)) tally.unknown.push(d.code);
  const index = world.procedureIndexOf(d.nationalCode);
  const header = index === null ? null : world.procedureHeaderAt(index);
  if (header?.abolishedAt && d.acceptedAt && d.acceptedAt.getTime() >= header.abolishedAt)
    tally.onAbolished.push(d.code);
  if (d.completedAt && d.appointmentAt) {
    tally.completed++;
    if (d.completedAt > d.appointmentAt) tally.late++;
  }
  const year = String(d.appliedAt?.getUTCFullYear());
  tally.byYear[year] ??= { online: 0, all: 0 };
  const counts = tally.byYear[year] as { online: number; all: number };
  counts.all++;
  if (d.channel === 'ONLINE') counts.online++;
}

describe('the iGate simulator tells one story with the national one, and its manifest is the truth', () => {
  it.each([
    ['the demo province (seed 2020, 2000 procedures)', 2020, 2000],
    ['a small province (seed 11, 300 procedures)', 11, 300],
  ])('%s: the served data shows exactly the planted listing findings', async (_name, seed, procedures) => {
    const sim = await startIgateSimulator({
      world: createWorld({ seed, procedures }),
      dossiers: 0,
      faults: {},
    });
    try {
      const manifest = sim.manifest();
      const planted = manifest.findings
        .filter((f) => LISTING_KINDS.includes(f.kind))
        .map((f): Seen => [f.kind, f.subjectCode, f.field, f.channel, f.severity]);
      expect(new Set(planted.map((p) => p[0]))).toEqual(new Set(LISTING_KINDS));
      expect(
        planted
          .filter((p) => p[0] === 'NAME_MISMATCH')
          .map((p) => p[4])
          .sort(),
      ).toEqual(['LOW', 'MEDIUM']);
      expect(
        planted
          .filter((p) => p[0] === 'PROCESSING_TIME_MISMATCH')
          .map((p) => p[4])
          .sort(),
      ).toEqual(['HIGH', 'INFO', 'MEDIUM']);
      expect(listingFindings(sim).map(key).sort()).toEqual(planted.map(key).sort());
      expect(manifest.traps.map((t) => t.trap).sort()).toEqual([
        'ABOLISHED_AND_WITHDRAWN',
        'DOUBLE_SPACE_NAME',
        'LEGAL_NUMBER_CASE',
        'NATIONAL_FEES_BESIDE_TIMES',
        'NATIONAL_MINISTRY_LEVEL',
        'NFD_NAME',
        'NULL_NATION_CODE',
        'PUBLISHED_ON_FIFTH_WORKING_DAY',
        'TRAILING_PERIOD_NAME',
        'ZERO_FEE_OMITTED',
      ]);
    } finally {
      await sim.close();
    }
  });

  it('files dossiers on known, in-force listings except the planted ones, in plausible flows', async () => {
    const world = createWorld({ seed: 11, procedures: 300 });
    const sim = await startIgateSimulator({ world, dossiers: 1500, faults: {} });
    try {
      const manifest = sim.manifest();
      const listings = new Set(sim.listingCodes());
      const tally = newTally();
      for (let i = 0; i < sim.dossierCount(); i++) {
        const raw = sim.rawDossier(i) as Record<string, unknown> & { procedure: { code: string } };
        const mapped = toDossier(raw, SALT);
        if (!mapped.ok) throw new Error(`${raw.code}: ${mapped.field} ${mapped.reason}`);
        expectPlausibleFlow(mapped.record);
        count(tally, mapped.record, world, listings);
      }
      const { unknown, onAbolished, completed, late, byYear } = tally;
      const expectedOf = (kind: string) =>
        manifest.findings
          .filter((f) => f.kind === kind)
          .map((f) => f.subjectCode)
          .sort();
      expect(unknown.sort()).toEqual(expectedOf('DOSSIER_UNKNOWN_PROCEDURE'));
      expect(onAbolished.sort()).toEqual(expectedOf('DOSSIER_ON_ABOLISHED_PROCEDURE'));
      expect(unknown.length + onAbolished.length).toBe(4);
      expect(late / completed).toBeGreaterThan(0.03);
      expect(late / completed).toBeLessThan(0.25);
      const share = (y: string) => (byYear[y]?.online ?? 0) / (byYear[y]?.all ?? 1);
      expect(share('2019')).toBeLessThan(share('2020'));
      expect(share('2020')).toBeLessThan(share('2021'));
    } finally {
      await sim.close();
    }
  });

  it('sets appointments from the listing processing time in working time', async () => {
    const world = createWorld({ seed: 11, procedures: 300 });
    const sim = await startIgateSimulator({ world, dossiers: 200, faults: {} });
    const known = new Set(sim.listingCodes());
    try {
      let checked = 0;
      for (let i = 0; i < 200; i++) {
        const raw = sim.rawDossier(i) as {
          procedure: { code: string };
          applyMethod: { id: number };
          acceptedDate: string | null;
          appointmentDate: string | null;
        };
        if (!raw.acceptedDate || !known.has(raw.procedure.code)) continue;
        const listing = sim.rawListing(raw.procedure.code) as {
          implementation: {
            applyMethod: { id: number };
            processingTime: { value: number; unit: 'WORKING_DAY' };
          }[];
        };
        const time = listing.implementation.find(
          (m) => m.applyMethod.id === raw.applyMethod.id,
        )?.processingTime;
        if (!time) continue;
        const due = defaultCalendar().addWorkingTime(
          new Date(at(raw.acceptedDate) as number),
          Math.max(time.value, 0.5),
          time.unit,
        );
        expect(at(raw.appointmentDate)).toBe(due.getTime());
        checked++;
      }
      expect(checked).toBeGreaterThan(100);
    } finally {
      await sim.close();
    }
  });

  it('serves a deep page of a million dossiers without building them (memory stays flat)', async () => {
    const heap = process.memoryUsage().heapUsed;
    const sim = await startIgateSimulator({
      world: createWorld({ seed: 7, procedures: 60 }),
      dossiers: 1_000_000,
      faults: {},
    });
    const client = new IgateClient(connectorConfig(sim));
    try {
      const page = await client.dossiers({
        page: 1500,
        size: 500,
        from: new Date('2010-01-01T00:00:00+07:00'),
        to: new Date('2030-01-01T00:00:00+07:00'),
      });
      expect(page.totalElements).toBe(1_000_000);
      expect(page.content).toHaveLength(500);
      const times = page.content.map((d) => at((d as { updatedDate: string }).updatedDate) as number);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(String((page.content[0] as { code: string }).code)).toMatch(/-750000$/);
      expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100_000_000);
    } finally {
      client.close();
      await sim.close();
    }
  });
});
