/** Year and part of year (whole year, a quarter or a month). */
import { Picker } from '../../components/Picker';
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
      <Picker
        label={labels?.year ?? t('report.year')}
        value={value.year}
        options={years}
        onChange={(v) => onChange({ ...value, year: Number(v) })}
      />
      <Picker
        label={labels?.part ?? t('report.period')}
        value={value.part}
        options={PARTS}
        name={partLabel}
        onChange={(v) => onChange({ ...value, part: v })}
      />
    </>
  );
}
