import { defineWriter, tableSpecOf } from '../../db/writer';
import type { AgencyRecord } from '../../domain/model';
import { NationalAgency } from './national-agency.entity';

export const nationalAgencyWriter = defineWriter<AgencyRecord>({
  source: 'NATIONAL',
  stream: 'agencies',
  spec: tableSpecOf(NationalAgency),
  toValues: (a) => ({ name: a.name, level: a.level, parent_code: a.parentCode }),
});
