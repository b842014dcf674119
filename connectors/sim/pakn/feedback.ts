/**
 * The simulated feedback of the province, generated from (seed, index) so any volume
 * needs no memory. Item i's `ngayCapNhat` grows with i (a seeded jitter inside its slot),
 * so a day window is an index range found by binary search; everything else about the
 * item (sender, procedure, agency, status flow, likes) derives from its own generator.
 */
import type { FeedbackChannel, FeedbackClassification } from '../../../src/domain/model';
import { type Rng, rngFor } from '../kit/prng';
import { localInstant, toDayMonthYearTime } from '../kit/time';
import type { World, WorldAgency, WorldProcedure } from '../world';
import { flowFor } from './flow';
import { answerFor, contentFor, refusalFor, senderFor, titleFor } from './texts';

export type RawFeedbackItem = Record<string, unknown>;
export type ReferenceField = 'maTTHC' | 'maHoSo' | 'coQuanXuLy';

/** A reference no portal knows, planted on purpose: what FEEDBACK_UNKNOWN_REFERENCE must find. */
export interface UnknownReference {
  maPAKN: string;
  field: ReferenceField;
  value: string;
}

/** Dossiers another simulator serves (iGate), so feedback can name real ones (maHoSo). */
export interface DossierReferences {
  count(): number;
  /** The dossier's code, national procedure code, agency and filing time, or null when unreadable. */
  at(index: number): DossierReference | null;
}

export interface DossierReference {
  code: string;
  nationalCode: string | null;
  agencyCode: string | null;
  appliedAt: number | null;
}

export interface FeedbackFactoryOptions {
  world: World;
  dossiers?: DossierReferences;
  count: number;
  /** First and last `ngayCapNhat` of the seeded items (epoch ms). Default 2019-03-01 … 2020-12-31. */
  from?: number;
  to?: number;
  /** How many planted unknown references (default: one per 50 items, 3 to 30). */
  unknownReferences?: number;
}

const CLASSIFICATIONS: ReadonlyArray<[FeedbackClassification, number]> = [
  ['QUY_DINH_TTHC', 0.65],
  ['HANH_VI_CB', 0.15],
  ['KHAC', 0.2],
];
const CHANNELS: ReadonlyArray<[FeedbackChannel, number]> = [
  ['CONG_DVCQG', 0.4],
  ['CONG_TINH', 0.3],
  ['TRUC_TIEP', 0.15],
  ['DUONG_DAY_NONG', 0.15],
];
const REFERENCE_FIELDS: readonly ReferenceField[] = ['maTTHC', 'maHoSo', 'coQuanXuLy'];
/** Ids look like the portal's own sequence. */
const FIRST_ID = 80_000;

export class FeedbackFactory {
  readonly world: World;
  readonly count: number;
  readonly from: number;
  readonly to: number;
  private readonly seed: number;
  private readonly handlers: readonly WorldAgency[];
  private readonly unknown = new Map<number, ReferenceField>();
  private readonly unknownAgency: { code: string; name: string };
  private readonly dossiers: DossierReferences | null;

  constructor(options: FeedbackFactoryOptions) {
    this.world = options.world;
    this.dossiers = options.dossiers ?? null;
    this.seed = options.world.seed;
    this.count = options.count;
    this.from = options.from ?? localInstant(2019, 3, 1);
    this.to = options.to ?? localInstant(2020, 12, 31, 17);
    this.handlers = this.world.agencies.filter((a) => a.kind !== 'COMMUNE_COMMITTEE');
    const planted = options.unknownReferences ?? Math.min(30, Math.max(3, Math.floor(this.count / 50)));
    const k = Math.min(planted, this.count);
    for (let j = 0; j < k; j++) {
      this.unknown.set(Math.floor(((j + 0.5) * this.count) / k), REFERENCE_FIELDS[j % 3] as ReferenceField);
    }
    this.unknownAgency = { code: this.freeAgencyCode(98), name: 'Ban Tiếp công dân tỉnh' };
  }

