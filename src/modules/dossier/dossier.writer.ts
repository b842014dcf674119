import { defineWriter, tableSpecOf } from '../../db/writer';
import type { DossierRecord } from '../../domain/model';
import { Dossier } from './dossier.entity';

export const dossierWriter = defineWriter<DossierRecord>({
  source: 'IGATE',
  stream: 'dossiers',
  spec: tableSpecOf(Dossier, ['piiErasedAt']),
  // Closed: completed or returned, withdrawn, stopped, or refused at intake (NOT_RECEIVED),
  // at the last of its closing dates; a stopped or refused dossier has none, so its last
  // change upstream. Open dossiers keep their applicant whatever their age.
  personal: {
    columns: ['applicant_name', 'applicant_phone', 'applicant_email', 'identity_hash', 'identity_last4'],
    closedAt: `case when t.status in ('PROCESSED', 'RETURNED', 'WITHDRAWN')
        then coalesce(greatest(t.completed_at, t.returned_at, t.withdrawn_at), t.source_updated_at)
      when t.status in ('STOPPED', 'NOT_RECEIVED') then t.source_updated_at end`,
  },
  toValues: (d) => ({
    external_id: d.externalId,
    listing_code: d.listingCode,
    listing_external_id: d.listingExternalId,
    national_code: d.nationalCode,
    agency_code: d.agencyCode,
    status: d.status,
    source_status_id: d.sourceStatusId,
    channel: d.channel,
    applied_at: d.appliedAt,
    accepted_at: d.acceptedAt,
    appointment_at: d.appointmentAt,
    completed_at: d.completedAt,
    returned_at: d.returnedAt,
    withdrawn_at: d.withdrawnAt,
    supplements: d.supplements,
    supplement_count: d.supplements.length,
    rating_value: d.rating?.value ?? null,
    rated_at: d.rating?.ratedAt ?? null,
    applicant_type: d.applicant.type,
    applicant_name: d.applicant.fullName,
    applicant_phone: d.applicant.phone,
    applicant_email: d.applicant.email,
    identity_hash: d.applicant.identityHash,
    identity_last4: d.applicant.identityLast4,
    source_updated_at: d.updatedAt,
  }),
});
