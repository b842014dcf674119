/** The graph's view of feedback. Personal data stays off the node until `sender` masks it. */
import { Field, Int, ObjectType } from 'type-graphql';
import type {
  FeedbackChannel,
  FeedbackClassification,
  FeedbackStatus,
  FeedbackStatusGroup,
} from '../../domain/model';
import {
  FeedbackChannelEnum,
  FeedbackClassificationEnum,
  FeedbackStatusEnum,
  FeedbackStatusGroupEnum,
} from '../../graph/enums';
import type { StoredContact } from '../../graph/personal-data';
import { DateTimeScalar } from '../../graph/scalars';

@ObjectType({ simpleResolvers: true, description: 'One status transition of a feedback item (lichSu).' })
export class FeedbackEvent {
  @Field(() => FeedbackStatusEnum) status!: FeedbackStatus;
  @Field(() => DateTimeScalar) at!: Date;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Who sent the feedback. Masked unless the API key has the pii grant.',
})
export class FeedbackSender {
  @Field(() => String, { nullable: true }) fullName!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => Boolean, { description: 'True when name, phone and e-mail are masked for this caller.' })
  masked!: boolean;
}

@ObjectType('Feedback', {
  simpleResolvers: true,
  description: 'A feedback item (phản ánh, kiến nghị) from the PAKN portal.',
})
export class FeedbackNode {
  @Field(() => String, { description: 'maPAKN, e.g. PAKN-2020-000123.' }) code!: string;
  @Field(() => String, { description: "The PAKN portal's own id." }) externalId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) content!: string;
  @Field(() => FeedbackClassificationEnum) classification!: FeedbackClassification;
  @Field(() => FeedbackChannelEnum) channel!: FeedbackChannel;
  @Field(() => FeedbackStatusEnum) status!: FeedbackStatus;
  @Field(() => FeedbackStatusGroupEnum) statusGroup!: FeedbackStatusGroup;
  @Field(() => [FeedbackEvent], { description: 'Status transitions (lichSu), oldest first.' })
  history!: FeedbackEvent[];
  @Field(() => DateTimeScalar, { description: 'ngayGui: when the sender sent it.' }) sentAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'ngayTraLoi.' }) answeredAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'noiDungTraLoi: the answer, or why it was refused.' })
  answer!: string | null;
  @Field(() => Boolean, { description: 'congKhai: the answer is published.' }) published!: boolean;
  @Field(() => Int) likes!: number;
  @Field(() => Int) dislikes!: number;
  @Field(() => String, { nullable: true, description: 'coQuanXuLy: the handling agency, as PAKN names it.' })
  agencyCode!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String, { nullable: true, description: 'maTTHC: a national procedure code.' })
  procedureCode!: string | null;
  @Field(() => String, { nullable: true, description: 'maHoSo: an iGate dossier code.' })
  dossierCode!: string | null;
  @Field(() => DateTimeScalar, { description: 'ngayCapNhat: last change on the PAKN portal.' })
  updatedAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the hub last stored a change to this item.' })
  syncedAt!: Date;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set when a complete walk no longer saw the item.',
  })
  deletedAt!: Date | null;
  /** Read by the `sender` field, which masks it for the caller. */
  storedSender!: StoredContact;
}
