/**
 * Personal data helpers for connectors (domain.md, "Personal data"): identity numbers are
 * kept only as a salted hash plus the last 4 digits; raw payloads are redacted before
 * they are stored; masked forms are what callers without the `pii` grant see.
 */
import { createHmac } from 'node:crypto';

export function hashIdentity(identityNumber: string, salt: string): string {
  return createHmac('sha256', salt).update(identityNumber.replace(/\s+/g, '')).digest('base64url');
}

export function last4(identityNumber: string): string {
  return identityNumber.replace(/\s+/g, '').slice(-4);
}

/** `Nguyễn Văn An` → `Nguyễn V** A*`: first word whole, then each word's first letter. */
export function maskName(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => {
      if (i === 0) return w;
      const chars = [...w];
      return chars[0] + '*'.repeat(Math.max(chars.length - 1, 0));
    })
    .join(' ');
}

/** `0905123434` → `09******34`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return digits.slice(0, 2) + '*'.repeat(digits.length - 4) + digits.slice(-2);
}

/** `an.nguyen@example.vn` → `a******@example.vn`. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return `${email[0]}${'*'.repeat(Math.max(at - 1, 1))}${email.slice(at)}`;
}

/** `052090001234` → `********1234`. */
export function maskIdentity(identityNumber: string): string {
  const s = identityNumber.replace(/\s+/g, '');
  return '*'.repeat(Math.max(s.length - 4, 0)) + s.slice(-4);
}

type Masker = (value: string) => string;

/**
 * A deep copy of a raw payload with personal fields masked, by key name. Used on every
 * raw payload before it is stored (records and quarantine alike).
 */
export function redactPayload(raw: unknown, fields: Record<string, Masker>): unknown {
  if (Array.isArray(raw)) return raw.map((v) => redactPayload(v, fields));
  if (raw && typeof raw === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      const mask = fields[k];
      out[k] =
        mask && typeof v === 'string'
          ? mask(v)
          : mask && typeof v === 'number'
            ? mask(String(v))
            : redactPayload(v, fields);
    }
    return out;
  }
  return raw;
}

/** The personal fields of iGate and PAKN payloads. */
export const PERSONAL_FIELDS: Record<string, Masker> = {
  fullname: maskName,
  fullName: maskName,
  identityNumber: maskIdentity,
  phone: maskPhone,
  email: maskEmail,
  hoTen: maskName,
  soDienThoai: maskPhone,
};

/**
 * What retention erases from a stored raw payload (src/db/personal-data.ts): every member
 * PERSONAL_FIELDS masks, addresses, and the objects that are the person as a whole (iGate's
 * `applicant.data`, PAKN's `nguoiGui`), so members this list does not name go too. A
 * `parent.member` entry applies under that parent only.
 */
export const ERASED_RAW_KEYS: readonly string[] = [
  ...Object.keys(PERSONAL_FIELDS),
  'address',
  'diaChi',
  'applicant.data',
  'nguoiGui',
];
