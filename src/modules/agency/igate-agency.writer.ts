import { defineWriter } from '../../db/writer';
import type { AgencyRecord } from '../../domain/model';

export const igateAgencyWriter = defineWriter<AgencyRecord>({
  source: 'IGATE',
  stream: 'agencies',
  spec: {
    table: 'igate_agency',
    key: 'code',
    columns: {
      external_id: 'text',
      name: 'text',
      level: 'text',
      parent_code: 'text',
      parent_external_id: 'text',
    },
  },
  toValues: (a) => ({
    external_id: a.externalId ?? null,
    name: a.name,
    level: a.level,
    parent_code: a.parentCode,
    parent_external_id: a.parentExternalId ?? null,
  }),
});
