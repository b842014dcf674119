/**
 * A few thousand seeded dossiers for the oracle comparison, accepted from Dec 2020 to May
 * 2021 (Tết Tân Sửu 10–16 Feb 2021, the Q1/Q2 boundary), with times at every hour of the
 * day, every processing-time unit, missing appointments, supplements, withdrawals, stopped
 * and refused dossiers, dossiers of unknown agencies and listings, and a few dirty dates.
 */
import { Rng } from '../../../connectors/sim/kit/prng';
import type { Channel, DossierRecord, DossierStatus } from '../../../src/domain/model';
import type { AgencySeed, ListingSeed } from './seed';
import { dossierRecord } from './seed';

export const simAgencies: AgencySeed[] = [
  { code: 'P.01', name: 'Sở Tư pháp', level: 'PROVINCE' },
  { code: 'P.02', name: 'Sở Xây dựng', level: 'PROVINCE' },
  { code: 'D.01', name: 'UBND huyện Một', level: 'DISTRICT' },
  { code: 'D.01.C1', name: 'UBND xã Một A', level: 'COMMUNE', parent: 'D.01' },
  { code: 'D.01.C2', name: 'UBND xã Một B', level: 'COMMUNE', parent: 'D.01' },
  { code: 'D.02', name: 'UBND huyện Hai', level: 'DISTRICT' },
  { code: 'D.02.C1', name: 'UBND xã Hai A', level: 'COMMUNE', parent: 'D.02' },
  { code: 'D.02.C1.X', name: 'Bộ phận một cửa xã Hai A', level: 'COMMUNE', parent: 'D.02.C1' },
];
/** Agency codes dossiers use: the catalogue's, one no catalogue knows, and none. */
const dossierAgencies = [...simAgencies.map((a) => a.code), 'Z.99', null];

export const simListings: ListingSeed[] = [
  {
    code: 'L.A',
    nationalCode: '1.000001',
    name: 'Thủ tục A',
    sector: { code: 'S1', name: 'Hộ tịch' },
    times: { DIRECT: [5, 'WORKING_DAY'], ONLINE: [3, 'WORKING_DAY'], POSTAL: [7, 'WORKING_DAY'] },
  },
  {
    code: 'L.B',
    nationalCode: '1.000002',
    name: 'Thủ tục B',
    sector: { code: 'S1', name: 'Hộ tịch' },
    times: { DIRECT: [0.5, 'WORKING_DAY'], ONLINE: [12, 'HOUR'] },
  },
  {
    code: 'L.C',
    nationalCode: '2.000003',
    name: 'Thủ tục C',
    sector: { code: 'S2', name: 'Đất đai' },
    times: { DIRECT: [10, 'DAY'], POSTAL: [1, 'MONTH'] },
  },
  {
    code: 'L.D',
    nationalCode: '2.000004',
    name: 'Thủ tục D',
    sector: null,
    times: { DIRECT: [20, 'WORKING_DAY'], ONLINE: [20, 'WORKING_DAY'], POSTAL: [20, 'WORKING_DAY'] },
  },
];
const dossierListings = [
  ...simListings.map((l) => [l.code, l.nationalCode] as const),
  ['L.UNKNOWN', '9.999999'] as const,
];

const CHANNELS: Channel[] = ['DIRECT', 'ONLINE', 'POSTAL'];
const HOUR = 3_600_000;
const START = Date.parse('2020-12-01T00:00:00+07:00');
const SPAN = Date.parse('2021-06-01T00:00:00+07:00') - START;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)]!;
/** `2021-02-10 09:00` text for an instant, local time. */
function text(ms: number): string {
  const d = new Date(ms + 7 * HOUR).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

export function simulatedDossiers(count: number, seed = 11): DossierRecord[] {
  // One generator for every dossier: the steps below draw from it in turn, in this order.
  const rng = new Rng(seed);
  const out: DossierRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [listing, nationalCode] = pick(rng, dossierListings);
    const accepted = START + Math.floor(rng.next() * SPAN);
    const due = accepted + rng.int(-2, 30) * 24 * HOUR + rng.int(0, 23) * HOUR;
    const { supplements, last } = drawSupplements(rng, accepted);
    const end = last + rng.int(-48, 40 * 24) * HOUR;
    const fate = drawFate(rng, end);
    const acceptedText = fate.status === 'REGISTERED' ? null : text(accepted);
    out.push(
      dossierRecord({
        code: `S${String(i).padStart(6, '0')}`,
        agency: pick(rng, dossierAgencies),
        listing,
        nationalCode,
        channel: pick(rng, CHANNELS),
        status: fate.status,
        applied: text(accepted - rng.int(0, 72) * HOUR),
        accepted: acceptedText,
        appointment: rng.chance(0.8) ? text(due) : null,
        completed: fate.completed,
        returned: fate.returned,
        withdrawn: fate.withdrawn,
        supplements,
        rating: rng.chance(0.3) ? (pick(rng, [1, 2, 3] as const) as 1 | 2 | 3) : null,
      }),
    );
  }
  return out;
}

/** None, one or two supplement requests, one after the other, some unanswered; `last` is the latest instant. */
function drawSupplements(
  rng: Rng,
  accepted: number,
): { supplements: [string | null, string | null][]; last: number } {
  const roll = rng.next();
  const supplements: [string | null, string | null][] = [];
  const nSup = roll < 0.7 ? 0 : roll < 0.9 ? 1 : 2;
  let t = accepted;
  for (let s = 0; s < nSup; s++) {
    const req = t + rng.int(1, 120) * HOUR;
    const answered = rng.chance(0.7);
    const recv = answered ? req + rng.int(1, 400) * HOUR : null;
    supplements.push([text(req), recv === null ? null : text(recv)]);
    t = recv ?? req;
  }
  return { supplements, last: t };
}

interface Fate {
  status: DossierStatus;
  completed: string | null;
  returned: string | null;
  withdrawn: string | null;
}

/** How the dossier ends at `end`: returned, withdrawn, stopped, refused, just registered, or still in progress. */
function drawFate(rng: Rng, end: number): Fate {
  const fate = rng.next();
  const none = { completed: null, returned: null, withdrawn: null };
  if (fate < 0.55) {
    const done = rng.chance(0.8)
      ? { completed: text(end), returned: null }
      : { completed: null, returned: text(end) };
    // Both completed and withdrawn: the earlier wins.
    const withdrawn = rng.chance(0.05) ? text(end + rng.int(-24, 24) * HOUR) : null;
    return { status: 'RETURNED', ...done, withdrawn };
  }
  if (fate < 0.65) return { status: 'WITHDRAWN', ...none, withdrawn: text(end) };
  if (fate < 0.7) return { status: 'STOPPED', ...none, completed: rng.chance(0.5) ? text(end) : null };
  if (fate < 0.75) return { status: 'NOT_RECEIVED', ...none };
  if (fate < 0.78) return { status: 'REGISTERED', ...none };
  return { status: 'PROCESSING', ...none };
}
