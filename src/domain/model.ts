/**
 * The hub's vocabulary and normalized shapes. Every connector maps its portal's raw records
 * into these, so the sync layer stores like with like and the checks compare like with like.
 * Dates are JS Date instants; calendar days are LocalDate strings (YYYY-MM-DD, local time).
 *
 * Each closed set of names is defined once here, as a value (the graph registers it, entities
 * list its items) with a type of the same name derived from it.
 */

/** Values of a name-to-name table, as a union type (every enum's type, here and in the modules). */
export type ValueOf<T> = T[keyof T];

/** An upstream portal. */
export const Source = { NATIONAL: 'NATIONAL', IGATE: 'IGATE', PAKN: 'PAKN' } as const;
export type Source = ValueOf<typeof Source>;
/** Every source, in the order the hub lists them. */
export const SOURCES: readonly Source[] = Object.values(Source);

/** A sync run's states in the run ledger (src/sync), also what the console's ledger filters by. */
export const SYNC_RUN_STATUSES = [
  'QUEUED',
  'RUNNING',
  'SUCCEEDED',
  'PARTIAL',
  'FAILED',
  'ABANDONED',
  'HELD',
] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export const Channel = { DIRECT: 'DIRECT', ONLINE: 'ONLINE', POSTAL: 'POSTAL' } as const;
export type Channel = ValueOf<typeof Channel>;
export const TimeUnit = { WORKING_DAY: 'WORKING_DAY', DAY: 'DAY', HOUR: 'HOUR', MONTH: 'MONTH' } as const;
export type TimeUnit = ValueOf<typeof TimeUnit>;
export const Level = {
  MINISTRY: 'MINISTRY',
  PROVINCE: 'PROVINCE',
  DISTRICT: 'DISTRICT',
  COMMUNE: 'COMMUNE',
} as const;
export type Level = ValueOf<typeof Level>;
export const OnlineLevel = { INFO: 'INFO', PARTIAL: 'PARTIAL', FULL: 'FULL' } as const;
export type OnlineLevel = ValueOf<typeof OnlineLevel>;
/** A calendar day in Asia/Ho_Chi_Minh, `2020-06-30`. */
export type LocalDate = string;

/** A field the mapper could not read; the record is kept and the field marked unreadable. */
export interface FieldIssue {
  field: string;
  reason: string;
  value?: unknown;
}

export interface Fee {
  code: string | null;
  /** Integer đồng (VND). */
  amount: number;
  description: string | null;
}

export interface ProcessingTime {
  /** Decimal value (0.5 happens); null when unreadable. */
  value: number | null;
  /** Null when the upstream unit text is unknown (see the record's `issues`). */
  unit: TimeUnit | null;
  description: string | null;
}

/** Processing times and fees of one channel. */
export interface ChannelTerms {
  channel: Channel;
  times: ProcessingTime[];
  fees: Fee[];
}

export interface LegalBasis {
  number: string;
  title: string | null;
  issuedDate: LocalDate | null;
  issuer: string | null;
}

export interface CodeName {
  code: string;
  name: string;
}

export interface Decision {
  id: string | null;
  number: string | null;
  date: Date | null;
  issuer: string | null;
}

/** One procedure as the national database (CSDLQG TTHC) describes it. */
export interface NationalProcedureRecord {
  code: string;
  externalId: string | null;
  name: string;
  /** LOAITTHC */
  type: number | null;
  /** TRANGTHAI 1: in force; 0: abolished. */
  inForce: boolean;
  abolishedAt: Date | null;
  updatedAt: Date;
  publishingAgencyCode: string | null;
  decision: Decision | null;
  sectors: CodeName[];
  levels: Level[];
  agencies: CodeName[];
  subjects: CodeName[];
  channels: ChannelTerms[];
  documents: unknown[];
  results: CodeName[];
  legalBases: LegalBasis[];
  requirements: string | null;
  description: string | null;
  issues: FieldIssue[];
}

export interface AgencyRecord {
  code: string;
  name: string;
  level: Level | null;
  parentCode: string | null;
  /** The portal's own id, when it has one (iGate refers to parents by id). */
  externalId?: string | null;
  parentExternalId?: string | null;
}

export interface SectorRecord {
  code: string;
  name: string;
  industryCode: string | null;
}

