// The statement counter the benchmarks report (SQL statements per request), on the backend of this
// run: each query is one statement, and an interactive transaction adds its BEGIN and its COMMIT
// or ROLLBACK, whether the driver sends them (pg) or ends the transaction itself (PGlite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/database.js';
import type { Database } from './database.js';

let db: Database & { backend: string };
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.close());

const counted = async (work: () => Promise<unknown>) => {
  const before = db.stats.statements;
  await work().catch(() => undefined);
  return db.stats.statements - before;
};

describe('Database.stats.statements', () => {
  it('counts one per query outside a transaction', async () => {
    expect(await counted(() => db.prisma.region.count())).toBe(1);
    expect(await counted(() => Promise.all([db.prisma.region.count(), db.prisma.user.count()]))).toBe(2);
    expect(await counted(() => db.prisma.$queryRaw`SELECT 1`)).toBe(1);
  });

  it('counts BEGIN, each query and COMMIT of an interactive transaction', async () => {
    const n = await counted(() =>
      db.prisma.$transaction(async (tx) => {
        await tx.region.count();
        await tx.user.count();
      }),
    );
    expect(n).toBe(4);
  });

  it('counts the ROLLBACK of a transaction that fails, and SET TRANSACTION for an isolation level', async () => {
    const failed = await counted(() =>
      db.prisma.$transaction(async (tx) => {
        await tx.region.count();
        throw new Error('refused');
      }),
    );
    expect(failed).toBe(3);
    const serializable = await counted(() =>
      db.prisma.$transaction((tx) => tx.region.count(), { isolationLevel: 'Serializable' }),
    );
    expect(serializable).toBe(4);
  });
});
