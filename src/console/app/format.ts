/** Small display helpers shared by pages (no text here: words come from the message files). */

/** "2 h 05 min", "45 s": a duration for people, from seconds. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

export function secondsBetween(from: string, to: string | null | undefined): number | null {
  if (!to) return null;
  return (new Date(to).getTime() - new Date(from).getTime()) / 1000;
}

/** Pretty JSON when the text is JSON, else the text itself. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** 2020-06-30 → 30/06/2020 (a LocalDate as Vietnamese offices write it). */
export function localDay(iso: string | null | undefined): string {
  return iso ? iso.split('-').reverse().join('/') : '';
}
