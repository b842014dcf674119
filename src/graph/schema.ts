/** The graph's schema, built from the resolvers. `schema/schema.graphql` is its committed SDL. */
import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import { ProcedureResolver } from '../modules/procedure/procedure.resolver';
import { SyncResolver } from '../modules/sync/sync.resolver';
import './enums';

export const resolvers = [ProcedureResolver, AgencyResolver, SyncResolver] as const;

let built: Promise<GraphQLSchema> | null = null;

export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: false });
  return built;
}

export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await hubSchema()))}\n`;
}
