// npm run simulate -- <programme> <month>     e.g. npm run simulate -- huangpi 2026-11
//
// One month of a programme on a fresh in-memory PGlite with the demo seed, driven through the
// GraphQL API on the app clock: orders over the month (visits as booked, visits cut short, a
// reused photo, cancellations, one left unconfirmed), a termination mid-month, the daily jobs each
// day, then month-end settlement with a failed quality evaluation, the exceptions (异常工单)
// resolved by the street office, the provider's rectification, the re-evaluation (000 七·3 复查),
// and approval. Prints the settlement and the exceptions as tables and checks the ledger.
import 'reflect-metadata';
import { JOBS } from '../app/scheduler.js';
import { monthBounds, monthLabel, parseMonth } from '../wallet/month.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { policyDocument } from '../policies/policy.store.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';
import { writeRecordedVisit } from '../seed/recorded-visit.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

const ALIASES: Record<string, { code: string; admin: string; worker: string; officer: string }> = {
  huangpi: { code: 'HUANGPI_2020', admin: 'district_admin', worker: 'worker', officer: 'street_officer' },
  yangcheng: { code: 'YANGCHENG_2026', admin: 'yc_admin', worker: 'yc_worker', officer: 'yc_street_officer' },
};

const [which, month] = process.argv.slice(2);
const programme = ALIASES[(which ?? '').toLowerCase()] ?? Object.values(ALIASES).find((a) => a.code === which);
if (!programme || !month || !/^\d{4}-\d{2}$/.test(month)) {
  console.error('usage: npm run simulate -- <huangpi|yangcheng> <YYYY-MM>');
  process.exit(2);
}
parseMonth(month);
// Always the embedded database, whatever the environment names.
delete process.env.DATABASE_URL;

const { first, last } = monthBounds(month);
const days = last.getUTCDate();
/** 09:00 (or the given hour) Shanghai time on day d of the month. */
const at = (d: number, hour = 9, minute = 0) =>
  new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), d, hour - 8, minute));
let now = at(1, 0, 1);
const s: TestServer = await startTestServer({ seedElders: 80 }, { clock: () => now });
const p = s.db.prisma;
const tok: Record<string, string> = {};
for (const u of [programme.admin, programme.worker, programme.officer, 'qa']) tok[u] = await s.login(u);
const gql = async <T = any>(q: string, v: Record<string, unknown>, who: string) => {
  const r = await s.gql<T>(q, v, tok[who]);
  return r;
};
const must = async <T = any>(q: string, v: Record<string, unknown>, who: string): Promise<T> => {
  const r = await gql<T>(q, v, who);
  if (r.errors)
    throw new Error(`${q.slice(0, 60)}…: ${r.errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ')}`);
  return r.data!;
};
const log: string[] = [];

const policy = await p.policy.findUniqueOrThrow({ where: { code: programme.code } });
const doc = policyDocument(policy);
const worker = await p.user.findUniqueOrThrow({ where: { username: programme.worker } });
const elders = await p.elder.findMany({
  where: {
    communityId: worker.regionId!,
    status: 'ENROLLED',
    enrolments: { some: { policyId: policy.id, status: 'ACTIVE' } },
  },
  orderBy: { id: 'asc' },
  take: 10,
});
const items = await p.serviceItem.findMany({
  where: { policyId: policy.id, active: true, mode: 'OFFLINE' },
  orderBy: { code: 'asc' },
});
const hourly = items.find((i) => ['PER_HOUR', 'PER_60_MIN'].includes(i.unit) && i.unitMinutes)!;
const perVisit = items.find((i) => i.unit === 'PER_VISIT') ?? hourly;
// Each elder has topped up 300 元 of their own money (WeChat Pay) for what the subsidy does not cover.
for (const e of elders) await creditSelfPaid(p, e.id, 30000, `simulate-topup-${e.id}`, now);
const photoUser = (await p.user.findFirstOrThrow({ where: { role: 'CAREGIVER' } })).id;
let seq = 0;
const photo = async (hash = `sim-${seq}-${Math.random()}`) =>
  (
    await p.storedFile.create({
      data: {
        storageKey: `sim/${seq}-${Math.random()}`,
        mimeType: 'image/jpeg',
        sizeBytes: 1,
        sha256: hash,
        uploadedById: photoUser,
      },
    })
  ).id;

