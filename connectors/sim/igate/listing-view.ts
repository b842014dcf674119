/**
 * How iGate shows a listing (upstream-apis.md §2 "Procedures published by the province"):
 * the national record's terms in iGate's shape (applyMethod 0/1/2, one processing time
 * per channel, `+0700` dates), with the slot's planted departures applied.
 */
import { defaultCalendar } from '../../../src/domain/calendar';
import type { Channel, Level, LocalDate, OnlineLevel } from '../../../src/domain/model';
import { DAY_MS, localInstant, toIsoLocal, toLocalDate, unlessMissingYear } from '../kit/time';
import type { World, WorldProcedure } from '../world';
import type { ListingSlot } from './types';

export type RawRecord = Record<string, unknown>;

const APPLY_METHOD: Record<Channel, number> = { DIRECT: 0, ONLINE: 1, POSTAL: 2 };
const LEVEL_ID: Record<Exclude<Level, 'MINISTRY'>, number> = { PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };
const ONLINE_LEVEL: Record<OnlineLevel, number> = { INFO: 2, PARTIAL: 3, FULL: 4 };

export function igateListing(world: World, slot: ListingSlot, p: WorldProcedure): RawRecord {
  const sector = world.sector(p.sector.code);
  const levels = p.levels.filter((l): l is Exclude<Level, 'MINISTRY'> => l !== 'MINISTRY');
  if (slot.addLevel && slot.addLevel !== 'MINISTRY' && !levels.includes(slot.addLevel))
    levels.push(slot.addLevel);
  const decision = world.decision(p.decisionId);
  const decisionDay = decision ? provinceDecisionDay(decision.date, slot.decisionDays) : null;
  const legalBases = p.legalBases.map((b) => ({
    number: slot.lowerLegalNumbers ? ` ${b.number.toLowerCase()} ` : b.number,
    title: b.title,
    issuedDate: b.issuedDate,
  }));
  if (slot.extraLegalBasis) {
    legalBases.push({
      number: '45/2020/NĐ-CP',
      title: 'Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử',
      issuedDate: '2020-04-08',
    });
  }
  return {
    id: slot.id,
    code: slot.code,
    nationCode: slot.nationCodeNull ? null : p.code,
    name: slot.name ?? p.name,
    sector: { id: sector?.externalId ?? null, code: p.sector.code, name: p.sector.name },
    levels: levels.map((l) => ({ id: LEVEL_ID[l] })),
    agencies: p.agencies.map((a) => ({
      id: world.agency(a.code)?.externalId ?? null,
      code: a.code,
      name: a.name,
    })),
    implementation: p.channels.map((c) => {
      const time = c.times[0];
      const own = slot.time?.channel === c.channel ? slot.time : time;
      const factor = slot.feeFactor?.channel === c.channel ? slot.feeFactor.factor : 1;
      return {
        applyMethod: { id: APPLY_METHOD[c.channel] },
        processingTime: own ? { value: own.value, unit: own.unit } : null,
        fees: c.fees
          .filter((f) => !(slot.dropZeroFees && f.amount === 0))
          .map((f) => ({ code: f.code, amount: f.amount * factor, description: f.description })),
      };
    }),
    onlineLevel: ONLINE_LEVEL[slot.onlineLevel ?? p.onlineLevel],
    legalBases,
    publishedDecision:
      decisionDay === null
        ? null
        : {
            number: `${((slot.id.charCodeAt(0) * 37 + slot.procIndex) % 3000) + 100}/QĐ-UBND`,
            date: toIsoLocal(decisionDay),
          },
    status: slot.status,
    updatedDate: toIsoLocal(slot.updatedAt),
  };
}

/**
 * The province's decision day: `days` working days after the ministry's. Decisions of a
 * year the working calendar lacks (2018) count weekdays; the plan only plants lateness
 * where the calendar applies.
 */
export function provinceDecisionDay(ministryDecision: number, days: number): number {
  const day = toLocalDate(ministryDecision);
  try {
    return localMidnight(defaultCalendar().addWorkingDays(day, days));
  } catch (error) {
    unlessMissingYear(error);
    let at = ministryDecision;
    for (let n = 0; n < days; ) {
      at += DAY_MS;
      const weekday = new Date(at + 7 * 3_600_000).getUTCDay();
      if (weekday !== 0 && weekday !== 6) n++;
    }
    return at;
  }
}

function localMidnight(day: LocalDate): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localInstant(y, m, d);
}
