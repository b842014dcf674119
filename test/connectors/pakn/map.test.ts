import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedbackKeyOf, redactFeedback, STATUS_GROUPS, toFeedback } from '../../../connectors/pakn/map';

const FIXTURES = path.join(__dirname, '../../fixtures/pakn');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
/** Rows as they would be stored: Dates become ISO strings. */
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const page = fixture('pakn-page.json') as { duLieu: Record<string, unknown>[] };
const bad = fixture('pakn-bad-records.json') as {
  template: Record<string, unknown>;
  cases: { name: string; patch: Record<string, unknown>; field: string }[];
};

describe('toFeedback', () => {
  it('maps a recorded page: contract example, NFD-free trimming, unsorted history, nulls, refusal', () => {
    const rows = page.duLieu.map((raw) => {
      const result = toFeedback(raw);
      if (!result.ok) throw new Error(`${result.field}: ${result.reason}`);
      return result.record;
    });
    expect(asStored(rows)).toEqual(fixture('pakn-page.expected.json'));
  });

  it('reads NFD text as NFC', () => {
    const raw = { ...page.duLieu[0], tieuDe: 'Phản ánh về lệ phí'.normalize('NFD') };
    const result = toFeedback(raw);
    expect(result.ok && result.record.title).toBe('Phản ánh về lệ phí'.normalize('NFC'));
  });

  it('gives every status its group (domain.md table)', () => {
    expect(STATUS_GROUPS).toEqual({
      MOI_TIEP_NHAN: 'WAITING',
      DANG_XU_LY: 'IN_PROCESS',
      CHO_BO_SUNG: 'IN_PROCESS',
      DA_TRA_LOI: 'PROCESSED',
      DA_CONG_KHAI: 'PROCESSED',
      TU_CHOI: 'PROCESSED',
      CHUYEN_DON_VI_KHAC: 'PROCESSED',
    });
  });

  it('accepts the template the bad cases start from', () => {
    expect(toFeedback(bad.template).ok).toBe(true);
  });

  it.each(bad.cases)('rejects $name with field $field', ({ patch, field }) => {
    const result = toFeedback({ ...bad.template, ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.reason.length).toBeGreaterThan(3);
  });

  it('rejects what is not an object at all', () => {
    expect(toFeedback(null)).toMatchObject({ ok: false });
    expect(toFeedback('PAKN-1')).toMatchObject({ ok: false });
  });

  it('reads the key of a bad record when it can', () => {
    expect(feedbackKeyOf({ maPAKN: ' PAKN-2020-1 ', luotThich: -1 })).toBe('PAKN-2020-1');
    expect(feedbackKeyOf({ maPAKN: 12 })).toBeNull();
    expect(feedbackKeyOf(null)).toBeNull();
  });
});

describe('redactFeedback', () => {
  it('masks the sender and leaves everything else', () => {
    const raw = page.duLieu[0] as Record<string, unknown>;
    const redacted = redactFeedback(raw) as Record<string, unknown>;
    expect(redacted.nguoiGui).toEqual({
      hoTen: 'Nguyễn V** A*',
      soDienThoai: '09******34',
      email: 'a********@example.vn',
    });
    expect({ ...redacted, nguoiGui: null }).toEqual({ ...raw, nguoiGui: null });
    const text = JSON.stringify(redacted);
    for (const secret of ['Văn An', '123 434', '0905123434', 'an.nguyen@'])
      expect(text).not.toContain(secret);
  });
});
