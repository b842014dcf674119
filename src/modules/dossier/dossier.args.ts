import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import type { Channel, DossierStatus } from '../../domain/model';
import { PageArgs } from '../../graph/connection';
import { DateRange } from '../../graph/date-range';
import { ChannelEnum, DossierStatusEnum } from '../../graph/enums';

/** The orders a dossier list pages in (keyset, the code breaking ties; no value sorts last). */
export const DossierOrderBy = {
  UPDATED_DESC: 'UPDATED_DESC',
  UPDATED_ASC: 'UPDATED_ASC',
  ACCEPTED_DESC: 'ACCEPTED_DESC',
  ACCEPTED_ASC: 'ACCEPTED_ASC',
  APPOINTMENT_DESC: 'APPOINTMENT_DESC',
  APPOINTMENT_ASC: 'APPOINTMENT_ASC',
} as const;
export type DossierOrderBy = (typeof DossierOrderBy)[keyof typeof DossierOrderBy];
registerEnumType(DossierOrderBy, {
  name: 'DossierOrderBy',
  description:
    'updatedAt (iGate updatedDate), acceptedAt or appointmentAt, newest or oldest first; dossiers without the date come last.',
});

@InputType({ description: 'All given filters must match.' })
export class DossierFilter {
  @Field(() => [String], { nullable: true, description: 'iGate dossier codes, exactly (at most 1000).' })
  codes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Agency code (000.00.12.H21).' }) agency?:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'National procedure code (2.000477).' })
  procedure?: string | null;
  @Field(() => String, { nullable: true, description: "A provincial listing's own code." }) listing?:
    | string
    | null;
  @Field(() => [DossierStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: DossierStatus[] | null;
  @Field(() => ChannelEnum, { nullable: true }) channel?: Channel | null;
  @Field(() => DateRange, { nullable: true }) applied?: DateRange | null;
  @Field(() => DateRange, { nullable: true }) accepted?: DateRange | null;
  @Field(() => DateRange, { nullable: true }) completed?: DateRange | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'With agency: also the dossiers of every agency below it (children, their children, …).',
  })
  includeDescendants?: boolean | null;
}

@ArgsType()
export class DossiersArgs extends PageArgs {
  @Field(() => DossierFilter, { nullable: true }) filter?: DossierFilter | null;
  @Field(() => DossierOrderBy, {
    nullable: true,
    description: 'Default UPDATED_DESC: most recently changed first.',
  })
  orderBy?: DossierOrderBy | null;
}

/** `Agency.dossiers`: the agency's own, or with `includeDescendants` those of every agency below it too. */
@ArgsType()
export class AgencyDossiersArgs extends DossiersArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Also the dossiers of every agency below this one (children, their children, …).',
  })
  includeDescendants?: boolean | null;
}
