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

export function buildDossierPlan(args: {
  world: World;
  store: ListingStore;
  timeline: DossierTimeline;
  procedure: (index: number) => WorldProcedure;
  calendar: WorkingCalendar;
  asOf: number;
  floor: number;
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
  const departments = world.agencies.filter((a) => a.kind === 'DEPARTMENT');

  const gen: DossierGenContext = {
    seed: world.seed,
    calendar: args.calendar,
    asOf: args.asOf,
    floor: args.floor,
    forcedStatus: (index) => (planted.has(index) ? 8 : null),
    target: (index: number, rng: Rng) => {
      const p = planted.get(index);
      const u = rng.next();
      if (p?.kind === 'DOSSIER_ON_ABOLISHED_PROCEDURE') return targetOf(p.slot);
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
      return targetOf(fileable[Math.floor(u * u * fileable.length)] as number);
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
