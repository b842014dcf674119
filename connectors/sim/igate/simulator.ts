/**
 * iGate, the provincial one-stop system, simulated over HTTP (upstream-apis.md §2) from
 * the shared seeded world: client-credentials tokens, agencies, the province's listings
 * with planted discrepancies and traps (see sim/injections.ts and `manifest()`), dossiers
 * generated from (seed, index) so a million need no memory, every fault of the contract
 * (connectors/sim/kit), planted bad records, and mutators for tests.
 */
import { randomBytes } from 'node:crypto';
import { defaultCalendar } from '../../../src/domain/calendar';
import { type FaultInjector } from '../kit/faults';
import { rngFor } from '../kit/prng';
import {
  type PortalListenOptions,
  type SimRequest,
  type SimResponse,
  type SimStats,
  startPortalServer,
} from '../kit/server';
import { localInstant } from '../kit/time';
import { createWorld, type World, type WorldProcedure } from '../world';
import type { LiveCatalogue } from '../world/live';
import { type BadRecordKind, BROKEN_FIELD } from './bad-records';
import { type AgencyPlanting, buildDossierPlan } from './dossier-plan';
import { DossierSource } from './dossier-source';
import { DossierTimeline } from './dossier-timeline';
import { buildListingPlan } from './listing-plan';
import { ListingStore } from './listing-store';
import { buildManifest, writeManifest } from './manifest';
import { dataRoutes } from './routes';
import type { Manifest } from './types';

export { BAD_RECORD_KINDS, type BadRecordKind, BROKEN_FIELD, DOSSIER_BAD_KINDS } from './bad-records';
export type { ExpectedFinding, Manifest, Trap } from './types';

export type IgateStream = 'listings' | 'dossiers';

export interface IgateSimulatorOptions extends PortalListenOptions {
  seed?: number;
  procedures?: number;
  /** Serve this world (shared with the national simulator) instead of creating one. */
  world?: World;
  catalogue?: LiveCatalogue;
  /** Dossiers on the timeline (default 20 000). */
  dossiers?: number;
  /** End of the timeline: the last dossier update (default 2021-12-31 17:00 local). */
  asOf?: number | Date;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  badRecords?: ReadonlyArray<{ stream: IgateStream; kind: BadRecordKind }>;
  /** Write the manifest here once the simulator has started. */
  manifestPath?: string;
  /** Plan tasks 14 and 11: agencies kept idle, and one brought onto iGate at a date (none by default). */
  planting?: AgencyPlanting;
  now?: () => number;
}

export interface PlantedBadRecord {
  stream: IgateStream;
  kind: BadRecordKind;
  /** The record's code before it was broken. */
  code: string;
  /** The field the connector reports. */
  field: string;
}

export interface IgateSimulator {
  url: string;
  world: World;
  stats: SimStats;
  faults: FaultInjector;
  /** What was planted: expected findings and traps. */
  manifest(): Manifest;
  writeManifest(path: string): Promise<void>;
  dossierCount(): number;
  rawDossier(index: number): Record<string, unknown>;
  rawListing(code: string): Record<string, unknown>;
  listingCodes(): string[];
  /**
   * The dossier's `updatedDate` becomes now (past every dossier of the timeline); changes
   * made in the same millisecond share it and are served in id order, as iGate does.
   */
  bumpDossier(index: number): void;
  addDossier(): number;
  bumpListing(code: string): void;
  injectBadRecord(stream: IgateStream, kind: BadRecordKind, which?: number | string): PlantedBadRecord;
  /** Every token becomes invalid: the next data call gets 401. */
  expireTokens(): void;
  close(): Promise<void>;
}

export const DEFAULT_AS_OF = localInstant(2021, 12, 31, 17, 0, 0);
/** First dossier update (a Monday) and the earliest filing (the calendar's first working day). */
const TIMELINE_START = localInstant(2019, 4, 1, 8, 0, 0);
const FILING_FLOOR = localInstant(2019, 1, 2, 7, 30, 0);
const TOKEN_PATH = '/auth/realms/digo/protocol/openid-connect/token';

