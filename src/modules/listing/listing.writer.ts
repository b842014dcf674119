import { searchText } from '../../db/search';
import { defineWriter, tableSpecOf } from '../../db/writer';
import type { ProvincialListingRecord } from '../../domain/model';
import { ProvincialListing } from './provincial-listing.entity';

export const provincialListingWriter = defineWriter<ProvincialListingRecord>({
  source: 'IGATE',
  stream: 'listings',
  spec: tableSpecOf(ProvincialListing),
  toValues: (l) => ({
    external_id: l.externalId,
    national_code: l.nationalCode,
    national_code_inferred: l.nationalCodeInferred,
    name: l.name,
    search_text: searchText(l.code, l.nationalCode, l.name),
    sector_code: l.sector?.code ?? null,
    sector: l.sector,
    levels: l.levels,
    agency_codes: l.agencies.map((a) => a.code),
    agencies: l.agencies,
    channels: l.channels,
    online_level: l.onlineLevel,
    legal_bases: l.legalBases,
    decision_number: l.decision?.number ?? null,
    decision_date: l.decision?.date ?? null,
    active: l.active,
    source_updated_at: l.updatedAt,
    issues: l.issues,
  }),
});
