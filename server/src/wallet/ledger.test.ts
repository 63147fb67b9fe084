// The ledger core on the backend this run is for: balanced postings, idempotency, no overspend
// under concurrency, holds, and an invariant checker that notices tampering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { freshDatabase } from '../testing/database.js';
import { ledgerWorld } from '../testing/ledger-fixtures.js';
import {
  elderAccount,
  ledgerViolations,
  placeHold,
  post,
  postHold,
  postOnce,
  systemAccount,
  voidHold,
} from './ledger.service.js';

let db: Database & { backend: string };
let policyId: string;
let elderId: string;

beforeAll(async () => {
  db = await freshDatabase();
  let elderIds: string[];
  ({ policyId, elderIds } = await ledgerWorld(db, 1));
  elderId = elderIds[0]!;
});
afterAll(async () => db?.close());

const balance = async (id: string) => (await db.prisma.ledgerAccount.findUniqueOrThrow({ where: { id } })).balance;
async function funded(kind: 'SELF_PAID' | 'SUBSIDY_OFFLINE' | 'SUBSIDY_ONLINE', amount: bigint, key: string) {
  const account = await db.prisma.$transaction((tx) => elderAccount(tx, elderId, kind, 'FEN', policyId));
  const source = await db.prisma.$transaction((tx) => systemAccount(tx, policyId, 'FUNDING', 'FEN'));
  await postOnce(db.prisma, {
    kind: 'ALLOWANCE',
    idempotencyKey: key,
    request: { key },
    entries: [
      { accountId: source.id, amount: -amount },
      { accountId: account.id, amount },
    ],
  });
  return { account, source };
}

