/** Indicators over the synced feedback (tasks 9, 20). */
import { query } from '../../../db/sql';
import { agencyInScope, inPeriod, scopeParams } from './sql';
import { type Figure, type IndicatorInput, ratio } from './types';

const ANSWERED = `f.deleted_at is null and f.answered_at is not null and f.status in ('DA_TRA_LOI', 'DA_CONG_KHAI')`;

/** Task 9: of the feedback answered in the period, those whose answer is published. */
export async function feedbackPublished(input: IndicatorInput): Promise<Figure> {
  const [row] = await query<{ published: number; answered: number }>(
    input.em,
    `select count(*) filter (where f.status = 'DA_CONG_KHAI')::int as published, count(*)::int as answered
       from feedback f where ${ANSWERED} and ${inPeriod('f.answered_at')} and ${agencyInScope('f.agency_code')}`,
    [input.from, input.to, ...scopeParams(input.scope)],
  );
  return ratio(row!.published, row!.answered);
}

/** Task 20: likes / (likes + dislikes) on feedback answered in the period. */
export async function feedbackSatisfaction(input: IndicatorInput): Promise<Figure> {
  const [row] = await query<{ likes: number; votes: number }>(
    input.em,
    `select coalesce(sum(f.likes), 0)::int as likes, coalesce(sum(f.likes + f.dislikes), 0)::int as votes
       from feedback f where ${ANSWERED} and ${inPeriod('f.answered_at')} and ${agencyInScope('f.agency_code')}`,
    [input.from, input.to, ...scopeParams(input.scope)],
  );
  return ratio(row!.likes, row!.votes);
}
