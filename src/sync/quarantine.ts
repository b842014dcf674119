/** Bad upstream records: stored with their redacted payload, field and reason, never dropped. */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Rejected } from '../../connectors/kit/types';
import { query } from '../db/sql';
import { stableJson } from '../db/upsert';
import type { Source } from '../domain/model';

export async function quarantine(
  em: EntityManager,
  args: { source: Source; stream: string; runId: string; rejected: Rejected[] },
): Promise<number> {
  if (args.rejected.length === 0) return 0;
  const rows = new Map<string, Record<string, unknown>>();
  for (const r of args.rejected) {
    const fingerprint = createHash('sha1')
      .update(stableJson([r.externalKey, r.field, r.reason, r.raw]))
      .digest('base64url');
    rows.set(fingerprint, {
      source: args.source,
      stream: args.stream,
      external_key: r.externalKey,
      field: r.field,
      reason: r.reason,
      fingerprint,
      raw: r.raw ?? null,
      sync_run_id: args.runId,
    });
  }
  await query(
    em,
    `insert into quarantined_record as q (source, stream, external_key, field, reason, fingerprint, raw, sync_run_id,
        times_seen, first_seen_at, last_seen_at)
     select source, stream, external_key, field, reason, fingerprint, raw, sync_run_id, 1, now(), now()
     from jsonb_to_recordset(?::jsonb) as x(source text, stream text, external_key text, field text, reason text,
       fingerprint text, raw jsonb, sync_run_id bigint)
     on conflict (source, stream, fingerprint) do update set times_seen = q.times_seen + 1, last_seen_at = now(),
       sync_run_id = excluded.sync_run_id, resolved_at = null`,
    [JSON.stringify([...rows.values()])],
  );
  return args.rejected.length;
}

/** A valid version of a quarantined key arrived: the quarantine entry is resolved. */
export async function resolveQuarantined(
  em: EntityManager,
  args: { source: Source; stream: string; keys: string[] },
): Promise<void> {
  if (args.keys.length === 0) return;
  await query(
    em,
    `update quarantined_record set resolved_at = now()
     where source = ? and stream = ? and resolved_at is null
       and external_key in (select jsonb_array_elements_text(?::jsonb))`,
    [args.source, args.stream, JSON.stringify(args.keys)],
  );
}