async function book(elderId: string, itemCode: string, quantity: number, scheduledAt: Date) {
  const r = await gql(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId,
        serviceCode: itemCode,
        quantity,
        scheduledAt: scheduledAt.toISOString(),
        idempotencyKey: `simulate-${seq++}`,
      },
    },
    programme.worker,
  );
  return r.errors
    ? { error: `${r.errors[0]!.extensions?.code} ${r.errors[0]!.message}` }
    : { id: r.data!.placeOrder.id as string };
}

/** The caregiver's visit as the app records it (check-in near the booked time, check-out after `minutes`). */
async function visitDone(orderId: string, minutes: number, opts: { photoHash?: string } = {}) {
  const order = await p.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { elder: true, provider: { include: { caregivers: { orderBy: { id: 'asc' } } } } },
  });
  const cg = order.provider!.caregivers[seq % order.provider!.caregivers.length]!;
  const checkInAt = new Date(order.scheduledAt.getTime() + 5 * 60_000);
  const lat = (order.elder.latitude ?? 35.5) + (seq % 7) * 0.00001;
  const lng = (order.elder.longitude ?? 112.4) + (seq % 5) * 0.00001;
  seq++;
  await writeRecordedVisit(p, orderId, {
    caregiverId: cg.id,
    checkInAt,
    minutes,
    checkIn: { lat, lng },
    checkOut: { lat: lat + 0.0002, lng },
    photoIds: { in: await photo(opts.photoHash), out: await photo() },
  });
}

async function confirm(orderId: string) {
  await must(
    `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "回访电话：老人确认已上门服务") { status } }`,
    { o: orderId },
    programme.worker,
  );
}

async function runJobsOfDay(d: number) {
  now = at(d, 0, 5);
  for (const job of JOBS) await job.run(s.app.services);
}

// ── The month ──
const terminated = elders[elders.length - 1]!;
const reason = doc.terminationReasons.find((r) => r.effective === 'NEXT_MONTH') ?? doc.terminationReasons[0]!;
const counts = { booked: 0, cancelled: 0, short: 0, unconfirmed: 0, refused: 0 };
for (let d = 1; d <= days; d++) {
  await runJobsOfDay(d);
  now = at(d, 8);
  // Every third day each of a few elders gets a visit: hourly items on odd days, per-visit on even.
  for (const [i, e] of elders.entries()) {
    if ((d + i) % 6 !== 0) continue;
    const item = (d + i) % 12 === 0 ? perVisit : hourly;
    now = at(d, 8);
    const booked = await book(e.id, item.code, item === hourly ? 2 : 1, at(d, 10 + (i % 6)));
    if ('error' in booked) {
      counts.refused++;
      log.push(`${d} 日 ${e.name} 预约${item.name}被拒：${booked.error}`);
      continue;
    }
    counts.booked++;
    const n = counts.booked;
    if (n % 9 === 4) {
      now = at(d, 9);
      await must(
        `mutation($o: ID!) { cancelOrder(orderId: $o, reason: "老人临时外出，取消预约") { status } }`,
        { o: booked.id },
        programme.worker,
      );
      counts.cancelled++;
      continue;
    }
    // Cut short: an hourly visit that ends after 25 minutes of the booked two hours.
    const short = n % 7 === 3 && item === hourly;
    const bookedMinutes = (item.unitMinutes ?? 60) * (item === hourly ? 2 : 1);
    await visitDone(booked.id, short ? 25 : Math.max(20, bookedMinutes - 5), {
      photoHash: n === 5 || n === 11 ? 'sim-reused-photo' : undefined,
    });
    if (short) counts.short++;
    now = at(d, 18);
    if (n === 8) {
      counts.unconfirmed++;
      continue;
    }
    await confirm(booked.id);
  }
  if (d === 15) {
    now = at(d, 11);
    const r = await gql(
      `mutation($e: ID!, $r: TerminationReason!) {
        terminateEnrolment(elderId: $e, reason: $r, note: "模拟：月中终止") { status endedOn }
      }`,
      { e: terminated.id, r: reason.reason },
      programme.worker,
    );
    const outcome = r.errors
      ? `${r.errors[0]!.extensions?.code} ${r.errors[0]!.message}`
      : `状态 ${r.data!.terminateEnrolment.status}，` +
        `服务截止 ${String(r.data!.terminateEnrolment.endedOn ?? '').slice(0, 10)}`;
    log.push(`15 日 ${terminated.name} 终止服务（${reason.label}，${reason.source}）：${outcome}`);
  }
  if (d === 20) {
    now = at(d, 9);
    const r = await book(terminated.id, hourly.code, 1, at(d, 15));
    log.push(
      `20 日 已终止的 ${terminated.name} 再预约：${'error' in r ? `被拒（${r.error}）` : '仍可预约（终止下月生效）'}`,
    );
    if (!('error' in r)) {
      await visitDone(r.id, 55);
      now = at(d, 18);
      await confirm(r.id);
      counts.booked++;
    }
  }
}

