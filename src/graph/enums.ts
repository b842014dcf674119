/** The graph's enums. Values are the hub's own names (see domain.md), never upstream ids. */
import { registerEnumType } from 'type-graphql';
import { CheckRunStatus, CheckTrigger, FindingKind, FindingStatus, Severity } from '../domain/finding';
import {
  ApplicantType,
  Channel,
  DossierStatus,
  FeedbackChannel,
  FeedbackClassification,
  FeedbackStatus,
  FeedbackStatusGroup,
  Level,
  OnlineLevel,
  Source,
  TimeUnit,
} from '../domain/model';

// The hub's vocabulary is defined once in src/domain; the graph only registers it.
export const SourceEnum = Source;
export const LevelEnum = Level;
export const ChannelEnum = Channel;
export const TimeUnitEnum = TimeUnit;
export const OnlineLevelEnum = OnlineLevel;
export const DossierStatusEnum = DossierStatus;
export const ApplicantTypeEnum = ApplicantType;
export const FeedbackStatusEnum = FeedbackStatus;
export const FeedbackStatusGroupEnum = FeedbackStatusGroup;
export const FeedbackClassificationEnum = FeedbackClassification;
export const FeedbackChannelEnum = FeedbackChannel;

export const NationalStatusEnum = { IN_FORCE: 'IN_FORCE', ABOLISHED: 'ABOLISHED' } as const;
export const SyncRunStatusEnum = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  PARTIAL: 'PARTIAL',
  FAILED: 'FAILED',
  ABANDONED: 'ABANDONED',
  HELD: 'HELD',
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

export const FindingKindEnum = FindingKind;
export const SeverityEnum = Severity;
export const FindingStatusEnum = FindingStatus;
export const CheckTriggerEnum = CheckTrigger;
export const CheckRunStatusEnum = CheckRunStatus;
registerEnumType(FindingKindEnum, {
  name: 'FindingKind',
  description: 'What disagrees (domain.md, "Consistency findings").',
});
registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(FindingStatusEnum, {
  name: 'FindingStatus',
  description:
    'OPEN when new; ACKNOWLEDGED or WONT_FIX by an auditor; RESOLVED when a complete check no longer sees it; REOPENED when it comes back.',
});
registerEnumType(CheckTriggerEnum, { name: 'CheckTrigger' });
registerEnumType(CheckRunStatusEnum, { name: 'CheckRunStatus' });
