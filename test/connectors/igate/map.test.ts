import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParents, toDossier, toIgateAgency, toListing } from '../../../connectors/igate/map';

const FIXTURES = path.join(__dirname, '../../fixtures/igate');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
/** Rows as they would be stored: Dates become ISO strings. */
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const SALT = 'test-salt-0123456789abcdef';

function ok<T>(result: { ok: true; record: T } | { ok: false; field: string; reason: string }): T {
  if (!result.ok) throw new Error(`expected a record, got ${result.field}: ${result.reason}`);
  return result.record;
}

describe('toListing (upstream-apis.md §2 procedures)', () => {
  it('maps the contract example to the national shape (applyMethod 0/1 → DIRECT/ONLINE, +0700 dates)', () => {
    expect(asStored(ok(toListing(fixture('listing-contract.json'))))).toEqual(
      fixture('listing-contract.expected.json'),
    );
  });

  it('infers the national code from the listing code when nationCode is null, and keeps unreadable fields as issues', () => {
    const record = ok(toListing(fixture('listing-quirks.json')));
    expect(record).toMatchObject({
      nationalCode: '1.004946',
      nationalCodeInferred: true,
      name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
      sector: null,
      levels: ['DISTRICT', 'COMMUNE'],
      onlineLevel: null,
      active: false,
      decision: { number: '77/QĐ-UBND', date: null },
    });
    expect(record.updatedAt.toISOString()).toBe('2021-01-05T01:00:00.000Z');
    // Two items of one channel merge; a channel without time or fees is still offered.
    expect(record.channels).toEqual([
      {
        channel: 'POSTAL',
        times: [
          { value: 0.5, unit: 'DAY', description: null },
          { value: 1, unit: null, description: null },
        ],
        fees: [{ code: null, amount: 2000, description: 'Lệ phí chứng thực mỗi trang' }],
      },
      { channel: 'DIRECT', times: [], fees: [] },
    ]);
    expect(record.legalBases).toEqual([
      { number: '23/2015/NĐ-CP', title: null, issuedDate: null, issuer: null },
    ]);
    expect(record.issues.map((i) => i.field)).toEqual([
      'implementation[1].processingTime.unit',
      'legalBases[0].issuedDate',
      'publishedDecision.date',
    ]);
  });

  it('reads a listing the simulator serves with a null nationCode', () => {
    const record = ok(toListing(fixture('listing-sim-null-nationcode.json')));
    expect(record.nationalCode).toBe('2.013031');
    expect(record.nationalCodeInferred).toBe(true);
  });

  it.each([
    ['missing key', { code: undefined }, 'code'],
    ['bad date', { updatedDate: '2020-13-18T10:02:11.000+0700' }, 'updatedDate'],
    ['unknown status', { status: 7 }, 'status'],
    [
      'unknown applyMethod',
      { implementation: [{ applyMethod: { id: 3 }, fees: [] }] },
      'implementation[0].applyMethod.id',
    ],
    ['unknown level', { levels: [{ id: 0 }] }, 'levels[0].id'],
    ['unknown online level', { onlineLevel: 5 }, 'onlineLevel'],
    [
      'negative money',
      { implementation: [{ applyMethod: { id: 0 }, fees: [{ code: 'LP', amount: -1 }] }] },
      'implementation[0].fees[0].amount',
    ],
    ['wrong type', { levels: 'Cấp Tỉnh' }, 'levels'],
  ])('rejects a listing with %s, naming the field', (_kind, patch, field) => {
    const result = toListing({ ...fixture('listing-contract.json'), ...patch });
    expect(result).toMatchObject({ ok: false, field });
  });
});

