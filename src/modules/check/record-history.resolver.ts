/** `national.history` and `provincialListing.history`: a record's versions, newest first, batched. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { query } from '../../db/sql';
import { type GraphContext, groupByKeys, loaderFor } from '../../graph/context';
import { DateTimeScalar } from '../../graph/scalars';
import { ProvincialListingNode } from '../listing';
import { NationalProcedure } from '../procedure';

@ObjectType({ description: 'One version of a record: a new one each time its content changed.' })
export class RecordVersionNode {
  @Field(() => DateTimeScalar, { description: 'When the hub stored this version.' }) recordedAt!: Date;
  @Field(() => ID, {
    nullable: true,
    description: 'The sync run that brought it (null: before history was kept).',
  })
  syncRunId!: string | null;
  @Field(() => String) contentHash!: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Columns changed since the previous version; null for the first.',
  })
  changedFields!: string[] | null;
  @Field(() => String, {
    description: 'The record as stored, JSON (snake_case columns, raw payload left out).',
  })
  data!: string;
  code!: string;
}

type Table = 'national_procedure' | 'provincial_listing';

async function versionsOf(
  em: EntityManager,
  table: Table,
  codes: readonly string[],
): Promise<RecordVersionNode[]> {
  const rows = await query<RecordVersionNode>(
    em,
    `select code, recorded_at as "recordedAt", sync_run_id::text as "syncRunId", content_hash as "contentHash",
            changed_fields as "changedFields", data::text as data
       from record_version where table_name = ? and code in (select jsonb_array_elements_text(?::jsonb))
      order by code, recorded_at desc, id desc`,
    [table, JSON.stringify(codes)],
  );
  return rows.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt) }));
}

function history(ctx: GraphContext, table: Table, code: string) {
  return loaderFor<string, RecordVersionNode[]>(ctx, `recordVersions:${table}`, async (codes) =>
    groupByKeys(codes, await versionsOf(ctx.em, table, codes), (v) => v.code),
  )
    .load(code)
    .then((v) => v ?? []);
}

@Resolver(() => NationalProcedure)
export class NationalHistoryResolver {
  @FieldResolver(() => [RecordVersionNode], { description: 'Versions of the national record, newest first.' })
  history(@Root() n: NationalProcedure, @Ctx() ctx: GraphContext) {
    return history(ctx, 'national_procedure', n.code);
  }
}

@Resolver(() => ProvincialListingNode)
export class ListingHistoryResolver {
  @FieldResolver(() => [RecordVersionNode], { description: 'Versions of the listing, newest first.' })
  history(@Root() l: ProvincialListingNode, @Ctx() ctx: GraphContext) {
    return history(ctx, 'provincial_listing', l.code);
  }
}