  /** `ngayCapNhat` of seeded item i (whole seconds), non-decreasing in i. */
  baseTime(index: number): number {
    const u = rngFor(this.seed, 'pakn-time', index).next();
    const t = this.from + ((index + u) / this.count) * (this.to - this.from);
    return Math.floor(t / 1000) * 1000;
  }

  /** The first seeded index whose `ngayCapNhat` is at or after t (count when none). */
  lowerBound(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.baseTime(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `maPAKN` of item i: the key never changes, whatever happens to the item later. */
  codeOf(index: number, createdAt: number = this.baseTime(index)): string {
    const flow = flowFor(rngFor(this.seed, 'pakn-flow', index), createdAt);
    return `PAKN-${toDayMonthYearTime(flow.sentAt).slice(6, 10)}-${String(index + 1).padStart(6, '0')}`;
  }

  /**
   * Item i as §3 serves it. `createdAt` is the update its content derives from (its seeded
   * time, or when a simulator added it); `updatedAt` the current `ngayCapNhat`; `revision`
   * counts later changes (each one a like more, once published).
   */
  item(index: number, createdAt: number, updatedAt: number, revision = 0): RawFeedbackItem {
    // The order of the draws from `rng` is the seeded world: every step below draws in turn.
    const rng = rngFor(this.seed, 'pakn-feedback', index);
    const classification = weighted(rng, CLASSIFICATIONS);
    const channel = weighted(rng, CHANNELS);
    // The flow has a generator of its own: where it is computed does not move the draws above.
    const flow = flowFor(rngFor(this.seed, 'pakn-flow', index), createdAt);
    const { procedure, agency, dossier } = this.aboutWhat(rng, classification, flow.sentAt);
    const subject = { procedure: procedure?.name ?? null, agency: agency.name };
    const last = flow.events[flow.events.length - 1];
    const status = last?.status ?? 'MOI_TIEP_NHAN';
    const answered = flow.events.find((e) => e.status === 'DA_TRA_LOI');
    const published = status === 'DA_CONG_KHAI';
    const sender = senderFor(rng);
    const title = titleFor(rng, classification, subject);
    const unassigned = status === 'MOI_TIEP_NHAN' && rng.chance(0.5);
    const likes = published ? rng.int(0, 15) + revision : 0;
    const item: RawFeedbackItem = {
      id: FIRST_ID + index,
      maPAKN: this.codeOf(index, createdAt),
      tieuDe: asSent(rng, title),
      noiDung: contentFor(rng, subject),
      phanLoai: classification,
      kenhTiepNhan: channel,
      nguoiGui: sender,
      coQuanXuLy: unassigned ? null : { maDonVi: agency.code, tenDonVi: agency.name },
      maTTHC: procedure?.code ?? null,
      maHoSo: dossier?.code ?? null,
      trangThai: status,
      lichSu: flow.events.map((e) => ({ trangThai: e.status, thoiGian: toDayMonthYearTime(e.at) })),
      ngayGui: toDayMonthYearTime(flow.sentAt),
      ngayTraLoi: answered ? toDayMonthYearTime(answered.at) : null,
      noiDungTraLoi: replyFor(rng, answered !== undefined, status, subject),
      congKhai: published,
      luotThich: likes,
      luotKhongThich: published ? dislikes(rng) : 0,
      ngayCapNhat: toDayMonthYearTime(updatedAt),
    };
    return this.plantUnknown(index, item);
  }

  /**
   * What the item is about: a procedure (always for QUY_DINH_TTHC, sometimes otherwise),
   * the agency handling it, and now and then a dossier, whose procedure and agency then
   * replace those drawn.
   */
  private aboutWhat(
    rng: Rng,
    classification: FeedbackClassification,
    sentAt: number,
  ): {
    procedure: WorldProcedure | null;
    agency: { code: string; name: string };
    dossier: DossierReference | null;
  } {
    const withProcedure = classification === 'QUY_DINH_TTHC' || rng.chance(0.2);
    let procedure = withProcedure ? this.world.procedureAt(rng.int(0, this.world.procedureCount - 1)) : null;
    let agency: { code: string; name: string } =
      procedure && procedure.agencies.length > 0 ? rng.pick(procedure.agencies) : rng.pick(this.handlers);
    const dossier =
      classification === 'QUY_DINH_TTHC' && rng.chance(0.25) ? this.dossierFor(rng, sentAt) : null;
    if (dossier?.nationalCode) {
      const index = this.world.procedureIndexOf(dossier.nationalCode);
      if (index !== null && index < this.world.procedureCount) procedure = this.world.procedureAt(index);
    }
    const dossierAgency = dossier?.agencyCode ? this.world.agency(dossier.agencyCode) : undefined;
    if (dossierAgency) agency = dossierAgency;
    return { procedure, agency, dossier };
  }

  /** True when item i carries a planted unknown reference (bad records are planted elsewhere). */
  hasUnknownReference(index: number): boolean {
    return this.unknown.has(index);
  }

  /** A dossier filed before the feedback was sent (a few draws; none found: no dossier). */
  private dossierFor(rng: Rng, sentAt: number): DossierReference | null {
    const count = this.dossiers?.count() ?? 0;
    for (let attempt = 0; attempt < 6 && count > 0; attempt++) {
      const d = this.dossiers?.at(rng.int(0, count - 1));
      if (d && d.appliedAt !== null && d.appliedAt < sentAt) return d;
    }
    return null;
  }

  /** The planted references no portal knows, with the item carrying each. */
  unknownReferences(): UnknownReference[] {
    return [...this.unknown].map(([index]) => {
      const item = this.item(index, this.baseTime(index), this.baseTime(index));
      const field = this.unknown.get(index) as ReferenceField;
      const value = field === 'coQuanXuLy' ? this.unknownAgency.code : String(item[field]);
      return { maPAKN: String(item.maPAKN), field, value };
    });
  }

  private plantUnknown(index: number, item: RawFeedbackItem): RawFeedbackItem {
    const field = this.unknown.get(index);
    if (field === undefined) return item;
    const rng = rngFor(this.seed, 'pakn-unknown', index);
    if (field === 'maTTHC') item.maTTHC = this.freeProcedureCode(rng);
    if (field === 'maHoSo')
      item.maHoSo = `${this.freeAgencyCode(99)}-201231-${String(rng.int(1, 9999)).padStart(4, '0')}`;
    if (field === 'coQuanXuLy')
      item.coQuanXuLy = { maDonVi: this.unknownAgency.code, tenDonVi: this.unknownAgency.name };
    return item;
  }

  /** A well-formed national code this world has no procedure for. */
  private freeProcedureCode(rng: Rng): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = `1.${String(rng.int(900_000, 999_999)).padStart(6, '0')}`;
      if (this.world.procedureIndexOf(code) === null) return code;
    }
    return `3.${String(rng.int(0, 999_999)).padStart(6, '0')}`; // no world uses prefix 3
  }

