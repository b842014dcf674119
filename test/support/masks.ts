/**
 * The masks a caller without the `pii` grant sees, written out here from domain.md's rule
 * (later words keep their first letter; a phone keeps its first and last two digits), not
 * with the code's maskName/maskPhone: their literal cases are in test/connectors/kit/pii.test.ts.
 */
export function expectedNameMask(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(
      / (\p{L})(\p{L}*)/gu,
      (_, first: string, rest: string) => ` ${first}${'*'.repeat([...rest].length)}`,
    );
}

export function expectedPhoneMask(phone: string): string {
  return phone
    .replace(/\s+/g, '')
    .replace(
      /^(\d{2})(\d+)(\d{2})$/,
      (_, a: string, mid: string, b: string) => a + '*'.repeat(mid.length) + b,
    );
}
