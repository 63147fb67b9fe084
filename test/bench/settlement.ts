// npm run bench (part 4): a month of confirmed visits (400,000 on PostgreSQL, 50,000 on PGlite;
// BENCH_VISITS) settled and exported, against one hand-written SQL aggregation of the same totals,
// in this process on the same database. Wall time and peak RSS per step.
import { Writable } from 'node:stream';
import { IdNumberVault } from '../../server/src/elders/id-crypto.js';
import { detectVisitExceptions } from '../../server/src/exceptions/index.js';
import { exportContext, writeSettlementXlsx, writeVisitsCsv } from '../../server/src/settlement/exports.js';
import { monthWindow, runSettlement } from '../../server/src/settlement/settlement.service.js';
import { freshDatabase, testSecrets } from '../../server/src/testing/harness.js';
import { loadProgrammes } from '../../server/src/testing/programmes.js';

const db = await freshDatabase();
const VISITS = Number(process.env.BENCH_VISITS ?? (db.backend === 'postgres' ? 400_000 : 50_000));
const ELDERS = Math.max(1000, Math.round(VISITS / 20));
const MONTH = '2026-10';
const prisma = db.prisma;
const p = await loadProgrammes(db);
const secrets = testSecrets();
const vault = new IdNumberVault(secrets.idEncryptionKey, secrets.idHashKey);

