/**
 * Personal data in the graph (domain.md "Personal data"): names, phones and e-mails of
 * citizens unmasked only for a key with the `pii` grant, masked (`Nguyễn V** A`,
 * `09******34`) for everyone else: never an error.
 */
import { maskEmail, maskName, maskPhone } from '../../connectors/kit/pii';
import type { Principal } from './auth';

/** The one place the graph decides whether personal data is shown unmasked. */
export function canSeePersonalData(principal: Principal): boolean {
  return principal.pii;
}

export interface StoredContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface ContactView {
  fullName: string | null;
  phone: string | null;
  email: string | null;
  masked: boolean;
}

export function contactView(c: StoredContact, unmasked: boolean): ContactView {
  const show = (value: string | null, mask: (v: string) => string): string | null =>
    value === null || unmasked ? value : mask(value);
  return {
    fullName: show(c.name, maskName),
    phone: show(c.phone, maskPhone),
    email: show(c.email, maskEmail),
    masked: !unmasked,
  };
}
