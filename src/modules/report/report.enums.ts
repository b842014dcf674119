/** The report module's names (domain.md, "When a dossier is on time" and "The dossier report"). */
import { registerEnumType } from 'type-graphql';
import type { ValueOf } from '../../domain/model';

export const TimelinessRule = { PROVINCIAL: 'PROVINCIAL', NATIONAL: 'NATIONAL' } as const;
export type TimelinessRule = ValueOf<typeof TimelinessRule>;

export const ReportGrouping = {
  AGENCY: 'AGENCY',
  SECTOR: 'SECTOR',
  LEVEL: 'LEVEL',
  PROCEDURE: 'PROCEDURE',
} as const;
export type ReportGrouping = ValueOf<typeof ReportGrouping>;

export const TimelinessStatus = {
  EARLY: 'EARLY',
  ON_TIME: 'ON_TIME',
  LATE: 'LATE',
  WITHIN_DEADLINE: 'WITHIN_DEADLINE',
  OVERDUE: 'OVERDUE',
} as const;
export type TimelinessStatus = ValueOf<typeof TimelinessStatus>;

export const DueSource = { APPOINTMENT: 'APPOINTMENT', LISTING: 'LISTING' } as const;
export type DueSource = ValueOf<typeof DueSource>;

export const FeedbackGrouping = {
  AGENCY: 'AGENCY',
  CLASSIFICATION: 'CLASSIFICATION',
  CHANNEL: 'CHANNEL',
} as const;
export type FeedbackGrouping = ValueOf<typeof FeedbackGrouping>;

registerEnumType(TimelinessRule, {
  name: 'TimelinessRule',
  description: 'Which on-time rule a figure uses (domain.md, "When a dossier is on time").',
  valuesConfig: {
    PROVINCIAL: { description: 'Local calendar days against the due day; no pause for supplements.' },
    NATIONAL: {
      description:
        "Instants against the due instant, moved later by the applicant's time when there was exactly one answered supplement request; more than one request is late.",
    },
  },
});
registerEnumType(ReportGrouping, {
  name: 'ReportGrouping',
  description:
    "Rows of form 06: the dossier's handling agency, its listing's sector, its agency's level, or its listing's national code.",
});
registerEnumType(TimelinessStatus, {
  name: 'TimelinessStatus',
  description: 'EARLY, ON_TIME, LATE for a completed dossier; WITHIN_DEADLINE, OVERDUE for an open one.',
});
registerEnumType(DueSource, {
  name: 'DueSource',
  description:
    "Where the due instant comes from: the dossier's appointment date, or the listing's processing time.",
  valuesConfig: {
    APPOINTMENT: { description: "The dossier's appointment date (ngày hẹn trả) as iGate set it." },
    LISTING: {
      description:
        "Derived from the listing's processing time for the dossier's channel, as iGate sets appointments: n working days → 17:00 local on the n-th working day after the accepted day (a fraction of a day rounds up: domain.md names whole days only); n working hours → the accepted instant plus n working hours counted on 08:00–17:00 of working days, without a lunch break (domain.md names that one span); n days or months (domain.md is silent) → 17:00 on the day n calendar days or months later.",
    },
  },
});
registerEnumType(FeedbackGrouping, { name: 'FeedbackGrouping' });
