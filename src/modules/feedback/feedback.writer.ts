import { defineWriter, tableSpecOf } from '../../db/writer';
import type { FeedbackRecord } from '../../domain/model';
import { Feedback } from './feedback.entity';

/** PAKN `feedbacks` → `feedback` (see feedback.entity.ts). */
export const feedbackWriter = defineWriter<FeedbackRecord>({
  source: 'PAKN',
  stream: 'feedbacks',
  spec: tableSpecOf(Feedback, ['piiErasedAt']),
  // Closed: a PROCESSED-group status (answered, published, refused, sent on), since its
  // latest transition (when it reached the state it is in), else its answer or last change.
  personal: {
    columns: ['sender_name', 'sender_phone', 'sender_email'],
    closedAt: `case when t.status_group = 'PROCESSED' then coalesce(
        (select max((h.e ->> 'at')::timestamptz) from jsonb_array_elements(t.history) h(e)),
        t.answered_at, t.source_updated_at) end`,
  },
  toValues: (f) => ({
    external_id: f.externalId,
    title: f.title,
    content: f.content,
    classification: f.classification,
    channel: f.channel,
    status: f.status,
    status_group: f.statusGroup,
    history: f.history,
    sent_at: f.sentAt,
    answered_at: f.answeredAt,
    source_updated_at: f.updatedAt,
    answer: f.answer,
    published: f.published,
    likes: f.likes,
    dislikes: f.dislikes,
    agency_code: f.agencyCode,
    agency_name: f.agencyName,
    procedure_code: f.procedureCode,
    dossier_code: f.dossierCode,
    sender_name: f.sender.fullName,
    sender_phone: f.sender.phone,
    sender_email: f.sender.email,
  }),
});
