import type {
  AgencyRecord,
  CodeName,
  Decision,
  FieldIssue,
  LegalBasis,
  Level,
  NationalProcedureRecord,
  SectorRecord,
} from '../../src/domain/model';
import { parseDayMonthYear, parseNationalDateTime } from '../../src/domain/time';
import { RecordProblem, textOrNull } from '../kit/record-fields';
import { firstIssue } from '../kit/zod-issues';
import { toChannels } from './map-channels';
import { agencySchema, decisionSchema, procedureSchema, type RawProcedure, sectorSchema } from './records';

/**
 * Raw national records (upstream-apis.md §1) → hub rows. Pure. A record-level problem
 * (missing key, unparseable NGAYCAPNHAT, unknown enum id, negative money, wrong type)
 * rejects the record with its dotted field; a field-level one (unknown DONVITINH, an
 * unreadable legal-basis date) keeps it and adds a FieldIssue. Names are kept as
 * received, only NFC-normalized and trimmed: the checks normalize further themselves.
 */

export type MapResult<T> = { ok: true; record: T } | { ok: false; field: string; reason: string };

/** CAPTHUCHIEN 0 ministry, 1 province, 2 district, 3 commune. */
const LEVELS: Record<number, Level> = { 0: 'MINISTRY', 1: 'PROVINCE', 2: 'DISTRICT', 3: 'COMMUNE' };
/** CAPDONVI 1 province, 2 district, 3 commune. */
const AGENCY_LEVELS: Record<number, Level> = { 1: 'PROVINCE', 2: 'DISTRICT', 3: 'COMMUNE' };

export function toNationalProcedure(raw: unknown, decision?: unknown): MapResult<NationalProcedureRecord> {
  const parsed = procedureSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  try {
    return { ok: true, record: buildProcedure(parsed.data, decision) };
  } catch (error) {
    if (error instanceof RecordProblem) return { ok: false, field: error.field, reason: error.message };
    throw error;
  }
}

function buildProcedure(p: RawProcedure, rawDecision: unknown): NationalProcedureRecord {
  const issues: FieldIssue[] = [];
  const code = required(p.MATTHC, 'MATTHC');
  const name = required(p.TENTTHC, 'TENTTHC');
  const updatedAt = nationalDate(p.NGAYCAPNHAT, 'NGAYCAPNHAT');
  if (p.TRANGTHAI !== 0 && p.TRANGTHAI !== 1) {
    throw new RecordProblem('TRANGTHAI', `unknown status ${p.TRANGTHAI} (expected 0 or 1)`);
  }
  const inForce = p.TRANGTHAI === 1;
  const abolishedText = textOrNull(p.NGAYBAIBO);
  const abolishedAt = abolishedText === null ? null : nationalDate(abolishedText, 'NGAYBAIBO');
  if (!inForce && abolishedAt === null) {
    issues.push({ field: 'NGAYBAIBO', reason: 'abolished procedure without NGAYBAIBO' });
  }
  const levels = p.CAPTHUCHIEN.map((item, i) => {
    const level = LEVELS[item.CAPTHUCHIEN];
    if (!level) throw new RecordProblem(`CAPTHUCHIEN[${i}].CAPTHUCHIEN`, `unknown level ${item.CAPTHUCHIEN}`);
    return level;
  });
  return {
    code,
    externalId: textOrNull(p.ID),
    name,
    type: p.LOAITTHC ?? null,
    inForce,
    abolishedAt,
    updatedAt,
    publishingAgencyCode: textOrNull(p.MACOQUANCONGBO),
    decision: toDecision(textOrNull(p.IDQUYETDINHCONGBO), rawDecision, issues),
    sectors: p.LINHVUCTHUCHIEN.map((s) => codeName(s.MALINHVUC, s.TENLINHVUC)),
    levels: [...new Set(levels)],
    agencies: p.COQUANTHUCHIEN.map((a) => codeName(a.MADONVI, a.TENDONVI)),
    subjects: p.DOITUONGTHUCHIEN.map((s) => codeName(s.MADOITUONG, s.TENDOITUONG)),
    channels: toChannels(p.CACHTHUCTHUCHIEN, issues),
    documents: p.THANHPHANHOSO.map((group) => ({
      case: textOrNull(group.TRUONGHOP),
      documents: group.GIAYTO.map((d) => ({
        code: textOrNull(d.MAGIAYTO),
        name: d.TENGIAYTO.normalize('NFC').trim(),
        originals: d.SOBANCHINH ?? null,
        copies: d.SOBANSAO ?? null,
      })),
    })),
    results: p.KETQUATHUCHIEN.map((r) => codeName(r.MAKETQUA, r.TENKETQUA)),
    legalBases: p.CANCUPHAPLY.map((l, i): LegalBasis => {
      const number = l.SOVANBAN.normalize('NFC').trim();
      return {
        number,
        title: textOrNull(l.TENVANBAN),
        issuedDate: legalDate(l.NGAYBANHANH, `CANCUPHAPLY[${i}].NGAYBANHANH`, issues),
        issuer: textOrNull(l.COQUANBANHANH),
      };
    }),
    requirements: textOrNull(p.YEUCAU),
    description: textOrNull(p.MOTA),
    issues,
  };
}

