/**
 * The logs hold no personal data and no secret. A real `hub serve` process (JSON logs,
 * LOG_LEVEL=debug) syncs the three simulated portals (failing some requests, serving some
 * malformed records, as real portals do), runs the checks and answers a series
 * of graph requests: good ones, malformed and refused ones, a wrong, a revoked and a
 * missing key, bearer tokens good and bad, and variables carrying a citizen's phone and
 * name. Then every citizen's name, phone, identity number and e-mail in the simulators'
 * raw records (read from the simulators here, not through the hub) and every key, token
 * and password the process was given are searched for in everything it printed.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createKey, revokeKey } from '../src/modules/keys';
import { createTestDatabase, type TestDatabase } from './support/db';
import { freePort } from './support/net';
import { type HubProcess, spawnHub } from './support/process';
import { type Portals, startPortals } from './support/province';

let db: TestDatabase;
let portals: Portals;
let jwks: Server;
let admin: Client;
let issuer: string;
const role = `hub_logs_${randomBytes(4).toString('hex')}`;
/** Everything the process is given or sent that must never be printed. */
const secrets = {
  dbPassword: `Db-${randomBytes(12).toString('hex')}`,
  adminKey: `admin-${randomBytes(16).toString('hex')}`,
  salt: `salt-${randomBytes(16).toString('hex')}`,
  portalSecret: 'hub-secret',
  viewerKey: '',
  piiKey: '',
  revokedKey: '',
  goodToken: '',
  badToken: '',
};

/** Every citizen's personal values the portals serve, by kind. */
function citizens(p: Portals): Record<'name' | 'phone' | 'identity' | 'email', Set<string>> {
  const out = {
    name: new Set<string>(),
    phone: new Set<string>(),
    identity: new Set<string>(),
    email: new Set<string>(),
  };
  const add = (kind: keyof typeof out, v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 6) out[kind].add(v.trim());
  };
  for (let i = 0; i < p.igate.dossierCount(); i++) {
    const data = (p.igate.rawDossier(i).applicant as { data?: Record<string, unknown> } | undefined)?.data;
    add('name', data?.fullname);
    add('phone', data?.phone);
    add(
      'identity',
      typeof data?.identityNumber === 'number' ? String(data.identityNumber) : data?.identityNumber,
    );
    add('email', data?.email);
  }
  for (const item of p.pakn.items()) {
    const sender = (item as { nguoiGui?: Record<string, unknown> | null }).nguoiGui;
    add('name', sender?.hoTen);
    add('phone', sender?.soDienThoai);
    add('email', sender?.email);
  }
  return out;
}

