/**
 * Every migration, in order. Listed here (not discovered from files) so they run the same
 * from TypeScript sources and compiled output. A landed migration is never edited.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000_initial } from './Migration20261126000000_initial';
import { Migration20261126120100_igate } from './Migration20261126120100_igate';
import { Migration20261126120300_feedback } from './Migration20261126120300_feedback';
import { Migration20261201090000_graph_indexes } from './Migration20261201090000_graph_indexes';
import { Migration20261201100000_calendar } from './Migration20261201100000_calendar';
import { Migration20261201100100_findings } from './Migration20261201100100_findings';
import { Migration20261201100200_record_history } from './Migration20261201100200_record_history';
import { Migration20261201110000_dossier_fact } from './Migration20261201110000_dossier_fact';
import { Migration20261201120000_api_keys } from './Migration20261201120000_api_keys';
import { Migration20261201130000_plan } from './Migration20261201130000_plan';
import { Migration20261201144100_dossier_fact_writes } from './Migration20261201144100_dossier_fact_writes';
import { Migration20261201144200_queued_runs } from './Migration20261201144200_queued_runs';
import { Migration20261201144201_queued_checks } from './Migration20261201144201_queued_checks';
import { Migration20261201144300_pii_retention } from './Migration20261201144300_pii_retention';
import { Migration20261201150000_dossier_fact_month } from './Migration20261201150000_dossier_fact_month';
import { Migration20261201160000_prefetch_covering } from './Migration20261201160000_prefetch_covering';
import { Migration20261201160100_agency_merged } from './Migration20261201160100_agency_merged';
import { Migration20261201220000_dossier_fact_month_listing } from './Migration20261201220000_dossier_fact_month_listing';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126000000_initial', class: Migration20261126000000_initial },
  { name: 'Migration20261126120100_igate', class: Migration20261126120100_igate },
  { name: 'Migration20261126120300_feedback', class: Migration20261126120300_feedback },
  { name: 'Migration20261201090000_graph_indexes', class: Migration20261201090000_graph_indexes },
  { name: 'Migration20261201100000_calendar', class: Migration20261201100000_calendar },
  { name: 'Migration20261201100100_findings', class: Migration20261201100100_findings },
  { name: 'Migration20261201100200_record_history', class: Migration20261201100200_record_history },
  { name: 'Migration20261201110000_dossier_fact', class: Migration20261201110000_dossier_fact },
  { name: 'Migration20261201120000_api_keys', class: Migration20261201120000_api_keys },
  { name: 'Migration20261201130000_plan', class: Migration20261201130000_plan },
  { name: 'Migration20261201144100_dossier_fact_writes', class: Migration20261201144100_dossier_fact_writes },
  { name: 'Migration20261201144200_queued_runs', class: Migration20261201144200_queued_runs },
  { name: 'Migration20261201144201_queued_checks', class: Migration20261201144201_queued_checks },
  { name: 'Migration20261201144300_pii_retention', class: Migration20261201144300_pii_retention },
  { name: 'Migration20261201150000_dossier_fact_month', class: Migration20261201150000_dossier_fact_month },
  { name: 'Migration20261201160000_prefetch_covering', class: Migration20261201160000_prefetch_covering },
  { name: 'Migration20261201160100_agency_merged', class: Migration20261201160100_agency_merged },
  {
    name: 'Migration20261201220000_dossier_fact_month_listing',
    class: Migration20261201220000_dossier_fact_month_listing,
  },
];
