// npm run bench (part 2): the monthly allowance run for many elders against a hand-written
// set-based SQL credit of the same buckets (one transaction, INSERT … SELECT), both in this process
// on the same database. BENCH_ALLOWANCE_ELDERS (default 100,000 on PostgreSQL, 20,000 on PGlite).
import { runMonthlyAllowance } from '../../server/src/wallet/allowance.service.js';
import { ledgerViolations } from '../../server/src/wallet/ledger.service.js';
import { freshDatabase } from '../../server/src/testing/harness.js';
import { loadProgrammes } from '../../server/src/testing/programmes.js';

const db = await freshDatabase();
const ELDERS = Number(process.env.BENCH_ALLOWANCE_ELDERS ?? (db.backend === 'postgres' ? 100_000 : 20_000));
const p = await loadProgrammes(db);
const prisma = db.prisma;

// Elders, enrolments (80 % Huangpi, 20 % Yangcheng) and their zero accounts, as the seed makes them.
// Huangpi credits only its 70 元 offline bucket: the online 30 元 is the platform's fee per served elder
// (000 七), posted at settlement, not an allowance.
const t0 = performance.now();
await prisma.$executeRawUnsafe(
  `
  INSERT INTO "Elder" (id, name, gender, "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "communityId",
    address, flags, "updatedAt")
  SELECT 'bench-' || lpad(i::text, 7, '0'), '老人' || i, 'FEMALE', DATE '1940-01-01', 'x', 'h' || i, 'm',
         CASE WHEN i % 5 = 0 THEN $2::text ELSE $1::text END, '地址', '{}', now()
    FROM generate_series(1, ${ELDERS}) i`,
  p.huangpi.communityId,
  p.yangcheng.communityId,
);
await prisma.$executeRawUnsafe(
  `
  INSERT INTO "Enrolment" (id, "elderId", "policyId", category, "startedOn")
  SELECT 'en-' || e.id, e.id, CASE WHEN e."communityId" = $1::text THEN $3::text ELSE $2::text END, 'BENCH', DATE
    '2026-01-15'
    FROM "Elder" e WHERE e.id LIKE 'bench-%'`,
  p.yangcheng.communityId,
  p.huangpi.policyId,
  p.yangcheng.policyId,
);
const BUCKETS =
  `(VALUES ('${p.huangpi.policyId}', 'SUBSIDY_OFFLINE', 'FEN', 7000), ` +
  `('${p.yangcheng.policyId}', 'SUBSIDY_HOURS', 'MINUTE', 240)) AS b(policy, kind, unit, amount)`;
await prisma.$executeRawUnsafe(`
  INSERT INTO "LedgerAccount" (id, key, kind, unit, "elderId", "policyId")
  SELECT 'acc-' || e.id || '-' || b.kind, 'elder:' || e."elderId" || ':' || b.kind, b.kind::"AccountKind",
    b.unit::"Unit", e."elderId", e."policyId"
    FROM "Enrolment" e JOIN ${BUCKETS} ON b.policy = e."policyId"`);
const setupSeconds = (performance.now() - t0) / 1000;

// Baseline: the same credits for another month, written by hand in one transaction.
async function baseline(month: string) {
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE credit ON COMMIT DROP AS
      SELECT 'tx-${month}-' || a.id AS tid, a.id AS account, a."elderId", a.kind, b.unit, b.amount,
             (SELECT f.id FROM "LedgerAccount" f WHERE f.key = 'policy:' || b.policy || ':FUNDING:' || b.unit)` +
          ` AS funding
        FROM "LedgerAccount" a JOIN "Enrolment" e ON e."elderId" = a."elderId" AND e.status = 'ACTIVE'
        JOIN ${BUCKETS} ON b.policy = e."policyId" AND b.kind = a.kind::text`,
      );
      await tx.$executeRawUnsafe(`INSERT INTO "LedgerTransaction" (id, kind, "idempotencyKey", month, "elderId")
      SELECT tid, 'ALLOWANCE', 'base:' || "elderId" || ':' || kind || ':${month}', '${month}', "elderId" FROM credit`);
      await tx.$executeRawUnsafe(`INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount)
      SELECT tid || ':c', tid, account, amount FROM credit UNION ALL SELECT tid || ':d', tid, funding, -amount FROM
        credit`);
      await tx.$executeRawUnsafe(
        `UPDATE "LedgerAccount" a SET balance = a.balance + c.amount FROM credit c WHERE a.id = c.account`,
      );
      await tx.$executeRawUnsafe(`UPDATE "LedgerAccount" a SET balance = a.balance - s.total
      FROM (SELECT funding, SUM(amount) AS total FROM credit GROUP BY funding) s WHERE a.id = s.funding`);
    },
    { timeout: 600_000 },
  );
}

// Funding accounts exist before either side runs.
for (const [policy, unit] of [
  [p.huangpi.policyId, 'FEN'],
  [p.yangcheng.policyId, 'MINUTE'],
] as const) {
  await prisma.ledgerAccount.createMany({
    data: [{ key: `policy:${policy}:FUNDING:${unit}`, kind: 'FUNDING', unit, policyId: policy, allowNegative: true }],
    skipDuplicates: true,
  });
}

const time = async (fn: () => Promise<unknown>) => {
  const s = performance.now();
  const r = await fn();
  return { seconds: (performance.now() - s) / 1000, r };
};
const rssBefore = process.memoryUsage().rss;
const base = await time(() => baseline('2026-09'));
const run = await time(() => runMonthlyAllowance(prisma, { month: '2026-10', currentMonth: '2026-11' }));
const rerun = await time(() => runMonthlyAllowance(prisma, { month: '2026-10', currentMonth: '2026-11' }));
const peakRss = process.memoryUsage().rss;
const violations = await ledgerViolations(prisma);
const credited = (run.r as { credited: number; expired: number }).credited;
if (credited !== ELDERS) throw new Error(`credited ${credited} of ${ELDERS}`);
if (violations.length) throw new Error(`ledger violations: ${JSON.stringify(violations.slice(0, 3))}`);

console.log(`\nAllowance bench — ${db.backend}, ${ELDERS} enrolled elders (setup ${setupSeconds.toFixed(1)} s)`);
console.log(['scenario', 'seconds', 'elders/s', 'ratio to hand-written SQL'].join(' | '));
console.log(
  [
    'hand-written set-based SQL, one transaction (baseline)',
    base.seconds.toFixed(2),
    (ELDERS / base.seconds).toFixed(0),
    '1.00',
  ].join(' | '),
);
console.log(
  [
    'runMonthlyAllowance (batches of 1000, expiry + credit, idempotency keys)',
    run.seconds.toFixed(2),
    (ELDERS / run.seconds).toFixed(0),
    (run.seconds / base.seconds).toFixed(2),
  ].join(' | '),
);
console.log(
  [
    'runMonthlyAllowance again (all skipped)',
    rerun.seconds.toFixed(2),
    (ELDERS / rerun.seconds).toFixed(0),
    (rerun.seconds / base.seconds).toFixed(2),
  ].join(' | '),
);
console.log(
  `Yangcheng minutes lapsed from the previous month: ${(run.r as { expired: number }).expired} accounts; ` +
    `ledger invariants hold; RSS growth ${((peakRss - rssBefore) / 1e6).toFixed(0)} MB`,
);
await db.close();
