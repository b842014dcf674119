/**
 * `npm start` as a newcomer meets it: `hub serve` with nothing configured starts the
 * embedded PostgreSQL and the simulated portals, answers the graph with the printed key,
 * stops cleanly on Ctrl-C (PostgreSQL included), and keeps its data for the next start.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { freePort } from './support/net';
import { type HubProcess, spawnHub } from './support/process';

async function ask(url: string, key: string | null, query: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: { procedures: { totalCount: number } };
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

describe('hub serve with nothing configured', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-serve-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(pgPort: number): Promise<{ hub: HubProcess; url: string; key: string }> {
    const hub = spawnHub(['serve'], {
      DATABASE_URL: '', // the embedded PostgreSQL, even when the suite runs on DATABASE_URL
      HUB_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: '0',
      HOST: '127.0.0.1',
      SIM_PROCEDURES: '60',
      SIM_DOSSIERS: '300',
      SIM_FEEDBACKS: '40',
      LOG_LEVEL: 'warn',
    });
    await hub.waitFor('API key:', 90_000);
    const url = /graph:\s+(\S+)/.exec(hub.stderr())?.[1];
    const key = /API key:\s+(\S+)/.exec(hub.stderr())?.[1];
    if (!url || !key) throw new Error(`no URL or key in: ${hub.stderr()}`);
    return { hub, url: url.replace('localhost', '127.0.0.1'), key };
  }

  it('serves the graph, stops cleanly on Ctrl-C, and starts again with its data', async () => {
    const pgPort = await freePort();
    const first = await start(pgPort);
    const answer = await ask(
      first.url,
      first.key,
      '{ procedures(first: 3) { totalCount edges { node { code name } } } }',
    );
    expect(answer.body.errors).toBeUndefined();
    const total = answer.body.data?.procedures.totalCount;
    expect(total).toBeGreaterThanOrEqual(60);
    expect(
      (await ask(first.url, null, '{ procedures { totalCount } }')).body.errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    // Findings with no command typed: the checks run after the first syncs (within a minute).
    let findings = 0;
    for (let waited = 0; findings === 0 && waited < 60_000; waited += 1000) {
      const summary = (await ask(first.url, first.key, '{ findingSummary { total } }')).body as {
        data?: { findingSummary: { total: number } };
      };
      findings = summary.data?.findingSummary.total ?? 0;
      if (findings === 0) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(findings).toBeGreaterThan(0);

    first.hub.child.kill('SIGINT');
    expect(await first.hub.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // PostgreSQL stopped too

    const second = await start(pgPort);
    expect(second.key).toBe(first.key);
    const again = await ask(
      second.url,
      second.key,
      '{ procedures { totalCount } sources { source lastSuccessAt } }',
    );
    expect(again.body.data?.procedures.totalCount).toBe(total);
    expect(second.hub.stdout() + second.hub.stderr()).not.toMatch(/"level":"(error|fatal)"/);
    second.hub.child.kill('SIGTERM');
    expect(await second.hub.exited).toBe(0);
  }, 180_000);
});

describe('hub commands that cannot work say why', () => {
  it('stops the start with one clear line when DATABASE_URL points nowhere', async () => {
    const hub = spawnHub(['serve'], {
      DATABASE_URL: 'postgres://hub:secret@127.0.0.1:1/hub',
      LOG_LEVEL: 'warn',
    });
    expect(await hub.exited).toBe(1);
    const lines = hub.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^hub: cannot connect to the database at postgres:\/\/hub:\*\*\*@127\.0\.0\.1:1\/hub/,
    );
    expect(hub.stderr()).not.toContain('secret');
  }, 60_000);

  it('stops the start listing every bad setting', async () => {
    const hub = spawnHub(['serve'], { PORT: 'eighty', HUB_ROLE: 'boss', LOG_LEVEL: 'warn' });
    expect(await hub.exited).toBe(2);
    expect(hub.stderr()).toContain('PORT="eighty": expected a whole number from 0 to 65535');
    expect(hub.stderr()).toContain('HUB_ROLE="boss": expected one of all, api, worker');
  }, 60_000);

  it('fails a sync with a wrong national password as a configuration error, without retrying', async () => {
    const db = await createTestDatabase();
    try {
      const hub = spawnHub(['sync', 'national'], {
        DATABASE_URL: db.url,
        HUB_SIMULATE: '1',
        SIM_PROCEDURES: '20',
        NATIONAL_PASSWORD: 'wrong',
        LOG_LEVEL: 'silent',
      });
      expect(await hub.exited).toBe(1);
      const summary = JSON.parse(hub.stdout());
      expect(summary).toMatchObject({ status: 'FAILED', errorCode: 'national_bad_credentials' });
      expect(summary.errorMessage).toMatch(/NATIONAL_USERNAME\/NATIONAL_PASSWORD/);
      expect(summary.errorMessage).not.toContain('wrong');
      expect(summary.counts.retries).toBe(0);
    } finally {
      await db.drop();
    }
  }, 60_000);

  it('refuses to confirm deletions without a held run id', async () => {
    const bad = spawnHub(['sync', 'confirm', 'abc'], { LOG_LEVEL: 'silent' });
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain('give the id of the HELD run');
    const db = await createTestDatabase();
    try {
      const none = spawnHub(['sync', 'confirm', '42'], { DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
      expect(await none.exited).toBe(1);
      expect(none.stderr()).toContain('there is no sync run 42');
    } finally {
      await db.drop();
    }
  }, 60_000);
});
