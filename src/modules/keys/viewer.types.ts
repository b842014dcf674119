/** The graph's `viewer`: what the current key or token is, and what it may do. */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ValueOf } from '../../domain/model';
import { ROLES, type Role } from '../../domain/roles';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [R in Role]: R };

export const ViewerCredential = {
  BOOTSTRAP_KEY: 'BOOTSTRAP_KEY',
  API_KEY: 'API_KEY',
  TOKEN: 'TOKEN',
} as const;
export type ViewerCredential = ValueOf<typeof ViewerCredential>;

export const ViewerCapability = {
  READ: 'READ',
  FINDINGS: 'FINDINGS',
  REVIEW: 'REVIEW',
  OPERATIONS: 'OPERATIONS',
  INTROSPECTION: 'INTROSPECTION',
  ADMIN: 'ADMIN',
} as const;
export type ViewerCapability = ValueOf<typeof ViewerCapability>;

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'The role of an API key or token (README, "Access and limits").',
});
registerEnumType(ViewerCredential, {
  name: 'ViewerCredential',
  valuesConfig: {
    BOOTSTRAP_KEY: { description: 'HUB_ADMIN_KEY.' },
    API_KEY: { description: 'A stored key (hub keys create).' },
    TOKEN: { description: 'An OIDC bearer token.' },
  },
});
registerEnumType(ViewerCapability, {
  name: 'ViewerCapability',
  valuesConfig: {
    READ: { description: 'Procedures, agencies, listings, dossiers, feedback, reports, plans, sources.' },
    FINDINGS: { description: 'Consistency findings and check runs.' },
    REVIEW: { description: 'Acknowledging and dismissing findings.' },
    OPERATIONS: { description: 'The sync ledger and quarantined records.' },
    INTROSPECTION: { description: 'Introspection and field suggestions in errors.' },
    ADMIN: { description: 'Syncs, checks, confirming held deletions.' },
  },
});

@ObjectType({
  description:
    'The caller: the key or token of this request, its role, its grants and its agency scope. Any role may ask.',
})
export class Viewer {
  @Field(() => String, {
    description: 'The stored key\'s name; "admin" for HUB_ADMIN_KEY; "oidc:<subject>" for a token.',
  })
  name!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => ViewerCredential) credential!: ViewerCredential;
  @Field(() => [ViewerCapability], { description: 'What the role reaches, in the order listed.' })
  capabilities!: ViewerCapability[];
  @Field(() => Boolean, { description: 'Personal data comes unmasked.' }) pii!: boolean;
  @Field(() => Boolean, { description: 'May read /metrics.' }) metrics!: boolean;
  @Field(() => Boolean, { description: 'May introspect the schema (and see field suggestions).' })
  introspection!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The agency the caller is limited to (with every agency under it); null for the whole province.',
  })
  agencyCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "That agency's name; null when unlimited or when no portal knows the code (yet).",
  })
  agencyName!: string | null;
  @Field(() => Int, { nullable: true, description: 'Cost units a minute; null for no limit.' })
  ratePerMinute!: number | null;
}
