/**
 * One PostgreSQL for the whole run: the embedded one on a free port, or DATABASE_URL when
 * set (CI runs the suite a second time against the machine's PostgreSQL 15). A template
 * database with every migration applied lets each test file clone a fresh database in
 * milliseconds.
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { migrate, openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/log';
import { buildConsoleIfStale } from './console-build';
import { freePort } from './net';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const log = createLogger('silent');
  buildConsoleIfStale(); // the browser tests drive the built console, as the hub serves it
  let stop = async () => {};
  let adminUrl: string;
  let dataDir: string | null = null;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-test-pg-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user and must reach the folder
    const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), log, database: 'postgres' });
    adminUrl = db.url;
    stop = db.stop;
  }
  const template = `hub_test_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const orm = await openOrm(templateUrl);
  await migrate(orm);
  await orm.close(true);

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    await admin.query(`drop database if exists ${template}`).catch(() => {});
    await admin.end();
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
