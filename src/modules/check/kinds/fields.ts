/**
 * Field-by-field kinds over COMPARED_PAIRS (active listings of in-force records): name,
 * levels, online level, legal bases, publication date. Processing times and fees, which
 * go channel by channel, are in channels.ts.
 */
import type { KindCheck } from './kind';
import { noParams } from './kind';
import {
  comparedPairs,
  levelSet,
  localDay,
  NORMALIZED_TEXT,
  publicationDeadline,
  readableLevels,
} from './sql';

/** Names compared in their normalized forms (check_text, filled by src/domain/text.ts). */
export const nameMismatch: KindCheck = {
  kind: 'NAME_MISMATCH',
  params: noParams,
  sql: `select 'NAME_MISMATCH', l.code, n.code, 'name', null, l.agency_codes[1], l.sector_code,
      tn.name, tl.name, to_jsonb(n.name), to_jsonb(l.name),
      case when tn.name_folded = tl.name_folded
        then 'The names differ only in diacritics or case (equal once diacritics are stripped and case folded).'
        else 'The names differ after normalization (NFC, whitespace, trailing period).' end,
      case when tn.name_folded = tl.name_folded then 'LOW' else 'MEDIUM' end
    from ${comparedPairs(NORMALIZED_TEXT)}
      and tn.name <> tl.name`,
};

export const levelMismatch: KindCheck = {
  kind: 'LEVEL_MISMATCH',
  params: noParams,
  sql: `select 'LEVEL_MISMATCH', l.code, n.code, 'levels', null, l.agency_codes[1], l.sector_code,
      ${readableLevels(levelSet('n.levels', true))}, ${readableLevels(levelSet('l.levels', false))},
      to_jsonb(n.levels), to_jsonb(l.levels),
      'The sets of levels differ (MINISTRY on the national side ignored).',
      'MEDIUM'
    from ${comparedPairs()}
      and ${levelSet('n.levels', true)} <> ${levelSet('l.levels', false)}`,
};

/** One-way: a listing saying INFO while the national record has an ONLINE channel is no finding. */
export const onlineLevelMismatch: KindCheck = {
  kind: 'ONLINE_LEVEL_MISMATCH',
  params: noParams,
  sql: `select 'ONLINE_LEVEL_MISMATCH', l.code, n.code, 'onlineLevel', null, l.agency_codes[1], l.sector_code,
      coalesce(nullif(array_to_string(array(select distinct c->>'channel' from jsonb_array_elements(n.channels) c order by 1), ', '), ''), 'no channel'),
      l.online_level,
      jsonb_build_object('channels', (select coalesce(jsonb_agg(distinct c->>'channel'), '[]'::jsonb) from jsonb_array_elements(n.channels) c)),
      jsonb_build_object('onlineLevel', l.online_level),
      format('The listing says %s online service, but the national record has no ONLINE channel.', l.online_level),
      'MEDIUM'
    from ${comparedPairs()}
      and l.online_level in ('FULL', 'PARTIAL')
      and not exists (select 1 from jsonb_array_elements(n.channels) c where c->>'channel' = 'ONLINE')`,
};

/** Document numbers compared after NFC, trimming and upper case (check_text.doc_numbers). */
export const legalBasisMismatch: KindCheck = {
  kind: 'LEGAL_BASIS_MISMATCH',
  params: noParams,
  sql: `select 'LEGAL_BASIS_MISMATCH', l.code, n.code, 'legalBases', null, l.agency_codes[1], l.sector_code,
      array_to_string(tn.doc_numbers, '; '), array_to_string(tl.doc_numbers, '; '),
      n.legal_bases, l.legal_bases,
      format('The sets of legal document numbers differ: only national %s; only provincial %s.',
        coalesce(nullif(array_to_string(array(select unnest(tn.doc_numbers) except select unnest(tl.doc_numbers) order by 1), ', '), ''), 'none'),
        coalesce(nullif(array_to_string(array(select unnest(tl.doc_numbers) except select unnest(tn.doc_numbers) order by 1), ', '), ''), 'none')),
      'LOW'
    from ${comparedPairs(NORMALIZED_TEXT)}
      and tn.doc_numbers <> tl.doc_numbers`,
};

/**
 * The listing's decision day after the ministry's decision day + 5 working days. A side
 * without a decision date, or a ministry decision the calendar does not cover, cannot be
 * judged and gives nothing.
 */
export const publicationLate: KindCheck = {
  kind: 'PUBLICATION_LATE',
  params: noParams,
  sql: `select 'PUBLICATION_LATE', l.code, n.code, 'publishedDecision', null, l.agency_codes[1], l.sector_code,
      p.decision_day::text, ${localDay('l.decision_date')}::text,
      jsonb_build_object('decision', n.decision, 'decisionDate', n.decision_date),
      jsonb_build_object('decisionNumber', l.decision_number, 'decisionDate', l.decision_date),
      format('The province published on %s, after %s: 5 working days after the ministry''s decision of %s.',
        ${localDay('l.decision_date')}, p.deadline, p.decision_day),
      'MEDIUM'
    from ${comparedPairs(`join ${publicationDeadline('n.decision_date')} p on true`)}
      and l.decision_date is not null and p.deadline is not null
      and ${localDay('l.decision_date')} > p.deadline`,
};
