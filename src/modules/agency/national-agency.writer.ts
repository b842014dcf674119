import { defineWriter } from '../../db/writer';
import type { AgencyRecord } from '../../domain/model';

export const nationalAgencyWriter = defineWriter<AgencyRecord>({
  source: 'NATIONAL',
  stream: 'agencies',
  spec: {
    table: 'national_agency',
    key: 'code',
    columns: { name: 'text', level: 'text', parent_code: 'text' },
  },
  toValues: (a) => ({ name: a.name, level: a.level, parent_code: a.parentCode }),
});
