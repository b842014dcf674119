import type {
  Channel,
  ChannelTerms,
  FieldIssue,
  LegalBasis,
  Level,
  OnlineLevel,
  ProcessingTime,
  ProvincialListingRecord,
  TimeUnit,
} from '../../src/domain/model';
import { parseVnd } from '../../src/domain/money';
import { parseIgateDate, parseIgateDateTime } from '../../src/domain/time';
import { firstIssue } from '../kit/zod-issues';
import {
  fromTable,
  type MapResult,
  mapWith,
  nationalCodeOf,
  RecordProblem,
  requiredDate,
  requiredText,
  textOrNull,
} from './map-fields';
import { listingSchema, type RawImplementation, type RawListing } from './records';

/**
 * A raw iGate listing (upstream-apis.md §2 "Procedures published by the province") → the
 * hub's ProvincialListingRecord, the same normalized shape as the national record so the
 * checks compare like with like. Pure.
 */

/** §2 `applyMethod.id`: 0 in person, 1 online, 2 postal (national KENH is 1, 2, 3). */
export const APPLY_METHODS: Record<number, Channel> = { 0: 'DIRECT', 1: 'ONLINE', 2: 'POSTAL' };
/** §2 / domain.md: iGate `levels[].id` shares 1 province, 2 district, 3 commune with CAPTHUCHIEN. */
const LEVELS: Record<number, Level> = { 1: 'PROVINCE', 2: 'DISTRICT', 3: 'COMMUNE' };
/** §2 `onlineLevel`: 2 information only, 3 partly online, 4 fully online. */
const ONLINE_LEVELS: Record<number, OnlineLevel> = { 2: 'INFO', 3: 'PARTIAL', 4: 'FULL' };
const UNITS: readonly TimeUnit[] = ['WORKING_DAY', 'DAY', 'HOUR', 'MONTH'];
const DECIMAL = /^\d+(\.\d+)?$/;

export function toListing(raw: unknown): MapResult<ProvincialListingRecord> {
  const parsed = listingSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  return mapWith(() => buildListing(parsed.data));
}

function buildListing(l: RawListing): ProvincialListingRecord {
  const issues: FieldIssue[] = [];
  const code = requiredText(l.code, 'code');
  const { nationalCode, inferred } = nationalCodeOf(l.nationCode, code, 'nationCode');
  if (l.status !== 0 && l.status !== 1) {
    throw new RecordProblem('status', `unknown status ${l.status} (expected 0 or 1)`);
  }
  const levels = l.levels.map((level, i) => fromTable(LEVELS, level.id, `levels[${i}].id`, 'level'));
  const onlineLevel =
    l.onlineLevel === null || l.onlineLevel === undefined
      ? null
      : fromTable(ONLINE_LEVELS, l.onlineLevel, 'onlineLevel', 'online level');
  return {
    externalId: requiredText(l.id, 'id'),
    code,
    nationalCode,
    nationalCodeInferred: inferred,
    name: requiredText(l.name, 'name'),
    sector: l.sector ? codeName(l.sector.code, l.sector.name) : null,
    levels: [...new Set(levels)],
    agencies: l.agencies.map((a) => codeName(a.code, a.name)),
    channels: toChannels(l.implementation, issues),
    onlineLevel,
    legalBases: l.legalBases.map(
      (b, i): LegalBasis => ({
        number: b.number.normalize('NFC').trim(),
        title: textOrNull(b.title),
        issuedDate: legalDate(b.issuedDate, `legalBases[${i}].issuedDate`, issues),
        issuer: null,
      }),
    ),
    decision: toDecision(l.publishedDecision, issues),
    active: l.status === 1,
    updatedAt: requiredDate(l.updatedDate, 'updatedDate'),
    issues,
  };
}

/** One ChannelTerms per channel; two implementation items of one channel are merged. */
function toChannels(raw: RawImplementation[], issues: FieldIssue[]): ChannelTerms[] {
  const byChannel = new Map<Channel, ChannelTerms>();
  raw.forEach((item, i) => {
    const at = `implementation[${i}]`;
    const channel = fromTable(APPLY_METHODS, item.applyMethod.id, `${at}.applyMethod.id`, 'applyMethod');
    const terms = byChannel.get(channel) ?? { channel, times: [], fees: [] };
    byChannel.set(channel, terms);
    if (item.processingTime) terms.times.push(toTime(item.processingTime, `${at}.processingTime`, issues));
    item.fees.forEach((fee, k) => {
      let amount: number;
      try {
        amount = parseVnd(fee.amount);
      } catch (error) {
        throw new RecordProblem(`${at}.fees[${k}].amount`, (error as Error).message);
      }
      terms.fees.push({ code: textOrNull(fee.code), amount, description: textOrNull(fee.description) });
    });
  });
  return [...byChannel.values()];
}

/** An unreadable value or unit is a field-level problem: null, and the record is kept. */
function toTime(
  raw: { value?: number | string | null; unit?: string | null },
  at: string,
  issues: FieldIssue[],
): ProcessingTime {
  let value: number | null = null;
  const text = typeof raw.value === 'number' ? String(raw.value) : (raw.value ?? '').trim();
  if (DECIMAL.test(text)) value = Number(text);
  else
    issues.push({
      field: `${at}.value`,
      reason: 'processing time is not a non-negative decimal',
      value: raw.value ?? null,
    });
  const unitText = textOrNull(raw.unit)?.toUpperCase() ?? null;
  const unit = UNITS.find((u) => u === unitText) ?? null;
  if (unit === null)
    issues.push({ field: `${at}.unit`, reason: 'unknown time unit', value: raw.unit ?? null });
  return { value, unit, description: null };
}

function toDecision(
  raw: RawListing['publishedDecision'],
  issues: FieldIssue[],
): ProvincialListingRecord['decision'] {
  if (!raw) return null;
  let date: Date | null = null;
  const text = textOrNull(raw.date);
  if (text !== null) {
    try {
      date = parseIgateDateTime(text);
    } catch (error) {
      issues.push({ field: 'publishedDecision.date', reason: (error as Error).message, value: raw.date });
    }
  }
  return { number: textOrNull(raw.number), date };
}

function legalDate(value: string | null | undefined, field: string, issues: FieldIssue[]): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  try {
    return parseIgateDate(text);
  } catch (error) {
    issues.push({ field, reason: (error as Error).message, value });
    return null;
  }
}

function codeName(code: string, name: string) {
  return { code: code.normalize('NFC').trim(), name: name.normalize('NFC').trim() };
}
