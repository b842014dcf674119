/** Report periods as the graph takes them: "2020", "2020-Q2", "2020-06". */

export type PeriodPart = '' | `Q${1 | 2 | 3 | 4}` | string;

export interface Period {
  year: number;
  /** '' (whole year), 'Q1'…'Q4', or '01'…'12'. */
  part: PeriodPart;
}

export function parsePeriod(text: string | null): Period | null {
  const m = /^(\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$/.exec(text ?? '');
  return m ? { year: Number(m[1]), part: m[2] ?? '' } : null;
}

export function periodText(p: Period): string {
  return p.part ? `${p.year}-${p.part}` : String(p.year);
}

/** The months a period covers, as "2020-04" (a month period: the months of its quarter). */
export function monthsOf(p: Period): string[] {
  const month = (m: number) => `${p.year}-${String(m).padStart(2, '0')}`;
  if (!p.part) return Array.from({ length: 12 }, (_, i) => month(i + 1));
  const q = p.part.startsWith('Q') ? Number(p.part.slice(1)) : Math.ceil(Number(p.part) / 3);
  return [0, 1, 2].map((i) => month((q - 1) * 3 + i + 1));
}

/** The quarter an instant falls in (local time), the report's default period. */
export function quarterOf(iso: string): Period {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000); // Asia/Ho_Chi_Minh, no DST
  return { year: local.getUTCFullYear(), part: `Q${Math.floor(local.getUTCMonth() / 3) + 1}` };
}
