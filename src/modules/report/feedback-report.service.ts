/** feedbackReport: one statement over the feedback facts of feedback.sql.ts. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import { feedbackAggregates, feedbackFactsSql } from './feedback.sql';
import type { FeedbackReport, FeedbackReportRow } from './feedback-report.types';
import { share } from './form06.service';
import type { Period } from './period';
import type { FeedbackGrouping } from './report.enums';

const KEY: Record<FeedbackGrouping, string> = {
  AGENCY: 'x.agency_code',
  CLASSIFICATION: 'x.classification',
  CHANNEL: 'x.channel',
};
const LABELS: Record<string, string> = {
  QUY_DINH_TTHC: 'Quy định hành chính (rules and procedures)',
  HANH_VI_CB: 'Hành vi cán bộ (staff conduct)',
  KHAC: 'Khác (other)',
  CONG_DVCQG: 'Cổng Dịch vụ công quốc gia (national portal)',
  CONG_TINH: 'Cổng dịch vụ công tỉnh (provincial portal)',
  TRUC_TIEP: 'Trực tiếp (in person)',
  DUONG_DAY_NONG: 'Đường dây nóng (hotline)',
  UNKNOWN: 'Không xác định (unknown)',
};

function toRow(r: Record<string, unknown>): FeedbackReportRow {
  const n = (k: string) => Number(r[k] ?? 0);
  const key = String(r.key);
  return {
    key,
    label: r.label ? String(r.label) : (LABELS[key] ?? key),
    received: n('received'),
    waiting: n('waiting'),
    inProcess: n('inProcess'),
    processed: n('processed'),
    closed: n('closed'),
    handledOnTime: n('closedOnTime'),
    handledLate: n('closed') - n('closedOnTime'),
    refusedOnTime: n('refusedOnTime'),
    refusedLate: n('refusedLate'),
    supplementRequestedOnTime: n('supplementOnTime'),
    supplementRequestedLate: n('supplementLate'),
    answeredOnTime: n('answeredOnTime'),
    answeredLate: n('answeredLate'),
    answersPublished: n('publishedOnTime') + n('publishedLate'),
    publishedOnTime: n('publishedOnTime'),
    publishedLate: n('publishedLate'),
    likes: n('likes'),
    dislikes: n('dislikes'),
    satisfaction: share(n('likes'), n('likes') + n('dislikes')),
  };
}

const TOUCHES = `(x.sent_day between p.f and p.t or x.refused_day between p.f and p.t
  or x.supplement_day between p.f and p.t or x.answered_day between p.f and p.t or x.published_day between p.f and p.t)`;

export async function feedbackReport(
  em: EntityManager,
  period: Period,
  groupBy: FeedbackGrouping,
  /** Only feedback of this agency and its subtree (the service API; the graph asks for all). */
  agency: string | null = null,
): Promise<FeedbackReport> {
  const aggregates = feedbackAggregates();
  const label = groupBy === 'AGENCY' ? 'max(x.agency_name)' : 'null::text';
  const raw = await query(
    em,
    `${feedbackFactsSql(agency !== null)},
    touched as (select x.* from facts x cross join p where ${TOUCHES})
    select * from (
      select coalesce(${KEY[groupBy]}, 'UNKNOWN') as key, ${label} as label, false as is_total, ${aggregates}
      from touched x cross join p group by 1
      union all
      select 'TOTAL', 'Tổng cộng', true, ${aggregates} from touched x cross join p
    ) u order by is_total, key collate "C"`,
    agency === null ? [period.from, period.to] : [period.from, period.to, [agency]],
  );
  return {
    from: period.from,
    to: period.to,
    groupBy,
    rows: raw.filter((r) => !r.is_total).map(toRow),
    total: toRow(raw.find((r) => r.is_total) ?? { key: 'TOTAL', label: 'Tổng cộng' }),
  };
}
