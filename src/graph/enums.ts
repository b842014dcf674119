/** The graph's enums. Values are the hub's own names (see domain.md), never upstream ids. */
import { registerEnumType } from 'type-graphql';

export const SourceEnum = { NATIONAL: 'NATIONAL', IGATE: 'IGATE', PAKN: 'PAKN' } as const;
export const LevelEnum = {
  MINISTRY: 'MINISTRY',
  PROVINCE: 'PROVINCE',
  DISTRICT: 'DISTRICT',
  COMMUNE: 'COMMUNE',
} as const;
export const ChannelEnum = { DIRECT: 'DIRECT', ONLINE: 'ONLINE', POSTAL: 'POSTAL' } as const;
export const TimeUnitEnum = { WORKING_DAY: 'WORKING_DAY', DAY: 'DAY', HOUR: 'HOUR', MONTH: 'MONTH' } as const;
export const OnlineLevelEnum = { INFO: 'INFO', PARTIAL: 'PARTIAL', FULL: 'FULL' } as const;
export const NationalStatusEnum = { IN_FORCE: 'IN_FORCE', ABOLISHED: 'ABOLISHED' } as const;
export const SyncRunStatusEnum = {
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  PARTIAL: 'PARTIAL',
  FAILED: 'FAILED',
  ABANDONED: 'ABANDONED',
  HELD: 'HELD',
} as const;
export const DossierStatusEnum = {
  REGISTERED: 'REGISTERED',
  RECEIVED: 'RECEIVED',
  NOT_RECEIVED: 'NOT_RECEIVED',
  PROCESSING: 'PROCESSING',
  SUPPLEMENT_REQUESTED: 'SUPPLEMENT_REQUESTED',
  PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',
  WITHDRAWN: 'WITHDRAWN',
  STOPPED: 'STOPPED',
  PROCESSED: 'PROCESSED',
  RETURNED: 'RETURNED',
} as const;
export const ApplicantTypeEnum = {
  CITIZEN: 'CITIZEN',
  BUSINESS: 'BUSINESS',
  STATE_AGENCY: 'STATE_AGENCY',
  OTHER_ORGANISATION: 'OTHER_ORGANISATION',
} as const;
export const SyncModeEnum = { FULL: 'FULL', INCREMENTAL: 'INCREMENTAL' } as const;
export const SyncTriggerEnum = { SCHEDULE: 'SCHEDULE', CLI: 'CLI', GRAPH: 'GRAPH', START: 'START' } as const;

registerEnumType(SourceEnum, { name: 'Source', description: 'An upstream portal.' });
registerEnumType(LevelEnum, { name: 'Level', description: 'Administrative level (cấp thực hiện).' });
registerEnumType(ChannelEnum, {
  name: 'Channel',
  description: 'How a dossier is filed: in person, online, by public post.',
});
registerEnumType(TimeUnitEnum, { name: 'TimeUnit' });
registerEnumType(OnlineLevelEnum, {
  name: 'OnlineLevel',
  description: 'INFO (2), PARTIAL (3, một phần), FULL (4, toàn trình).',
});
registerEnumType(NationalStatusEnum, {
  name: 'NationalStatus',
  description: 'TRANGTHAI 1 in force, 0 abolished (bãi bỏ).',
});
registerEnumType(SyncRunStatusEnum, { name: 'SyncRunStatus' });
registerEnumType(SyncModeEnum, { name: 'SyncMode' });
registerEnumType(SyncTriggerEnum, { name: 'SyncTrigger' });
registerEnumType(DossierStatusEnum, {
  name: 'DossierStatus',
  description: 'National dossier status (TrangThaiHoSo 1–10) by name; iGate ids are mapped to it.',
});
registerEnumType(ApplicantTypeEnum, { name: 'ApplicantType' });