/** A procedure as the province publishes it on iGate: same shape as the national record where they overlap. */
export interface ProvincialListingRecord {
  /** iGate's id of the listing. */
  externalId: string;
  /** The listing's own code, `2.000477.000.00.00.H21`. */
  code: string;
  /** `nationCode`, or the first two dot-separated groups of `code` when it is null. */
  nationalCode: string;
  nationalCodeInferred: boolean;
  name: string;
  sector: CodeName | null;
  levels: Level[];
  agencies: CodeName[];
  channels: ChannelTerms[];
  onlineLevel: OnlineLevel | null;
  legalBases: LegalBasis[];
  decision: { number: string | null; date: Date | null } | null;
  /** `status` 1: active; 0: withdrawn by the province. */
  active: boolean;
  updatedAt: Date;
  issues: FieldIssue[];
}

/** The national TrangThaiHoSo codes 1–10, by name. */
export const DossierStatus = {
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
export type DossierStatus = ValueOf<typeof DossierStatus>;

export const ApplicantType = {
  CITIZEN: 'CITIZEN',
  BUSINESS: 'BUSINESS',
  STATE_AGENCY: 'STATE_AGENCY',
  OTHER_ORGANISATION: 'OTHER_ORGANISATION',
} as const;
export type ApplicantType = ValueOf<typeof ApplicantType>;

/**
 * The person or body filing a dossier. Personal data, kept as domain.md says: the ID
 * number only as a salted hash plus its last 4 digits; name, phone and e-mail as read
 * (shown unmasked only to keys with the `pii` grant).
 */
export interface Applicant {
  type: ApplicantType | null;
  fullName: string | null;
  identityHash: string | null;
  identityLast4: string | null;
  phone: string | null;
  email: string | null;
}

export interface DossierRecord {
  externalId: string;
  code: string;
  listingExternalId: string | null;
  listingCode: string;
  nationalCode: string;
  agencyCode: string | null;
  applicant: Applicant;
  channel: Channel;
  appliedAt: Date | null;
  acceptedAt: Date | null;
  appointmentAt: Date | null;
  completedAt: Date | null;
  returnedAt: Date | null;
  withdrawnAt: Date | null;
  status: DossierStatus;
  /** iGate's own status id, kept for tracing. */
  sourceStatusId: number;
  supplements: { requestedAt: Date | null; receivedAt: Date | null }[];
  rating: { value: 1 | 2 | 3; ratedAt: Date | null } | null;
  updatedAt: Date;
}

export const FeedbackStatus = {
  MOI_TIEP_NHAN: 'MOI_TIEP_NHAN',
  DANG_XU_LY: 'DANG_XU_LY',
  CHO_BO_SUNG: 'CHO_BO_SUNG',
  DA_TRA_LOI: 'DA_TRA_LOI',
  DA_CONG_KHAI: 'DA_CONG_KHAI',
  TU_CHOI: 'TU_CHOI',
  CHUYEN_DON_VI_KHAC: 'CHUYEN_DON_VI_KHAC',
} as const;
export type FeedbackStatus = ValueOf<typeof FeedbackStatus>;
export const FeedbackStatusGroup = {
  WAITING: 'WAITING',
  IN_PROCESS: 'IN_PROCESS',
  PROCESSED: 'PROCESSED',
} as const;
export type FeedbackStatusGroup = ValueOf<typeof FeedbackStatusGroup>;
export const FeedbackClassification = {
  QUY_DINH_TTHC: 'QUY_DINH_TTHC',
  HANH_VI_CB: 'HANH_VI_CB',
  KHAC: 'KHAC',
} as const;
export type FeedbackClassification = ValueOf<typeof FeedbackClassification>;
export const FeedbackChannel = {
  CONG_DVCQG: 'CONG_DVCQG',
  CONG_TINH: 'CONG_TINH',
  TRUC_TIEP: 'TRUC_TIEP',
  DUONG_DAY_NONG: 'DUONG_DAY_NONG',
} as const;
export type FeedbackChannel = ValueOf<typeof FeedbackChannel>;

export interface FeedbackRecord {
  externalId: string;
  /** maPAKN */
  code: string;
  title: string;
  content: string;
  classification: FeedbackClassification;
  channel: FeedbackChannel;
  sender: { fullName: string | null; phone: string | null; email: string | null };
  agencyCode: string | null;
  agencyName: string | null;
  procedureCode: string | null;
  dossierCode: string | null;
  status: FeedbackStatus;
  statusGroup: FeedbackStatusGroup;
  history: { status: FeedbackStatus; at: Date }[];
  sentAt: Date;
  answeredAt: Date | null;
  answer: string | null;
  published: boolean;
  likes: number;
  dislikes: number;
  updatedAt: Date;
}