/** The LayQDCB record when fetched; otherwise only the id the procedure names. */
function toDecision(id: string | null, raw: unknown, issues: FieldIssue[]): Decision | null {
  if (raw === undefined || raw === null)
    return id === null ? null : { id, number: null, date: null, issuer: null };
  const parsed = decisionSchema.safeParse(raw);
  if (!parsed.success) {
    const { field, reason } = firstIssue(parsed.error);
    issues.push({ field: `decision.${field}`, reason });
    return id === null ? null : { id, number: null, date: null, issuer: null };
  }
  const d = parsed.data;
  let date: Date | null = null;
  const dateText = textOrNull(d.NGAYQUYETDINH);
  if (dateText !== null) {
    try {
      date = parseNationalDateTime(dateText);
    } catch (error) {
      issues.push({
        field: 'decision.NGAYQUYETDINH',
        reason: (error as Error).message,
        value: d.NGAYQUYETDINH,
      });
    }
  }
  return {
    id: textOrNull(d.ID) ?? id,
    number: textOrNull(d.SOQUYETDINH),
    date,
    issuer: textOrNull(d.COQUANBANHANH),
  };
}

export function toAgency(raw: unknown): MapResult<AgencyRecord> {
  const parsed = agencySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const a = parsed.data;
  const level =
    a.CAPDONVI === null || a.CAPDONVI === undefined ? null : (AGENCY_LEVELS[a.CAPDONVI] ?? undefined);
  if (level === undefined)
    return { ok: false, field: 'CAPDONVI', reason: `unknown agency level ${a.CAPDONVI}` };
  const code = textOrNull(a.MADONVI);
  const name = textOrNull(a.TENDONVI);
  if (code === null) return { ok: false, field: 'MADONVI', reason: 'empty' };
  if (name === null) return { ok: false, field: 'TENDONVI', reason: 'empty' };
  return { ok: true, record: { code, name, level, parentCode: textOrNull(a.MADONVICHA) } };
}

export function toSector(raw: unknown): MapResult<SectorRecord> {
  const parsed = sectorSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const s = parsed.data;
  const code = textOrNull(s.MALINHVUC);
  const name = textOrNull(s.TENLINHVUC);
  if (code === null) return { ok: false, field: 'MALINHVUC', reason: 'empty' };
  if (name === null) return { ok: false, field: 'TENLINHVUC', reason: 'empty' };
  return { ok: true, record: { code, name, industryCode: textOrNull(s.MANGANH) } };
}

function required(value: string, field: string): string {
  const text = textOrNull(value);
  if (text === null) throw new RecordProblem(field, 'empty');
  return text;
}

function codeName(code: string, name: string): CodeName {
  return { code: code.normalize('NFC').trim(), name: name.normalize('NFC').trim() };
}

function nationalDate(value: string, field: string): Date {
  try {
    return parseNationalDateTime(value.trim());
  } catch (error) {
    throw new RecordProblem(field, (error as Error).message);
  }
}

/** NGAYBANHANH `dd/MM/yyyy`; unreadable → null and a FieldIssue (the procedure stays usable). */
function legalDate(value: string | null | undefined, field: string, issues: FieldIssue[]): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  try {
    return parseDayMonthYear(text);
  } catch (error) {
    issues.push({ field, reason: (error as Error).message, value });
    return null;
  }
}