  /** An agency code of the province's shape that no agency has, from `000.00.NN`. */
  private freeAgencyCode(start: number): string {
    for (let n = start; n > 0; n--) {
      const code = `000.00.${String(n).padStart(2, '0')}.${this.world.unitCode}`;
      if (!this.world.agency(code)) return code;
    }
    return `000.99.99.${this.world.unitCode}`;
  }
}

function weighted<T>(rng: Rng, options: ReadonlyArray<[T, number]>): T {
  let u = rng.next();
  for (const [value, p] of options) {
    if (u < p) return value;
    u -= p;
  }
  return (options[options.length - 1] as [T, number])[0];
}

/** The title as the portal sends it: some come NFD or with stray spaces, as real portals send them. */
function asSent(rng: Rng, title: string): string {
  if (rng.chance(0.05)) return title.normalize('NFD');
  return rng.chance(0.05) ? ` ${title}  ` : title;
}

/** The answer of an answered item, the refusal of a refused one, else none. */
function replyFor(
  rng: Rng,
  answered: boolean,
  status: string,
  subject: { procedure: string | null; agency: string },
): string | null {
  if (answered) return answerFor(rng, subject);
  return status === 'TU_CHOI' ? refusalFor(rng) : null;
}

/** A published item's dislikes: mostly none or one, a few up to six. */
function dislikes(rng: Rng): number {
  return rng.chance(0.75) ? rng.int(0, 1) : rng.int(1, 6);
}
