/**
 * How the national procedure database (upstream-apis.md §1) shows the world: its raw JSON
 * with the quirks real integrations meet. Per record, deterministically: some names NFD
 * or with stray whitespace, fees inside `THOIGIAN` or beside it, money as digits or as a
 * number, unit texts in either case.
 */
import type { Level, TimeUnit } from '../../../../src/domain/model';
import { rngFor } from '../../kit/prng';
import { toCompact, toDayMonthYear } from '../../kit/time';
import type {
  WorldAgency,
  WorldDecision,
  WorldFee,
  WorldProcedure,
  WorldProcedureHeader,
  WorldSector,
} from '../types';

export type RawRecord = Record<string, unknown>;

const LEVEL_CODES: Record<Level, [number, string]> = {
  MINISTRY: [0, 'Cấp Bộ'],
  PROVINCE: [1, 'Cấp Tỉnh'],
  DISTRICT: [2, 'Cấp Huyện'],
  COMMUNE: [3, 'Cấp Xã'],
};
const CHANNEL_CODES = { DIRECT: 1, ONLINE: 2, POSTAL: 3 } as const;
const UNIT_TEXTS: Record<TimeUnit, readonly string[]> = {
  WORKING_DAY: ['Ngày làm việc', 'ngày làm việc'],
  DAY: ['Ngày', 'ngày'],
  HOUR: ['Giờ làm việc', 'Giờ'],
  MONTH: ['Tháng'],
};
const AGENCY_LEVELS = { PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 } as const;

/** The record's spelling of its name, shared by the list and the full record. */
export function nationalName(seed: number, header: WorldProcedureHeader): string {
  const rng = rngFor(seed, 'national-name', header.index);
  const u = rng.next();
  if (u < 0.12) return header.name.normalize('NFD');
  if (u < 0.15) return ` ${header.name}`;
  if (u < 0.18) return `${header.name}  `;
  if (u < 0.2) return header.name.replace(' ', '  ');
  return header.name;
}

/** One `LayDanhSachTTHC` item. */
export function nationalListItem(seed: number, header: WorldProcedureHeader): RawRecord {
  return {
    MATTHC: header.code,
    TENTTHC: nationalName(seed, header),
    NGAYCAPNHAT: toCompact(header.updatedAt),
    TRANGTHAI: header.inForce ? 1 : 0,
  };
}

/** The `LayThuTuc` result object. */
export function nationalRecord(seed: number, p: WorldProcedure): RawRecord {
  const rng = rngFor(seed, 'national-record', p.index);
  const money = (amount: number): number | string => (rng.chance(0.5) ? String(amount) : amount);
  const fees = (list: readonly WorldFee[]): RawRecord[] =>
    list.map((f) => ({ MAPHILEPHI: f.code, SOTIEN: money(f.amount), DONVI: 'Đồng', MOTA: f.description }));
  const record: RawRecord = {
    ID: p.id,
    MATTHC: p.code,
    TENTTHC: nationalName(seed, p),
    LOAITTHC: p.type,
    TRANGTHAI: p.inForce ? 1 : 0,
    NGAYCAPNHAT: toCompact(p.updatedAt),
    MACOQUANCONGBO: p.ministryCode,
    IDQUYETDINHCONGBO: p.decisionId,
    LINHVUCTHUCHIEN: [{ MALINHVUC: p.sector.code, TENLINHVUC: p.sector.name }],
    CAPTHUCHIEN: p.levels.map((l) => ({ CAPTHUCHIEN: LEVEL_CODES[l][0], TENCAP: LEVEL_CODES[l][1] })),
    COQUANTHUCHIEN: p.agencies.map((a) => ({ MADONVI: a.code, TENDONVI: a.name })),
    DOITUONGTHUCHIEN: p.subjects.map((s) => ({ MADOITUONG: s.code, TENDOITUONG: s.name })),
    CACHTHUCTHUCHIEN: p.channels.map((c) => {
      const feesInsideTime = rng.chance(0.5);
      const feeList = c.fees.length > 0 || rng.chance(0.5) ? fees(c.fees) : undefined;
      const times = c.times.map((t, i) => ({
        THOIGIANGIAIQUYET: String(t.value),
        DONVITINH: rng.pick(UNIT_TEXTS[t.unit]),
        MOTA: t.description,
        // Fees sit on the first time item only, so reading both shapes never doubles them.
        ...(feesInsideTime && i === 0 && feeList && { PHILEPHI: feeList }),
      }));
      return {
        KENH: CHANNEL_CODES[c.channel],
        THOIGIAN: times,
        ...(!feesInsideTime && feeList && { PHILEPHI: feeList }),
      };
    }),
    THANHPHANHOSO: p.documentCases.map((c) => ({
      TRUONGHOP: c.name,
      GIAYTO: c.documents.map((d) => ({
        MAGIAYTO: d.code,
        TENGIAYTO: d.name,
        SOBANCHINH: d.originals,
        SOBANSAO: d.copies,
      })),
    })),
    KETQUATHUCHIEN: p.results.map((r) => ({ MAKETQUA: r.code, TENKETQUA: r.name })),
    CANCUPHAPLY: p.legalBases.map((b) => ({
      SOVANBAN: b.number,
      TENVANBAN: b.title,
      NGAYBANHANH: b.issuedDate.split('-').reverse().join('/'),
      COQUANBANHANH: b.issuer,
    })),
    YEUCAU: p.requirements,
    MOTA: p.description,
  };
  if (p.abolishedAt !== null) record.NGAYBAIBO = toCompact(p.abolishedAt);
  return record;
}

export function nationalAgency(a: WorldAgency): RawRecord {
  return { MADONVI: a.code, TENDONVI: a.name, CAPDONVI: AGENCY_LEVELS[a.level], MADONVICHA: a.parentCode };
}

export function nationalSector(s: WorldSector): RawRecord {
  return { MALINHVUC: s.code, TENLINHVUC: s.name, MANGANH: s.ministryCode };
}

export function nationalDecision(d: WorldDecision): RawRecord {
  return { ID: d.id, SOQUYETDINH: d.number, NGAYQUYETDINH: toCompact(d.date), COQUANBANHANH: d.issuer };
}

/** `dd/MM/yyyy` of an instant, for tests and callers that build legal bases by hand. */
export const nationalDay = toDayMonthYear;
