import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, UpstreamProtocolError } from '../../../connectors/kit/errors';
import { NationalClient, type NationalConfig } from '../../../connectors/national/client';
import { type LocalServer, sendJson, startServer } from '../kit/local-server';

type Scripted = { status?: number; body?: unknown; headers?: Record<string, string> };
type FakeState = {
  logins: number;
  valid: Set<string>;
  calls: Array<Record<string, unknown>>;
  /** Answers to give before the normal one, per service: an envelope, or an HTTP status. */
  script: Map<string, Scripted[]>;
  /** Expire every session after this many service calls. */
  expireAfter: number;
};
type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const ok = (body: unknown): Answer => ({ status: 200, body });

/** A minimal §1 server: sessions, a few services, and scripted answers to inject faults. */
async function fakeNational() {
  const state: FakeState = {
    logins: 0,
    valid: new Set<string>(),
    calls: [],
    script: new Map(),
    expireAfter: Number.POSITIVE_INFINITY,
  };
  const server = await startServer((req, res, text) => {
    const body = JSON.parse(text) as Record<string, unknown>;
    const answer = req.url === '/api/session' ? login(state, body) : serviceCall(state, req.url, body);
    return sendJson(res, answer.status, answer.body, answer.headers);
  });
  return { state, server };
}

/** §1 session: a new session for the right password. */
function login(state: FakeState, body: Record<string, unknown>): Answer {
  if (body.password !== 'right-password') return ok({ error_code: -1, message: 'Sai tên đăng nhập' });
  state.logins += 1;
  const session = `s${state.logins}`;
  state.valid.add(session);
  return ok({ error_code: 0, session, expires_in: 1800 });
}

/** §1 service call: a valid session, then the scripted answer if any, else the service's own. */
function serviceCall(state: FakeState, url: string | undefined, body: Record<string, unknown>): Answer {
  if (url !== '/api/service') return { status: 404, body: {} };
  state.calls.push(body);
  if (!state.valid.has(body.session as string)) {
    return ok({ error_code: -401, message: 'Phiên làm việc hết hạn' });
  }
  if (state.calls.length >= state.expireAfter) state.valid.clear();
  const scripted = state.script.get(body.service as string)?.shift();
  if (scripted)
    return { status: scripted.status ?? 200, body: scripted.body ?? {}, headers: scripted.headers };
  return ok(serviceAnswer(body));
}

function serviceAnswer(body: Record<string, unknown>): unknown {
  switch (body.service) {
    case 'LayThuTuc':
      if (body.maTTHC === 'gone') return { error_code: -2, message: 'Không tìm thấy' };
      return { error_code: 0, result: [{ MATTHC: body.maTTHC }] };
    case 'LayQDCB':
      return { error_code: 0, result: { ID: body.idQDCB, SOQUYETDINH: '1/QĐ-BYT' } };
    case 'LayDanhMucCoQuan':
      return { error_code: 0, result: [{ MADONVI: 'A' }, { MADONVI: 'B' }] };
    case 'LayDanhSachTTHC':
      return { error_code: 0, result: [{ MATTHC: '1' }], tongso: '1' };
    default:
      return { error_code: -9, message: 'Dịch vụ không tồn tại' };
  }
}

let server: LocalServer | undefined;
let client: NationalClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
});

async function setup(overrides: Partial<NationalConfig> = {}) {
  const fake = await fakeNational();
  server = fake.server;
  client = new NationalClient({
    url: `${fake.server.url}/`,
    username: 'hub',
    password: 'right-password',
    unitCode: 'H21',
    baseDelayMs: 5,
    maxDelayMs: 20,
    maxRetries: 3,
    ...overrides,
  });
  return { state: fake.state, client };
}

describe('NationalClient', () => {
  it('logs in once, then sends session, unit code and service in the body', async () => {
    const { state, client } = await setup();
    await client.listAgencies();
    await expect(client.listProcedures({ page: 2, pageSize: 500, since: '20200101000000' })).resolves.toEqual(
      {
        items: [{ MATTHC: '1' }],
        total: 1,
      },
    );
    expect(state.logins).toBe(1);
    expect(state.calls[1]).toEqual({
      session: 's1',
      madonvi: 'H21',
      service: 'LayDanhSachTTHC',
      trang: 2,
      sobanghi: 500,
      tungay: '20200101000000',
    });
  });

  it('reports bad credentials as a configuration error without retrying or leaking the password', async () => {
    const { state, client } = await setup({ password: 'wrong-secret-123' });
    const error = await client.getProcedure('2.000477').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'national_bad_credentials', retryable: false });
    expect((error as Error).message).toContain('NATIONAL_USERNAME/NATIONAL_PASSWORD');
    expect((error as Error).message).not.toContain('wrong-secret-123');
    expect(client.stats.requests).toBe(1);
    expect(state.calls).toHaveLength(0);
  });

  it('logs in again once when the session expires mid-run and repeats the call', async () => {
    const { state, client } = await setup();
    state.expireAfter = 2;
    await client.getProcedure('a');
    await client.getProcedure('b'); // expires every session after answering
    await expect(client.getProcedure('c')).resolves.toEqual({ MATTHC: 'c' });
    expect(state.logins).toBe(2);
    expect(state.calls.map((c) => [c.maTTHC, c.session])).toEqual([
      ['a', 's1'],
      ['b', 's1'],
      ['c', 's1'],
      ['c', 's2'],
    ]);
  });

  it('retries -500 and HTTP 429 with Retry-After', async () => {
    const { state, client } = await setup();
    state.script.set('LayThuTuc', [
      { body: { error_code: -500, message: 'Lỗi hệ thống' } },
      { status: 429, headers: { 'retry-after': '0' } },
    ]);
    await expect(client.getProcedure('x')).resolves.toEqual({ MATTHC: 'x' });
    expect(client.stats).toMatchObject({ retries: 2, throttled: 1 });
  });

  it('returns null for a procedure that is gone (-2)', async () => {
    const { client } = await setup();
    await expect(client.getProcedure('gone')).resolves.toBeNull();
  });

  it('fails an unknown error code with its code and message, without retrying', async () => {
    const { state, client } = await setup();
    const error = await client.listSectors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamProtocolError);
    expect(error).toMatchObject({ code: 'national_service_error', upstreamCode: -9 });
    expect((error as Error).message).toContain('Dịch vụ không tồn tại');
    expect(state.calls).toHaveLength(1);
  });

  it('caches decisions per client', async () => {
    const { state, client } = await setup();
    const [a, b] = await Promise.all([client.getDecision('qd-1'), client.getDecision('qd-1')]);
    await client.getDecision('qd-1');
    expect(a).toEqual({ ID: 'qd-1', SOQUYETDINH: '1/QĐ-BYT' });
    expect(b).toBe(a);
    expect(state.calls.filter((c) => c.service === 'LayQDCB')).toHaveLength(1);
  });

  it('names NATIONAL_URL when nothing answers the session service there', async () => {
    const { client } = await setup();
    const wrong = new NationalClient({
      url: `${server!.url}/nowhere`,
      username: 'hub',
      password: 'x',
      unitCode: 'H21',
    });
    await expect(wrong.listSectors()).rejects.toMatchObject({
      code: 'national_bad_url',
      setting: 'NATIONAL_URL',
    });
    wrong.close();
    client.close();
  });
});
