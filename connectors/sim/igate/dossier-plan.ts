/**
 * Which listing each dossier is filed on, and the dossiers planted as findings: filed on
 * a listing code no listing has (DOSSIER_UNKNOWN_PROCEDURE) and filed on an abolished
 * procedure's still-active listing after its abolition (DOSSIER_ON_ABOLISHED_PROCEDURE).
 * Ordinary dossiers are filed only on active listings of procedures in force, so these
 * are the only dossier findings.
 */
import type { WorkingCalendar } from '../../../src/domain/calendar';
import type { Channel, TimeUnit } from '../../../src/domain/model';
import { type Rng, rngFor } from '../kit/prng';
import { localInstant } from '../kit/time';
import type { World, WorldProcedure } from '../world';
import type { DossierTimeline } from './dossier-timeline';
import type { DossierGenContext, FilingTarget } from './dossier-view';
import { listingCode } from './listing-plan';
import type { ListingStore } from './listing-store';
import type { ListingSlot } from './types';

export type PlantedDossier =
  | { kind: 'DOSSIER_UNKNOWN_PROCEDURE'; nationalCode: string }
  | { kind: 'DOSSIER_ON_ABOLISHED_PROCEDURE'; slot: number };

/** Filed well after every abolition of the catalogue (all on or before 2020-12-31). */
const ABOLISHED_FILED_AFTER = localInstant(2021, 3, 1);

export interface DossierPlan {
  gen: DossierGenContext;
  planted: Map<number, PlantedDossier>;
}

/**
 * Plan task 14 and 11 (issue 13): agencies kept idle (their listings stay, not one
 * dossier is handled by them) and an agency brought onto iGate at a date (it handles no
 * dossier before, and every `every`-th dossier from then on).
 */
export interface AgencyPlanting {
  idleAgencies?: readonly string[];
  onboarding?: { agencyCode: string; from: number; every: number };
}

export function buildDossierPlan(args: {
  world: World;
  store: ListingStore;
  timeline: DossierTimeline;
  procedure: (index: number) => WorldProcedure;
  calendar: WorkingCalendar;
  asOf: number;
  floor: number;
  planting?: AgencyPlanting;
}): DossierPlan {
  const { world, store, timeline } = args;
  const n = timeline.count;
  const planted = new Map<number, PlantedDossier>();
  const plant = (index: number, p: PlantedDossier): void => {
    let i = index;
    while (i > 0 && planted.has(i)) i--;
    if (i >= 0 && i < n && !planted.has(i)) planted.set(i, p);
  };
  if (n >= 20) {
    for (let k = 0; k < 2; k++) {
      const code = world.procedureHeaderAt(world.procedureCapacity - 10 - k).code;
      plant(Math.floor(n * (0.35 + 0.2 * k)), { kind: 'DOSSIER_UNKNOWN_PROCEDURE', nationalCode: code });
    }
    const abolished = store.plan.abolishedListed;
    for (let k = 0; k < 2 && abolished.length > 0; k++) {
      const index = n - 1 - Math.floor(n * 0.01 * (k + 1));
      if (timeline.at(index) < ABOLISHED_FILED_AFTER) continue;
      plant(index, {
        kind: 'DOSSIER_ON_ABOLISHED_PROCEDURE',
        slot: abolished[k % abolished.length] as number,
      });
    }
  }

  const fileable = rngFor(world.seed, 'igate-popularity').sample(
    store.plan.fileable,
    store.plan.fileable.length,
  );
  const targets = new Map<number, FilingTarget>();
  const targetOf = (slotIndex: number): FilingTarget => {
    let t = targets.get(slotIndex);
    if (!t) {
      t = filingTarget(world, store.slots[slotIndex] as ListingSlot, args.procedure);
      targets.set(slotIndex, t);
    }
    return t;
  };
  const idle = new Set(args.planting?.idleAgencies ?? []);
  const onboarding = args.planting?.onboarding;
  if (onboarding) idle.add(onboarding.agencyCode);
  const departments = world.agencies.filter((a) => a.kind === 'DEPARTMENT' && !idle.has(a.code));
  const onboarded = onboarding ? world.agency(onboarding.agencyCode) : undefined;
  if (onboarding && !onboarded) throw new Error(`igate_sim_unknown_agency: ${onboarding.agencyCode}`);
  /** The slot's target without idle agencies; the next slot's when none is left (no rng draw, so other dossiers stay as they were). */
  const activeTarget = (start: number, index: number): FilingTarget => {
    for (let k = 0; k < fileable.length; k++) {
      const t = targetOf(fileable[(start + k) % fileable.length] as number);
      if (
        onboarding &&
        onboarded &&
        index % onboarding.every === 0 &&
        timeline.at(index) >= onboarding.from
      ) {
        return { ...t, agencies: [{ id: onboarded.externalId, code: onboarded.code }] };
      }
      if (idle.size === 0) return t;
      const agencies = t.agencies.filter((a) => !idle.has(a.code));
      if (agencies.length) return { ...t, agencies };
    }
    throw new Error('igate_sim_no_listing: every listing belongs to an idle agency');
  };

  const gen: DossierGenContext = {
    seed: world.seed,
    calendar: args.calendar,
    asOf: args.asOf,
    floor: args.floor,
    forcedStatus: (index) => (planted.has(index) ? 8 : null),
    target: (index: number, rng: Rng) => {
      const p = planted.get(index);
      const u = rng.next();
      if (p?.kind === 'DOSSIER_ON_ABOLISHED_PROCEDURE') {
        const t = targetOf(p.slot);
        const agencies = t.agencies.filter((a) => !idle.has(a.code));
        return agencies.length ? { ...t, agencies } : t;
      }
      if (p?.kind === 'DOSSIER_UNKNOWN_PROCEDURE') {
        const agency = departments[index % departments.length];
        return {
          id: rngFor(world.seed, 'igate-unknown-listing', index).hex(24),
          code: listingCode(p.nationalCode, world.unitCode),
          nationalCode: p.nationalCode,
          nationCodeNull: false,
          agencies: agency ? [{ id: agency.externalId, code: agency.code }] : [],
          times: { DIRECT: { value: 10, unit: 'WORKING_DAY' } },
        };
      }
      if (fileable.length === 0)
        throw new Error('igate_sim_no_listing: no active listing to file dossiers on');
      // Popular procedures get most dossiers: u² leans toward the head of a seeded order.
      return activeTarget(Math.floor(u * u * fileable.length), index);
    },
  };
  return { gen, planted };
}

function filingTarget(
  world: World,
  slot: ListingSlot,
  procedure: (index: number) => WorldProcedure,
): FilingTarget {
  const p = procedure(slot.procIndex);
  const times: Partial<Record<Channel, { value: number; unit: TimeUnit }>> = {};
  for (const c of p.channels) {
    const t = slot.time?.channel === c.channel ? slot.time : c.times[0];
    if (t) times[c.channel] = { value: t.value, unit: t.unit };
  }
  const agencies = p.agencies.map((a) => ({ id: world.agency(a.code)?.externalId ?? null, code: a.code }));
  if (agencies.length === 0) agencies.push({ id: world.province.externalId, code: world.province.code });
  return {
    id: slot.id,
    code: slot.code,
    nationalCode: p.code,
    nationCodeNull: Boolean(slot.nationCodeNull),
    agencies,
    times,
  };
}
