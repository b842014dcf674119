/** Year and part of year (whole year, a quarter or a month). */
import { useI18n } from '../../i18n';
import type { Period } from './period';

const PARTS = [
  '',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')),
];

export function PeriodPicker({
  value,
  years,
  onChange,
  labels,
}: {
  value: Period;
  years: number[];
  onChange(p: Period): void;
  /** Own labels when a page has two pickers (each control needs a name of its own). */
  labels?: { year: string; part: string };
}) {
  const { t } = useI18n();
  const partLabel = (part: string) =>
    part === ''
      ? t('report.wholeYear')
      : part.startsWith('Q')
        ? t('report.quarter', { q: part.slice(1) })
        : t('report.month', { m: part });
  return (
    <>
      <label>
        {labels?.year ?? t('report.year')}
        <select value={value.year} onChange={(e) => onChange({ ...value, year: Number(e.target.value) })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {labels?.part ?? t('report.period')}
        <select value={value.part} onChange={(e) => onChange({ ...value, part: e.target.value })}>
          {PARTS.map((p) => (
            <option key={p} value={p}>
              {partLabel(p)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