const t0 = performance.now();
const district = await prisma.region.findUniqueOrThrow({ where: { code: '420116' } });
const provider = await prisma.provider.create({
  data: { code: 'BENCH', name: '基准测试服务机构', regionId: district.id },
});
await prisma.serviceZone.updateMany({ where: { policyId: p.huangpi.policyId }, data: { providerId: provider.id } });
// About 100 visits a caregiver in the month, at most four a day two hours apart: one caregiver in thousands of
// homes at the same hour would make every visit a CAREGIVER_OVERLAP exception, which no real month looks like.
const CAREGIVERS = Math.max(1, Math.ceil(VISITS / 100));
await prisma.$executeRawUnsafe(
  `INSERT INTO "Caregiver" (id, "providerId", name, phone) SELECT 'cg-' || i, $1::text, '护理员' || i, '13800000000'
    FROM generate_series(0, ${CAREGIVERS - 1}) i`,
  provider.id,
);
const admin = await prisma.user.create({
  data: { username: 'bench_admin', displayName: '区民政', role: 'DISTRICT_ADMIN', regionId: district.id },
});
const item = await prisma.serviceItem.findFirstOrThrow({
  where: { policyId: p.huangpi.policyId, code: 'HP_ROOM_CLEANING' },
});
// Each elder's ID number encrypted on its own, as registration stores it, so the export decrypts one per elder.
const enc = Array.from({ length: ELDERS }, () => vault.encrypt('420116194001010011'));
await prisma.$executeRawUnsafe(
  `
  INSERT INTO "Elder" (id, name, gender, "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "communityId",
    address, flags, "updatedAt")
  SELECT 'el-' || i, '老人' || i, 'FEMALE', DATE '1940-01-01', e, 'h' || i, 'm', $2::text, '地址', '{}', now() FROM
    unnest($1::text[]) WITH ORDINALITY AS x(e, i)`,
  enc,
  p.huangpi.communityId,
);
await prisma.$executeRawUnsafe(
  `INSERT INTO "Enrolment" (id, "elderId", "policyId", category, "startedOn") SELECT 'en-' || id, id, $1::text, 'B',
    DATE '2026-01-01' FROM "Elder" WHERE id LIKE 'el-%'`,
  p.huangpi.policyId,
);
await prisma.$executeRawUnsafe(
  `INSERT INTO "LedgerAccount" (id, key, kind, unit, "elderId", "policyId") SELECT 'acc-' || id, 'elder:' || id ||
    ':SUBSIDY_OFFLINE', 'SUBSIDY_OFFLINE', 'FEN', id, $1::text FROM "Elder" WHERE id LIKE 'el-%'`,
  p.huangpi.policyId,
);
await prisma.$executeRawUnsafe(
  `INSERT INTO "LedgerAccount" (id, key, kind, unit, "policyId", "allowNegative") VALUES ('payable', 'bench:payable',
    'PROVIDER_PAYABLE', 'FEN', $1::text, true)`,
  p.huangpi.policyId,
);
// Setup only: the per-entry balance trigger is the ledger's guard, not what this measures.
await prisma.$executeRawUnsafe(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_balanced"`);
const { start } = monthWindow(MONTH);
await prisma.$executeRawUnsafe(
  `
  INSERT INTO "Order" (id, "elderId", "serviceItemId", "providerId", "caregiverId", quantity, "scheduledAt", channel,
    "placedById", status, "amountFen", "subsidyFen", "idempotencyKey", "requestHash", "confirmedAt", "updatedAt")
  SELECT 'o-' || i, 'el-' || (1 + i % ${ELDERS}), $1::text, $2::text, 'cg-' || (i % ${CAREGIVERS}), 1, at, 'WORKER',
    $4::text, 'CONFIRMED', 3000, 3000, 'k-' || i, 'h', at + interval '2 hours', now()
    FROM generate_series(1, ${VISITS}) i,
         LATERAL (SELECT i / ${CAREGIVERS} AS k) n,
         LATERAL (SELECT $3::timestamp + interval '8 hours' + (n.k % 28) * interval '1 day'
                    + (n.k / 28 % 4) * interval '2 hours' AS at) a`,
  item.id,
  provider.id,
  start,
  admin.id,
);
await prisma.$executeRawUnsafe(
  `INSERT INTO "Visit" (id, "orderId", "caregiverId", "checkInAt", "checkOutAt", "durationMinutes") SELECT 'v-' || id,
    id, "caregiverId", "scheduledAt", "scheduledAt" + interval '1 hour', 60 FROM "Order" WHERE id LIKE 'o-%'`,
);
await prisma.$executeRawUnsafe(
  `INSERT INTO "LedgerTransaction" (id, kind, "idempotencyKey", "elderId", "orderId", "createdAt") SELECT 't-' || id,
    'CHARGE', 'charge:' || id, "elderId", id, "confirmedAt" FROM "Order" WHERE id LIKE 'o-%'`,
);
await prisma.$executeRawUnsafe(`
  INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", amount)
  SELECT 'e1-' || o.id, 't-' || o.id, 'acc-' || o."elderId", -3000 FROM "Order" o WHERE o.id LIKE 'o-%'
  UNION ALL SELECT 'e2-' || o.id, 't-' || o.id, 'payable', 3000 FROM "Order" o WHERE o.id LIKE 'o-%'`);
await prisma.$executeRawUnsafe(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_balanced"`);
// The planner's statistics, as autovacuum keeps them for a month that filled up over weeks (not seconds).
await prisma.$executeRawUnsafe(`ANALYZE`);
const setup = (performance.now() - t0) / 1000;

async function measure<T>(fn: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const before = process.memoryUsage().rss;
  const s = performance.now();
  const result = await fn();
  const seconds = (performance.now() - s) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakGrowthMb: (peak - before) / 1e6, result };
}
const sink = () => {
  let bytes = 0;
  const w = new Writable({
    write(chunk, _e, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  return Object.assign(w, { bytes: () => bytes });
};

const actor = { userId: admin.id, role: 'DISTRICT_ADMIN' as const, displayName: '区民政', regionPath: district.path };
const baseline = await measure(() =>
  prisma.$queryRawUnsafe<{ orders: bigint; subsidy: bigint }[]>(
    `
  SELECT count(DISTINCT t."orderId") AS orders, SUM(-e.amount) AS subsidy FROM "LedgerTransaction" t JOIN
    "LedgerEntry" e ON e."transactionId" = t.id JOIN "LedgerAccount" a ON a.id = e."accountId"
   WHERE t.kind = 'CHARGE' AND a."elderId" IS NOT NULL AND t."createdAt" >= $1 AND t."createdAt" < $2`,
    start,
    monthWindow(MONTH).end,
  ),
);
const settle = await measure(() => runSettlement(prisma, actor, MONTH, '2026-11', new Date()));
const rerun = await measure(() => runSettlement(prisma, actor, MONTH, '2026-11', new Date()));
const statement = settle.result.find((x) => x.providerId === provider.id)!;
if (
  statement.orders !== Number(baseline.result[0]!.orders) ||
  statement.subsidyFen !== Number(baseline.result[0]!.subsidy)
)
  throw new Error('settlement and the SQL aggregation disagree');
// runSettlement screens the month's visits first (exceptions/); timed on its own to show its share.
const screening = await measure(() =>
  detectVisitExceptions(prisma, { month: MONTH, policyIds: [p.huangpi.policyId] }, new Date()),
);
const csvOut = sink();
const csv = await measure(async () =>
  writeVisitsCsv(prisma, vault, actor, MONTH, await exportContext(prisma, actor, MONTH), csvOut),
);
const xlsxOut = sink();
const xlsx = await measure(async () =>
  writeSettlementXlsx(prisma, actor, MONTH, await exportContext(prisma, actor, MONTH), xlsxOut),
);

console.log(
  `\nSettlement bench — ${db.backend}, ${VISITS} confirmed visits of ${ELDERS} elders in ${MONTH} (setup` +
    ` ${setup.toFixed(1)} s)`,
);
console.log(['step', 'seconds', 'peak RSS growth MB', 'ratio to SQL aggregation', 'output'].join(' | '));
console.log(
  [
    'hand-written SQL aggregation of the totals (baseline)',
    baseline.seconds.toFixed(2),
    baseline.peakGrowthMb.toFixed(0),
    '1.00',
    `${statement.orders} orders, ${statement.subsidyFen} fen`,
  ].join(' | '),
);
console.log(
  [
    'runSettlement (lines frozen + totals + online fee)',
    settle.seconds.toFixed(2),
    settle.peakGrowthMb.toFixed(0),
    (settle.seconds / baseline.seconds).toFixed(2),
    `${settle.result.length} statements`,
  ].join(' | '),
);
console.log(
  [
    'runSettlement again (same result)',
    rerun.seconds.toFixed(2),
    rerun.peakGrowthMb.toFixed(0),
    (rerun.seconds / baseline.seconds).toFixed(2),
    '',
  ].join(' | '),
);
console.log(
  [
    '  of which: visit exception screening (exceptions/, again)',
    screening.seconds.toFixed(2),
    screening.peakGrowthMb.toFixed(0),
    (screening.seconds / baseline.seconds).toFixed(2),
    `${screening.result} new`,
  ].join(' | '),
);
const csvRate = statement.orders / csv.seconds;
console.log(
  [
    'national per-visit CSV (streamed, ID numbers decrypted)',
    csv.seconds.toFixed(2),
    csv.peakGrowthMb.toFixed(0),
    (csv.seconds / baseline.seconds).toFixed(2),
    `${(csvOut.bytes() / 1e6).toFixed(1)} MB, ${Math.round(csvRate)} rows/s`,
  ].join(' | '),
);
console.log(
  [
    'Huangpi statements XLSX (streamed)',
    xlsx.seconds.toFixed(2),
    xlsx.peakGrowthMb.toFixed(0),
    (xlsx.seconds / baseline.seconds).toFixed(2),
    `${(xlsxOut.bytes() / 1e6).toFixed(1)} MB`,
  ].join(' | '),
);
// Issue 22's targets.
const met = (ok: boolean) => (ok ? 'met' : 'not met');
const ratio = Math.max(settle.seconds, rerun.seconds) / baseline.seconds;
console.log(`\nTargets (issue 22):`);
console.log(
  `- runSettlement within 3x the SQL aggregation: ${ratio.toFixed(2)}x (slower of the two runs): ${met(ratio <= 3)}`,
);
console.log(
  `- per-visit CSV at >= 50,000 rows/s: ${Math.round(csvRate)} rows/s: ${met(csvRate >= 50_000)}; ` +
    `RSS growth < 50 MB: ${csv.peakGrowthMb.toFixed(0)} MB: ${met(csv.peakGrowthMb < 50)}`,
);
await db.close();
