// The ledger's bulk writer keeps post's rules for a whole batch: one transaction per key (replay or
// IDEMPOTENCY_CONFLICT), balanced per unit, no overdraft, and a refused batch changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { freshDatabase } from '../testing/database.js';
import { ledgerWorld } from '../testing/ledger-fixtures.js';
import {
  accountKey,
  elderAccount,
  ledgerViolations,
  moneyTx,
  placeHold,
  systemAccount,
  type PostingInput,
} from './ledger.service.js';
import { ensureAccounts, postMany } from './ledger.store.js';

let db: Database & { backend: string };
let policyId: string;
let elders: string[];

beforeAll(async () => {
  db = await freshDatabase();
  ({ policyId, elderIds: elders } = await ledgerWorld(db, 3));
});
afterAll(async () => db?.close());

const balance = async (id: string) => (await db.prisma.ledgerAccount.findUniqueOrThrow({ where: { id } })).balance;
const counts = async () => [await db.prisma.ledgerTransaction.count(), await db.prisma.ledgerEntry.count()];
const credit = (
  key: string,
  from: string,
  to: string,
  amount: bigint,
  request: unknown = { key, amount: amount.toString() },
): PostingInput => ({
  kind: 'ALLOWANCE',
  idempotencyKey: key,
  request,
  entries: [
    { accountId: from, amount: -amount },
    { accountId: to, amount },
  ],
});

describe('accountKey and ensureAccounts', () => {
  it('give one account per key, in the format the single-account helpers use', async () => {
    const one = await moneyTx(db.prisma, (tx) => elderAccount(tx, elders[0]!, 'SUBSIDY_OFFLINE', 'FEN', policyId));
    expect(one.key).toBe(accountKey({ elderId: elders[0]! }, 'SUBSIDY_OFFLINE'));
    const funding = await moneyTx(db.prisma, (tx) => systemAccount(tx, policyId, 'FUNDING', 'FEN'));
    expect(funding.key).toBe(accountKey({ policyId }, 'FUNDING', 'FEN'));
    const specs = elders.map((elderId) => ({
      key: accountKey({ elderId }, 'SUBSIDY_OFFLINE'),
      kind: 'SUBSIDY_OFFLINE' as const,
      unit: 'FEN' as const,
      elderId,
      policyId,
    }));
    const ids = await moneyTx(db.prisma, (tx) => ensureAccounts(tx, specs));
    expect(ids.get(one.key)).toBe(one.id);
    expect(ids.size).toBe(3);
    expect(await moneyTx(db.prisma, (tx) => ensureAccounts(tx, specs))).toEqual(ids);
    expect(await db.prisma.ledgerAccount.count({ where: { kind: 'SUBSIDY_OFFLINE' } })).toBe(3);
  });
});

