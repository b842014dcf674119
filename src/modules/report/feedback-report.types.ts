/** The graph's feedback figures (domain.md, "Feedback figures"). */
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graph/scalars';
import { PeriodArgs } from './period.args';
import { FeedbackGrouping } from './report.enums';

@ArgsType()
export class FeedbackReportArgs extends PeriodArgs {
  @Field(() => FeedbackGrouping) groupBy!: FeedbackGrouping;
}

const deadline = (what: string, n: number, late: boolean) =>
  `${what} inside the period ${late ? 'after' : 'on or before'} the ${n}th working day after the clock's start day (ngayGui, or the latest transfer before it).`;

@ObjectType({
  description:
    'Feedback figures for a period. Deadlines are checked on the lichSu transition that ends them, as local days against the n-th working day after the start day.',
})
export class FeedbackReportRow {
  @Field(() => String, {
    description: 'Agency code (coQuanXuLy), classification or channel; UNKNOWN when the item names none.',
  })
  key!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'Sent (ngayGui) inside the period.' }) received!: number;
  @Field(() => Int, {
    description:
      'Of received: in status group WAITING at the end of the period (its last transition by then).',
  })
  waiting!: number;
  @Field(() => Int, { description: 'Of received: IN_PROCESS at the end of the period.' }) inProcess!: number;
  @Field(() => Int, { description: 'Of received: PROCESSED at the end of the period.' }) processed!: number;
  @Field(() => Int, {
    description:
      'Closed inside the period: the first refusal (TU_CHOI) or answer (DA_TRA_LOI, DA_CONG_KHAI), whichever came first.',
  })
  closed!: number;
  @Field(() => Int, {
    description: 'Of closed: the closing transition met its deadline (refusal 2, answer 15 working days).',
  })
  handledOnTime!: number;
  @Field(() => Int, { description: 'Of closed: the closing transition missed its deadline.' })
  handledLate!: number;
  @Field(() => Int, { description: deadline('Refused', 2, false) }) refusedOnTime!: number;
  @Field(() => Int, { description: deadline('Refused', 2, true) }) refusedLate!: number;
  @Field(() => Int, { description: deadline('A supplement requested (first CHO_BO_SUNG)', 5, false) })
  supplementRequestedOnTime!: number;
  @Field(() => Int, { description: deadline('A supplement requested', 5, true) })
  supplementRequestedLate!: number;
  @Field(() => Int, { description: deadline('Answered (first DA_TRA_LOI or DA_CONG_KHAI)', 15, false) })
  answeredOnTime!: number;
  @Field(() => Int, { description: deadline('Answered', 15, true) }) answeredLate!: number;
  @Field(() => Int, { description: 'Answers published (first DA_CONG_KHAI) inside the period.' })
  answersPublished!: number;
  @Field(() => Int, { description: 'Of published: on or before the 2nd working day after the answer day.' })
  publishedOnTime!: number;
  @Field(() => Int, { description: 'Of published: after the 2nd working day after the answer day.' })
  publishedLate!: number;
  @Field(() => Int, { description: 'Likes on the items answered inside the period.' }) likes!: number;
  @Field(() => Int, { description: 'Dislikes on the items answered inside the period.' }) dislikes!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'likes / (likes + dislikes), 0–1; null when both are 0.',
  })
  satisfaction!: number | null;
}

@ObjectType()
export class FeedbackReport {
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => FeedbackGrouping) groupBy!: FeedbackGrouping;
  @Field(() => [FeedbackReportRow], {
    description: 'One row per key with any figure in the period, ordered by key.',
  })
  rows!: FeedbackReportRow[];
  @Field(() => FeedbackReportRow, { description: 'Key TOTAL, label Tổng cộng.' }) total!: FeedbackReportRow;
}
