import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, validateFirst } from '../../graph/connection';
import { byKeys, type GraphContext, loaderFor } from '../../graph/context';
import { ProceduresArgs } from './procedure.args';
import { findProcedure, listProcedures, nationalByCodes, toNationalView } from './procedure.service';
import { NationalProcedure, Procedure } from './procedure.types';

export const ProcedureConnection = ConnectionType(Procedure, 'Procedure');

function nationalLoader(ctx: GraphContext) {
  return loaderFor<string, NationalProcedure>(ctx, 'nationalProcedureByCode', async (codes) => {
    const rows = await nationalByCodes(ctx.em, codes);
    return byKeys(codes, rows.map(toNationalView), (r) => r.code);
  });
}

@Resolver(() => Procedure)
export class ProcedureResolver {
  @Query(() => ProcedureConnection, { description: 'Procedures by national code, filtered and paged.' })
  procedures(@Args(() => ProceduresArgs) args: ProceduresArgs, @Ctx() ctx: GraphContext) {
    return listProcedures(ctx.em, {
      first: validateFirst(args.first),
      after: args.after,
      filter: args.filter,
    });
  }

  @Query(() => Procedure, { nullable: true, description: 'One procedure by its national code (2.000477).' })
  procedure(@Arg('code', () => String) code: string, @Ctx() ctx: GraphContext) {
    return findProcedure(ctx.em, code.trim());
  }

  @FieldResolver(() => NationalProcedure, {
    nullable: true,
    description: 'The national record; null when the national database does not know the code.',
  })
  national(@Root() p: Procedure, @Ctx() ctx: GraphContext) {
    return nationalLoader(ctx).load(p.code);
  }
}