describe('toDossier (upstream-apis.md §2 dossiers)', () => {
  it('maps the contract example; the identity number leaves only as salted hash and last 4', () => {
    const record = ok(toDossier(fixture('dossier-contract.json'), SALT));
    const expected = fixture('dossier-contract.expected.json') as { applicant: Record<string, unknown> };
    // HMAC-SHA256('052090001234', SALT) in base64url, computed outside the code
    // (printf 052090001234 | openssl dgst -sha256 -hmac "$SALT" -binary | base64 | tr '+/' '-_' | tr -d =).
    expected.applicant.identityHash = 'WyUmVMm8_5Co_-BUOtUn4d8vrQMnBcM87S8SEJsjoxs';
    expect(asStored(record)).toEqual(expected);
    expect(JSON.stringify(record)).not.toContain('052090001234');
    expect(
      ok(toDossier(fixture('dossier-contract.json'), 'another-salt-0123456789')).applicant.identityHash,
    ).not.toBe(record.applicant.identityHash);
  });

  it('infers the national code, reads a numeric tax code and a missing agency', () => {
    const record = ok(toDossier(fixture('dossier-returned-inferred.json'), SALT));
    expect(record).toMatchObject({
      nationalCode: '1.004946',
      listingExternalId: null,
      agencyCode: null,
      channel: 'DIRECT',
      status: 'RETURNED',
      sourceStatusId: 8,
      supplements: [],
      rating: null,
      applicant: {
        type: 'BUSINESS',
        fullName: 'Công ty TNHH Phú Tài',
        identityLast4: '9564',
        phone: null,
        email: null,
      },
    });
    expect(record.returnedAt?.toISOString()).toBe('2020-11-03T02:00:00.000Z');
  });

  it('reads a dossier recorded from the simulator (supplements, rating)', () => {
    const raw = fixture('dossier-sim.json');
    const record = ok(toDossier(raw, SALT));
    expect(record.code).toBe(raw.code);
    expect(record.status).toBe('RETURNED');
    expect(record.channel).toBe('ONLINE');
    expect(record.supplements).toHaveLength(2);
    expect(record.rating?.value).toBe(1);
    expect(record.completedAt!.getTime()).toBeLessThanOrEqual(record.returnedAt!.getTime());
  });

  it.each([
    [0, 'REGISTERED'],
    [1, 'RECEIVED'],
    [2, 'PROCESSING'],
    [16, 'PROCESSING'],
    [17, 'PROCESSING'],
    [3, 'SUPPLEMENT_REQUESTED'],
    [4, 'PAYMENT_REQUIRED'],
    [5, 'WITHDRAWN'],
    [6, 'STOPPED'],
    [7, 'PROCESSED'],
    [8, 'RETURNED'],
    [9, 'NOT_RECEIVED'],
  ])('maps iGate status %i to %s', (id, status) => {
    const raw = { ...fixture('dossier-contract.json'), dossierStatus: { id, name: '' } };
    expect(ok(toDossier(raw, SALT)).status).toBe(status);
  });

  it.each([
    ['missing key', { code: '' }, 'code'],
    ['bad date', { appliedDate: '2020-13-05T08:12:00.000+0700' }, 'appliedDate'],
    ['unknown status id', { dossierStatus: { id: 42 } }, 'dossierStatus.id'],
    ['wrong type', { applyMethod: { id: 'online' } }, 'applyMethod.id'],
    ['unknown channel', { applyMethod: { id: 3 } }, 'applyMethod.id'],
    ['unknown rating', { rating: { value: 5 } }, 'rating.value'],
    ['no procedure', { procedure: null }, 'procedure'],
  ])('rejects a dossier with %s, naming the field', (_kind, patch, field) => {
    expect(toDossier({ ...fixture('dossier-contract.json'), ...patch }, SALT)).toMatchObject({
      ok: false,
      field,
    });
  });

  it('never echoes an unreadable identity number in the reason', () => {
    const raw = fixture('dossier-contract.json') as { applicant: { data: Record<string, unknown> } };
    raw.applicant.data.identityNumber = '0520-9000 1234?';
    const result = toDossier(raw, SALT);
    expect(result).toMatchObject({ ok: false, field: 'applicant.data.identityNumber' });
    expect(JSON.stringify(result)).not.toContain('1234');
  });
});

describe('toIgateAgency and resolveParents (upstream-apis.md §2 agencies)', () => {
  it('maps levels and resolves parents by iGate id; an unknown parent id gives no parent', () => {
    const content = (fixture('agency-search.json') as { content: unknown[] }).content;
    const results = content.map(toIgateAgency);
    expect(results[3]).toMatchObject({ ok: false, field: 'level.id' });
    const agencies = resolveParents(results.slice(0, 3).map(ok));
    expect(agencies.map((a) => [a.code, a.level, a.parentCode])).toEqual([
      ['000.00.00.H21', 'PROVINCE', null],
      ['000.00.12.H21', 'PROVINCE', '000.00.00.H21'],
      ['000.03.25.H21', 'COMMUNE', null],
    ]);
    expect(agencies[2]?.parentExternalId).toBe('5f0caa00000000000000ffff');
  });
});
