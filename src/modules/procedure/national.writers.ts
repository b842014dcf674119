import { searchText } from '../../db/search';
import { defineWriter, tableSpecOf } from '../../db/writer';
import type { NationalProcedureRecord, SectorRecord } from '../../domain/model';
import { NationalProcedure } from './national-procedure.entity';
import { NationalSector } from './national-sector.entity';

export const nationalProcedureWriter = defineWriter<NationalProcedureRecord>({
  source: 'NATIONAL',
  stream: 'procedures',
  spec: tableSpecOf(NationalProcedure),
  toValues: (p) => ({
    external_id: p.externalId,
    name: p.name,
    search_text: searchText(p.code, p.name),
    procedure_type: p.type,
    in_force: p.inForce,
    abolished_at: p.abolishedAt,
    source_updated_at: p.updatedAt,
    publishing_agency_code: p.publishingAgencyCode,
    decision: p.decision,
    decision_date: p.decision?.date ?? null,
    sector_codes: p.sectors.map((s) => s.code),
    sectors: p.sectors,
    levels: p.levels,
    agency_codes: p.agencies.map((a) => a.code),
    agencies: p.agencies,
    subjects: p.subjects,
    channels: p.channels,
    documents: p.documents,
    results: p.results,
    legal_bases: p.legalBases,
    requirements: p.requirements,
    description: p.description,
    issues: p.issues,
  }),
});

export const nationalSectorWriter = defineWriter<SectorRecord>({
  source: 'NATIONAL',
  stream: 'sectors',
  spec: tableSpecOf(NationalSector),
  toValues: (s) => ({ name: s.name, industry_code: s.industryCode }),
});
