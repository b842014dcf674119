import { z } from 'zod';

/**
 * Raw shapes of the provincial one-stop system, iGate (upstream-apis.md §2). Types are
 * checked here; meaning (dates, enum ids, money) is checked in the mappers, which report
 * the field. Optional objects and lists may be absent or null.
 */

const optionalText = z.string().nullish();
/** A list the upstream may omit or send as null: read as empty. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
const idRef = z.object({ id: z.number().int() });

/** §2 "Token". */
export const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive().nullish(),
  token_type: z.string().nullish(),
});

/** §2 "Paging": Spring's page envelope. Items are checked one by one by the mappers. */
export const pageSchema = z.object({
  content: z.array(z.unknown()),
  number: z.number().int().nonnegative().nullish(),
  size: z.number().int().nonnegative().nullish(),
  totalElements: z.number().int().nonnegative().nullish(),
  totalPages: z.number().int().nonnegative().nullish(),
  last: z.boolean().nullish(),
});
export type RawPage = z.infer<typeof pageSchema>;

/** §2 `GET /ba/agency/search` item. */
export const agencySchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  name: z.string(),
  level: idRef.nullish(),
  parent: z.object({ id: z.string().min(1) }).nullish(),
});
export type RawAgency = z.infer<typeof agencySchema>;

export const feeSchema = z.object({
  code: optionalText,
  amount: z.union([z.number(), z.string()]),
  description: optionalText,
});
export type RawFee = z.infer<typeof feeSchema>;

export const implementationSchema = z.object({
  applyMethod: idRef,
  processingTime: z
    .object({ value: z.union([z.number(), z.string()]).nullish(), unit: optionalText })
    .nullish(),
  fees: list(feeSchema),
});
export type RawImplementation = z.infer<typeof implementationSchema>;

/** §2 `GET /bo/procedure/search` item: a procedure as the province publishes it. */
export const listingSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  nationCode: optionalText,
  name: z.string(),
  sector: z.object({ id: optionalText, code: z.string().min(1), name: z.string() }).nullish(),
  levels: list(idRef),
  agencies: list(z.object({ id: optionalText, code: z.string().min(1), name: z.string() })),
  implementation: list(implementationSchema),
  onlineLevel: z.number().int().nullish(),
  legalBases: list(z.object({ number: z.string().min(1), title: optionalText, issuedDate: optionalText })),
  publishedDecision: z.object({ number: optionalText, date: optionalText }).nullish(),
  status: z.number().int(),
  updatedDate: z.string(),
});
export type RawListing = z.infer<typeof listingSchema>;

/** §2 `GET /pa/dossier/search` item. `applicant.data` is personal data (domain.md). */
export const dossierSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  procedure: z.object({ id: optionalText, code: z.string().min(1), nationCode: optionalText }),
  agency: z.object({ id: optionalText, code: optionalText }).nullish(),
  applicant: z
    .object({
      type: z.number().int().nullish(),
      data: z
        .object({
          fullname: optionalText,
          identityNumber: z.union([z.string(), z.number()]).nullish(),
          phone: optionalText,
          email: optionalText,
        })
        .nullish(),
    })
    .nullish(),
  applyMethod: idRef,
  appliedDate: optionalText,
  acceptedDate: optionalText,
  appointmentDate: optionalText,
  completedDate: optionalText,
  returnedDate: optionalText,
  withdrawnDate: optionalText,
  dossierStatus: z.object({ id: z.number().int(), name: optionalText }),
  supplements: list(z.object({ requestedDate: optionalText, receivedDate: optionalText })),
  rating: z.object({ value: z.number().int(), ratedDate: optionalText }).nullish(),
  updatedDate: z.string(),
});
export type RawDossier = z.infer<typeof dossierSchema>;

/** The record's `code` when it can be read, for the quarantine's external key. */
export function rawCode(raw: unknown): string | null {
  const code = (raw as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.trim() !== '' ? code.normalize('NFC').trim() : null;
}