describe('postMany', () => {
  let funding: string;
  let wallets: string[];
  beforeAll(async () => {
    funding = (await moneyTx(db.prisma, (tx) => systemAccount(tx, policyId, 'FUNDING', 'FEN'))).id;
    wallets = await Promise.all(
      elders.map(
        async (e) => (await moneyTx(db.prisma, (tx) => elderAccount(tx, e, 'SUBSIDY_OFFLINE', 'FEN', policyId))).id,
      ),
    );
  });

  it(
    'posts a batch once: a replay changes nothing, the same key for another request is refused and the batch ' +
      'rolled back',
    async () => {
      const batch = wallets.map((w, i) => credit(`bulk:${i}`, funding, w, 7000n));
      const first = await moneyTx(db.prisma, (tx) => postMany(tx, batch));
      expect([...first.posted].sort()).toEqual(['bulk:0', 'bulk:1', 'bulk:2']);
      expect(await Promise.all(wallets.map(balance))).toEqual([7000n, 7000n, 7000n]);
      expect(await balance(funding)).toBe(-21000n);
      const before = await counts();

      const again = await moneyTx(db.prisma, (tx) =>
        postMany(tx, [...batch, credit('bulk:3', funding, wallets[0]!, 100n)]),
      );
      expect(again.replayed.size).toBe(3);
      expect([...again.posted]).toEqual(['bulk:3']);
      expect(await balance(wallets[0]!)).toBe(7100n);

      const changed = [credit('bulk:4', funding, wallets[1]!, 100n), credit('bulk:0', funding, wallets[0]!, 9000n)];
      await expect(moneyTx(db.prisma, (tx) => postMany(tx, changed))).rejects.toMatchObject({
        extensions: { code: 'IDEMPOTENCY_CONFLICT' },
      });
      expect(await counts()).toEqual([before[0]! + 1, before[1]! + 2]);
      expect(await balance(wallets[1]!)).toBe(7000n);
      expect(await ledgerViolations(db.prisma)).toEqual([]);
    },
  );

  it('refuses an overdraft of the available balance (held money included) and writes nothing', async () => {
    const sink = (await moneyTx(db.prisma, (tx) => systemAccount(tx, policyId, 'PROVIDER_PAYABLE', 'FEN'))).id;
    await moneyTx(db.prisma, (tx) => placeHold(tx, wallets[2]!, 6000n));
    const before = await counts();
    // 1,000 of the 7,000 is available: two debits of 600 are refused together, and neither lands.
    const batch = [credit('spend:a', wallets[2]!, sink, 600n), credit('spend:b', wallets[2]!, sink, 600n)];
    await expect(moneyTx(db.prisma, (tx) => postMany(tx, batch))).rejects.toMatchObject({
      extensions: { code: 'INSUFFICIENT_BALANCE' },
    });
    expect(await counts()).toEqual(before);
    expect(await balance(wallets[2]!)).toBe(7000n);
    const fits = await moneyTx(db.prisma, (tx) => postMany(tx, [credit('spend:c', wallets[2]!, sink, 1000n)]));
    expect(fits.posted.has('spend:c')).toBe(true);
    expect(await balance(wallets[2]!)).toBe(6000n);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it('refuses a transaction that balances in total but not per unit, and malformed postings', async () => {
    const minutes = (
      await moneyTx(db.prisma, (tx) => elderAccount(tx, elders[0]!, 'SUBSIDY_HOURS', 'MINUTE', policyId))
    ).id;
    const before = await counts();
    // The database's constraint trigger refuses it at commit.
    await expect(moneyTx(db.prisma, (tx) => postMany(tx, [credit('units', funding, minutes, 60n)]))).rejects.toThrow(
      /does not balance in (FEN|MINUTE)/,
    );
    await expect(moneyTx(db.prisma, (tx) => postMany(tx, [credit('zero', funding, wallets[0]!, 0n)]))).rejects.toThrow(
      /zero entry/,
    );
    await expect(
      moneyTx(db.prisma, (tx) =>
        postMany(tx, [credit('twice', funding, wallets[0]!, 1n), credit('twice', funding, wallets[0]!, 1n)]),
      ),
    ).rejects.toThrow(/twice/);
    expect(await counts()).toEqual(before);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });

  it('gives overlapping batches sent at once one transaction per key', async () => {
    const start = await Promise.all(wallets.map(balance));
    const batch = (from: number) =>
      wallets.map((w, i) => credit(`race:${(from + i) % 4}`, funding, w, 10n, { race: (from + i) % 4 }));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, n) => moneyTx(db.prisma, (tx) => postMany(tx, batch(n % 4)))),
    );
    const posted = results.flatMap((r) => [...r.posted]);
    expect(posted.sort()).toEqual(['race:0', 'race:1', 'race:2', 'race:3']);
    expect(results.reduce((n, r) => n + r.posted.size + r.replayed.size, 0)).toBe(18);
    expect(await db.prisma.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: 'race:' } } })).toBe(4);
    const end = await Promise.all(wallets.map(balance));
    expect(end.reduce((s, b) => s + b, 0n) - start.reduce((s, b) => s + b, 0n)).toBe(40n);
    expect(await ledgerViolations(db.prisma)).toEqual([]);
  });
});
