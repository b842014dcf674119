/**
 * The sender as a caller may see them (domain.md "Personal data"): name, phone and e-mail
 * unmasked only for a key with the `pii` grant, masked for everyone else (never an error).
 */
import { maskEmail, maskName, maskPhone } from '../../../connectors/kit/pii';
import type { Principal } from '../../graph/auth';

export interface StoredSender {
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface SenderView {
  fullName: string | null;
  phone: string | null;
  email: string | null;
  masked: boolean;
}

/** Whether this caller reads personal data in clear: the one switch a `pii` grant turns. */
export const readsPersonalData = (principal: Principal): boolean => principal.pii;

export function senderView(s: StoredSender, unmasked: boolean): SenderView {
  const show = (value: string | null, mask: (v: string) => string): string | null =>
    value === null || unmasked ? value : mask(value);
  return {
    fullName: show(s.name, maskName),
    phone: show(s.phone, maskPhone),
    email: show(s.email, maskEmail),
    masked: !unmasked,
  };
}
