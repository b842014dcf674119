/**
 * Rate limits charged by cost, per key and minute, shared by every replica through one
 * row per key and minute: one upsert per operation adds the cost and returns the total.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export interface Charge {
  allowed: boolean;
  spent: number;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;

export async function chargeCost(
  em: EntityManager,
  keyName: string,
  cost: number,
  limitPerMinute: number,
  now: Date = new Date(),
): Promise<Charge> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  // A refused operation is not charged: a client that backs off gets its budget back.
  const rows = await em.execute<{ cost: number }[]>(
    `insert into rate_window as w (key_name, window_start, cost) values (?, ?, ?)
     on conflict (key_name, window_start) do update set cost = w.cost + excluded.cost
       where w.cost + excluded.cost <= ?
     returning w.cost`,
    [keyName, windowStart, cost, limitPerMinute],
  );
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000);
  const first = rows[0];
  if (first && first.cost <= limitPerMinute) return { allowed: true, spent: first.cost, retryAfterSeconds };
  if (first) {
    // A first charge larger than the whole budget: the row was inserted, take it back.
    await em.execute('update rate_window set cost = cost - ? where key_name = ? and window_start = ?', [
      cost,
      keyName,
      windowStart,
    ]);
  }
  return { allowed: false, spent: limitPerMinute, retryAfterSeconds };
}

/** Windows older than an hour are of no use; any replica may sweep them. */
export async function sweepRateWindows(em: EntityManager, now: Date = new Date()): Promise<number> {
  const rows = await em.execute<{ n: string }[]>(
    'with d as (delete from rate_window where window_start < ? returning 1) select count(*) as n from d',
    [new Date(now.getTime() - 3_600_000)],
  );
  return Number(rows[0]?.n ?? 0);
}
