/**
 * Kinds about records that name a procedure: dossiers against listings and the national
 * status, feedback against every procedure, dossier and agency it names.
 */
import type { KindCheck } from './kind';
import { noParams } from './kind';
import { localIso } from './sql';

/** Every dossier, whatever its status, whose listing code is in no listing (withdrawn ones count as listings). */
export const dossierUnknownProcedure: KindCheck = {
  kind: 'DOSSIER_UNKNOWN_PROCEDURE',
  params: noParams,
  sql: `select 'DOSSIER_UNKNOWN_PROCEDURE', d.code, d.national_code, 'procedure', null, d.agency_code, null,
      null, d.listing_code,
      null, jsonb_build_object('listingCode', d.listing_code, 'nationalCode', d.national_code),
      format('The dossier is filed on listing %s, which no provincial listing has.', d.listing_code),
      'MEDIUM'
    from dossier d
    where d.deleted_at is null
      and not exists (select 1 from provincial_listing l where l.code = d.listing_code and l.deleted_at is null)`,
};

/**
 * Received dossiers (an accepted date, not NOT_RECEIVED) accepted at or after the
 * national NGAYBAIBO of their listing's national code, compared as instants.
 */
export const dossierOnAbolishedProcedure: KindCheck = {
  kind: 'DOSSIER_ON_ABOLISHED_PROCEDURE',
  params: noParams,
  sql: `select 'DOSSIER_ON_ABOLISHED_PROCEDURE', d.code, n.code, 'procedure', null, d.agency_code, l.sector_code,
      ${localIso('n.abolished_at')}, ${localIso('d.accepted_at')},
      jsonb_build_object('NGAYBAIBO', n.abolished_at, 'TRANGTHAI', case when n.in_force then 1 else 0 end),
      jsonb_build_object('acceptedDate', d.accepted_at, 'status', d.status, 'listingCode', d.listing_code),
      format('Accepted on %s, at or after the national abolition of %s (NGAYBAIBO %s).',
        ${localIso('d.accepted_at')}, n.code, ${localIso('n.abolished_at')}),
      'HIGH'
    from dossier d
    join provincial_listing l on l.code = d.listing_code and l.deleted_at is null
    join national_procedure n on n.code = l.national_code and n.deleted_at is null
    where d.deleted_at is null and d.accepted_at is not null and d.status <> 'NOT_RECEIVED'
      and n.abolished_at is not null and d.accepted_at >= n.abolished_at`,
};

/**
 * A feedback item naming what no portal knows (null names nothing). A procedure code is
 * known by the national database or any listing (withdrawn included, by national code or
 * its own code); a dossier code by a synced dossier; an agency by either catalogue.
 */
export const feedbackUnknownReference: KindCheck = {
  kind: 'FEEDBACK_UNKNOWN_REFERENCE',
  params: noParams,
  sql: `select 'FEEDBACK_UNKNOWN_REFERENCE', r.code, r.procedure_code, r.field, null, r.agency_code, null,
      null, r.value, null, jsonb_build_object(r.field, r.value),
      format('The feedback names %s %s, which no portal knows.', r.what, r.value),
      'LOW'
    from (
      select f.code, f.procedure_code, f.agency_code, 'maTTHC' as field, 'procedure' as what, f.procedure_code as value
        from feedback f
       where f.deleted_at is null and f.procedure_code is not null
         and not exists (select 1 from national_procedure n where n.code = f.procedure_code and n.deleted_at is null)
         and not exists (select 1 from provincial_listing l
                          where (l.national_code = f.procedure_code or l.code = f.procedure_code) and l.deleted_at is null)
      union all
      select f.code, f.procedure_code, f.agency_code, 'maHoSo', 'dossier', f.dossier_code
        from feedback f
       where f.deleted_at is null and f.dossier_code is not null
         and not exists (select 1 from dossier d where d.code = f.dossier_code and d.deleted_at is null)
      union all
      select f.code, f.procedure_code, f.agency_code, 'coQuanXuLy', 'agency', f.agency_code
        from feedback f
       where f.deleted_at is null and f.agency_code is not null
         and not exists (select 1 from national_agency a where a.code = f.agency_code and a.deleted_at is null)
         and not exists (select 1 from igate_agency a where a.code = f.agency_code and a.deleted_at is null)
    ) r`,
};
