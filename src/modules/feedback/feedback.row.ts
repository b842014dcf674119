/** A feedback row as the graph reads it (never the raw payload), and its node. */
import type { GraphQLResolveInfo } from 'graphql';
import { type ColumnPlan, col, instant, planFor, type SelectionReaders } from '../../graph/columns';
import { asNode } from '../../graph/node';
import { FeedbackNode } from './feedback.types';

export const FEEDBACK_COLUMNS = `f.code, f.external_id, f.title, f.content, f.classification, f.channel, f.status,
  f.status_group, f.history, f.sent_at, f.answered_at, f.answer, f.published, f.likes, f.dislikes,
  f.agency_code, f.agency_name, f.procedure_code, f.dossier_code, f.source_updated_at, f.updated_at,
  f.deleted_at, f.sender_name, f.sender_phone, f.sender_email`;

export interface FeedbackRow {
  code: string;
  external_id: string;
  title: string;
  content: string;
  classification: FeedbackNode['classification'];
  channel: FeedbackNode['channel'];
  status: FeedbackNode['status'];
  status_group: FeedbackNode['statusGroup'];
  history: Array<{ status: FeedbackNode['status']; at: string }>;
  sent_at: Date | string;
  answered_at: Date | string | null;
  answer: string | null;
  published: boolean;
  likes: number;
  dislikes: number;
  agency_code: string | null;
  agency_name: string | null;
  procedure_code: string | null;
  dossier_code: string | null;
  source_updated_at: Date | string;
  updated_at: Date | string;
  deleted_at: Date | string | null;
  sender_name: string | null;
  sender_phone: string | null;
  sender_email: string | null;
}

/** The driver hands timestamps back as strings in raw queries. */
const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function toFeedbackNode(r: FeedbackRow): FeedbackNode {
  return asNode(FeedbackNode, {
    code: r.code,
    externalId: r.external_id,
    title: r.title,
    content: r.content,
    classification: r.classification,
    channel: r.channel,
    status: r.status,
    statusGroup: r.status_group,
    history: r.history.map((e) => ({ status: e.status, at: new Date(e.at) })),
    sentAt: new Date(r.sent_at),
    answeredAt: dateOrNull(r.answered_at),
    answer: r.answer,
    published: r.published,
    likes: r.likes,
    dislikes: r.dislikes,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    procedureCode: r.procedure_code,
    dossierCode: r.dossier_code,
    updatedAt: new Date(r.source_updated_at),
    syncedAt: new Date(r.updated_at),
    deletedAt: dateOrNull(r.deleted_at),
    storedSender: { name: r.sender_name, phone: r.sender_phone, email: r.sender_email },
  });
}

type Row = Record<string, unknown>;
const as = (prop: string, column: string) => ({ ...col(column), prop });

/** Each Feedback field by the columns it is built from (relations by the code they follow). */
export const FEEDBACK_READERS: SelectionReaders<Row> = {
  code: col('code'),
  externalId: col('external_id'),
  title: col('title'),
  content: col('content'),
  classification: col('classification'),
  channel: col('channel'),
  status: col('status'),
  statusGroup: col('status_group'),
  history: col('history', (v) =>
    (v as FeedbackRow['history']).map((e) => ({ status: e.status, at: new Date(e.at) })),
  ),
  sentAt: col('sent_at', instant),
  answeredAt: col('answered_at', instant),
  answer: col('answer'),
  published: col('published'),
  likes: col('likes'),
  dislikes: col('dislikes'),
  agencyCode: col('agency_code'),
  agencyName: col('agency_name'),
  procedureCode: col('procedure_code'),
  dossierCode: col('dossier_code'),
  updatedAt: col('source_updated_at', instant),
  syncedAt: col('updated_at', instant),
  deletedAt: col('deleted_at', instant),
  sender: {
    columns: ['sender_name', 'sender_phone', 'sender_email'],
    prop: 'storedSender',
    read: (r) => ({ name: r.sender_name, phone: r.sender_phone, email: r.sender_email }),
  },
  procedure: as('procedureCode', 'procedure_code'),
  agency: as('agencyCode', 'agency_code'),
};

export type FeedbackPlan = ColumnPlan<FeedbackNode, Row>;

/** The columns a feedback list's selection needs: its fields, and what its cursor is made of. */
export function feedbackPlan(info: GraphQLResolveInfo, orderColumn: string): FeedbackPlan {
  const cursorField = orderColumn === 'sent_at' ? 'sentAt' : 'updatedAt';
  return planFor<FeedbackNode, Row>(
    info,
    FEEDBACK_READERS,
    ['code', orderColumn],
    (f) => asNode(FeedbackNode, f as FeedbackNode),
    {
      path: ['edges', 'node'],
      alwaysFields: ['code', cursorField],
    },
  );
}