// ── Month end: settlement ──
const next = new Date(last.getTime() + 86_400_000);
const day = (d: number, h = 10) => new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), d, h - 8));
now = day(2);
const RUN = `mutation($m: String!) {
  runSettlement(month: $m) {
    id status orders subsidyFen subsidyMinutes hoursValueFen selfPaidFen onlineServiceFen governmentFen heldReason
    provider { id name }
  }
}`;
const providerId = (
  await p.order.findFirstOrThrow({ where: { elderId: { in: elders.map((e) => e.id) }, providerId: { not: null } } })
).providerId!;
const providerName = (await p.provider.findUniqueOrThrow({ where: { id: providerId } })).name;
const EVAL = `mutation($i: QualityEvaluationInput!) {
  recordQualityEvaluation(input: $i) { id score passed supersedesId }
}`;
await must(
  EVAL,
  { i: { providerId, month, score: 55, passed: false, report: '服务记录与回访不一致，部分服务时长不足，需整改。' } },
  'qa',
);
const statements = async (label: string) => {
  const rows = (await must<{ runSettlement: any[] }>(RUN, { m: month }, programme.admin)).runSettlement;
  console.log(`\n${label}`);
  console.table(
    rows
      .filter((r) => r.orders > 0 || r.provider.id === providerId)
      .map((r) => ({
        机构: r.provider.name,
        状态: r.status,
        单数: r.orders,
        补贴元: r.subsidyFen / 100,
        免费分钟: r.subsidyMinutes,
        时长折算元: r.hoursValueFen / 100,
        自费元: r.selfPaidFen / 100,
        线上服务费元: r.onlineServiceFen / 100,
        政府应付元: r.governmentFen / 100,
        暂缓原因: (r.heldReason ?? '').slice(0, 40),
      })),
  );
  return rows.find((r) => r.provider.id === providerId)!;
};
const exceptionsTable = async (label: string) => {
  const rows = await p.visitException.findMany({ where: { month }, orderBy: [{ reason: 'asc' }, { orderId: 'asc' }] });
  console.log(`\n${label}`);
  console.table(
    rows.map((x) => ({
      工单: x.orderId.slice(-8),
      原因: x.reason,
      情况: x.detail,
      状态: x.status,
      退回元: (x.reversedFen ?? 0) / 100,
      处理意见: x.note ?? '',
    })),
  );
  return rows;
};

console.log(
  `${doc.name}（${programme.code}）${monthLabel(month)}模拟：老人 ${elders.length} 位，预约 ${counts.booked} 单，` +
    `取消 ${counts.cancelled}，服务时长不足 ${counts.short}，未确认 ${counts.unconfirmed}，被拒 ${counts.refused}`,
);
for (const line of log) console.log(`  · ${line}`);
await statements(`① ${day(2).toISOString().slice(0, 10)} 第一次结算（评估未通过、异常工单未处理）`);
const found = await exceptionsTable('② 异常工单');

