import { z } from 'zod';

/**
 * Raw shapes of the complaint and feedback portal (upstream-apis.md §3). Types are
 * checked here; meaning (dates, enums, negative counts) is checked in map.ts, which
 * reports the field. Optional references (`maTTHC`, `maHoSo`, `coQuanXuLy`) may be null.
 */

/** `maLoi` as sent (`"00"`); a number is read as its two-digit form. */
const errorCode = z.union([
  z.string(),
  z
    .number()
    .int()
    .transform((n) => String(n).padStart(2, '0')),
]);
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);
const optionalText = z.string().nullish();

/** The list envelope; its items are checked one by one so one bad item does not sink the page. */
export const envelopeSchema = z
  .object({
    maLoi: errorCode,
    moTa: z.string().nullish(),
    tongSoBanGhi: count.nullish(),
    trang: z.number().int().nullish(),
    duLieu: z.array(z.unknown()).nullish(),
  })
  .passthrough();
export type Envelope = z.infer<typeof envelopeSchema>;

export const historySchema = z.object({
  trangThai: z.string(),
  thoiGian: z.string(),
});

export const feedbackSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1)]),
  maPAKN: z.string().trim().min(1, 'missing feedback key'),
  tieuDe: z.string(),
  noiDung: z.string(),
  phanLoai: z.string(),
  kenhTiepNhan: z.string(),
  nguoiGui: z.object({ hoTen: optionalText, soDienThoai: optionalText, email: optionalText }).nullish(),
  coQuanXuLy: z.object({ maDonVi: optionalText, tenDonVi: optionalText }).nullish(),
  maTTHC: optionalText,
  maHoSo: optionalText,
  trangThai: z.string(),
  lichSu: z
    .array(historySchema)
    .nullish()
    .transform((items) => items ?? []),
  ngayGui: z.string(),
  ngayTraLoi: optionalText,
  noiDungTraLoi: optionalText,
  congKhai: z.boolean().nullish(),
  luotThich: z.number().int().nullish(),
  luotKhongThich: z.number().int().nullish(),
  ngayCapNhat: z.string(),
});
export type RawFeedback = z.infer<typeof feedbackSchema>;
