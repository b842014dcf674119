import { z } from 'zod';

/**
 * Raw shapes of the national procedure database (upstream-apis.md §1). Types are checked
 * here; meaning (dates, enums, money) is checked in map.ts, which reports the field.
 * Lenient where the contract says values vary: money is a number or a digit string,
 * processing time a decimal string, optional lists may be absent or null.
 */

/** `error_code` as a number; a numeric string is accepted too. */
const errorCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);
const optionalText = z.string().nullish();
/** A list the upstream may omit or send as null: read as empty. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);

/** Passthrough: services add their own fields beside `result` (`tongso`). */
export const envelopeSchema = z
  .object({
    error_code: errorCode,
    message: z.string().nullish(),
    result: z.unknown().optional(),
  })
  .passthrough();
export type Envelope = z.infer<typeof envelopeSchema>;

export const sessionSchema = z.object({
  error_code: errorCode,
  message: z.string().nullish(),
  session: z.string().min(1).nullish(),
  expires_in: z.number().positive().nullish(),
});

/** `LayDanhSachTTHC` envelope; its items are checked one by one so one bad item does not sink the page. */
export const procedureListSchema = z.object({
  result: z.array(z.unknown()),
  tongso: count,
});

export const listItemSchema = z.object({
  MATTHC: z.string().min(1),
  TENTTHC: optionalText,
  NGAYCAPNHAT: z.string(),
  TRANGTHAI: z.number().int().nullish(),
});
export type RawListItem = z.infer<typeof listItemSchema>;

export const moneySchema = z.union([z.number(), z.string()]);

export const feeSchema = z.object({
  MAPHILEPHI: optionalText,
  SOTIEN: moneySchema,
  DONVI: optionalText,
  MOTA: optionalText,
});
export type RawFee = z.infer<typeof feeSchema>;

export const timeSchema = z.object({
  THOIGIANGIAIQUYET: z.union([z.string(), z.number()]).nullish(),
  DONVITINH: optionalText,
  MOTA: optionalText,
  PHILEPHI: list(feeSchema),
});

export const channelSchema = z.object({
  KENH: z.number().int(),
  THOIGIAN: list(timeSchema),
  PHILEPHI: list(feeSchema),
});
export type RawChannel = z.infer<typeof channelSchema>;

const codeName = <C extends string, N extends string>(codeKey: C, nameKey: N) =>
  z.object({ [codeKey]: z.string().min(1), [nameKey]: z.string() } as Record<C | N, z.ZodString>);

export const documentGroupSchema = z.object({
  TRUONGHOP: optionalText,
  GIAYTO: list(
    z.object({
      MAGIAYTO: optionalText,
      TENGIAYTO: z.string(),
      SOBANCHINH: z.number().int().nonnegative().nullish(),
      SOBANSAO: z.number().int().nonnegative().nullish(),
    }),
  ),
});

export const legalBasisSchema = z.object({
  SOVANBAN: z.string().min(1),
  TENVANBAN: optionalText,
  NGAYBANHANH: optionalText,
  COQUANBANHANH: optionalText,
});

/** `LayThuTuc`: one full record. */
export const procedureSchema = z.object({
  ID: optionalText,
  MATTHC: z.string().min(1),
  TENTTHC: z.string(),
  LOAITTHC: z.number().int().nullish(),
  TRANGTHAI: z.number().int(),
  NGAYCAPNHAT: z.string(),
  NGAYBAIBO: optionalText,
  MACOQUANCONGBO: optionalText,
  IDQUYETDINHCONGBO: optionalText,
  LINHVUCTHUCHIEN: list(codeName('MALINHVUC', 'TENLINHVUC')),
  CAPTHUCHIEN: list(z.object({ CAPTHUCHIEN: z.number().int(), TENCAP: optionalText })),
  COQUANTHUCHIEN: list(codeName('MADONVI', 'TENDONVI')),
  DOITUONGTHUCHIEN: list(codeName('MADOITUONG', 'TENDOITUONG')),
  CACHTHUCTHUCHIEN: list(channelSchema),
  THANHPHANHOSO: list(documentGroupSchema),
  KETQUATHUCHIEN: list(codeName('MAKETQUA', 'TENKETQUA')),
  CANCUPHAPLY: list(legalBasisSchema),
  YEUCAU: optionalText,
  MOTA: optionalText,
});
export type RawProcedure = z.infer<typeof procedureSchema>;

/** `LayDanhMucCoQuan` item. */
export const agencySchema = z.object({
  MADONVI: z.string().min(1),
  TENDONVI: z.string(),
  CAPDONVI: z.number().int().nullish(),
  MADONVICHA: optionalText,
});
export type RawAgency = z.infer<typeof agencySchema>;

/** `LayDanhMucLinhVuc` item. */
export const sectorSchema = z.object({
  MALINHVUC: z.string().min(1),
  TENLINHVUC: z.string(),
  MANGANH: optionalText,
});
export type RawSector = z.infer<typeof sectorSchema>;

/** `LayQDCB`: a ministry's publication decision. */
export const decisionSchema = z.object({
  ID: optionalText,
  SOQUYETDINH: optionalText,
  NGAYQUYETDINH: optionalText,
  COQUANBANHANH: optionalText,
});
export type RawDecision = z.infer<typeof decisionSchema>;

/** `LayThuTuc`/`LayQDCB` put their one object in `result`, bare or as a one-item array. */
export function singleResult(result: unknown): unknown | null {
  if (Array.isArray(result)) return result[0] ?? null;
  return result ?? null;
}