// The street office reviews: a reused photo is rejected, one short visit is adjusted, the rest accepted.
now = day(3);
let adjusted = false;
for (const x of found) {
  const order = await p.order.findUniqueOrThrow({ where: { id: x.orderId } });
  const confirmed = order.status === 'CONFIRMED';
  const resolution =
    x.reason === 'PHOTO_REUSED' && confirmed
      ? 'REJECT'
      : x.reason === 'SHORT_VISIT' && confirmed && !adjusted && (order.chargedFen ?? 0) > 100
        ? 'ADJUST'
        : 'ACCEPT';
  if (resolution === 'ADJUST') adjusted = true;
  const r = await gql(
    `mutation($i: ResolveVisitExceptionInput!) { resolveVisitException(input: $i) { status } }`,
    {
      i: {
        id: x.id,
        resolution,
        amountFen: resolution === 'ADJUST' ? Math.floor((order.chargedFen ?? 0) / 2) : undefined,
        note:
          resolution === 'REJECT'
            ? '照片与另一次服务相同，不予支付'
            : resolution === 'ADJUST'
              ? '回访核实服务不足，核减一半'
              : '电话核实，老人确认服务',
      },
    },
    programme.officer,
  );
  // Another exception of the same visit already took its charge back: accept this one.
  if (r.errors)
    await must(
      `mutation($i: ResolveVisitExceptionInput!) { resolveVisitException(input: $i) { status } }`,
      { i: { id: x.id, resolution: 'ACCEPT', note: '已在另一条异常工单中处理' } },
      programme.officer,
    );
}
await exceptionsTable('③ 街道复核后的异常工单');
await statements('④ 复核后重新结算（仍因评估未通过暂缓）');

// The provider rectifies; the agency re-evaluates (000 七·3 整改合格后再行结算).
now = day(8);
tok.provider = await addUser(s, 'sim_provider_admin', {
  displayName: '模拟机构管理员',
  role: 'PROVIDER_ADMIN',
  providerId,
});
await must(
  `mutation($i: RectificationInput!) { submitRectification(input: $i) { rectifiedAt } }`,
  { i: { month, report: '补齐服务记录，护理员重新培训，服务时长按预约执行。' } },
  'provider',
);
now = day(10);
const re = (
  await must(
    EVAL,
    { i: { providerId, month, score: 86, passed: true, report: '复查：服务记录完整，回访与记录一致，整改合格。' } },
    'qa',
  )
).recordQualityEvaluation;
console.log(
  `\n⑤ ${providerName} 提交整改报告，第三方复查 ${re.score} 分（取代原评估 ${String(re.supersedesId).slice(-8)}）`,
);
const settled = await statements('⑥ 复查合格后结算');
now = day(11);
const approved = await must(
  `mutation($id: ID!) { approveSettlement(id: $id) { status } }`,
  { id: settled.id },
  programme.admin,
);
const fee = await p.ledgerEntry.aggregate({
  _sum: { amount: true },
  where: { transaction: { kind: 'PLATFORM_FEE', month }, account: { kind: 'PLATFORM_FEE_PAYABLE' } },
});
const allStatements = await p.settlement.findMany({ where: { month, status: { in: ['APPROVED', 'PAID'] } } });
console.log(
  `\n⑦ 审核：${approved.approveSettlement.status}；` +
    `线上服务费 已审核结算单 ${allStatements.reduce((n, x) => n + x.onlineServiceFen, 0) / 100} 元 = ` +
    `账本平台应付 ${Number(fee._sum.amount ?? 0n) / 100} 元`,
);
const violations = await ledgerViolations(p);
console.log(
  `账本检查：${violations.length ? `${violations.length} 处不符 ${JSON.stringify(violations.slice(0, 3))}` : '通过'}`,
);
await s.close();
process.exit(violations.length ? 1 : 0);
