/** Every entity the ORM knows; modules own them, this list only gathers them. */

import { Agency } from '../modules/agency/agency.entity';
import { IgateAgency } from '../modules/agency/igate-agency.entity';
import { NationalAgency } from '../modules/agency/national-agency.entity';
import { CheckRun } from '../modules/check/check-run.entity';
import { CheckText } from '../modules/check/check-text.entity';
import { Finding } from '../modules/check/finding.entity';
import { FindingEvent } from '../modules/check/finding-event.entity';
import { RecordVersion } from '../modules/check/record-version.entity';
import { Dossier } from '../modules/dossier/dossier.entity';
import { Feedback } from '../modules/feedback/feedback.entity';
import { ApiKey } from '../modules/keys/api-key.entity';
import { RateWindow } from '../modules/keys/rate-window.entity';
import { ProvincialListing } from '../modules/listing/provincial-listing.entity';
import { Plan } from '../modules/plan/plan.entity';
import { PlanTask } from '../modules/plan/plan-task.entity';
import { NationalProcedure } from '../modules/procedure/national-procedure.entity';
import { NationalSector } from '../modules/procedure/national-sector.entity';
import { DossierFact } from '../modules/report/dossier-fact.entity';
import { DossierFactMonth, DossierFactMonthListing } from '../modules/report/dossier-fact-month.entity';
import { QuarantinedRecord } from '../sync/quarantined-record.entity';
import { ScheduleTick } from '../sync/schedule-tick.entity';
import { SeenKey } from '../sync/seen-key.entity';
import { StreamState } from '../sync/stream-state.entity';
import { SyncRun } from '../sync/sync-run.entity';
import { CalendarDay } from './calendar-day.entity';

export const entities = [
  NationalProcedure,
  NationalSector,
  NationalAgency,
  Agency,
  SyncRun,
  StreamState,
  QuarantinedRecord,
  SeenKey,
  ScheduleTick,
  IgateAgency,
  ProvincialListing,
  Dossier,
  Feedback,
  CalendarDay,
  Finding,
  FindingEvent,
  CheckRun,
  CheckText,
  RecordVersion,
  Plan,
  PlanTask,
  DossierFact,
  DossierFactMonth,
  DossierFactMonthListing,
  ApiKey,
  RateWindow,
];
