// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers of two servers, read loosely to compare them
/**
 * The dashboard queries of issue 9, each as the hub's document and the equivalent
 * PostGraphile document over the same tables, with a normalizer per side so the
 * benchmark can check once that both answer the same data.
 */
import type { Client } from 'pg';
import { encodeCursor } from '../../../src/graph/connection';

export interface BenchQuery {
  name: string;
  hub: { query: string; variables: Record<string, unknown> };
  postgraphile: { query: string; variables: Record<string, unknown> };
  /** Each side's answer in one plain shape, to compare. */
  sameAs: { hub(data: any): unknown; postgraphile(data: any): unknown };
}

export interface BenchParams {
  /** The agency with the most dossiers. */
  agency: string;
  /** The province itself, parent of the departments and districts. */
  province: string;
  /** The agency with the most feedback in process. */
  feedbackAgency: string;
  /** The hub's cursor 100,000 rows deep (default order). */
  deepCursor: string;
  /** The key of that row, for PostGraphile's own cursor. */
  deepKey: { updatedAt: string; code: string };
}

/** `deepRow`: how deep the keyset cursor sits (100,000 in the bench; a small table in tests). */
export async function benchParams(c: Client, deepRow = 100_000): Promise<BenchParams> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await c.query(sql, params)).rows[0] as T;
  const agency = await one<{ code: string }>(
    `select agency_code as code from dossier group by 1 order by count(*) desc, 1 limit 1`,
  );
  const province = await one<{ code: string }>(
    `select parent_code as code from igate_agency where parent_code is not null group by 1 order by count(*) desc, 1 limit 1`,
  );
  const feedback = await one<{ code: string }>(
    `select agency_code as code from feedback where status_group = 'IN_PROCESS' and agency_code is not null
     group by 1 order by count(*) desc, 1 limit 1`,
  );
  const deep = await one<{ at: Date; code: string }>(
    `select source_updated_at as at, code from dossier where deleted_at is null
     order by source_updated_at desc, code desc offset $1 limit 1`,
    [deepRow - 1],
  );
  return {
    agency: agency.code,
    province: province.code,
    feedbackAgency: feedback.code,
    deepCursor: encodeCursor('dossier:UPDATED_DESC', [deep.at.toISOString(), deep.code]),
    deepKey: { updatedAt: deep.at.toISOString(), code: deep.code },
  };
}

const ms = (v: string | null): number | null => (v === null ? null : Date.parse(v));

