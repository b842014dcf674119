import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate, openOrm } from '../../src/db/orm';
import { createTestDatabase, type TestDatabase } from '../support/db';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('leave the database exactly as the entities describe it (no drift)', async () => {
    const diff = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(diff.trim()).toBe('');
  });

  it('are all applied', async () => {
    const pending = await db.orm.getMigrator().getPendingMigrations();
    expect(pending).toEqual([]);
  });
});

describe('migrations started by several replicas at once', () => {
  it('are applied once, the others waiting their turn', async () => {
    const admin = new Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const name = `hub_test_race_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = new URL(inject('pgAdminUrl'));
    url.pathname = `/${name}`;
    const orms = await Promise.all([1, 2, 3].map(() => openOrm(url.toString())));
    try {
      const applied = await Promise.all(orms.map((o) => migrate(o)));
      expect(applied.map((a) => a.length > 0).filter(Boolean)).toHaveLength(1);
      expect(await orms[0]!.getMigrator().getPendingMigrations()).toEqual([]);
    } finally {
      await Promise.all(orms.map((o) => o.close(true)));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
