/** A dossier row as the graph reads it (never the raw payload or the identity hash), and its node. */
import type { GraphQLResolveInfo } from 'graphql';
import { type ColumnPlan, planFor, type SelectionReaders } from '../../graph/columns';
import { asNode } from '../../graph/node';
import type { DossierOrderBy } from './dossier.args';
import { DossierNode } from './dossier.types';
import { orderOf } from './dossier.where';

export const DOSSIER_COLUMNS = `d.code, d.listing_code, d.national_code, d.agency_code, d.status, d.source_status_id, d.channel,
  d.applied_at, d.accepted_at, d.appointment_at, d.completed_at, d.returned_at, d.withdrawn_at, d.supplements,
  d.supplement_count, d.rating_value, d.rated_at, d.applicant_type, d.applicant_name, d.applicant_phone,
  d.applicant_email, d.identity_last4, d.source_updated_at, d.updated_at`;

type Instant = Date | string | null;

export interface DossierRow {
  code: string;
  listing_code: string;
  national_code: string;
  agency_code: string | null;
  status: DossierNode['status'];
  source_status_id: number;
  channel: DossierNode['channel'];
  applied_at: Instant;
  accepted_at: Instant;
  appointment_at: Instant;
  completed_at: Instant;
  returned_at: Instant;
  withdrawn_at: Instant;
  supplements: { requestedAt: string | null; receivedAt: string | null }[] | null;
  supplement_count: number;
  rating_value: number | null;
  rated_at: Instant;
  applicant_type: DossierNode['storedApplicant']['type'];
  applicant_name: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  identity_last4: string | null;
  source_updated_at: Date | string;
  updated_at: Date | string;
}

const date = (v: Instant | undefined): Date | null => (v === null || v === undefined ? null : new Date(v));

export function toDossierNode(r: DossierRow): DossierNode {
  return asNode(DossierNode, {
    code: r.code,
    listingCode: r.listing_code,
    nationalCode: r.national_code,
    agencyCode: r.agency_code ?? null,
    status: r.status,
    sourceStatusId: Number(r.source_status_id),
    channel: r.channel,
    appliedAt: date(r.applied_at),
    acceptedAt: date(r.accepted_at),
    appointmentAt: date(r.appointment_at),
    completedAt: date(r.completed_at),
    returnedAt: date(r.returned_at),
    withdrawnAt: date(r.withdrawn_at),
    supplements: (r.supplements ?? []).map((s) => ({
      requestedAt: date(s.requestedAt),
      receivedAt: date(s.receivedAt),
    })),
    supplementCount: Number(r.supplement_count),
    rating: r.rating_value === null ? null : { value: Number(r.rating_value), ratedAt: date(r.rated_at) },
    updatedAt: new Date(r.source_updated_at),
    syncedAt: new Date(r.updated_at),
    storedApplicant: {
      type: r.applicant_type ?? null,
      name: r.applicant_name,
      phone: r.applicant_phone,
      email: r.applicant_email,
      identityLast4: r.identity_last4,
    },
  });
}

type Row = Record<string, unknown>;
const one = (column: string, read: (v: unknown) => unknown = (v) => v, prop?: string) => ({
  columns: [column],
  ...(prop ? { prop } : {}),
  read: (r: Row) => read(r[column]),
});
const at = (v: unknown) => date(v as Instant);

/** Each Dossier field by the columns it is built from (relations by the code they follow). */
export const DOSSIER_READERS: SelectionReaders<Row> = {
  code: one('code'),
  listingCode: one('listing_code'),
  nationalCode: one('national_code'),
  agencyCode: one('agency_code'),
  status: one('status'),
  sourceStatusId: one('source_status_id', Number),
  channel: one('channel'),
  appliedAt: one('applied_at', at),
  acceptedAt: one('accepted_at', at),
  appointmentAt: one('appointment_at', at),
  completedAt: one('completed_at', at),
  returnedAt: one('returned_at', at),
  withdrawnAt: one('withdrawn_at', at),
  supplements: one('supplements', (v) =>
    ((v as DossierRow['supplements']) ?? []).map((s) => ({
      requestedAt: date(s.requestedAt),
      receivedAt: date(s.receivedAt),
    })),
  ),
  supplementCount: one('supplement_count', Number),
  rating: {
    columns: ['rating_value', 'rated_at'],
    read: (r) =>
      r.rating_value === null ? null : { value: Number(r.rating_value), ratedAt: at(r.rated_at) },
  },
  updatedAt: one('source_updated_at', at),
  syncedAt: one('updated_at', at),
  applicant: {
    columns: ['applicant_type', 'applicant_name', 'applicant_phone', 'applicant_email', 'identity_last4'],
    prop: 'storedApplicant',
    read: (r) => ({
      type: r.applicant_type ?? null,
      name: r.applicant_name,
      phone: r.applicant_phone,
      email: r.applicant_email,
      identityLast4: r.identity_last4,
    }),
  },
  procedure: one('national_code', undefined, 'nationalCode'),
  listing: one('listing_code', undefined, 'listingCode'),
  agency: one('agency_code', undefined, 'agencyCode'),
};

export type DossierPlan = ColumnPlan<DossierNode, Row>;

/** The columns a dossier list's selection needs: its fields, and what its cursor is made of. */
export function dossierPlan(
  info: GraphQLResolveInfo,
  orderBy: DossierOrderBy | null | undefined,
  path = ['edges', 'node'],
) {
  const order = orderOf(orderBy);
  const cursorField =
    { accepted_at: 'acceptedAt', appointment_at: 'appointmentAt' }[order.column] ?? 'updatedAt';
  return planFor<DossierNode, Row>(
    info,
    DOSSIER_READERS,
    ['code', order.column],
    (f) => asNode(DossierNode, f as DossierNode),
    {
      path,
      alwaysFields: ['code', cursorField],
    },
  );
}
