import type {
  FeedbackChannel,
  FeedbackClassification,
  FeedbackRecord,
  FeedbackStatus,
  FeedbackStatusGroup,
} from '../../src/domain/model';
import { parsePaknDateTime } from '../../src/domain/time';
import { PERSONAL_FIELDS, redactPayload } from '../kit/pii';
import { firstIssue } from '../kit/zod-issues';
import { feedbackSchema, type RawFeedback } from './records';

/**
 * Raw PAKN records (upstream-apis.md §3) → hub rows. Pure. A bad record (missing key,
 * unparseable date, unknown enum, negative count, wrong type) is rejected with its dotted
 * field; references to unknown procedures, dossiers or agencies are kept as they are
 * (the checks report them). Texts are NFC-normalized and trimmed.
 */

export type MapResult<T> = { ok: true; record: T } | { ok: false; field: string; reason: string };

/** domain.md "Enums the graph uses": each status and its group. */
export const STATUS_GROUPS: Record<FeedbackStatus, FeedbackStatusGroup> = {
  MOI_TIEP_NHAN: 'WAITING',
  DANG_XU_LY: 'IN_PROCESS',
  CHO_BO_SUNG: 'IN_PROCESS',
  DA_TRA_LOI: 'PROCESSED',
  DA_CONG_KHAI: 'PROCESSED',
  TU_CHOI: 'PROCESSED',
  CHUYEN_DON_VI_KHAC: 'PROCESSED',
};
const CLASSIFICATIONS: readonly FeedbackClassification[] = ['QUY_DINH_TTHC', 'HANH_VI_CB', 'KHAC'];
const CHANNELS: readonly FeedbackChannel[] = ['CONG_DVCQG', 'CONG_TINH', 'TRUC_TIEP', 'DUONG_DAY_NONG'];

class RecordProblem extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

export function toFeedback(raw: unknown): MapResult<FeedbackRecord> {
  const parsed = feedbackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  try {
    return { ok: true, record: build(parsed.data) };
  } catch (error) {
    if (error instanceof RecordProblem) return { ok: false, field: error.field, reason: error.message };
    throw error;
  }
}

/** A raw payload as it may be stored (Mapped.raw, Rejected.raw): sender fields masked. */
export function redactFeedback(raw: unknown): unknown {
  return redactPayload(raw, PERSONAL_FIELDS);
}

/** `maPAKN` when it can be read, for quarantine rows and deduplication. */
export function feedbackKeyOf(raw: unknown): string | null {
  const code = (raw as { maPAKN?: unknown } | null)?.maPAKN;
  return typeof code === 'string' && code.trim() !== '' ? code.normalize('NFC').trim() : null;
}

function build(f: RawFeedback): FeedbackRecord {
  const status = oneOf(f.trangThai, Object.keys(STATUS_GROUPS) as FeedbackStatus[], 'trangThai');
  const history = f.lichSu.map((h, i) => ({
    status: oneOf(h.trangThai, Object.keys(STATUS_GROUPS) as FeedbackStatus[], `lichSu[${i}].trangThai`),
    at: date(h.thoiGian, `lichSu[${i}].thoiGian`),
  }));
  // Stable: two transitions in the same second keep the order the portal gave.
  history.sort((a, b) => a.at.getTime() - b.at.getTime());
  const answeredText = text(f.ngayTraLoi);
  return {
    externalId: String(f.id).trim(),
    code: f.maPAKN.normalize('NFC').trim(),
    title: f.tieuDe.normalize('NFC').trim(),
    content: f.noiDung.normalize('NFC').trim(),
    classification: oneOf(f.phanLoai, CLASSIFICATIONS, 'phanLoai'),
    channel: oneOf(f.kenhTiepNhan, CHANNELS, 'kenhTiepNhan'),
    sender: {
      fullName: text(f.nguoiGui?.hoTen),
      phone: text(f.nguoiGui?.soDienThoai)?.replace(/\s+/g, '') ?? null,
      email: text(f.nguoiGui?.email),
    },
    agencyCode: text(f.coQuanXuLy?.maDonVi),
    agencyName: text(f.coQuanXuLy?.tenDonVi),
    procedureCode: text(f.maTTHC),
    dossierCode: text(f.maHoSo),
    status,
    statusGroup: STATUS_GROUPS[status],
    history,
    sentAt: date(f.ngayGui, 'ngayGui'),
    answeredAt: answeredText === null ? null : date(answeredText, 'ngayTraLoi'),
    answer: text(f.noiDungTraLoi),
    published: f.congKhai ?? false,
    likes: counter(f.luotThich, 'luotThich'),
    dislikes: counter(f.luotKhongThich, 'luotKhongThich'),
    updatedAt: date(f.ngayCapNhat, 'ngayCapNhat'),
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  const v = value.trim();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new RecordProblem(
    field,
    `unknown value ${JSON.stringify(value.slice(0, 40))} (expected one of ${allowed.join(', ')})`,
  );
}

function date(value: string, field: string): Date {
  try {
    return parsePaknDateTime(value.trim());
  } catch (error) {
    throw new RecordProblem(field, error instanceof Error ? error.message : String(error));
  }
}

function counter(value: number | null | undefined, field: string): number {
  if (value === null || value === undefined) return 0;
  if (value < 0) throw new RecordProblem(field, `negative count ${value}`);
  return value;
}

function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.normalize('NFC').trim();
  return t === '' ? null : t;
}
