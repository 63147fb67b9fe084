// The migrations, the CHECKs and the ledger triggers on both backends this run is for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/database.js';
import { deployMigrations, migrationList, pendingSchemaSql } from './migrate.js';
import type { Database } from './database.js';

let db: Database & { backend: string };
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.close());

const rejects = async (sql: string, pattern: RegExp) => {
  await expect(db.prisma.$executeRawUnsafe(sql)).rejects.toThrow(pattern);
};

async function elderAccount(key: string) {
  const region = await db.prisma.region.create({
    data: { code: `r${key}`, name: '测试社区', level: 'COMMUNITY', path: `r${key}` },
  });
  const elder = await db.prisma.elder.create({
    data: {
      name: '测试',
      gender: 'FEMALE',
      birthDate: new Date('1940-01-01'),
      idNumberEnc: 'x',
      idNumberHash: `h${key}`,
      idNumberMasked: 'm',
      communityId: region.id,
      address: 'a',
    },
  });
  return db.prisma.ledgerAccount.create({
    data: { key: `elder:${key}`, kind: 'SELF_PAID', unit: 'FEN', elderId: elder.id },
  });
}

describe('migrations', () => {
  it('are all applied, and re-deploying applies nothing', async () => {
    const names = migrationList().migrationDirectories.map((d) => d.path);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    if (db.backend === 'postgres') {
      expect(
        (
          await deployMigrations({
            kind: 'postgres',
            url: process.env.DATABASE_URL!.replace(/\/[^/]*$/, `/${await currentDb()}`),
          })
        ).applied,
      ).toEqual([]);
    }
  });

  // Replays every migration into a scratch PGlite through the WASM schema engine: slow on a busy
  // two-core machine, so it gets more than the default minute.
  it('hold everything schema.prisma says (no drift)', { timeout: 240_000 }, async () => {
    expect(await pendingSchemaSql()).toBe('');
  });
});

async function currentDb() {
  const [{ db: name }] = await db.prisma.$queryRawUnsafe<{ db: string }[]>('SELECT current_database() AS db');
  return name;
}

describe('database rules', () => {
  it('refuses an elder balance below zero or holds above the balance', async () => {
    const acc = await elderAccount('neg');
    await rejects(
      `UPDATE "LedgerAccount" SET balance = -1 WHERE id = '${acc.id}'`,
      /LedgerAccount_balance_nonnegative/,
    );
    await rejects(`UPDATE "LedgerAccount" SET held = 1 WHERE id = '${acc.id}'`, /LedgerAccount_held_within_balance/);
    // System accounts (funding sources) may go below zero by design.
    await db.prisma.ledgerAccount.create({
      data: { key: 'policy:T:FUNDING', kind: 'FUNDING', unit: 'FEN', allowNegative: true, balance: -100 },
    });
  });

  it('refuses a negative price and a malformed month', async () => {
    const region = await db.prisma.region.create({ data: { code: 'd0', name: '区', level: 'DISTRICT', path: 'd0' } });
    const policy = await db.prisma.policy.create({
      data: { code: 'T0', name: 't', regionId: region.id, document: {}, effectiveFrom: new Date('2026-01-01') },
    });
    await expect(
      db.prisma.serviceItem.create({
        data: {
          policyId: policy.id,
          code: 'X',
          name: 'x',
          category: 'c',
          mode: 'OFFLINE',
          unit: 'PER_VISIT',
          priceFen: -1,
          description: 'd',
        },
      }),
    ).rejects.toThrow(/ServiceItem_price_nonnegative/);
    await expect(db.prisma.allowanceRun.create({ data: { policyId: policy.id, month: '2026-13' } })).rejects.toThrow(
      /AllowanceRun_month_format/,
    );
    await db.prisma.allowanceRun.create({ data: { policyId: policy.id, month: '2026-12' } });
  });

  it('keeps ledger entries immutable and every transaction balanced at commit', async () => {
    const a = await elderAccount('l1');
    const b = await db.prisma.ledgerAccount.create({
      data: { key: 'policy:T:SRC', kind: 'FUNDING', unit: 'FEN', allowNegative: true },
    });
    const tx = await db.prisma.ledgerTransaction.create({
      data: {
        kind: 'TOP_UP',
        idempotencyKey: 'k1',
        entries: {
          create: [
            { accountId: a.id, amount: 100n },
            { accountId: b.id, amount: -100n },
          ],
        },
      },
      include: { entries: true },
    });
    await rejects(`UPDATE "LedgerEntry" SET amount = 200 WHERE id = '${tx.entries[0].id}'`, /immutable/);
    await rejects(`DELETE FROM "LedgerEntry" WHERE id = '${tx.entries[0].id}'`, /immutable/);
    await rejects(`UPDATE "LedgerTransaction" SET memo = 'x' WHERE id = '${tx.id}'`, /immutable/);
    await expect(
      db.prisma.ledgerTransaction.create({
        data: {
          kind: 'TOP_UP',
          idempotencyKey: 'k2',
          entries: {
            create: [
              { accountId: a.id, amount: 100n },
              { accountId: b.id, amount: -99n },
            ],
          },
        },
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await db.prisma.ledgerTransaction.count({ where: { idempotencyKey: 'k2' } })).toBe(0);
    await rejects(
      `INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount) VALUES ('z', '${tx.id}', '${a.id}', 0)`,
      /LedgerEntry_amount_nonzero/,
    );
  });

  it('allows one active enrolment per elder and programme', async () => {
    const acc = await elderAccount('en');
    const region = await db.prisma.region.create({ data: { code: 'd1', name: '区', level: 'DISTRICT', path: 'd1' } });
    const policy = await db.prisma.policy.create({
      data: { code: 'T', name: 't', regionId: region.id, document: {}, effectiveFrom: new Date('2026-01-01') },
    });
    const data = { elderId: acc.elderId!, policyId: policy.id, category: 'C', startedOn: new Date('2026-01-01') };
    await db.prisma.enrolment.create({ data });
    await expect(db.prisma.enrolment.create({ data })).rejects.toThrow();
    await db.prisma.enrolment.create({ data: { ...data, status: 'TERMINATED' } });
  });
});
