/** The graph's form 06 (domain.md, "The dossier report"). Field descriptions say exactly what each figure counts. */
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import type { Channel, Level } from '../../domain/model';
import { ChannelEnum, LevelEnum } from '../../graph/enums';
import { LocalDateScalar } from '../../graph/scalars';
import { ReportGrouping, TimelinessRule } from './report.enums';

const COUNTED =
  'A dossier is counted in the period when it was received (an accepted date, status not NOT_RECEIVED) on or before `to` and neither completed nor withdrawn before `from`; days are local (Asia/Ho_Chi_Minh).';

@InputType({ description: 'All given lists must match (each list: any of its values).' })
export class DossierReportFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Handling agency codes; each includes its whole subtree (children, grandchildren …).',
  })
  agency?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Sector codes of the dossier's provincial listing." })
  sector?: string[] | null;
  @Field(() => [LevelEnum], { nullable: true, description: "Levels of the dossier's handling agency." })
  level?: Level[] | null;
  @Field(() => [String], { nullable: true, description: "National codes of the dossier's listing." })
  procedure?: string[] | null;
  @Field(() => [ChannelEnum], { nullable: true }) channel?: Channel[] | null;
}

@ArgsType()
export class DossierReportArgs {
  @Field(() => String, {
    nullable: true,
    description: '"2020", "2020-Q2" or "2020-06"; or give from and to.',
  })
  period?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day, inclusive (with to, instead of period).',
  })
  from?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day, inclusive (with from, instead of period).',
  })
  to?: string | null;
  @Field(() => ReportGrouping) groupBy!: ReportGrouping;
  @Field(() => TimelinessRule, { defaultValue: 'PROVINCIAL' }) rule!: TimelinessRule;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'AGENCY only: each agency row counts its whole subtree; ignored for other groupings.',
  })
  rollUp!: boolean;
  @Field(() => DossierReportFilter, { nullable: true }) filter?: DossierReportFilter | null;
}

@ObjectType({
  description: `One row of form 06. ${COUNTED} received = resolved + withdrawn + inProgress holds for every row.`,
})
export class DossierReportRow {
  @Field(() => String, {
    description:
      'AGENCY: the agency code; SECTOR: the sector code; LEVEL: PROVINCE, DISTRICT, COMMUNE or MINISTRY; PROCEDURE: the national code; TOTAL for the total row; UNKNOWN for dossiers with no value for the grouping.',
  })
  key!: string;
  @Field(() => String, { description: 'The agency, sector or procedure name; Tổng cộng for the total row.' })
  label!: string;
  @Field(() => Int, {
    description: `Tiếp nhận: counted dossiers. = carriedOver + newOnline + newDirect + newPostal.`,
  })
  received!: number;
  @Field(() => Int, { description: 'Kỳ trước chuyển sang: counted, accepted before from.' })
  carriedOver!: number;
  @Field(() => Int, { description: 'Trực tuyến: counted, accepted inside the period, channel ONLINE.' })
  newOnline!: number;
  @Field(() => Int, { description: 'Trực tiếp: counted, accepted inside the period, channel DIRECT.' })
  newDirect!: number;
  @Field(() => Int, { description: 'Bưu chính: counted, accepted inside the period, channel POSTAL.' })
  newPostal!: number;
  @Field(() => Int, {
    description:
      'Đã giải quyết: completed inside the period (completedDate, else returnedDate; a STOPPED dossier never completes; a withdrawal before the completion wins, a tie is a completion). = resolvedEarly + resolvedOnTime + resolvedLate.',
  })
  resolved!: number;
  @Field(() => Int, {
    description: 'Trước hạn: resolved before the due (local day, or instant under NATIONAL).',
  })
  resolvedEarly!: number;
  @Field(() => Int, {
    description:
      'Đúng hạn: resolved on the due day (NATIONAL: at or before the effective due instant, on its day). A dossier with no due date counts here.',
  })
  resolvedOnTime!: number;
  @Field(() => Int, {
    description:
      'Quá hạn: resolved after the due; NATIONAL: also any dossier with more than one supplement request.',
  })
  resolvedLate!: number;
  @Field(() => Int, {
    description: 'Rút hồ sơ: withdrawn inside the period (withdrawnDate, when earlier than any completion).',
  })
  withdrawn!: number;
  @Field(() => Int, {
    description:
      'Đang giải quyết: every other counted dossier, open at the end of `to` (waiting for a supplement or payment, stopped, or simply open), whatever its status today. = inProgressWithinDeadline + inProgressOverdue.',
  })
  inProgress!: number;
  @Field(() => Int, {
    description:
      'Trong hạn: PROVINCIAL: due day on or after `to`, or no due date. NATIONAL: effective due instant at or after the first instant after `to`, or waiting at that instant for a supplement asked for before the due instant, or no due date; never with more than one supplement request.',
  })
  inProgressWithinDeadline!: number;
  @Field(() => Int, { description: 'Quá hạn: in progress and not within deadline.' })
  inProgressOverdue!: number;
  @Field(() => Int, {
    description:
      'Of inProgress: a supplement request made on or before `to` and not answered by `to` (requests as last synced).',
  })
  waitingSupplement!: number;
  @Field(() => Int, {
    description:
      'Từ chối tiếp nhận: status NOT_RECEIVED with appliedDate inside the period. Beside the row, never part of received.',
  })
  refusedAtReception!: number;
  @Field(() => Int, {
    description:
      'Counted dossiers with no due date: no appointment date, and no usable processing time on their listing for their channel.',
  })
  undated!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'newOnline / (newOnline + newDirect + newPostal), 0–1 unrounded; null when there is no new dossier.',
  })
  onlineShare!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      '(resolvedEarly + resolvedOnTime) / resolved, 0–1 unrounded; null when nothing was resolved.',
  })
  onTimeShare!: number | null;
}

@ObjectType({ description: 'Form 06 (biểu mẫu 06) for a period: rows ordered by key, and the total.' })
export class DossierReport {
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => TimelinessRule) rule!: TimelinessRule;
  @Field(() => ReportGrouping) groupBy!: ReportGrouping;
  @Field(() => Boolean, { description: 'True when agency rows count their subtrees.' }) rollUp!: boolean;
  @Field(() => [DossierReportRow], {
    description:
      'One row per key with at least one counted or refused dossier (rolled up: every agency with one in its subtree), ordered by key.',
  })
  rows!: DossierReportRow[];
  @Field(() => DossierReportRow, {
    description:
      'Key TOTAL, label Tổng cộng: every dossier of the rows counted once, never the sum of rolled-up rows.',
  })
  total!: DossierReportRow;
}
