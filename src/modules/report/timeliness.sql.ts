/**
 * The two on-time rules as SQL over `dossier_fact` (domain.md, "When a dossier is on time").
 * The fact row already holds each completed dossier's class under both rules; only an open
 * dossier's state depends on the day the period ends, so that part is an expression here.
 */
import type { TimelinessRule } from './report.enums';

/** The fact column with a completed dossier's EARLY / ON_TIME / LATE under the rule. */
export function classColumn(rule: TimelinessRule, alias: string): string {
  return rule === 'NATIONAL' ? `${alias}.national_class` : `${alias}.provincial_class`;
}

/**
 * True when a dossier open at the end of day `to` is within its deadline.
 * PROVINCIAL: no due day, or a due day on or after `to`.
 * NATIONAL: at most one supplement request, and no due instant, or an effective due
 * instant at or after the first instant of the day after `to` (its local day is after
 * `to`), or waiting at that instant for a supplement asked for before the due instant.
 */
export function withinDeadlineSql(rule: TimelinessRule, alias: string, to: string): string {
  if (rule === 'PROVINCIAL') return `(${alias}.due_day is null or ${alias}.due_day >= ${to})`;
  return `(${alias}.supplement_count <= 1 and (${alias}.national_due_day is null or ${alias}.national_due_day > ${to}
    or coalesce(${alias}.national_pause_days @> ${to}, false)))`;
}

/** A dossier's state at the end of day `to` under the rule; null when withdrawn, never received or refused. */
export function stateAtSql(rule: TimelinessRule, alias: string, to: string): string {
  return `case when not ${alias}.received or ${alias}.accepted_day > ${to} then null
    when ${alias}.end_kind = 'COMPLETED' and ${alias}.end_day <= ${to} then ${classColumn(rule, alias)}
    when ${alias}.end_kind = 'WITHDRAWN' and ${alias}.end_day <= ${to} then null
    when ${withinDeadlineSql(rule, alias, to)} then 'WITHIN_DEADLINE' else 'OVERDUE' end`;
}
