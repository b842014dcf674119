/**
 * The graph's request EntityManager (src/db/request-em.ts) is a fork in all but its cost:
 * its own identity map and unit of work, the ORM's configuration, transactions and flushes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestEm } from '../../src/db/request-em';
import { RateWindow } from '../../src/modules/keys/rate-window.entity';
import { createTestDatabase, type TestDatabase } from '../support/db';

describe('a request EntityManager', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const at = new Date('2020-01-01T00:00:00Z');

  it('writes and reads through its own unit of work, isolated like a fork', async () => {
    const em = requestEm(db.orm);
    expect(em).not.toBe(db.orm.em);
    expect(em.config).toBe(db.orm.em.config);
    em.persist(em.create(RateWindow, { keyName: 'request-em', windowStart: at, cost: 3 }));
    await em.flush();

    const mine = await em.findOneOrFail(RateWindow, { keyName: 'request-em' });
    const other = requestEm(db.orm);
    const theirs = await other.findOneOrFail(RateWindow, { keyName: 'request-em' });
    expect(theirs).not.toBe(mine); // separate identity maps
    expect(other.getUnitOfWork().getIdentityMap().values()).toEqual([theirs]);
    expect(em.getUnitOfWork().getIdentityMap().values()).toContain(mine);
    expect(db.orm.em.fork().getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });

  it('runs transactions, and a failed one leaves nothing behind', async () => {
    const em = requestEm(db.orm);
    await expect(
      em.transactional(async (tx) => {
        tx.persist(tx.create(RateWindow, { keyName: 'request-em-tx', windowStart: at, cost: 1 }));
        await tx.flush();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await requestEm(db.orm).count(RateWindow, { keyName: 'request-em-tx' })).toBe(0);
    await em.transactional(async (tx) => {
      tx.persist(tx.create(RateWindow, { keyName: 'request-em-tx', windowStart: at, cost: 2 }));
    });
    expect(await requestEm(db.orm).count(RateWindow, { keyName: 'request-em-tx' })).toBe(1);
  });
});
