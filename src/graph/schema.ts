/**
 * The graph's schema, built from the resolvers and served as a federation subgraph.
 * `schema/schema.graphql` is its committed SDL, `schema/subgraph.graphql` what `_service`
 * gives a gateway.
 */
import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import {
  AgencyFindingsResolver,
  FindingResolver,
  ListingFindingsResolver,
  ListingHistoryResolver,
  NationalHistoryResolver,
  ProcedureFindingsResolver,
} from '../modules/check';
import { DossierResolver } from '../modules/dossier/dossier.resolver';
import {
  AgencyDossiersResolver,
  ProcedureDossiersResolver,
} from '../modules/dossier/dossier-relations.resolver';
import {
  AgencyFeedbackResolver,
  FeedbackResolver,
  ProcedureFeedbackResolver,
} from '../modules/feedback/feedback.resolver';
import { ViewerResolver } from '../modules/keys';
import { ListingResolver, ProcedureListingsResolver } from '../modules/listing/listing.resolver';
import {
  AgencyCoverageResolver,
  PlanBodyResolver,
  PlanProgressResolver,
  PlanResolver,
} from '../modules/plan';
import { ProcedureResolver } from '../modules/procedure/procedure.resolver';
import {
  DossierReportResolver,
  DossierTimelinessResolver,
  IndexAndFeedbackResolver,
} from '../modules/report';
import { SyncResolver } from '../sync/sync.resolver';
import { HUB_ENTITIES } from './federation/entities';
import { serviceSdl, toSubgraph } from './federation/subgraph';
import './enums';

export const resolvers = [
  FindingResolver,
  ProcedureFindingsResolver,
  ListingFindingsResolver,
  AgencyFindingsResolver,
  NationalHistoryResolver,
  ListingHistoryResolver,
  ProcedureResolver,
  AgencyResolver,
  SyncResolver,
  ListingResolver,
  ProcedureListingsResolver,
  DossierResolver,
  ProcedureDossiersResolver,
  AgencyDossiersResolver,
  FeedbackResolver,
  ProcedureFeedbackResolver,
  AgencyFeedbackResolver,
  PlanResolver,
  PlanBodyResolver,
  DossierReportResolver,
  DossierTimelinessResolver,
  IndexAndFeedbackResolver,
  PlanProgressResolver,
  AgencyCoverageResolver,
  ViewerResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The schema the hub serves: type-graphql's, as a federation subgraph. */
export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: false }).then((base) => toSubgraph(base, HUB_ENTITIES));
  return built;
}

export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await hubSchema()))}\n`;
}

export async function subgraphSdl(): Promise<string> {
  return serviceSdl(await hubSchema());
}
