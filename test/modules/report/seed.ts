/**
 * Writes hand-made agencies, listings and dossiers through the modules' own stream writers
 * (the sync's real write path, so the report table's triggers see what a sync would do).
 * Times are written as local wall-clock text, `2020-02-10 09:00`, in Asia/Ho_Chi_Minh.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { upsertRows } from '../../../src/db/upsert';
import type { StreamWriter } from '../../../src/db/writer';
import type {
  AgencyRecord,
  Channel,
  DossierRecord,
  DossierStatus,
  FeedbackRecord,
  ProvincialListingRecord,
} from '../../../src/domain/model';
import { igateAgencyWriter } from '../../../src/modules/agency/igate-agency.writer';
import { dossierWriter } from '../../../src/modules/dossier/dossier.writer';
import { feedbackWriter } from '../../../src/modules/feedback/feedback.writer';
import { provincialListingWriter } from '../../../src/modules/listing/listing.writer';

/** `2020-02-10 09:00` (local, +07:00) → instant; null stays null. */
export function local(text: string | null | undefined): Date | null {
  if (!text) return null;
  const [day, time = '00:00'] = text.split(' ');
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+07:00`);
}

export interface AgencySeed {
  code: string;
  name: string;
  level: AgencyRecord['level'];
  parent?: string | null;
}

export interface ListingSeed {
  code: string;
  nationalCode: string;
  name: string;
  sector: { code: string; name: string } | null;
  /** Processing time per channel, e.g. `{ DIRECT: [5, 'WORKING_DAY'] }`. */
  times: Partial<Record<Channel, [number, 'WORKING_DAY' | 'DAY' | 'HOUR' | 'MONTH']>>;
}

export interface DossierSeed {
  code: string;
  agency: string | null;
  listing: string;
  nationalCode: string;
  channel: Channel;
  status: DossierStatus;
  applied?: string | null;
  accepted?: string | null;
  appointment?: string | null;
  completed?: string | null;
  returned?: string | null;
  withdrawn?: string | null;
  supplements?: [string | null, string | null][];
  rating?: 1 | 2 | 3 | null;
}

async function write<T>(em: EntityManager, writer: StreamWriter, rows: T[], key: (r: T) => string) {
  await upsertRows(
    em,
    writer.spec,
    rows.map((r) => ({ key: key(r), values: writer.toValues(r), raw: null })),
  );
}

export function agencyRecord(a: AgencySeed): AgencyRecord {
  return { code: a.code, name: a.name, level: a.level, parentCode: a.parent ?? null, externalId: a.code };
}

export function listingRecord(l: ListingSeed): ProvincialListingRecord {
  return {
    externalId: l.code,
    code: l.code,
    nationalCode: l.nationalCode,
    nationalCodeInferred: false,
    name: l.name,
    sector: l.sector,
    levels: ['PROVINCE'],
    agencies: [],
    channels: Object.entries(l.times).map(([channel, [value, unit]]) => ({
      channel: channel as Channel,
      times: [{ value, unit, description: null }],
      fees: [],
    })),
    onlineLevel: 'PARTIAL',
    legalBases: [],
    decision: null,
    active: true,
    updatedAt: new Date('2020-01-01T00:00:00Z'),
    issues: [],
  };
}

export function dossierRecord(d: DossierSeed): DossierRecord {
  return {
    externalId: d.code,
    code: d.code,
    listingExternalId: d.listing,
    listingCode: d.listing,
    nationalCode: d.nationalCode,
    agencyCode: d.agency,
    applicant: {
      type: 'CITIZEN',
      fullName: null,
      identityHash: null,
      identityLast4: null,
      phone: null,
      email: null,
    },
    channel: d.channel,
    appliedAt: local(d.applied ?? d.accepted),
    acceptedAt: local(d.accepted),
    appointmentAt: local(d.appointment),
    completedAt: local(d.completed),
    returnedAt: local(d.returned),
    withdrawnAt: local(d.withdrawn),
    status: d.status,
    sourceStatusId: 0,
    supplements: (d.supplements ?? []).map(([requested, received]) => ({
      requestedAt: local(requested),
      receivedAt: local(received),
    })),
    rating: d.rating ? { value: d.rating, ratedAt: local(d.completed) } : null,
    updatedAt: new Date('2020-06-01T00:00:00Z'),
  };
}

export async function seedAgencies(em: EntityManager, agencies: AgencySeed[]) {
  await write(em, igateAgencyWriter, agencies.map(agencyRecord), (a) => a.code);
}
export async function seedListings(em: EntityManager, listings: ListingSeed[]) {
  await write(em, provincialListingWriter, listings.map(listingRecord), (l) => l.code);
}
export async function seedDossiers(em: EntityManager, dossiers: DossierRecord[]) {
  await write(em, dossierWriter, dossiers, (d) => d.code);
}

export interface FeedbackSeed {
  code: string;
  agency: string | null;
  agencyName?: string | null;
  classification: FeedbackRecord['classification'];
  channel: FeedbackRecord['channel'];
  sent: string;
  /** lichSu transitions, `[status, local time]`. */
  history?: [FeedbackRecord['status'], string][];
  likes?: number;
  dislikes?: number;
}

const GROUP: Record<FeedbackRecord['status'], FeedbackRecord['statusGroup']> = {
  MOI_TIEP_NHAN: 'WAITING',
  DANG_XU_LY: 'IN_PROCESS',
  CHO_BO_SUNG: 'IN_PROCESS',
  DA_TRA_LOI: 'PROCESSED',
  DA_CONG_KHAI: 'PROCESSED',
  TU_CHOI: 'PROCESSED',
  CHUYEN_DON_VI_KHAC: 'PROCESSED',
};

export function feedbackRecord(f: FeedbackSeed): FeedbackRecord {
  const history = (f.history ?? []).map(([status, at]) => ({ status, at: local(at)! }));
  const status = history.at(-1)?.status ?? 'MOI_TIEP_NHAN';
  const answered = history.find((h) => h.status === 'DA_TRA_LOI' || h.status === 'DA_CONG_KHAI');
  return {
    externalId: f.code,
    code: f.code,
    title: `Phản ánh ${f.code}`,
    content: 'Nội dung',
    classification: f.classification,
    channel: f.channel,
    sender: { fullName: null, phone: null, email: null },
    agencyCode: f.agency,
    agencyName: f.agencyName ?? null,
    procedureCode: null,
    dossierCode: null,
    status,
    statusGroup: GROUP[status],
    history,
    sentAt: local(f.sent)!,
    answeredAt: answered?.at ?? null,
    answer: answered ? 'Trả lời' : null,
    published: history.some((h) => h.status === 'DA_CONG_KHAI'),
    likes: f.likes ?? 0,
    dislikes: f.dislikes ?? 0,
    updatedAt: new Date('2020-06-01T00:00:00Z'),
  };
}

export async function seedFeedback(em: EntityManager, items: FeedbackSeed[]) {
  await write(em, feedbackWriter, items.map(feedbackRecord), (f) => f.code);
}
