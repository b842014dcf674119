import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, ConnectorError, UpstreamProtocolError } from '../../../connectors/kit/errors';
import { PaknClient } from '../../../connectors/pakn';
import { type LocalServer, sendJson, startServer } from '../kit/local-server';

/** The §3 client against a real HTTP server that answers exactly what each test needs. */

let server: LocalServer | undefined;
let client: PaknClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
});

const OK_PAGE = {
  maLoi: '00',
  moTa: 'Thành công',
  tongSoBanGhi: 1,
  trang: 1,
  duLieu: [{ maPAKN: 'PAKN-1' }],
};

async function setup(answers: Array<[number, unknown, Record<string, string>?]>) {
  const seen: Array<{ url: string; key: string | undefined }> = [];
  server = await startServer((req, res) => {
    seen.push({ url: req.url ?? '', key: req.headers['x-api-key'] as string | undefined });
    const [status, body, headers] = answers[Math.min(seen.length - 1, answers.length - 1)] ?? [500, {}];
    if (typeof body === 'string') {
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(body);
    } else sendJson(res, status, body, headers);
  });
  client = new PaknClient(
    {
      url: `${server.url}/`,
      apiKey: 'secret-key-123',
      baseDelayMs: 1,
      maxDelayMs: 5,
      maxRetries: 3,
      timeoutMs: 2000,
    },
    {},
  );
  const list = () =>
    (client as PaknClient).listFeedback({ from: '2020-03-05', to: '2020-03-19', page: 2, pageSize: 500 });
  return { seen, list };
}

describe('PaknClient', () => {
  it('sends the key as X-API-Key and the window as dd/MM/yyyy days, capping soBanGhi at 200', async () => {
    const { seen, list } = await setup([[200, OK_PAGE]]);
    const page = await list();
    expect(page).toEqual({ items: [{ maPAKN: 'PAKN-1' }], total: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.key).toBe('secret-key-123');
    const url = new URL(seen[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/api/v1/pakn');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tuNgay: '05/03/2020',
      denNgay: '19/03/2020',
      trang: '2',
      soBanGhi: '200',
    });
  });

  it('reports a refused key (403) as a configuration error naming PAKN_API_KEY, without retrying', async () => {
    const { seen, list } = await setup([[403, { maLoi: '403', moTa: 'API key không hợp lệ' }]]);
    const error = await list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'pakn_bad_api_key', setting: 'PAKN_API_KEY', retryable: false });
    expect(String((error as Error).message)).not.toContain('secret-key-123');
    expect(seen).toHaveLength(1);
  });

  it('reports a URL with no PAKN service as a configuration error', async () => {
    const { list } = await setup([[404, { message: 'not found' }]]);
    await expect(list()).rejects.toMatchObject({ code: 'pakn_bad_url', setting: 'PAKN_URL' });
  });

  it('retries maLoi "99" in a 200 and then succeeds', async () => {
    const { seen, list } = await setup([
      [200, { maLoi: '99', moTa: 'Lỗi hệ thống' }],
      [200, { maLoi: '99', moTa: 'Lỗi hệ thống' }],
      [200, OK_PAGE],
    ]);
    await expect(list()).resolves.toMatchObject({ total: 1 });
    expect(seen).toHaveLength(3);
    expect(client?.stats.retries).toBe(2);
  });

  it('gives up on "99" after the retries with the upstream code', async () => {
    const { seen, list } = await setup([[200, { maLoi: '99', moTa: 'Lỗi hệ thống' }]]);
    const error = await list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamProtocolError);
    expect(error).toMatchObject({ code: 'pakn_internal_error', upstreamCode: '99' });
    expect(seen).toHaveLength(4);
  });

  it('fails at once on "01" (bad parameter)', async () => {
    const { seen, list } = await setup([[200, { maLoi: '01', moTa: 'Tham số không hợp lệ' }]]);
    await expect(list()).rejects.toMatchObject({ code: 'pakn_bad_parameter', upstreamCode: '01' });
    expect(seen).toHaveLength(1);
  });

  it('fails at once on any other code, with the code and message', async () => {
    const { seen, list } = await setup([[200, { maLoi: '07', moTa: 'Hết hạn mức truy vấn' }]]);
    const error = (await list().catch((e: unknown) => e)) as ConnectorError;
    expect(error).toMatchObject({ code: 'pakn_service_error', upstreamCode: '07' });
    expect(error.message).toContain('07');
    expect(error.message).toContain('Hết hạn mức truy vấn');
    expect(seen).toHaveLength(1);
  });

  it('retries 5xx, 429 with Retry-After and a non-JSON body', async () => {
    const { seen, list } = await setup([
      [503, '<html>503</html>'],
      [429, { message: 'Too Many Requests' }, { 'retry-after': '0' }],
      [200, '<html><body>Hệ thống đang bảo trì</body></html>'],
      [200, OK_PAGE],
    ]);
    await expect(list()).resolves.toMatchObject({ total: 1 });
    expect(seen).toHaveLength(4);
    expect(client?.stats.throttled).toBe(1);
  });

  it('rejects a success envelope without a list', async () => {
    const { list } = await setup([[200, { maLoi: '00', tongSoBanGhi: 3, duLieu: 'none' }]]);
    await expect(list()).rejects.toBeInstanceOf(ConnectorError);
  });
});
