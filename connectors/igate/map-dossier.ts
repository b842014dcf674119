import type { Applicant, ApplicantType, DossierRecord, DossierStatus } from '../../src/domain/model';
import { hashIdentity, last4 } from '../kit/pii';
import { firstIssue } from '../kit/zod-issues';
import {
  fromTable,
  type MapResult,
  mapWith,
  nationalCodeOf,
  optionalDate,
  RecordProblem,
  requiredDate,
  requiredText,
  textOrNull,
} from './map-fields';
import { APPLY_METHODS } from './map-listing';
import { dossierSchema, type RawDossier } from './records';

/**
 * A raw iGate dossier (upstream-apis.md §2 "Dossiers") → DossierRecord. Pure. The
 * identity number leaves this function only as a salted hash and its last 4 digits
 * (domain.md "Personal data"); name, phone and e-mail are kept as read.
 */

/** §2: `dossierStatus.id` → national TrangThaiHoSo (by name). An id not here is bad input. */
export const DOSSIER_STATUSES: Record<number, DossierStatus> = {
  0: 'REGISTERED',
  1: 'RECEIVED',
  2: 'PROCESSING',
  16: 'PROCESSING',
  17: 'PROCESSING',
  3: 'SUPPLEMENT_REQUESTED',
  4: 'PAYMENT_REQUIRED',
  5: 'WITHDRAWN',
  6: 'STOPPED',
  7: 'PROCESSED',
  8: 'RETURNED',
  9: 'NOT_RECEIVED',
};
/** §2 `applicant.type`: 1 citizen, 2 business, 3 state agency, 4 other organisation. */
const APPLICANT_TYPES: Record<number, ApplicantType> = {
  1: 'CITIZEN',
  2: 'BUSINESS',
  3: 'STATE_AGENCY',
  4: 'OTHER_ORGANISATION',
};
/** §2 `rating.value`: 1 very satisfied, 2 satisfied, 3 not satisfied. */
const RATINGS: Record<number, 1 | 2 | 3> = { 1: 1, 2: 2, 3: 3 };

export function toDossier(raw: unknown, piiSalt: string): MapResult<DossierRecord> {
  const parsed = dossierSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  return mapWith(() => buildDossier(parsed.data, piiSalt));
}

function buildDossier(d: RawDossier, salt: string): DossierRecord {
  const code = requiredText(d.code, 'code');
  const listingCode = requiredText(d.procedure.code, 'procedure.code');
  const { nationalCode } = nationalCodeOf(d.procedure.nationCode, listingCode, 'procedure.nationCode');
  const status = fromTable(DOSSIER_STATUSES, d.dossierStatus.id, 'dossierStatus.id', 'dossier status id');
  return {
    externalId: requiredText(d.id, 'id'),
    code,
    listingExternalId: textOrNull(d.procedure.id),
    listingCode,
    nationalCode,
    agencyCode: textOrNull(d.agency?.code),
    applicant: toApplicant(d.applicant, salt),
    channel: fromTable(APPLY_METHODS, d.applyMethod.id, 'applyMethod.id', 'applyMethod'),
    appliedAt: optionalDate(d.appliedDate, 'appliedDate'),
    acceptedAt: optionalDate(d.acceptedDate, 'acceptedDate'),
    appointmentAt: optionalDate(d.appointmentDate, 'appointmentDate'),
    completedAt: optionalDate(d.completedDate, 'completedDate'),
    returnedAt: optionalDate(d.returnedDate, 'returnedDate'),
    withdrawnAt: optionalDate(d.withdrawnDate, 'withdrawnDate'),
    status,
    sourceStatusId: d.dossierStatus.id,
    supplements: d.supplements.map((s, i) => ({
      requestedAt: optionalDate(s.requestedDate, `supplements[${i}].requestedDate`),
      receivedAt: optionalDate(s.receivedDate, `supplements[${i}].receivedDate`),
    })),
    rating: d.rating
      ? {
          value: fromTable(RATINGS, d.rating.value, 'rating.value', 'rating'),
          ratedAt: optionalDate(d.rating.ratedDate, 'rating.ratedDate'),
        }
      : null,
    updatedAt: requiredDate(d.updatedDate, 'updatedDate'),
  };
}

function toApplicant(raw: RawDossier['applicant'], salt: string): Applicant {
  const type =
    raw?.type === null || raw?.type === undefined
      ? null
      : fromTable(APPLICANT_TYPES, raw.type, 'applicant.type', 'applicant type');
  const data = raw?.data;
  const identity =
    data?.identityNumber === null || data?.identityNumber === undefined
      ? null
      : String(data.identityNumber).replace(/\s+/g, '');
  if (identity !== null && identity !== '' && !/^[0-9A-Za-z]+$/.test(identity)) {
    // Never echo the value: it is an identity number.
    throw new RecordProblem(
      'applicant.data.identityNumber',
      'not an identity number (letters and digits only)',
    );
  }
  const hasIdentity = identity !== null && identity !== '';
  return {
    type,
    fullName: textOrNull(data?.fullname),
    identityHash: hasIdentity ? hashIdentity(identity, salt) : null,
    identityLast4: hasIdentity ? last4(identity) : null,
    phone: textOrNull(data?.phone),
    email: textOrNull(data?.email),
  };
}
