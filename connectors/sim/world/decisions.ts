/**
 * Ministries' publication decisions (`LayQDCB`). Each ministry has a fixed number of
 * decisions spread over 2018–2020; decision j belongs to ministry j mod M, so a
 * procedure picks one of its ministry's decisions without a lookup table.
 */
import { rngFor } from '../kit/prng';
import { DAY_MS, localInstant } from '../kit/time';
import type { WorldDecision, WorldMinistry } from './types';

export const DECISIONS_FROM = localInstant(2018, 1, 2);
/** Last decision day: leaves room for updates before the end of 2020. */
export const DECISIONS_TO = localInstant(2020, 11, 30);

export function decisionsPerMinistry(procedures: number, ministries: number): number {
  return Math.max(2, Math.ceil(procedures / 8 / ministries));
}

export function buildDecisions(
  seed: number,
  ministries: readonly WorldMinistry[],
  perMinistry: number,
): WorldDecision[] {
  const days = Math.round((DECISIONS_TO - DECISIONS_FROM) / DAY_MS);
  const salt = rngFor(seed, 'decision-ids').int(0, 89_999);
  const decisions: WorldDecision[] = [];
  for (let j = 0; j < ministries.length * perMinistry; j++) {
    const ministry = ministries[j % ministries.length] as WorldMinistry;
    const rng = rngFor(seed, 'decision', j);
    decisions.push({
      index: j,
      // 7919 is prime to 90 000, so ids stay distinct for every catalogue size allowed.
      id: `qd-${((j * 7919 + salt) % 90_000) + 10_000}`,
      number: `${rng.int(100, 4999)}/QĐ-${ministry.abbreviation}`,
      date: DECISIONS_FROM + rng.int(0, days) * DAY_MS,
      ministryCode: ministry.code,
      issuer: ministry.name,
    });
  }
  return decisions;
}
