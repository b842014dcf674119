/**
 * The procedure catalogue, generated item by item from (seed, index). Items 0…B-1 are the
 * B real procedures of data/; later items are variants of them ("… (cấp lại)") so a
 * catalogue of any size keeps every real name. Nothing is stored per procedure.
 */
import type { Level } from '../../../src/domain/model';
import { rngFor } from '../kit/prng';
import { DAY_MS, localInstant } from '../kit/time';
import type { ProcedureCodes } from './codes';
import { SECTORS } from './data/catalogue';
import type { ProcedureData, SectorData } from './data/sector-types';
import { channelsFor, documentsFor, legalBasesFor, onlineLevelFor, resultsFor, subjectsFor } from './terms';
import type { WorldAgency, WorldDecision, WorldProcedure, WorldProcedureHeader, WorldSector } from './types';

interface Base {
  sector: SectorData;
  data: ProcedureData;
}

const BASES: readonly Base[] = SECTORS.flatMap((sector) =>
  sector.procedures.map((data) => ({ sector, data })),
);

/** How many real procedure names the catalogue holds. */
export const REAL_PROCEDURE_COUNT = BASES.length;

const VARIANTS: ReadonlyArray<readonly [suffix: string, levels?: Level[]]> = [
  [' (cấp lại)'],
  [' (điều chỉnh)'],
  [' (thực hiện tại cấp huyện)', ['DISTRICT']],
  [' (gia hạn)'],
  [' (trường hợp bị mất, hư hỏng)'],
  [' (thực hiện tại cấp xã)', ['COMMUNE']],
  [' (cấp đổi)'],
  [' (liên thông)'],
  [' (trường hợp có yếu tố nước ngoài)'],
  [' (thực hiện tại cấp tỉnh)', ['PROVINCE']],
  [' (bổ sung)'],
];

const LEVELS: Record<string, Level> = { B: 'MINISTRY', T: 'PROVINCE', H: 'DISTRICT', X: 'COMMUNE' };
const LATEST_UPDATE = localInstant(2020, 12, 31, 17, 0, 0);

export interface CatalogueContext {
  seed: number;
  codes: ProcedureCodes;
  sectors: ReadonlyMap<string, WorldSector>;
  decisions: readonly WorldDecision[];
  ministryOrder: ReadonlyMap<string, number>;
  districtCommittees: readonly WorldAgency[];
  communeCommittees: readonly WorldAgency[];
  agencyNames: ReadonlyMap<string, string>;
}

function baseOf(index: number): { base: Base; variant: number } {
  return { base: BASES[index % BASES.length] as Base, variant: Math.floor(index / BASES.length) };
}

function variantOf(variant: number): { suffix: string; levels?: Level[] } {
  if (variant === 0) return { suffix: '' };
  const [suffix, levels] = VARIANTS[(variant - 1) % VARIANTS.length] as readonly [string, Level[]?];
  const round = Math.floor((variant - 1) / VARIANTS.length);
  return { suffix: round === 0 ? suffix : `${suffix} - trường hợp ${round + 1}`, levels };
}

/** Code, name, dates and status: all a listing needs, without the rest of the record. */
export function procedureHeader(
  ctx: CatalogueContext,
  index: number,
): WorldProcedureHeader & { decision: WorldDecision } {
  const { base, variant } = baseOf(index);
  const rng = rngFor(ctx.seed, 'procedure', index);
  const ministries = ctx.ministryOrder.size;
  const perMinistry = ctx.decisions.length / ministries;
  const m = ctx.ministryOrder.get(base.sector.ministry) ?? 0;
  const decision = ctx.decisions[m + ministries * rng.int(0, perMinistry - 1)] as WorldDecision;
  const office = rng.int(7 * 3600, 17 * 3600 + 1800) * 1000;
  const updatedAt = Math.min(LATEST_UPDATE, decision.date + rng.int(0, 60) * DAY_MS + office);
  const abolished = rng.chance(0.03);
  return {
    index,
    code: ctx.codes.codeAt(index),
    name: base.data[0] + variantOf(variant).suffix,
    updatedAt,
    inForce: !abolished,
    abolishedAt: abolished ? updatedAt - rng.int(0, 72) * 3_600_000 : null,
    decision,
  };
}

export function procedureAt(ctx: CatalogueContext, index: number): WorldProcedure {
  const { decision, ...header } = procedureHeader(ctx, index);
  const { base, variant } = baseOf(index);
  const rng = rngFor(ctx.seed, 'procedure-detail', index);
  const sector = ctx.sectors.get(base.sector.code) as WorldSector;
  let levels = variantOf(variant).levels ?? [...base.data[1]].map((l) => LEVELS[l] as Level);
  if (rng.chance(0.04) && !levels.includes('MINISTRY')) levels = ['MINISTRY', ...levels];
  const agencyCodes: string[] = [];
  for (const level of levels) {
    if (level === 'PROVINCE') agencyCodes.push(rng.pick(sector.departmentCodes));
    if (level === 'DISTRICT')
      agencyCodes.push(...rng.sample(ctx.districtCommittees, rng.int(1, 2)).map((a) => a.code));
    if (level === 'COMMUNE')
      agencyCodes.push(...rng.sample(ctx.communeCommittees, rng.int(1, 2)).map((a) => a.code));
  }
  const channels = channelsFor(rng, base.data, variant);
  const legalBases = legalBasesFor(rng, base.sector.laws);
  const firstLaw = legalBases[0]?.number ?? '';
  return {
    ...header,
    id: rng.hex(32),
    baseName: base.data[0],
    type: rng.chance(0.9) ? 1 : 2,
    ministryCode: base.sector.ministry,
    decisionId: decision.id,
    sector: { code: sector.code, name: sector.name },
    levels,
    agencies: agencyCodes.map((code) => ({ code, name: ctx.agencyNames.get(code) ?? code })),
    subjects: subjectsFor(rng, base.sector.subjects),
    channels,
    documentCases: documentsFor(rng, header.name),
    results: resultsFor(header.name),
    legalBases,
    requirements: rng.chance(0.7) ? 'Không' : `Đáp ứng đủ điều kiện theo quy định tại ${firstLaw}`,
    description: '',
    onlineLevel: onlineLevelFor(rng, channels),
  };
}
