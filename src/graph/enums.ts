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
export const FeedbackStatusEnum = {
  MOI_TIEP_NHAN: 'MOI_TIEP_NHAN',
  DANG_XU_LY: 'DANG_XU_LY',
  CHO_BO_SUNG: 'CHO_BO_SUNG',
  DA_TRA_LOI: 'DA_TRA_LOI',
  DA_CONG_KHAI: 'DA_CONG_KHAI',
  TU_CHOI: 'TU_CHOI',
  CHUYEN_DON_VI_KHAC: 'CHUYEN_DON_VI_KHAC',
} as const;
export const FeedbackStatusGroupEnum = {
  WAITING: 'WAITING',
  IN_PROCESS: 'IN_PROCESS',
  PROCESSED: 'PROCESSED',
} as const;
export const FeedbackClassificationEnum = {
  QUY_DINH_TTHC: 'QUY_DINH_TTHC',
  HANH_VI_CB: 'HANH_VI_CB',
  KHAC: 'KHAC',
} as const;
export const FeedbackChannelEnum = {
  CONG_DVCQG: 'CONG_DVCQG',
  CONG_TINH: 'CONG_TINH',
  TRUC_TIEP: 'TRUC_TIEP',
  DUONG_DAY_NONG: 'DUONG_DAY_NONG',
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
registerEnumType(FeedbackStatusEnum, {
  name: 'FeedbackStatus',
  description:
    'Status of a feedback item (domain.md): received, handling, waiting for a supplement, answered, published, refused, sent on.',
  valuesConfig: {
    MOI_TIEP_NHAN: { description: 'Newly received (group WAITING).' },
    DANG_XU_LY: { description: 'Being handled (IN_PROCESS).' },
    CHO_BO_SUNG: { description: 'Waiting for the sender to supplement (IN_PROCESS).' },
    DA_TRA_LOI: { description: 'Answered, not yet published (PROCESSED).' },
    DA_CONG_KHAI: { description: 'Answer published (PROCESSED).' },
    TU_CHOI: { description: 'Refused (PROCESSED).' },
    CHUYEN_DON_VI_KHAC: { description: 'Sent on to another body (PROCESSED).' },
  },
});
registerEnumType(FeedbackStatusGroupEnum, { name: 'FeedbackStatusGroup' });
registerEnumType(FeedbackClassificationEnum, {
  name: 'FeedbackClassification',
  description: 'phanLoai: QUY_DINH_TTHC rules and procedures, HANH_VI_CB staff conduct, KHAC other.',
});
registerEnumType(FeedbackChannelEnum, {
  name: 'FeedbackChannel',
  description: 'kenhTiepNhan: national public-service portal, provincial portal, in person, hotline.',
});
