import { Ctx, Query, Resolver } from 'type-graphql';
import { CAPABILITY_NAMES, capabilitiesOf, hasCapability, type Principal } from '../../graph/auth';
import type { GraphContext } from '../../graph/context';
import { agenciesByCodes } from '../agency';
import { Viewer, type ViewerCapability, ViewerCredential } from './viewer.types';

const CREDENTIAL: Record<Principal['via'], ViewerCredential> = {
  bootstrap: ViewerCredential.BOOTSTRAP_KEY,
  key: ViewerCredential.API_KEY,
  token: ViewerCredential.TOKEN,
};

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who is asking and what they may do (for a client to follow).' })
  async viewer(@Ctx() ctx: GraphContext): Promise<Viewer> {
    const p = ctx.principal;
    const granted = capabilitiesOf(p.role);
    const agency = p.agency ? (await agenciesByCodes(ctx.em, [p.agency]))[0] : undefined;
    return {
      name: p.name,
      role: p.role,
      credential: CREDENTIAL[p.via],
      capabilities: CAPABILITY_NAMES.filter((c) => granted.includes(c)).map(
        (c) => c.toUpperCase() as ViewerCapability,
      ),
      pii: p.pii,
      metrics: p.metrics,
      introspection: hasCapability(p.role, 'introspection'),
      agencyCode: p.agency,
      agencyName: agency?.name ?? null,
      ratePerMinute: p.ratePerMinute,
    };
  }
}
