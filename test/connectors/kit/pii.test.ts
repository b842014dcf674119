import { describe, expect, it } from 'vitest';
import { hashIdentity, last4, maskEmail, maskName, maskPhone } from '../../../connectors/kit/pii';

// Literal expectations, written from domain.md's rules, not computed with the helpers.
describe('personal data helpers', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V** A*'],
    ['  Trần   Thị Bích Ngọc ', 'Trần T** B*** N***'],
    ['Lê', 'Lê'],
  ])('masks the name %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['0905123434', '09******34'],
    ['090 512 3434', '09******34'],
    ['1234', '****'],
  ])('masks the phone %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['an.nguyen@example.vn', 'a********@example.vn'],
    ['a@example.vn', 'a*@example.vn'],
    ['not-an-address', '**************'],
  ])('masks the e-mail %j as %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('keeps an identity number only as HMAC-SHA256 (base64url) with the salt, and its last 4 digits', () => {
    // printf 052090001234 | openssl dgst -sha256 -hmac test-salt-0123456789abcdef -binary | base64 | tr '+/' '-_' | tr -d =
    expect(hashIdentity('0520 9000 1234', 'test-salt-0123456789abcdef')).toBe(
      'WyUmVMm8_5Co_-BUOtUn4d8vrQMnBcM87S8SEJsjoxs',
    );
    expect(last4('0520 9000 1234')).toBe('1234');
  });
});
