/** What the text before the table says: the plan's title, decision, year and province. */
export interface Preamble {
  title: string | null;
  decision: string | null;
  year: number | null;
  province: string | null;
}

/**
 * The plan's own heading: a `KẾ HOẠCH` line, the title lines after it, then the decision
 * in parentheses (`(Ban hành theo Quyết định số: …)`). A decision document printed
 * above the plan comes first and is skipped.
 */
export function readPreamble(lines: readonly string[]): Preamble {
  const flat = lines.map((l) => l.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const start = flat.findLastIndex((l) => /^KẾ HOẠCH\b/u.test(l));
  if (start < 0) return { title: null, decision: null, year: null, province: null };
  const titleLines: string[] = [];
  let decision: string | null = null;
  for (const line of flat.slice(start)) {
    if (line.startsWith('(')) {
      decision = line.replace(/^\(|\)$/g, '').trim();
      break;
    }
    titleLines.push(line);
  }
  const title = titleLines.join(' ');
  const year = /\bnăm (\d{4})\b/iu.exec(title);
  const province = /\btỉnh (\p{L}+(?: \p{L}+)*)$/iu.exec(title);
  return {
    title,
    decision,
    year: year ? Number(year[1]) : null,
    province: province ? titleCase(province[1]!) : null,
  };
}

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}
