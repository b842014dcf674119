/** A task's indicators: each figure with numerator / denominator, target and status. */

import { localDay } from '../../format';
import type { PlanProgressQuery } from '../../graphql/generated';
import { useI18n } from '../../i18n';

export type TaskProgress = PlanProgressQuery['planProgress']['tasks'][number];
type Indicator = TaskProgress['indicators'][number];

/** Shares (0–1 with a target at most 1) as percentages, counts as numbers. */
function useValueText() {
  const { number, percent } = useI18n();
  return (i: Indicator) => {
    if (i.value === null) return i.date ? localDay(i.date) : '–';
    const share = i.denominator !== null || (i.target !== null && i.target <= 1 && i.value <= 1);
    return share ? percent(i.value) : number(i.value, 2);
  };
}

export function StatusBadge({ status }: { status: TaskProgress['status'] }) {
  const { t } = useI18n();
  return <span className={`badge plan-${status}`}>{t(`planStatus.${status}`)}</span>;
}

export function Indicators({ progress }: { progress: TaskProgress | undefined }) {
  const { t, number } = useI18n();
  const valueText = useValueText();
  if (!progress || progress.indicators.length === 0) return <span className="muted">–</span>;
  return (
    <ul className="indicators">
      {progress.indicators.map((i) => (
        <li key={i.key} title={i.formula}>
          <span className="name">{i.name}</span> <strong>{valueText(i)}</strong>
          {i.numerator !== null && i.denominator !== null && (
            <span className="muted">
              {' '}
              ({number(i.numerator)}/{number(i.denominator)})
            </span>
          )}
          {i.target !== null && (
            <span className="muted">
              {' '}
              · {t('plan.target')} {i.target <= 1 ? `${Math.round(i.target * 100)}%` : number(i.target)}
            </span>
          )}{' '}
          <StatusBadge status={i.status} />
          {i.detail && <span className="detail-line">{i.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
