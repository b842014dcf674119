/**
 * The applicant as a caller may see it (domain.md "Personal data"): names, phones and
 * e-mails unmasked only for a key with the `pii` grant, masked (`Nguyễn V** A`,
 * `09******34`) for everyone else; the identity number never, only its last 4 digits.
 */
import type { ApplicantType } from '../../../connectors/kit/model';
import { maskEmail, maskName, maskPhone } from '../../../connectors/kit/pii';
import type { Principal } from '../../graph/auth';

export interface StoredApplicant {
  type: ApplicantType | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  identityLast4: string | null;
}

export interface ApplicantView {
  type: ApplicantType | null;
  fullName: string | null;
  phone: string | null;
  email: string | null;
  identityLast4: string | null;
  masked: boolean;
}

/** The one place the graph decides whether personal data is shown unmasked. */
export function canSeePersonalData(principal: Principal): boolean {
  return principal.pii;
}

export function applicantView(a: StoredApplicant, unmasked: boolean): ApplicantView {
  const mask = <T extends string | null>(value: T, masker: (v: string) => string): T | string =>
    value === null || unmasked ? value : masker(value);
  return {
    type: a.type,
    fullName: mask(a.name, maskName),
    phone: mask(a.phone, maskPhone),
    email: mask(a.email, maskEmail),
    identityLast4: a.identityLast4,
    masked: !unmasked,
  };
}
