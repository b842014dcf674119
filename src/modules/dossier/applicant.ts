/**
 * The applicant as a caller may see it (domain.md "Personal data"): names, phones and
 * e-mails unmasked only for a key with the `pii` grant, masked (`Nguyễn V** A`,
 * `09******34`) for everyone else; the identity number never, only its last 4 digits.
 */
import type { ApplicantType } from '../../domain/model';
import { contactView, type StoredContact } from '../../graph/personal-data';

export interface StoredApplicant extends StoredContact {
  type: ApplicantType | null;
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

export function applicantView(a: StoredApplicant, unmasked: boolean): ApplicantView {
  return { type: a.type, ...contactView(a, unmasked), identityLast4: a.identityLast4 };
}
