/** Open findings as CSV (csv-stringify does the quoting), one header row "Vietnamese (English)". */
import { stringify } from 'csv-stringify/sync';
import { cellText, EXPORT_COLUMNS, type ExportFinding } from './columns';

export function findingsCsv(findings: readonly ExportFinding[]): string {
  const header = EXPORT_COLUMNS.map((c) => `${c.vi} (${c.en})`);
  const rows = findings.map((f) => EXPORT_COLUMNS.map((c) => cellText(f[c.key])));
  // The byte-order mark lets spreadsheet programs read the Vietnamese as UTF-8.
  return stringify([header, ...rows], { bom: true });
}
