import type { LocalDate } from '../../../domain/model';
import type { PlanStatus } from '../plan.enums';
import type { IndicatorDefinition } from './mapping';

/**
 * An indicator's status by its rule (see default-mapping.json's `about`). `deadline` is
 * the task's last day when it has one; `asOf` the day the status is judged on (the
 * period's end, or today when the period has not ended).
 */
export function indicatorStatus(
  def: Pick<IndicatorDefinition, 'target' | 'rule'>,
  value: number | null,
  deadline: LocalDate | null,
  asOf: LocalDate,
): PlanStatus {
  if (value === null) return 'NOT_MEASURABLE';
  // A figure with no target is shown, not judged: nothing says what "met" would be.
  if (def.target === null) return 'ON_TRACK';
  const higher = def.rule.better === 'HIGHER';
  const below = (threshold: number | null | undefined) =>
    threshold !== null && threshold !== undefined && (higher ? value < threshold : value > threshold);
  const met = !below(def.target);
  if (deadline !== null && asOf > deadline) return met ? 'DONE' : 'MISSED';
  if (below(def.rule.missedBelow)) return 'MISSED';
  if (below(def.rule.atRiskBelow ?? def.target)) return 'AT_RISK';
  return 'ON_TRACK';
}

const SEVERITY: PlanStatus[] = ['MISSED', 'AT_RISK', 'ON_TRACK', 'DONE'];

/**
 * A task's status: its worst measurable indicator (MISSED, then AT_RISK, ON_TRACK,
 * DONE); NOT_MEASURABLE when none of its indicators could be computed.
 */
export function taskStatus(statuses: readonly PlanStatus[]): PlanStatus {
  return SEVERITY.find((s) => statuses.includes(s)) ?? 'NOT_MEASURABLE';
}
