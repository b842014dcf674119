/** The national and provincial values side by side, the part that differs highlighted. */
import { useI18n } from '../../i18n';
import { difference } from './diff';

export function DiffValues({
  national,
  provincial,
  compact,
}: {
  national: string | null;
  provincial: string | null;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const d = difference(national ?? '', provincial ?? '');
  const side = (label: string, value: string | null, middle: string, which: string) => (
    <div className={`side ${which}`}>
      <span className="side-label">{label}</span>
      {value === null ? (
        <span className="absent">{t('findings.absent')}</span>
      ) : (
        <span className="value" data-testid={`${which}-value`}>
          {d.prefix}
          {middle && <mark>{middle}</mark>}
          {d.suffix}
        </span>
      )}
    </div>
  );
  return (
    <div className={compact ? 'diff compact' : 'diff'}>
      {side(t('findings.national'), national, d.a, 'national')}
      {side(t('findings.provincial'), provincial, d.b, 'provincial')}
    </div>
  );
}
