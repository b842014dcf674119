/**
 * The service index (domain.md, "Service index"): two statements, one over `dossier_fact`
 * and one over the feedback facts, both for the same period and agency subtree.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import { AGENCY_VIEW_SQL } from '../agency';
import { feedbackAggregates, feedbackFactsSql } from './feedback.sql';
import { share } from './form06.service';
import type { Period } from './period';
import type { ServiceIndex, ServiceIndexFigure } from './service-index.types';
import { stateAtSql } from './timeliness.sql';

interface DossierCounts {
  accepted: number;
  on_time: number;
  rated: number;
  satisfied: number;
  new_online: number;
  new_all: number;
}

async function dossierCounts(
  em: EntityManager,
  period: Period,
  agency: string | null,
): Promise<DossierCounts> {
  const scope = agency
    ? `, agencies as (${AGENCY_VIEW_SQL}),
      scope(code, path) as (select ?::text, array[?::text] union all
        select a.code, s.path || a.code from scope s join agencies a on a.parent_code = s.code where not a.code = any(s.path))`
    : '';
  const state = stateAtSql('NATIONAL', 'x', 'p.t');
  const inScope = agency ? ' and x.agency_code in (select code from scope)' : '';
  const [row] = await query<DossierCounts>(
    em,
    `with recursive p as (select ?::date as f, ?::date as t)${scope}
    select
      count(*) filter (where x.received and x.accepted_day between p.f and p.t and (${state}) is not null)::int as accepted,
      count(*) filter (where x.received and x.accepted_day between p.f and p.t
        and (${state}) in ('EARLY', 'ON_TIME', 'WITHIN_DEADLINE'))::int as on_time,
      count(*) filter (where x.end_kind = 'COMPLETED' and x.end_day between p.f and p.t and x.received
        and x.rating_value is not null)::int as rated,
      count(*) filter (where x.end_kind = 'COMPLETED' and x.end_day between p.f and p.t and x.received
        and x.rating_value in (1, 2))::int as satisfied,
      count(*) filter (where x.received and x.accepted_day between p.f and p.t and x.channel = 'ONLINE'
        and (x.end_day is null or x.end_day >= p.f))::int as new_online,
      count(*) filter (where x.received and x.accepted_day between p.f and p.t
        and (x.end_day is null or x.end_day >= p.f))::int as new_all
    from dossier_fact x cross join p
    where ((x.received and x.accepted_day between p.f and p.t) or (x.end_day between p.f and p.t))${inScope}`,
    agency ? [period.from, period.to, agency, agency] : [period.from, period.to],
  );
  return row!;
}

async function feedbackCounts(em: EntityManager, period: Period, agency: string | null) {
  const params: unknown[] = [period.from, period.to];
  if (agency) params.push([agency]);
  const [row] = await query<Record<string, number>>(
    em,
    `${feedbackFactsSql(Boolean(agency))} select ${feedbackAggregates()} from facts x cross join p`,
    params,
  );
  return row!;
}

function figure(
  key: string,
  label: string,
  numerator: number,
  denominator: number,
  maximum: number,
  points: (ratio: number | null) => number | null,
  formula: string,
): ServiceIndexFigure {
  const ratio = share(numerator, denominator);
  return { key, label, numerator, denominator, ratio, points: points(ratio), maximum, formula };
}

export async function serviceIndex(
  em: EntityManager,
  period: Period,
  agency: string | null,
): Promise<ServiceIndex> {
  const d = await dossierCounts(em, period, agency);
  const f = await feedbackCounts(em, period, agency);
  const likes = Number(f.likes);
  const dislikes = Number(f.dislikes);
  const figures = [
    figure(
      'PROGRESS',
      'Tiến độ giải quyết (progress)',
      d.on_time,
      d.accepted,
      20,
      (r) => (r === null ? 0 : 20 * r),
      'dossiers accepted in the period and on time under the NATIONAL rule at its end (completed EARLY or ON_TIME, or open WITHIN_DEADLINE) / dossiers accepted in the period; those withdrawn by its end in neither. Points 20 × ratio; 0 when none was accepted.',
    ),
    figure(
      'FEEDBACK_ON_TIME',
      'Xử lý phản ánh, kiến nghị đúng hạn (feedback on time)',
      Number(f.closedOnTime),
      Number(f.closed),
      6,
      (r) => (r === null ? 6 : 6 * r),
      'feedback closed in the period (first refusal or answer) whose closing transition met its deadline (refusal 2, answer 15 working days) / feedback closed in the period. Points 6 × ratio; 6 when none was closed.',
    ),
    figure(
      'FEEDBACK_SATISFACTION',
      'Mức độ hài lòng về xử lý phản ánh (feedback satisfaction)',
      likes,
      likes + dislikes,
      6,
      (r) => (r === null ? 6 : 6 * r),
      'likes / (likes + dislikes) on feedback answered in the period. Points 6 × ratio; 6 when there is none.',
    ),
    figure(
      'DOSSIER_SATISFACTION',
      'Mức độ hài lòng về giải quyết hồ sơ (dossier satisfaction)',
      d.satisfied,
      d.rated,
      6,
      (r) => (r === null ? 0 : Math.min(6, (6 * r) / 0.9)),
      'ratings 1–2 (very satisfied, satisfied) / ratings, on dossiers completed in the period. Points min(6, 6 × ratio / 0.9); 0 when none was rated.',
    ),
    figure(
      'ONLINE_SHARE',
      'Tỷ lệ hồ sơ trực tuyến (online share)',
      d.new_online,
      d.new_all,
      0,
      () => null,
      'new online dossiers / new dossiers (accepted in the period, as form 06 counts them, withdrawn ones included). Shown, no points.',
    ),
  ];
  return {
    from: period.from,
    to: period.to,
    agency,
    figures,
    points: figures.reduce((s, x) => s + (x.points ?? 0), 0),
    maximum: figures.reduce((s, x) => s + x.maximum, 0),
  };
}
