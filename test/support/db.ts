/** A fresh database per test file, cloned from the migrated template. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { refreshCalendarTable } from '../../src/db/calendar-table';
import { type Orm, openOrm } from '../../src/db/orm';

export interface TestDatabase {
  url: string;
  orm: Orm;
  /**
   * Empties every hub table (between tests) except `calendar_day`, which the hub fills at
   * start (migrate): it is made equal to the real calendar again instead, so a test that
   * changed it leaves nothing behind and the next one sees working days as the hub would.
   */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE needs the template to have no other sessions; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (e) {
      if (attempt > 50 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const url = withDatabase(adminUrl, name);
  const orm = await openOrm(url);
  return {
    url,
    orm,
    async truncate() {
      const rows = await orm.em
        .fork()
        .execute<{ tablename: string }[]>(
          `select tablename from pg_tables where schemaname = 'public' and tablename not in ('hub_migrations', 'calendar_day')`,
        );
      if (rows.length) {
        await orm.em
          .fork()
          .execute(`truncate ${rows.map((r) => `"${r.tablename}"`).join(', ')} restart identity`);
      }
      const pg = new Client({ connectionString: url });
      await pg.connect();
      await refreshCalendarTable(pg).finally(() => pg.end());
    },
    async drop() {
      await orm.close(true);
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    },
  };
}
