import type { AgencyRecord, Level } from '../../src/domain/model';
import { firstIssue } from '../kit/zod-issues';
import { type MapResult, mapWith, RecordProblem, requiredText, textOrNull } from './map-fields';
import { agencySchema } from './records';

export { DOSSIER_STATUSES, toDossier } from './map-dossier';
export type { MapResult } from './map-fields';
export { APPLY_METHODS, toListing } from './map-listing';

/** §2 agency `level.id`: 1 province, 2 district, 3 commune. */
const AGENCY_LEVELS: Record<number, Level> = { 1: 'PROVINCE', 2: 'DISTRICT', 3: 'COMMUNE' };

/**
 * A raw iGate agency (upstream-apis.md §2 "Agencies"). iGate names the parent by its id,
 * so `parentCode` is resolved by the caller once every agency has been read.
 */
export function toIgateAgency(raw: unknown): MapResult<AgencyRecord> {
  const parsed = agencySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const a = parsed.data;
  return mapWith(() => {
    const levelId = a.level?.id;
    const level = levelId === undefined ? null : (AGENCY_LEVELS[levelId] ?? undefined);
    if (level === undefined) throw new RecordProblem('level.id', `unknown agency level ${levelId}`);
    return {
      code: requiredText(a.code, 'code'),
      name: requiredText(a.name, 'name'),
      level,
      parentCode: null,
      externalId: requiredText(a.id, 'id'),
      parentExternalId: textOrNull(a.parent?.id),
    };
  });
}

/** Fills `parentCode` from `parentExternalId` over the whole agency list (unknown id → null). */
export function resolveParents(agencies: AgencyRecord[]): AgencyRecord[] {
  const codeById = new Map(agencies.map((a) => [a.externalId, a.code]));
  return agencies.map((a) => ({
    ...a,
    parentCode: a.parentExternalId ? (codeById.get(a.parentExternalId) ?? null) : null,
  }));
}
