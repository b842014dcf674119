import { ArgsType, Field, InputType } from 'type-graphql';
import type { Channel, DossierStatus } from '../../domain/model';
import { PageArgs } from '../../graph/connection';
import { DateRange } from '../../graph/date-range';
import { ChannelEnum, DossierStatusEnum } from '../../graph/enums';

@InputType({ description: 'All given filters must match.' })
export class DossierFilter {
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
}

@ArgsType()
export class DossiersArgs extends PageArgs {
  @Field(() => DossierFilter, { nullable: true }) filter?: DossierFilter | null;
}
