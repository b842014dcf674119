/**
 * Fault injection shared by the simulators: every fault of upstream-apis.md "Faults every
 * connector must survive", each at a configurable rate, drawn deterministically from a
 * seed and the request's ordinal. Transport faults are applied by the server helper;
 * protocol faults (an error code in a 200, a session that expires, a record on two pages,
 * data that changes while paging) are handed to the simulator, which knows the protocol.
 */
import { rngFor } from './prng';

export const TRANSPORT_FAULTS = [
  'http500',
  'http502',
  'http503',
  'rate429',
  'slow',
  'reset',
  'truncated',
  'nonjson',
] as const;
export const PROTOCOL_FAULTS = ['errorcode', 'expire', 'duplicate', 'shift'] as const;
export const FAULT_KINDS = [...TRANSPORT_FAULTS, ...PROTOCOL_FAULTS] as const;

export type TransportFault = (typeof TRANSPORT_FAULTS)[number];
export type ProtocolFault = (typeof PROTOCOL_FAULTS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** Probability that a request gets some fault, spread evenly over the enabled kinds it can carry. */
  rate?: number;
  /** Kinds `rate` applies to; default: all. A string is read like `SIM_FAULTS` (`http500,slow:0.01`). */
  kinds?: readonly FaultKind[] | string;
  /** Absolute probability per kind; these kinds ignore `rate`. */
  rates?: Partial<Record<FaultKind, number>>;
  seed?: number;
  /** `Retry-After` of an injected 429, seconds (0 lets tests run fast). Default 1. */
  retryAfterSeconds?: number;
  /** Delay of a `slow` response: longer than the client's timeout. Default 16 000 ms. */
  slowMs?: number;
}

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

export function isTransportFault(kind: FaultKind): kind is TransportFault {
  return (TRANSPORT_FAULTS as readonly string[]).includes(kind);
}

/**
 * Reads `SIM_FAULT_RATE`, `SIM_FAULTS` (`http500,slow` or `http500:0.05,slow:0.01`),
 * `SIM_FAULT_SEED`, `SIM_RETRY_AFTER` (seconds) and `SIM_SLOW_MS`. Unset: no faults.
 */
export function faultOptionsFromEnv(env: Record<string, string | undefined> = process.env): FaultOptions {
  const options: FaultOptions = {};
  const number = (name: string): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`sim_fault_config_invalid: ${name}=${raw}`);
    return n;
  };
  options.rate = number('SIM_FAULT_RATE');
  options.seed = number('SIM_FAULT_SEED');
  options.retryAfterSeconds = number('SIM_RETRY_AFTER');
  options.slowMs = number('SIM_SLOW_MS');
  const list = env.SIM_FAULTS?.trim();
  if (list) Object.assign(options, parseFaultList(list));
  return options;
}

/** `http500,slow:0.05`: the kinds, and an absolute rate for those that name one. */
export function parseFaultList(list: string): {
  kinds: FaultKind[];
  rates?: Partial<Record<FaultKind, number>>;
} {
  const kinds: FaultKind[] = [];
  const rates: Partial<Record<FaultKind, number>> = {};
  for (const item of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name = '', rate] = item.split(':').map((s) => s.trim());
    if (!isFaultKind(name)) throw new Error(`sim_fault_config_invalid: unknown fault ${name}`);
    kinds.push(name);
    if (rate !== undefined) {
      const r = Number(rate);
      if (!Number.isFinite(r) || r < 0 || r > 1) throw new Error(`sim_fault_config_invalid: ${item}`);
      rates[name] = r;
    }
  }
  return Object.keys(rates).length ? { kinds, rates } : { kinds };
}

/** Resolves a string `kinds` into kinds and per-kind rates. */
function normalize(options: FaultOptions): FaultOptions {
  if (typeof options.kinds !== 'string') return { ...options };
  const parsed = parseFaultList(options.kinds);
  return { ...options, kinds: parsed.kinds, rates: { ...parsed.rates, ...options.rates } };
}

interface Forced {
  kind: FaultKind;
  route: string | null;
}

/** Decides, request by request, which fault (if any) to inject. */
export class FaultInjector {
  /** How many times each kind was injected. */
  readonly counts: Record<FaultKind, number> = emptyCounts();
  private options: FaultOptions;
  private draws = 0;
  private readonly forced: Forced[] = [];

  constructor(options: FaultOptions = {}) {
    this.options = normalize(options);
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  get slowMs(): number {
    return this.options.slowMs ?? 16_000;
  }

  /** Replaces the rates (e.g. a test turns faults on for one phase only). */
  configure(options: FaultOptions): void {
    this.options = normalize(options);
  }

  /** Forces these faults on the next requests that can carry them, in order, whatever the rate. */
  enqueue(kind: FaultKind, options: { route?: string; times?: number } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i++) this.forced.push({ kind, route: options.route ?? null });
  }

  /** Forced faults not yet injected. */
  get pending(): number {
    return this.forced.length;
  }

  /** The fault for one request on `route`, chosen among `applicable` kinds. */
  draw(route: string, applicable: readonly FaultKind[]): FaultKind | null {
    const forcedAt = this.forced.findIndex(
      (f) => applicable.includes(f.kind) && (f.route === null || f.route === route),
    );
    if (forcedAt >= 0) {
      const [forced] = this.forced.splice(forcedAt, 1);
      return forced ? this.count(forced.kind) : null;
    }
    const weights = this.weights(applicable);
    if (weights.length === 0) return null;
    const u = rngFor(this.options.seed ?? 0, 'fault', this.draws++).next();
    let cumulative = 0;
    for (const [kind, p] of weights) {
      cumulative += p;
      if (u < cumulative) return this.count(kind);
    }
    return null;
  }

  private weights(applicable: readonly FaultKind[]): Array<[FaultKind, number]> {
    const { rate = 0, rates = {} } = this.options;
    const kinds = (this.options.kinds ?? FAULT_KINDS) as readonly FaultKind[];
    const shared = applicable.filter((k) => kinds.includes(k) && rates[k] === undefined);
    const out: Array<[FaultKind, number]> = [];
    for (const kind of applicable) {
      const explicit = rates[kind];
      if (explicit !== undefined) out.push([kind, explicit]);
      else if (shared.includes(kind) && rate > 0) out.push([kind, rate / shared.length]);
    }
    return out;
  }

  private count(kind: FaultKind): FaultKind {
    this.counts[kind]++;
    return kind;
  }
}

function emptyCounts(): Record<FaultKind, number> {
  return Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
}

/** Bad records a simulator plants from the start, and its clock (both optional). */
export interface PlantingOptions<K> {
  /** Plant bad records from the start: a count (kinds in turn) or the kinds wanted (plantedKinds). */
  badRecords?: number | readonly K[];
  now?: () => number;
}

/** Bad-record kinds to plant: a count cycles through every kind in turn; a list is taken as given. */
export function plantedKinds<K>(planted: number | readonly K[] | undefined, all: readonly K[]): readonly K[] {
  if (typeof planted !== 'number') return planted ?? [];
  return Array.from({ length: planted }, (_, i) => all[i % all.length] as K);
}