/** `pgDeepCursor` is PostGraphile's cursor for the same row, fetched once from it. */
export function benchQueries(p: BenchParams, pgDeepCursor: string): BenchQuery[] {
  const dossierNode = (n: any) => ({
    code: n.code,
    status: n.status,
    at: ms(n.updatedAt ?? n.sourceUpdatedAt),
  });
  return [
    {
      name: '50 latest dossiers of one agency, with procedure and listing names',
      hub: {
        query: `query($a: String!, $n: Int!) { dossiers(first: $n, filter: { agency: $a }) { edges { node {
          code status updatedAt procedure { name } listing { name } } } } }`,
        variables: { a: p.agency, n: 50 },
      },
      postgraphile: {
        query: `query($a: String!) { allDossiers(first: 50, condition: { agencyCode: $a, deletedAt: null },
          orderBy: [SOURCE_UPDATED_AT_DESC, CODE_DESC]) { edges { node {
          code status sourceUpdatedAt nationalProcedureByNationalCode { name } provincialListingByListingCode { name } } } } }`,
        variables: { a: p.agency },
      },
      sameAs: {
        hub: (d) =>
          d.dossiers.edges.map((e: any) => ({
            ...dossierNode(e.node),
            procedure: e.node.procedure?.name ?? null,
            listing: e.node.listing?.name ?? null,
          })),
        postgraphile: (d) =>
          d.allDossiers.edges.map((e: any) => ({
            ...dossierNode(e.node),
            procedure: e.node.nationalProcedureByNationalCode?.name ?? null,
            listing: e.node.provincialListingByListingCode?.name ?? null,
          })),
      },
    },
    {
      name: '50 procedures with their listings and national channels (times, fees)',
      hub: {
        query: `query($n: Int!) { procedures(first: $n) { edges { node { code name listings { code name }
          national { channels { channel times { value unit } fees { amount } } } } } } }`,
        variables: { n: 50 },
      },
      postgraphile: {
        query: `{ allNationalProcedures(first: 50, orderBy: CODE_ASC, condition: { deletedAt: null }) { nodes {
          code name provincialListingsByNationalCode(orderBy: CODE_ASC, condition: { deletedAt: null }) { nodes { code name } }
          channels } } }`,
        variables: {},
      },
      sameAs: {
        hub: (d) =>
          d.procedures.edges.map((e: any) => ({
            code: e.node.code,
            name: e.node.name,
            listings: e.node.listings,
            channels: e.node.national?.channels ?? null,
          })),
        postgraphile: (d) =>
          d.allNationalProcedures.nodes.map((n: any) => ({
            code: n.code,
            name: n.name,
            listings: n.provincialListingsByNationalCode.nodes,
            channels: (n.channels as any[]).map((c) => ({
              channel: c.channel,
              times: c.times.map((t: any) => ({ value: t.value, unit: t.unit })),
              fees: c.fees.map((f: any) => ({ amount: f.amount })),
            })),
          })),
      },
    },
    {
      name: '50 dossiers after a keyset cursor 100,000 rows deep',
      hub: {
        query: `query($c: String!, $n: Int!) { dossiers(first: $n, after: $c) { edges { node { code status updatedAt } } } }`,
        variables: { c: p.deepCursor, n: 50 },
      },
      postgraphile: {
        query: `query($c: Cursor!) { allDossiers(first: 50, after: $c, condition: { deletedAt: null },
          orderBy: [SOURCE_UPDATED_AT_DESC, CODE_DESC]) { edges { node { code status sourceUpdatedAt } } } }`,
        variables: { c: pgDeepCursor },
      },
      sameAs: {
        hub: (d) => d.dossiers.edges.map((e: any) => dossierNode(e.node)),
        postgraphile: (d) => d.allDossiers.edges.map((e: any) => dossierNode(e.node)),
      },
    },
    {
      name: "totalCount of one agency's PROCESSING dossiers",
      hub: {
        query: `query($a: String!) { dossiers(first: 0, filter: { agency: $a, status: [PROCESSING] }) { totalCount } }`,
        variables: { a: p.agency },
      },
      postgraphile: {
        query: `query($a: String!) { allDossiers(condition: { agencyCode: $a, status: "PROCESSING", deletedAt: null }) { totalCount } }`,
        variables: { a: p.agency },
      },
      sameAs: {
        hub: (d) => d.dossiers.totalCount,
        postgraphile: (d) => d.allDossiers.totalCount,
      },
    },
    {
      name: "the province's units, each with its count of PROCESSING dossiers",
      hub: {
        query: `query($p: String!, $n: Int!) { agencies(first: $n, filter: { parent: $p }) { edges { node { code name
          dossiers(first: 0, filter: { status: [PROCESSING] }) { totalCount } } } } }`,
        variables: { p: p.province, n: 50 },
      },
      postgraphile: {
        query: `query($p: String!) { allIgateAgencies(first: 50, orderBy: CODE_ASC, condition: { parentCode: $p, deletedAt: null }) {
          nodes { code name dossiersByAgencyCode(condition: { status: "PROCESSING", deletedAt: null }) { totalCount } } } }`,
        variables: { p: p.province },
      },
      sameAs: {
        hub: (d) =>
          d.agencies.edges.map((e: any) => ({
            code: e.node.code,
            name: e.node.name,
            n: e.node.dossiers.totalCount,
          })),
        postgraphile: (d) =>
          d.allIgateAgencies.nodes.map((n: any) => ({
            code: n.code,
            name: n.name,
            n: n.dossiersByAgencyCode.totalCount,
          })),
      },
    },
    {
      name: "one agency's feedback in process: 50 newest with procedure names, and the count",
      hub: {
        query: `query($a: String!, $n: Int!) { feedbacks(first: $n, filter: { agency: $a, statusGroup: [IN_PROCESS] }) {
          totalCount edges { node { code title sentAt status procedure { name } } } } }`,
        variables: { a: p.feedbackAgency, n: 50 },
      },
      postgraphile: {
        query: `query($a: String!) { allFeedbacks(first: 50, condition: { agencyCode: $a, statusGroup: "IN_PROCESS", deletedAt: null },
          orderBy: [SENT_AT_DESC, CODE_DESC]) { totalCount nodes { code title sentAt status
          nationalProcedureByProcedureCode { name } } } }`,
        variables: { a: p.feedbackAgency },
      },
      sameAs: {
        hub: (d) => ({
          n: d.feedbacks.totalCount,
          items: d.feedbacks.edges.map((e: any) => ({
            code: e.node.code,
            title: e.node.title,
            at: ms(e.node.sentAt),
            status: e.node.status,
            procedure: e.node.procedure?.name ?? null,
          })),
        }),
        postgraphile: (d) => ({
          n: d.allFeedbacks.totalCount,
          items: d.allFeedbacks.nodes.map((n: any) => ({
            code: n.code,
            title: n.title,
            at: ms(n.sentAt),
            status: n.status,
            procedure: n.nationalProcedureByProcedureCode?.name ?? null,
          })),
        }),
      },
    },
  ];
}