beforeAll(async () => {
  db = await createTestDatabase();
  portals = await startPortals({ procedures: 60, dossiers: 300, feedbacks: 120 }, { rough: true });
  // A login of its own with a password to look for (the embedded server's is "postgres").
  admin = new Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`create role ${role} login superuser password '${secrets.dbPassword}'`);
  const em = db.orm.em.fork();
  const base = { pii: false, metrics: false, agencyCode: null, ratePerMinute: null };
  secrets.viewerKey = (await createKey(em, { ...base, name: 'viewer', role: 'VIEWER' })).key;
  secrets.piiKey = (await createKey(em, { ...base, name: 'pii', role: 'INTEGRATOR', pii: true })).key;
  secrets.revokedKey = (await createKey(em, { ...base, name: 'gone', role: 'VIEWER' })).key;
  await revokeKey(em, 'gone');
  // A realm's JWKS for bearer tokens: one good token, one signed by a stranger.
  const realm = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(realm.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/realms/tinh`;
  const token = (key: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']) =>
    new SignJWT({ hub_role: 'VIEWER' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setSubject('can-bo-1')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
  secrets.goodToken = await token(realm.privateKey);
  secrets.badToken = await token(stranger.privateKey);
}, 120_000);

afterAll(async () => {
  jwks?.close();
  await portals?.close();
  await db?.drop();
  await admin?.query(`drop role if exists ${role}`).catch(() => {});
  await admin?.end();
});

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

function startHub(port: number): HubProcess {
  const dbUrl = new URL(db.url);
  dbUrl.username = role;
  dbUrl.password = secrets.dbPassword;
  return spawnHub(['serve'], {
    DATABASE_URL: dbUrl.toString(),
    HUB_SIMULATE: '0',
    ...portals.env,
    NATIONAL_USERNAME: 'hub',
    NATIONAL_PASSWORD: secrets.portalSecret,
    IGATE_CLIENT_ID: 'tthc-hub',
    IGATE_CLIENT_SECRET: secrets.portalSecret,
    PAKN_API_KEY: secrets.portalSecret,
    HUB_ADMIN_KEY: secrets.adminKey,
    PII_SALT: secrets.salt,
    OIDC_ISSUER: issuer,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
  });
}

const DOSSIERS = `{ dossiers(first: 100) { edges { cursor node { code applicant { fullName phone email identityLast4 } } } } }`;
const FEEDBACK = `{ feedbacks(first: 100) { edges { node { code sender { fullName phone email } } } } }`;

/** Good, malformed and refused requests; returns the HTTP statuses they got. */
async function exercise(url: string, aName: string, aPhone: string): Promise<Set<number>> {
  const admin = { 'x-api-key': secrets.adminKey };
  const requests: [string, Record<string, unknown>, Record<string, string>][] = [
    [DOSSIERS, {}, admin],
    [DOSSIERS, {}, { 'x-api-key': secrets.piiKey }],
    [FEEDBACK, {}, { 'x-api-key': secrets.piiKey }],
    [FEEDBACK, {}, { 'x-api-key': secrets.viewerKey }],
    ['query($c: String!) { dossier(code: $c) { code } feedback(code: $c) { code } }', { c: aPhone }, admin],
    [
      'query($f: DossierFilter) { dossiers(first: 5, filter: $f) { totalCount } }',
      { f: { codes: [aName] } },
      admin,
    ],
    ['query($a: String) { dossiers(first: 5, after: $a) { totalCount } }', { a: `forged-${aPhone}` }, admin],
    ['{ dossiers(first: 100000) { totalCount } }', {}, admin],
    ['{ dossiers(first: 1) { edges { node { applicantt } } } }', {}, admin],
    ['{ dossiers(first: 1 { totalCount } }', {}, admin],
    ['{ findings(first: 5) { totalCount } }', {}, { 'x-api-key': secrets.viewerKey }],
    ['mutation { confirmDeletions(syncRunId: "abc") { id } }', {}, admin],
    ['mutation { runSync(source: PAKN, full: true) { id } }', {}, admin],
    ['mutation { runChecks { status } }', {}, admin],
    [DOSSIERS, {}, { 'x-api-key': `${secrets.adminKey}x` }],
    [DOSSIERS, {}, { 'x-api-key': secrets.revokedKey }],
    [DOSSIERS, {}, {}],
    [DOSSIERS, {}, { authorization: `Bearer ${secrets.goodToken}` }],
    [DOSSIERS, {}, { authorization: `Bearer ${secrets.badToken}` }],
    [DOSSIERS, {}, { authorization: `Bearer ${secrets.adminKey}` }],
  ];
  const statuses = new Set<number>();
  for (const [query, variables, headers] of requests)
    statuses.add(await post(url, { query, variables }, headers));
  return statuses;
}

/** What of the citizens' data and the secrets appears in `logs`. */
function leaks(logs: string): string[] {
  const found: string[] = [];
  for (const [kind, values] of Object.entries(citizens(portals)))
    for (const v of values) if (logs.includes(v)) found.push(`${kind}: ${v}`);
  for (const [name, v] of Object.entries(secrets)) if (logs.includes(v)) found.push(`secret ${name}`);
  return found;
}

const finishedRuns = (text: string) => text.split('"event":"sync_run_finished"').length - 1;

describe('the logs of a hub that synced, checked and answered', () => {
  it('hold no citizen name, phone, identity number or e-mail, and no key, token or password', async () => {
    const port = await freePort();
    const hub = startHub(port);
    try {
      await hub.waitFor('tthc-hub is up', 120_000);
      // The start syncs run behind the open graph: wait for all three.
      for (const source of ['NATIONAL', 'IGATE', 'PAKN'])
        await hub.waitFor(new RegExp(`"event":"sync_run_finished"[^\\n]*"source":"${source}"`), 120_000);
      const people = citizens(portals);
      const statuses = await exercise(
        `http://127.0.0.1:${port}/graphql`,
        [...people.name][0]!,
        [...people.phone][0]!,
      );
      // The requests went through every path: answered, refused as input, as access, as login.
      expect(statuses).toEqual(new Set([200, 400, 401, 403]));
      // The graph's run of PAKN is a fourth run.
      for (let i = 0; i < 600 && finishedRuns(hub.stdout()) < 4; i++)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }

    const logs = hub.stdout() + hub.stderr();
    if (process.env.LOG_PRIVACY_DUMP) writeFileSync(process.env.LOG_PRIVACY_DUMP, logs);
    // JSON logs, and enough of them to have said something about each step.
    expect(logs.split('\n').filter((l) => l.startsWith('{')).length).toBeGreaterThan(20);
    expect(finishedRuns(logs)).toBe(4);
    for (const event of ['unauthenticated', 'schedule_started', 'check_run_finished', 'upstream_retry'])
      expect(logs).toContain(`"event":"${event}"`);
    const people = citizens(portals);
    expect(people.name.size).toBeGreaterThan(200);
    expect(people.phone.size).toBeGreaterThan(200);
    expect(people.identity.size).toBeGreaterThan(100);
    expect(people.email.size).toBeGreaterThan(50);
    expect(leaks(logs)).toEqual([]);
  }, 400_000);
});