describe('ledger', () => {
  it('posts balanced transactions and keeps every invariant', async () => {
    const { account } = await funded('SUBSIDY_OFFLINE', 7000n, 'allowance:2026-11');
    expect(await balance(account.id)).toBe(7000n);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
    await expect(
      db.prisma.$transaction((tx) =>
        post(tx, {
          kind: 'CHARGE',
          idempotencyKey: 'unbalanced',
          request: {},
          entries: [
            { accountId: account.id, amount: -10n },
            { accountId: account.id, amount: 9n },
          ],
        }),
      ),
    ).rejects.toThrow(/unbalanced/);
  });

  it('has exactly one effect per idempotency key, and refuses the key for a different request', async () => {
    const { account, source } = await funded('SELF_PAID', 1000n, 'topup:1');
    const again = await postOnce(db.prisma, {
      kind: 'ALLOWANCE',
      idempotencyKey: 'topup:1',
      request: { key: 'topup:1' },
      entries: [
        { accountId: source.id, amount: -1000n },
        { accountId: account.id, amount: 1000n },
      ],
    });
    expect(again.replayed).toBe(true);
    expect(await balance(account.id)).toBe(1000n);
    await expect(
      postOnce(db.prisma, {
        kind: 'ALLOWANCE',
        idempotencyKey: 'topup:1',
        request: { key: 'topup:1', amount: 2000 },
        entries: [
          { accountId: source.id, amount: -2000n },
          { accountId: account.id, amount: 2000n },
        ],
      }),
    ).rejects.toMatchObject({ extensions: { code: 'IDEMPOTENCY_CONFLICT' } });
    expect(await balance(account.id)).toBe(1000n);
  });

  it('gives the same idempotency key sent 20 times at once one transaction', async () => {
    const account = await db.prisma.$transaction((tx) => elderAccount(tx, elderId, 'SELF_PAID', 'FEN', policyId));
    const source = await db.prisma.$transaction((tx) => systemAccount(tx, policyId, 'PAYMENT_GATEWAY', 'FEN'));
    const before = await balance(account.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        postOnce(db.prisma, {
          kind: 'TOP_UP',
          idempotencyKey: 'notify:wx-1',
          request: { out: 'wx-1', fen: 500 },
          entries: [
            { accountId: source.id, amount: -500n },
            { accountId: account.id, amount: 500n },
          ],
        }),
      ),
    );
    expect(new Set(results.map((r) => r.transaction.id)).size).toBe(1);
    expect(await balance(account.id)).toBe(before + 500n);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it('200 concurrent debits of 1 元 against 100 元: 100 succeed, 100 INSUFFICIENT_BALANCE, exactly 0 left', async () => {
    const { account } = await funded('SUBSIDY_ONLINE', 10000n, 'allowance:online');
    const sink = await db.prisma.$transaction((tx) => systemAccount(tx, policyId, 'PROVIDER_PAYABLE', 'FEN'));
    const start = await balance(account.id);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        postOnce(db.prisma, {
          kind: 'CHARGE',
          idempotencyKey: `charge:${i}`,
          request: { i },
          entries: [
            { accountId: account.id, amount: -100n },
            { accountId: sink.id, amount: 100n },
          ],
        }),
      ),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled').length;
    expect(start).toBe(10000n);
    expect(ok).toBe(100);
    expect(outcomes.length - ok).toBe(100);
    expect(
      outcomes
        .filter((o) => o.status === 'rejected')
        .every((o) => (o as PromiseRejectedResult).reason.extensions?.code === 'INSUFFICIENT_BALANCE'),
    ).toBe(true);
    expect(await balance(account.id)).toBe(0n);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it('holds reserve money, void once, and post as a charge', async () => {
    const account = await db.prisma.$transaction((tx) => elderAccount(tx, elderId, 'SUBSIDY_OFFLINE', 'FEN', policyId));
    const sink = await db.prisma.$transaction((tx) => systemAccount(tx, policyId, 'PROVIDER_PAYABLE', 'FEN'));
    const have = await balance(account.id);
    const hold = await db.prisma.$transaction((tx) => placeHold(tx, account.id, have - 100n));
    await expect(
      postOnce(db.prisma, {
        kind: 'CHARGE',
        idempotencyKey: 'over-hold',
        request: {},
        entries: [
          { accountId: account.id, amount: -200n },
          { accountId: sink.id, amount: 200n },
        ],
      }),
    ).rejects.toMatchObject({ extensions: { code: 'INSUFFICIENT_BALANCE' } });
    await expect(db.prisma.$transaction((tx) => placeHold(tx, account.id, 200n))).rejects.toMatchObject({
      extensions: { code: 'INSUFFICIENT_BALANCE' },
    });
    await db.prisma.$transaction((tx) => voidHold(tx, hold.id));
    await expect(db.prisma.$transaction((tx) => voidHold(tx, hold.id))).rejects.toMatchObject({
      extensions: { code: 'INVALID_STATE' },
    });
    const second = await db.prisma.$transaction((tx) => placeHold(tx, account.id, 3000n));
    await db.prisma.$transaction((tx) =>
      postHold(
        tx,
        second.id,
        second.amount,
        sink.id,
        { idempotencyKey: 'order:1:charge', request: { order: 1 } },
        new Date('2026-11-18T10:00:00+08:00'),
      ),
    );
    expect(await balance(account.id)).toBe(have - 3000n);
    expect((await db.prisma.ledgerAccount.findUniqueOrThrow({ where: { id: account.id } })).held).toBe(0n);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it("the invariant checker notices a balance edited behind the ledger's back", async () => {
    const account = await db.prisma.$transaction((tx) => elderAccount(tx, elderId, 'SELF_PAID', 'FEN', policyId));
    await db.prisma.$executeRaw`UPDATE "LedgerAccount" SET balance = balance + 1 WHERE id = ${account.id}`;
    const v = await ledgerViolations(db.prisma);
    expect(v.map((x) => x.rule)).toContain('balance = sum(entries)');
    await db.prisma.$executeRaw`UPDATE "LedgerAccount" SET balance = balance - 1 WHERE id = ${account.id}`;
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });
});
