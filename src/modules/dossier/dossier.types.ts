/** The graph's view of dossiers. Personal data stays off the node until `applicant` masks it. */
import { Field, Int, ObjectType } from 'type-graphql';
import type { ApplicantType, Channel, DossierStatus } from '../../domain/model';
import { ApplicantTypeEnum, ChannelEnum, DossierStatusEnum } from '../../graph/enums';
import { DateTimeScalar } from '../../graph/scalars';
import type { StoredApplicant } from './applicant';

@ObjectType({ simpleResolvers: true })
export class Supplement {
  @Field(() => DateTimeScalar, { nullable: true }) requestedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) receivedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class Rating {
  @Field(() => Int, { description: '1 very satisfied, 2 satisfied, 3 not satisfied.' }) value!: number;
  @Field(() => DateTimeScalar, { nullable: true }) ratedAt!: Date | null;
}

@ObjectType('Applicant', {
  simpleResolvers: true,
  description:
    'Who filed the dossier. Masked unless the API key has the pii grant; the ID number only as its last 4 digits.',
})
export class ApplicantNode {
  @Field(() => ApplicantTypeEnum, { nullable: true }) type!: ApplicantType | null;
  @Field(() => String, { nullable: true }) fullName!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) identityLast4!: string | null;
  @Field(() => Boolean, { description: 'True when name, phone and e-mail are masked for this caller.' })
  masked!: boolean;
}

@ObjectType('Dossier', {
  simpleResolvers: true,
  description: 'A dossier (hồ sơ) filed through the one-stop system (iGate).',
})
export class DossierNode {
  @Field(() => String, { description: "iGate's dossier code." }) code!: string;
  @Field(() => String, { description: 'Code of the provincial listing it was filed on.' })
  listingCode!: string;
  @Field(() => String, { description: "The listing's national procedure code." }) nationalCode!: string;
  @Field(() => String, { nullable: true }) agencyCode!: string | null;
  @Field(() => DossierStatusEnum) status!: DossierStatus;
  @Field(() => Int, { description: "iGate's own status id, for tracing." }) sourceStatusId!: number;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => DateTimeScalar, { nullable: true }) appliedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Appointment (due) date.' })
  appointmentAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) completedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) returnedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => [Supplement]) supplements!: Supplement[];
  @Field(() => Int) supplementCount!: number;
  @Field(() => Rating, { nullable: true }) rating!: Rating | null;
  @Field(() => DateTimeScalar, { description: 'updatedDate on iGate.' }) updatedAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the hub last stored a change to this dossier.' })
  syncedAt!: Date;
  /** Read by the `applicant` field, which masks it for the caller. */
  storedApplicant!: StoredApplicant;
}
