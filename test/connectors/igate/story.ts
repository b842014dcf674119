/**
 * A plain reading of domain.md's finding rules over what the two simulators serve (raw
 * JSON through the real mappers), used to prove the iGate manifest tells the truth: every
 * planted finding is there, and nothing else is. Not the hub's checks: a test's oracle.
 */
import { toListing } from '../../../connectors/igate/map';
import { toNationalProcedure } from '../../../connectors/national/map';
import type { IgateSimulator } from '../../../connectors/sim/igate/simulator';
import type { World } from '../../../connectors/sim/world';
import { nationalDecision, nationalRecord } from '../../../connectors/sim/world/views/national';
import { defaultCalendar } from '../../../src/domain/calendar';
import type {
  ChannelTerms,
  NationalProcedureRecord,
  ProvincialListingRecord,
} from '../../../src/domain/model';
import { compareNames, normalizeDocNumber } from '../../../src/domain/text';
import { localDateOf } from '../../../src/domain/time';

export type Seen = [
  kind: string,
  subject: string,
  field: string | null,
  channel: string | null,
  severity: string,
];

function national(world: World, index: number): NationalProcedureRecord {
  const p = world.procedureAt(index);
  const decision = world.decision(p.decisionId);
  const r = toNationalProcedure(
    nationalRecord(world.seed, p),
    decision ? nationalDecision(decision) : undefined,
  );
  if (!r.ok) throw new Error(`national ${p.code}: ${r.field} ${r.reason}`);
  return r.record;
}

const positives = (c: ChannelTerms | undefined) =>
  (c?.fees ?? [])
    .map((f) => f.amount)
    .filter((a) => a > 0)
    .sort((a, b) => a - b)
    .join(',');

type Add = (kind: string, field: string | null, severity: string, channel?: string | null) => void;

function compare(n: NationalProcedureRecord, l: ProvincialListingRecord, out: Seen[]): void {
  const add: Add = (kind, field, severity, channel = null) =>
    out.push([kind, l.code, field, channel, severity]);
  if (!n.inForce) add('ABOLISHED_BUT_LISTED', 'status', 'HIGH');
  const name = compareNames(n.name, l.name);
  if (name !== 'EQUAL') add('NAME_MISMATCH', 'name', name === 'DIACRITICS_OR_CASE' ? 'LOW' : 'MEDIUM');
  for (const mine of l.channels) {
    const theirs = n.channels.find((c) => c.channel === mine.channel);
    if (theirs) compareChannel(mine, theirs, add);
  }
  const levels = (xs: string[]) => [...new Set(xs.filter((x) => x !== 'MINISTRY'))].sort().join();
  if (levels(n.levels) !== levels(l.levels)) add('LEVEL_MISMATCH', 'levels', 'MEDIUM');
  if (
    (l.onlineLevel === 'FULL' || l.onlineLevel === 'PARTIAL') &&
    !n.channels.some((c) => c.channel === 'ONLINE')
  ) {
    add('ONLINE_LEVEL_MISMATCH', 'onlineLevel', 'MEDIUM');
  }
  const docs = (xs: { number: string }[]) =>
    [...new Set(xs.map((x) => normalizeDocNumber(x.number)))].sort().join('|');
  if (docs(n.legalBases) !== docs(l.legalBases)) add('LEGAL_BASIS_MISMATCH', 'legalBases', 'LOW');
  if (publishedLate(n, l)) add('PUBLICATION_LATE', 'publishedDecision', 'MEDIUM');
}

/** One channel both sides have: its first processing time among the national ones, and its fees. */
function compareChannel(mine: ChannelTerms, theirs: ChannelTerms, add: Add): void {
  const t = mine.times[0];
  if (t && !theirs.times.some((x) => x.value === t.value && x.unit === t.unit)) {
    add('PROCESSING_TIME_MISMATCH', 'processingTime', timeSeverity(t, theirs), mine.channel);
  }
  if (positives(mine) !== positives(theirs)) add('FEE_MISMATCH', 'fees', 'HIGH', mine.channel);
}

/**
 * A time in another unit than some national one: MEDIUM; longer than every national one:
 * HIGH; shorter than every one: INFO; between them: AMBIGUOUS.
 */
function timeSeverity(t: ChannelTerms['times'][number], theirs: ChannelTerms): string {
  const same = theirs.times.filter((x) => x.unit === t.unit).map((x) => x.value ?? 0);
  if (same.length !== theirs.times.length) return 'MEDIUM';
  if (same.every((v) => (t.value ?? 0) > v)) return 'HIGH';
  return same.every((v) => (t.value ?? 0) < v) ? 'INFO' : 'AMBIGUOUS';
}

/** The province published past 5 working days after a ministry decision of 2019 or later. */
function publishedLate(n: NationalProcedureRecord, l: ProvincialListingRecord): boolean {
  const ministry = n.decision?.date;
  const province = l.decision?.date;
  if (!ministry || !province || ministry < new Date('2019-01-01T00:00:00+07:00')) return false;
  const deadline = defaultCalendar().addWorkingDays(localDateOf(ministry), 5);
  return localDateOf(province) > deadline;
}

/** Every listing finding the served data shows. */
export function listingFindings(sim: IgateSimulator): Seen[] {
  const world = sim.world;
  const out: Seen[] = [];
  const listings: ProvincialListingRecord[] = sim.listingCodes().map((code) => {
    const r = toListing(sim.rawListing(code));
    if (!r.ok) throw new Error(`listing ${code}: ${r.field} ${r.reason}`);
    return r.record;
  });
  const active = listings.filter((l) => l.active);
  for (let i = 0; i < world.procedureCount; i++) {
    const code = world.procedureHeaderAt(i).code;
    const n = national(world, i);
    const mine = active.filter((l) => l.nationalCode === code);
    if (n.inForce && mine.length === 0) out.push(['MISSING_IN_PROVINCE', code, null, null, 'HIGH']);
    for (const l of mine) compare(n, l, out);
    const shared = mine.flatMap((l) => l.agencies.map((a) => a.code));
    if (mine.length > 1 && new Set(shared).size < shared.length)
      out.push(['DUPLICATE_LISTING', code, null, null, 'MEDIUM']);
  }
  for (const l of active) {
    if (
      world.procedureIndexOf(l.nationalCode) === null ||
      (world.procedureIndexOf(l.nationalCode) ?? 0) >= world.procedureCount
    ) {
      out.push(['MISSING_IN_NATIONAL', l.code, null, null, 'HIGH']);
    }
  }
  return out;
}
