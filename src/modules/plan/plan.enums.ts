import { registerEnumType } from 'type-graphql';
import { PLAN_DEADLINE_KINDS } from './plan.model';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const PlanDeadlineKindEnum = asEnum(PLAN_DEADLINE_KINDS);
export const PlanBodyKindEnum = asEnum(['NAMED', 'LEVEL', 'GROUP'] as const);
export const PLAN_STATUSES = ['ON_TRACK', 'AT_RISK', 'MISSED', 'DONE', 'NOT_MEASURABLE'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PlanStatusEnum = asEnum(PLAN_STATUSES);

registerEnumType(PlanDeadlineKindEnum, {
  name: 'PlanDeadlineKind',
  description: 'How a task\'s deadline cell reads ("Thời gian"); OTHER keeps the text and sets no date.',
  valuesConfig: {
    CONTINUOUS: { description: 'Thường xuyên: ongoing, no date.' },
    IN_YEAR: { description: "Trong năm: by 31 December of the plan's year." },
    QUARTER: { description: 'Quý II/2020: within that quarter.' },
    BEFORE_QUARTER: { description: 'Trước Quý II/2020: by the day before the quarter starts.' },
    BEFORE_MONTH: { description: 'Trước tháng 5/2020: by the day before the month starts.' },
    MONTH_RANGE: { description: 'Từ tháng 01/2020 đến tháng 8/2020: from the first to the last month.' },
    WORKING_DAYS_AFTER: {
      description: 'Chậm nhất sau 05 ngày làm việc kể từ …: n working days after an event.',
    },
    AFTER_EVENT: { description: 'Sau khi có Quyết định …: after an event, no date.' },
    BY_ROADMAP: { description: "Theo lộ trình …: on another body's roadmap." },
    BY_REGULATION: { description: 'Thực hiện theo Thông tư …: as a regulation sets.' },
    OTHER: { description: 'Not recognised: the text alone says it.' },
  },
});
registerEnumType(PlanBodyKindEnum, {
  name: 'PlanBodyKind',
  description:
    'NAMED: one body; LEVEL: every agency of a level (UBND cấp huyện); GROUP: bodies named by no one in particular.',
});
registerEnumType(PlanStatusEnum, {
  name: 'PlanStatus',
  description: 'How a task or indicator stands, by the rule its mapping states.',
  valuesConfig: {
    ON_TRACK: { description: 'The indicator meets its rule so far.' },
    AT_RISK: { description: "Below the rule's on-track threshold, or its date is near and it is not met." },
    MISSED: { description: "Its date passed without the indicator met, or below the rule's floor." },
    DONE: { description: 'A dated task whose indicator was met by its date.' },
    NOT_MEASURABLE: {
      description: "The portals' data says nothing about it (equipment, propaganda, postings).",
    },
  },
});