export async function startIgateSimulator(options: IgateSimulatorOptions = {}): Promise<IgateSimulator> {
  const now = options.now ?? Date.now;
  const world =
    options.catalogue?.world ??
    options.world ??
    createWorld({ seed: options.seed, procedures: options.procedures });
  const procedure = (index: number): WorldProcedure =>
    options.catalogue?.procedure(index) ?? world.procedureAt(index);
  const calendar = defaultCalendar();
  const asOf = options.asOf instanceof Date ? options.asOf.getTime() : (options.asOf ?? DEFAULT_AS_OF);
  const listings = new ListingStore(world, buildListingPlan(world, procedure), procedure);
  const timeline = new DossierTimeline(
    world.seed,
    options.dossiers ?? 20_000,
    TIMELINE_START,
    asOf,
    calendar,
  );
  const dossierPlan = buildDossierPlan({
    world,
    store: listings,
    timeline,
    procedure,
    calendar,
    asOf,
    floor: FILING_FLOOR,
    planting: options.planting,
  });
  const dossiers = new DossierSource(timeline, dossierPlan.gen, calendar);
  const clientId = options.clientId ?? 'tthc-hub';
  const clientSecret = options.clientSecret ?? 'hub-secret';
  const ttlMs = (options.tokenTtlSeconds ?? 300) * 1000;
  const tokens = new Map<string, number>();
  let manifest: Manifest | null = null;
  let badDraws = 0;

  // §2 "Token": client credentials, form-encoded.
  function token(req: SimRequest): SimResponse {
    if (req.fault === 'errorcode')
      return { body: { status: 500, error: 'Internal Server Error', message: 'Keycloak không phản hồi' } };
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'client_credentials')
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    if (body.client_id !== clientId || body.client_secret !== clientSecret) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Invalid client credentials' },
      };
    }
    const value = randomBytes(24).toString('base64url');
    tokens.set(value, now() + ttlMs);
    return { body: { access_token: value, expires_in: ttlMs / 1000, token_type: 'Bearer' } };
  }

  function injectBadRecord(
    stream: IgateStream,
    kind: BadRecordKind,
    which?: number | string,
  ): PlantedBadRecord {
    const field = BROKEN_FIELD[stream][kind];
    if (!field) throw new Error(`igate_sim_bad_kind: ${stream} cannot carry ${kind}`);
    const rng = rngFor(world.seed, 'igate-bad', badDraws++);
    const code = stream === 'listings' ? spoilListing(rng, kind, which) : spoilDossier(rng, kind, which);
    return { stream, kind, code, field };
  }

  /** Spoils the listing `which` (a code), or a seeded one not spoiled yet; its code. */
  function spoilListing(
    rng: ReturnType<typeof rngFor>,
    kind: BadRecordKind,
    which?: number | string,
  ): string {
    const codes = listings.slots.map((s) => s.code);
    let code = typeof which === 'string' ? which : null;
    while (code === null || listings.bad.has(code)) code = rng.pick(codes);
    if (!codes.includes(code)) throw new Error(`igate_sim_unknown_listing: ${code}`);
    listings.bad.set(code, kind);
    return code;
  }

  /** Spoils the dossier `which` (an index), or a seeded one neither spoiled nor planted; its code. */
  function spoilDossier(
    rng: ReturnType<typeof rngFor>,
    kind: BadRecordKind,
    which?: number | string,
  ): string {
    let index = typeof which === 'number' ? which : null;
    while (index === null || dossiers.bad.has(index) || dossierPlan.planted.has(index))
      index = rng.int(0, timeline.count - 1);
    // Its code as served before it is spoiled.
    const code = String(dossiers.raw(index).code);
    dossiers.bad.set(index, kind);
    return code;
  }
  for (const bad of options.badRecords ?? []) injectBadRecord(bad.stream, bad.kind);

  const server = await startPortalServer(options, 20, [
    { method: 'POST', path: TOKEN_PATH, faults: () => ['errorcode'], handle: token },
    ...dataRoutes({ world, listings, dossiers, tokens, now, seed: world.seed }),
  ]);

  const sim: IgateSimulator = {
    url: server.url,
    world,
    stats: server.stats,
    faults: server.faults,
    manifest: () => {
      manifest ??= buildManifest(
        world,
        listings.plan,
        dossiers,
        dossierPlan.planted,
        procedure,
        options.planting,
      );
      return manifest;
    },
    writeManifest: (path) => writeManifest(path, sim.manifest()),
    dossierCount: () => dossiers.count,
    rawDossier: (index) => dossiers.raw(index),
    rawListing: (code) => {
      const index = listings.slotIndexOf(code);
      if (index === null) throw new Error(`igate_sim_unknown_listing: ${code}`);
      return listings.raw(index);
    },
    listingCodes: () => listings.slots.map((s) => s.code),
    bumpDossier: (index) => dossiers.bump(index, now()),
    addDossier: () => dossiers.add(now()),
    bumpListing: (code) => {
      const index = listings.slotIndexOf(code);
      if (index === null) throw new Error(`igate_sim_unknown_listing: ${code}`);
      listings.bump(index, now());
    },
    injectBadRecord,
    expireTokens: () => tokens.clear(),
    close: () => server.close(),
  };
  if (options.manifestPath) await sim.writeManifest(options.manifestPath);
  return sim;
}
