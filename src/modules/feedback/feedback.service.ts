/** Feedback queries: one statement per list, per relation batch and per count. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { rangeSql } from '../../graph/date-range';
import { badInput } from '../../graph/errors';
import type { FeedbackFilter } from './feedback.args';
import type { FeedbackNode } from './feedback.types';

const COLUMNS = `f.code, f.external_id, f.title, f.content, f.classification, f.channel, f.status,
  f.status_group, f.history, f.sent_at, f.answered_at, f.answer, f.published, f.likes, f.dislikes,
  f.agency_code, f.agency_name, f.procedure_code, f.dossier_code, f.source_updated_at, f.updated_at,
  f.deleted_at, f.sender_name, f.sender_phone, f.sender_email`;

/** Newest sent first; the code breaks ties. Indexes (…, sent_at, code) serve it backwards. */
const ORDER = 'order by f.sent_at desc, f.code desc';

interface Row {
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

export interface Where {
  sql: string[];
  params: unknown[];
}

export interface PageRequest {
  first: number;
  after?: string | null;
  filter?: FeedbackFilter | null;
}

/** The driver hands timestamps back as strings in raw queries. */
const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function toNode(r: Row): FeedbackNode {
  return {
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
  };
}

export function whereOf(filter: FeedbackFilter | null | undefined): Where {
  const w: Where = { sql: ['f.deleted_at is null'], params: [] };
  if (!filter) return w;
  const equal = (column: string, value: string | null | undefined): void => {
    if (value == null) return;
    w.sql.push(`${column} = ?`);
    w.params.push(value.trim());
  };
  const anyOf = (column: string, values: readonly string[] | null | undefined): void => {
    if (values == null) return;
    w.sql.push(`${column} in (select jsonb_array_elements_text(?::jsonb))`);
    w.params.push(JSON.stringify(values));
  };
  equal('f.agency_code', filter.agency);
  equal('f.procedure_code', filter.procedure);
  equal('f.dossier_code', filter.dossier);
  anyOf('f.status', filter.status);
  anyOf('f.status_group', filter.statusGroup);
  equal('f.classification', filter.classification);
  equal('f.channel', filter.channel);
  const sent = rangeSql('f.sent_at', filter.sent);
  w.sql.push(...sent.sql);
  w.params.push(...sent.params);
  return w;
}

/** The keyset condition after a cursor this list gave out: `[sentAt ISO, code]`. */
function afterOf(cursor: string | null | undefined): Where | null {
  const key = decodeCursor(cursor, 2);
  if (!key) return null;
  const [at, code] = key;
  const sentAt = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
  if (Number.isNaN(sentAt.getTime()) || typeof code !== 'string') {
    throw badInput(
      'after is not a cursor this list gave out; use pageInfo.endCursor from the previous page',
      'after',
    );
  }
  return { sql: ['(f.sent_at, f.code) < (?, ?)'], params: [sentAt, code] };
}

/** A node's place in the order, as its cursor carries it. */
export const feedbackKey = (n: FeedbackNode): [string, string] => [n.sentAt.toISOString(), n.code];

export async function listFeedbacks(em: EntityManager, args: PageRequest): Promise<Connection<FeedbackNode>> {
  const where = whereOf(args.filter);
  const after = afterOf(args.after);
  const sql = [...where.sql, ...(after?.sql ?? [])];
  const rows = await em.execute<Row[]>(
    `select ${COLUMNS} from feedback f where ${sql.join(' and ')} ${ORDER} limit ?`,
    [...where.params, ...(after?.params ?? []), args.first + 1],
  );
  return toConnection(rows.map(toNode), args.first, after !== null, feedbackKey, async () => {
    const [c] = await em.execute<{ n: string }[]>(
      `select count(*) as n from feedback f where ${where.sql.join(' and ')}`,
      where.params,
    );
    return Number(c?.n ?? 0);
  });
}

export async function findFeedback(em: EntityManager, code: string): Promise<FeedbackNode | null> {
  const [row] = await em.execute<Row[]>(`select ${COLUMNS} from feedback f where f.code = ?`, [code]);
  return row ? toNode(row) : null;
}

/** The column a relation groups feedback by. */
export type OwnerColumn = 'procedure_code' | 'agency_code';

/**
 * One page of feedback for each owner (procedure or agency) in one statement: `first + 1`
 * rows per owner through a lateral join, so many parents cost one query.
 */
export async function feedbackPagesOf(
  em: EntityManager,
  column: OwnerColumn,
  owners: readonly string[],
  request: PageRequest,
): Promise<Array<FeedbackNode & { owner: string }>> {
  const where = whereOf(request.filter);
  const after = afterOf(request.after);
  const sql = [`f.${column} = o.code`, ...where.sql, ...(after?.sql ?? [])];
  const rows = await em.execute<Array<Row & { owner: string }>>(
    `select o.code as owner, page.* from (select distinct jsonb_array_elements_text(?::jsonb) as code) o
     cross join lateral (select ${COLUMNS} from feedback f where ${sql.join(' and ')} ${ORDER} limit ?) page`,
    [JSON.stringify(owners), ...where.params, ...(after?.params ?? []), request.first + 1],
  );
  return rows.map((r) => ({ ...toNode(r), owner: r.owner }));
}

/** How many feedback items match, per owner, in one statement. */
export async function feedbackCountsOf(
  em: EntityManager,
  column: OwnerColumn,
  owners: readonly string[],
  filter: FeedbackFilter | null | undefined,
): Promise<Array<{ owner: string; count: number }>> {
  const where = whereOf(filter);
  const rows = await em.execute<Array<{ owner: string; n: string }>>(
    `select f.${column} as owner, count(*) as n from feedback f
     where f.${column} in (select jsonb_array_elements_text(?::jsonb)) and ${where.sql.join(' and ')}
     group by f.${column}`,
    [JSON.stringify(owners), ...where.params],
  );
  return rows.map((r) => ({ owner: r.owner, count: Number(r.n) }));
}
