/**
 * An auditor's status changes: ACKNOWLEDGED or WONT_FIX, each with a required note, kept
 * in the finding's history with the actor. Checks never undo them while the finding is
 * seen; a complete check that no longer sees it resolves it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { FindingStatus } from '../../domain/finding';

export class FindingStatusError extends Error {
  constructor(
    readonly code: 'finding_not_found' | 'note_required' | 'finding_resolved',
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export async function setFindingStatus(
  em: EntityManager,
  args: { id: string; to: 'ACKNOWLEDGED' | 'WONT_FIX'; note: string; actor: string; at?: Date },
): Promise<void> {
  const note = args.note.trim();
  if (note === '') throw new FindingStatusError('note_required', 'a note saying why is required');
  if (!/^\d{1,18}$/.test(args.id)) throw new FindingStatusError('finding_not_found', `no finding ${args.id}`);
  const at = args.at ?? new Date();
  const rows = await query<{ from_status: FindingStatus | null; found: boolean }>(
    em,
    `with f as (select id, status from finding where id = ?::bigint for update),
     u as (update finding set status = ?, updated_at = now()
             from f where finding.id = f.id and f.status <> 'RESOLVED' returning finding.id, f.status as from_status),
     e as (insert into finding_event (finding_id, at, actor, from_status, to_status, note)
           select id, ?, ?, from_status, ?, ? from u)
     select (select from_status from u) as from_status, exists (select 1 from f) as found`,
    [args.id, args.to, at, args.actor, args.to, note],
  );
  const row = rows[0];
  if (!row?.found) throw new FindingStatusError('finding_not_found', `no finding ${args.id}`);
  if (row.from_status === null)
    throw new FindingStatusError(
      'finding_resolved',
      `finding ${args.id} is RESOLVED; nothing to acknowledge`,
    );
}
