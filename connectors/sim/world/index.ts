/**
 * The simulated province (modeled on Bình Định, unit `H21`): agencies, sectors,
 * ministries' decisions and a procedure catalogue, all derived from a seed. Agencies,
 * sectors and decisions are small and built once; procedures are generated on demand
 * from their index, so the world stays light whatever the catalogue size.
 */
import { rngFor } from '../kit/prng';
import { buildAgencies, directUnitCode, provinceCode } from './agencies';
import { ProcedureCodes } from './codes';
import { SECTORS } from './data/catalogue';
import { MINISTRIES } from './data/ministries';
import { buildDecisions, decisionsPerMinistry } from './decisions';
import { type CatalogueContext, procedureAt, procedureHeader } from './procedures';
import type {
  WorldAgency,
  WorldDecision,
  WorldMinistry,
  WorldOptions,
  WorldProcedure,
  WorldProcedureHeader,
  WorldSector,
} from './types';

export { REAL_PROCEDURE_COUNT } from './procedures';
export * from './types';

export const DEFAULT_SEED = 2020;
export const DEFAULT_PROCEDURES = 2000;

export interface World {
  seed: number;
  unitCode: string;
  /** Size of the catalogue: indexes 0 … procedureCount-1. */
  procedureCount: number;
  /** Highest index + 1 a simulator may add procedures up to. */
  procedureCapacity: number;
  province: WorldAgency;
  agencies: readonly WorldAgency[];
  ministries: readonly WorldMinistry[];
  sectors: readonly WorldSector[];
  decisions: readonly WorldDecision[];
  agency(code: string): WorldAgency | undefined;
  sector(code: string): WorldSector | undefined;
  decision(id: string): WorldDecision | undefined;
  /** Code, name, update time and status of item `index`, cheaply. */
  procedureHeaderAt(index: number): WorldProcedureHeader;
  /** The full procedure `index` (indexes past `procedureCount` exist too: "new" procedures). */
  procedureAt(index: number): WorldProcedure;
  /** Index of a national code, or null when this world has no such code. */
  procedureIndexOf(code: string): number | null;
  /** Every procedure of the catalogue, generated one at a time. */
  procedures(): Generator<WorldProcedure>;
}

export function createWorld(options: WorldOptions = {}): World {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.procedures ?? DEFAULT_PROCEDURES;
  const unitCode = options.unitCode ?? 'H21';
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`world_size_invalid: ${count}`);

  const agencies = buildAgencies(seed, unitCode);
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const ministries: WorldMinistry[] = MINISTRIES.map(([code, name, abbreviation]) => ({
    code,
    name,
    abbreviation,
  }));
  const sectors: WorldSector[] = SECTORS.map((s, i) => ({
    code: s.code,
    name: s.name,
    ministryCode: s.ministry,
    externalId: rngFor(seed, 'sector', i).hex(24),
    departmentCodes: s.departments.map((n) => directUnitCode(n, unitCode)),
  }));
  const decisions = buildDecisions(seed, ministries, decisionsPerMinistry(count, ministries.length));
  const codes = new ProcedureCodes(seed, count);
  const ctx: CatalogueContext = {
    seed,
    codes,
    sectors: new Map(sectors.map((s) => [s.code, s])),
    decisions,
    ministryOrder: new Map(ministries.map((m, i) => [m.code, i])),
    districtCommittees: agencies.filter((a) => a.kind === 'DISTRICT_COMMITTEE'),
    communeCommittees: agencies.filter((a) => a.kind === 'COMMUNE_COMMITTEE'),
    agencyNames: new Map(agencies.map((a) => [a.code, a.name])),
  };
  const sectorByCode = ctx.sectors;
  const decisionById = new Map(decisions.map((d) => [d.id, d]));

  return {
    seed,
    unitCode,
    procedureCount: count,
    procedureCapacity: codes.capacity,
    province: byCode.get(provinceCode(unitCode)) as WorldAgency,
    agencies,
    ministries,
    sectors,
    decisions,
    agency: (code) => byCode.get(code),
    sector: (code) => sectorByCode.get(code),
    decision: (id) => decisionById.get(id),
    procedureHeaderAt: (index) => {
      const { decision: _decision, ...header } = procedureHeader(ctx, index);
      return header;
    },
    procedureAt: (index) => procedureAt(ctx, index),
    procedureIndexOf: (code) => codes.indexOf(code),
    *procedures() {
      for (let i = 0; i < count; i++) yield procedureAt(ctx, i);
    },
  };
}
