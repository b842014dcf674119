/**
 * Which listings the simulated province publishes: one per catalogue procedure (withdrawn
 * when the procedure is abolished), minus or plus the planted discrepancies, with the
 * manifest of what was planted. Built once at start; the listing JSON itself is made on
 * demand from the world (listing-view.ts), so only a small slot per listing is kept.
 */
import { rngFor } from '../kit/prng';
import { DAY_MS } from '../kit/time';
import type { World, WorldProcedure } from '../world';
import { nationalRecord } from '../world/views/national';
import { INJECTIONS } from './injections';
import type {
  ExpectedFinding,
  FindingKind,
  Injection,
  ListingSlot,
  PlanFacts,
  Trap,
  TrapKind,
} from './types';

export interface ListingPlan {
  slots: ListingSlot[];
  findings: ExpectedFinding[];
  traps: Trap[];
  /** Slots ordinary dossiers are filed on: active, and the national procedure in force. */
  fileable: number[];
  /** Active listings of abolished procedures (dossiers on them are findings). */
  abolishedListed: number[];
}

/** How many listings the province publishes that the national database does not know. */
const MISSING_IN_NATIONAL = 2;
const FINDING_KINDS = new Set<string>([
  'MISSING_IN_PROVINCE',
  'ABOLISHED_BUT_LISTED',
  'NAME_MISMATCH',
  'PROCESSING_TIME_MISMATCH',
  'FEE_MISMATCH',
  'LEVEL_MISMATCH',
  'ONLINE_LEVEL_MISMATCH',
  'LEGAL_BASIS_MISMATCH',
  'PUBLICATION_LATE',
  'DUPLICATE_LISTING',
]);
const CALENDAR_FROM = Date.UTC(2019, 0, 1) - 7 * 3_600_000;

export function listingCode(nationalCode: string, unitCode: string, suffix = '00'): string {
  return `${nationalCode}.000.00.${suffix}.${unitCode}`;
}

export function buildListingPlan(world: World, procedure: (index: number) => WorldProcedure): ListingPlan {
  const chosen = chooseInjected(world, procedure);
  const plan: ListingPlan = { slots: [], findings: [], traps: [], fileable: [], abolishedListed: [] };
  for (let index = 0; index < world.procedureCount; index++) {
    addListings(plan, world, index, chosen.get(index), procedure);
  }
  for (let k = 0; k < MISSING_IN_NATIONAL; k++) addMissingInNational(plan, world, k);
  return plan;
}

/**
 * The procedure each injection is planted on: the seed's order of the catalogue, walked
 * from where the previous injection stopped, the first procedure that fits and has none.
 */
function chooseInjected(world: World, procedure: (index: number) => WorldProcedure): Map<number, Injection> {
  const count = world.procedureCount;
  const order = rngFor(world.seed, 'igate-plan').sample(
    Array.from({ length: count }, (_, i) => i),
    count,
  );
  const chosen = new Map<number, Injection>();
  let cursor = 0;
  for (const injection of INJECTIONS) {
    for (let k = 0; k < order.length; k++) {
      const index = order[(cursor + k) % order.length] as number;
      if (chosen.has(index)) continue;
      const p = procedure(index);
      if (p.inForce === Boolean(injection.abolished)) continue;
      if (!injection.fits(p, facts(world, p))) continue;
      chosen.set(index, injection);
      cursor = (cursor + k + 1) % order.length;
      break;
    }
  }
  return chosen;
}

/** Procedure `index`'s listings (more than one for a planted duplicate), with its injection applied. */
function addListings(
  plan: ListingPlan,
  world: World,
  index: number,
  injection: Injection | undefined,
  procedure: (index: number) => WorldProcedure,
): void {
  const p = injection ? procedure(index) : null;
  const header = p ?? world.procedureHeaderAt(index);
  const listings = injection?.listings ?? 1;
  for (let n = 0; n < listings; n++) {
    const slot = baseSlot(world, index, n);
    if (injection && p && n === 0) injection.apply?.(slot, p);
    if (injection?.kind === 'ABOLISHED_BUT_LISTED') slot.status = 1;
    addSlot(plan, slot, header.inForce);
  }
  if (injection) record(plan, injection, header.code, listingCode(header.code, world.unitCode));
}

/** A listing of the catalogue: an active one is fileable, or (its procedure abolished) a finding's. */
function addSlot(plan: ListingPlan, slot: ListingSlot, inForce: boolean): void {
  const at = plan.slots.push(slot) - 1;
  if (slot.status === 1 && inForce) plan.fileable.push(at);
  if (slot.status === 1 && !inForce) plan.abolishedListed.push(at);
}

/** The k-th listing of a code the national database does not return. */
function addMissingInNational(plan: ListingPlan, world: World, k: number): void {
  // Far past the catalogue, so procedures a test adds to the national side never reach it.
  const index = world.procedureCapacity - 1 - k;
  const code = world.procedureHeaderAt(index).code;
  const slot = baseSlot(world, index, 0);
  slot.status = 1;
  plan.slots.push(slot);
  record(
    plan,
    {
      kind: 'MISSING_IN_NATIONAL',
      severity: 'HIGH',
      note: 'a code the national database does not return',
      fits: () => true,
    },
    code,
    slot.code,
  );
}

function facts(world: World, p: WorldProcedure): PlanFacts {
  const decision = world.decision(p.decisionId);
  const raw = nationalRecord(world.seed, p) as {
    CACHTHUCTHUCHIEN: Array<{ PHILEPHI?: Array<{ SOTIEN: unknown }> }>;
  };
  return {
    feesBesideTimes: raw.CACHTHUCTHUCHIEN.some((c) => (c.PHILEPHI ?? []).some((f) => Number(f.SOTIEN) > 0)),
    decisionInCalendar: (decision?.date ?? 0) >= CALENDAR_FROM,
  };
}

/**
 * A listing as the province usually publishes it: within 1–4 working days of the
 * ministry's decision, last updated some weeks after the national record was.
 */
function baseSlot(world: World, index: number, n: number): ListingSlot {
  const header = world.procedureHeaderAt(index);
  const rng = rngFor(world.seed, 'igate-listing', index * 4 + n);
  return {
    code: listingCode(header.code, world.unitCode, n === 0 ? '00' : String(n).padStart(2, '0')),
    id: rng.hex(24),
    procIndex: index,
    status: header.inForce ? 1 : 0,
    updatedAt: header.updatedAt + 20 * DAY_MS + rng.int(0, 240 * 3600) * 1000,
    decisionDays: rng.int(1, 4),
  };
}

function record(plan: ListingPlan, injection: Injection, nationalCode: string, code: string): void {
  if (FINDING_KINDS.has(injection.kind) || injection.kind === 'MISSING_IN_NATIONAL') {
    plan.findings.push({
      kind: injection.kind as FindingKind,
      subjectCode: injection.subjectIsNational ? nationalCode : code,
      field: injection.field ?? null,
      channel: injection.channel ?? null,
      severity: injection.severity ?? 'MEDIUM',
      nationalCode,
      note: injection.note,
    });
  } else {
    plan.traps.push({
      trap: injection.kind as TrapKind,
      subjectCode: code,
      nationalCode,
      note: injection.note,
    });
  }
}
