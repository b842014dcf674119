import { defineWriter, tableSpecOf } from '../../db/writer';
import type { AgencyRecord } from '../../domain/model';
import { IgateAgency } from './igate-agency.entity';

export const igateAgencyWriter = defineWriter<AgencyRecord>({
  source: 'IGATE',
  stream: 'agencies',
  spec: tableSpecOf(IgateAgency),
  toValues: (a) => ({
    external_id: a.externalId ?? null,
    name: a.name,
    level: a.level,
    parent_code: a.parentCode,
    parent_external_id: a.parentExternalId ?? null,
  }),
});
