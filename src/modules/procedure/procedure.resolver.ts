import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { planFor } from '../../graph/columns';
import { ConnectionType, validateFirst } from '../../graph/connection';
import { byKeys, type GraphContext, loaderFor } from '../../graph/context';
import { prefetchFor } from '../../graph/prefetch';
import { NATIONAL_READERS, nationalByCodes } from './national.read';
import { ProceduresArgs } from './procedure.args';
import { findProcedure, listProcedures } from './procedure.service';
import { NationalProcedure, Procedure } from './procedure.types';

export const ProcedureConnection = ConnectionType(Procedure, 'Procedure');

/** One loader per selection: it reads only the columns those fields need. */
function nationalLoader(ctx: GraphContext, info: GraphQLResolveInfo) {
  const plan = planFor(info, NATIONAL_READERS, ['code'], (f) => f as NationalProcedure);
  return loaderFor<string, NationalProcedure>(ctx, `nationalProcedureByCode:${plan.key}`, async (codes) => {
    const rows = await nationalByCodes(ctx.em, codes, {
      ...plan,
      build: (r) => ({ ...plan.build(r), code: String(r.code) }),
    });
    return byKeys(codes, rows, (r) => r.code);
  });
}

@Resolver(() => Procedure)
export class ProcedureResolver {
  @Query(() => ProcedureConnection, { description: 'Procedures by national code, filtered and paged.' })
  procedures(
    @Args(() => ProceduresArgs) args: ProceduresArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listProcedures(
      ctx.em,
      { first: validateFirst(args.first), after: args.after, filter: args.filter },
      // `national.<column>`: the live national record's column, carried by the page's row
      // (null on a listing-only row), so Procedure.national reads no record twice.
      prefetchFor(info, ctx, 'Procedure', ['edges', 'node'], (c) =>
        c.startsWith('national.') ? `u."${c}"` : `(u.${c} collate "default")`,
      ),
    );
  }

  @Query(() => Procedure, { nullable: true, description: 'One procedure by its national code (2.000477).' })
  procedure(@Arg('code', () => String) code: string, @Ctx() ctx: GraphContext) {
    return findProcedure(ctx.em, code.trim());
  }

  @FieldResolver(() => NationalProcedure, {
    nullable: true,
    description: 'The national record; null when the national database does not know the code.',
  })
  national(@Root() p: Procedure, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return nationalLoader(ctx, info).load(p.code);
  }
}
