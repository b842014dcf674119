/** The columns of an export of findings: both values side by side, headings in Vietnamese with the English beneath. */

export interface ExportFinding {
  id: string;
  kind: string;
  severity: string;
  status: string;
  subjectCode: string;
  nationalCode: string | null;
  field: string | null;
  channel: string | null;
  agencyCode: string | null;
  nationalValue: string | null;
  provincialValue: string | null;
  rule: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface ExportColumn {
  key: keyof ExportFinding;
  vi: string;
  en: string;
  /** Width in characters (xlsx). */
  width: number;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', vi: 'Mã phát hiện', en: 'Finding id', width: 14 },
  { key: 'kind', vi: 'Loại sai lệch', en: 'Kind', width: 28 },
  { key: 'severity', vi: 'Mức độ', en: 'Severity', width: 10 },
  { key: 'status', vi: 'Trạng thái', en: 'Status', width: 14 },
  { key: 'subjectCode', vi: 'Mã đối tượng', en: 'Subject code', width: 24 },
  { key: 'nationalCode', vi: 'Mã TTHC quốc gia', en: 'National code', width: 18 },
  { key: 'field', vi: 'Trường', en: 'Field', width: 16 },
  { key: 'channel', vi: 'Kênh', en: 'Channel', width: 10 },
  { key: 'agencyCode', vi: 'Cơ quan', en: 'Agency', width: 16 },
  { key: 'nationalValue', vi: 'Giá trị CSDL quốc gia', en: 'National value', width: 32 },
  { key: 'provincialValue', vi: 'Giá trị cổng tỉnh (iGate)', en: 'Provincial value', width: 32 },
  { key: 'rule', vi: 'Quy tắc', en: 'Rule', width: 50 },
  { key: 'firstSeenAt', vi: 'Phát hiện lần đầu', en: 'First seen', width: 26 },
  { key: 'lastSeenAt', vi: 'Thấy lần cuối', en: 'Last seen', width: 26 },
];

/** A cell's text: instants as local ISO 8601 (UTC+07:00), nulls empty. */
export function cellText(value: ExportFinding[keyof ExportFinding]): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Seconds are enough for an auditor; milliseconds only clutter the column.
    return `${new Date(value.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
  }
  return String(value);
}
