// The district's quarterly bulletin (季度通报) and its fund-use report (项目资金使用情况), 004 七(三): 市民政局
// 将以录入信息为依据，对各区市项目实施情况进行季度通报; 报送项目资金使用情况 (项目资金使用和结余情况). Both
// are computed from the records of one district and one quarter (Asia/Shanghai): beds accepted and visits
// confirmed against the 附件2 targets, the money paid as the ledger holds it (care-bed grants net of
// clawbacks, agreed visits), the lottery fund's share, the elders served, and the agreements behind on
// the 30-visit rule (三(二)). Streamed as XLSX or CSV (common/table-stream.ts) and printed as A4 HTML with
// the mark of 五(五) (各区市……定期公告项目进展和资金使用情况……体现"彩票公益金资助"标识).
import type { Writable } from 'node:stream';
import { type Actor, authorize } from '../auth/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { streamTable } from '../common/table-stream.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument, type PolicyDocument } from '../policies/index.js';
import { pathWithin, subtreeOf } from '../regions/index.js';
import { a4Page, esc } from '../carebeds/index.js';
import { agreementProgress } from './agreements.service.js';
import { yuanFixed as yuan } from '../common/money.js';

export const BULLETIN_REPORTS = { bulletin: '项目实施情况季度通报', 'fund-use': '项目资金使用情况' } as const;
export type BulletinReport = keyof typeof BULLETIN_REPORTS;

export const BULLETIN_COLUMNS = ['指标', '本季度', '截至季末累计', '任务数（附件2）', '累计完成率'];
export const FUND_USE_COLUMNS = [
  '项目',
  '本季度金额（元）',
  '其中中央专项彩票公益金（元）',
  '截至季末累计金额（元）',
  '其中中央专项彩票公益金累计（元）',
  '依据',
];

const BUILT = ['ACCEPTED', 'ARCHIVED'] as const;
const startOf = (y: number, month: number) =>
  new Date(`${y + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`);

/** "2022-Q4" → its Asia/Shanghai bounds and its Chinese name. */
export function parseQuarter(quarter: string) {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw badInput('quarter', '季度格式应为 YYYY-Qn，例如 2022-Q4。');
  const [y, q] = [Number(m[1]), Number(m[2])];
  return { label: `${y}年第${'一二三四'[q - 1]}季度`, start: startOf(y, q * 3 - 2), end: startOf(y, q * 3 + 1) };
}

type Window = { start: Date; end: Date };
type Figures = Awaited<ReturnType<typeof bulletinFigures>>;

/** The district's programme (the one whose 附件2 targets name it) and its figures for the quarter. */
export async function bulletinFigures(
  prisma: PrismaClient,
  actor: Actor,
  input: { districtCode: string; quarter: string },
  now: Date,
) {
  authorize(actor, 'GET /exports/carebeds');
  const q = parseQuarter(input.quarter);
  const district = await prisma.region.findFirst({ where: { code: input.districtCode, level: 'DISTRICT' } });
  if (!district) return fail(ErrorCode.NOT_FOUND, '没有找到这个区市。');
  if (!actor.regionPath || !pathWithin(district.path, actor.regionPath))
    fail(ErrorCode.FORBIDDEN, '季度通报和资金使用情况按区市编制，由本区市（或上级）民政部门导出。');
  const stored = (await prisma.policy.findMany())
    .map((p) => ({ id: p.id, doc: policyDocument(p) }))
    .find((p) => p.doc.visitAgreements && p.doc.targets?.regions.some((r) => r.regionCode === district.code));
  if (!stored) return fail(ErrorCode.NOT_FOUND, '这个区市没有居家和社区基本养老服务提升行动项目的任务。');
  const { doc } = stored;
  const target = doc.targets!.regions.find((r) => r.regionCode === district.code)!;
  const from = new Date(`${doc.dataEntry?.from ?? doc.effective.from}T00:00:00+08:00`);
  const quarter = { start: q.start, end: q.end };
  const total = { start: from, end: q.end };
  const figures = async (w: Window) => ({
    ...(await bedMoney(prisma, district.id, w)),
    ...(await visitMoney(prisma, stored.id, doc, district.path, w)),
  });
  const [inQuarter, toDate] = [await figures(quarter), await figures(total)];
  const served = (f: typeof inQuarter) => new Set([...f.bedElders, ...f.visitElders]).size;
  const asOf = new Date(Math.min(now.getTime(), q.end.getTime() - 1));
  return {
    district: district.name,
    quarter: q.label,
    asOf: todayInShanghai(asOf),
    targets: { beds: target.beds, visits: target.visits },
    inQuarter,
    toDate,
    served: { inQuarter: served(inQuarter), toDate: served(toDate) },
    atRisk: await atRisk(prisma, stored.id, doc, district.path, asOf),
    fundMark: doc.careBeds?.fundMark ?? '',
    fundMarkSource: doc.careBeds?.fundMarkSource ?? '',
  };
}

/** Beds accepted in the window (clawed-back beds no longer count) and the grants the ledger posted in it. */
async function bedMoney(prisma: PrismaClient, districtId: string, w: Window) {
  const accepted = await prisma.careBed.findMany({
    where: { districtRegionId: districtId, status: { in: [...BUILT] }, acceptedOn: { gte: w.start, lt: w.end } },
    select: { elderId: true },
  });
  const beds = await prisma.careBed.findMany({
    where: { districtRegionId: districtId, OR: [{ grantTxId: { not: null } }, { clawbackTxId: { not: null } }] },
  });
  // The provider payable's side of each posting: + for a grant, − for its clawback.
  const paid = async (ids: string[]) => {
    const txs = await prisma.ledgerTransaction.findMany({
      where: { id: { in: ids }, createdAt: { gte: w.start, lt: w.end } },
      include: { entries: { include: { account: true } } },
    });
    const ofTx = new Map(
      txs.map((t) => [
        t.id,
        t.entries.filter((e) => e.account.kind === 'PROVIDER_PAYABLE').reduce((s, e) => s + Number(e.amount), 0),
      ]),
    );
    return ofTx;
  };
  const grants = await paid(beds.flatMap((b) => (b.grantTxId ? [b.grantTxId] : [])));
  const clawbacks = await paid(beds.flatMap((b) => (b.clawbackTxId ? [b.clawbackTxId] : [])));
  const granted = beds.filter((b) => b.grantTxId && grants.has(b.grantTxId));
  const clawed = beds.filter((b) => b.clawbackTxId && clawbacks.has(b.clawbackTxId));
  const sum = (xs: typeof beds, f: (b: (typeof beds)[number]) => number) => xs.reduce((s, b) => s + f(b), 0);
  return {
    bedsAccepted: accepted.length,
    bedElders: accepted.map((b) => b.elderId),
    bedGrantFen: sum(granted, (b) => grants.get(b.grantTxId!)!),
    bedClawbackFen: sum(clawed, (b) => clawbacks.get(b.clawbackTxId!)!),
    bedGrantLotteryFen: sum(granted, (b) => b.lotteryFen),
    bedClawbackLotteryFen: -sum(clawed, (b) => b.lotteryFen),
    adaptationFen: sum(granted, (b) => b.adaptationFen),
    smartFen: sum(granted, (b) => b.smartFen),
    aidFen: sum(granted, (b) => b.aidFen),
  };
}

/** Visits confirmed in the window, and what the ledger owed their providers for them (net of reversals). */
async function visitMoney(prisma: PrismaClient, policyId: string, doc: PolicyDocument, path: string, w: Window) {
  const confirmed = await prisma.order.findMany({
    where: {
      status: 'CONFIRMED',
      serviceItem: { policyId },
      elder: { community: subtreeOf(path) },
      confirmedAt: { gte: w.start, lt: w.end },
    },
    select: { id: true, elderId: true },
  });
  const ordered = await prisma.order.findMany({
    where: { serviceItem: { policyId }, elder: { community: subtreeOf(path) }, status: 'CONFIRMED' },
    select: { id: true },
  });
  const txs = await prisma.ledgerTransaction.findMany({
    where: {
      orderId: { in: ordered.map((o) => o.id) },
      kind: { in: ['CHARGE', 'REVERSAL'] },
      createdAt: { gte: w.start, lt: w.end },
    },
    include: { entries: { include: { account: true } } },
  });
  const pct = doc.visitAgreements!.lotterySharePercent;
  let paid = 0;
  let lottery = 0;
  for (const t of txs) {
    const fen = t.entries
      .filter((e) => e.account.kind === 'PROVIDER_PAYABLE')
      .reduce((s, e) => s + Number(e.amount), 0);
    paid += fen;
    // 附件7 四: the lottery fund's share of each visit (as in the per-visit report).
    lottery += Math.sign(fen) * Math.floor((Math.abs(fen) * pct) / 100);
  }
  return {
    visitsConfirmed: confirmed.length,
    visitElders: confirmed.map((o) => o.elderId),
    visitPaidFen: paid,
    visitLotteryFen: lottery,
  };
}

/** 三(二): agreements of the district's elders behind an even pace to the visits owed, at `asOf`. */
async function atRisk(prisma: PrismaClient, policyId: string, doc: PolicyDocument, path: string, asOf: Date) {
  const rules = doc.visitAgreements!;
  const running = await prisma.visitAgreement.findMany({
    where: { policyId, status: 'FILED', startsOn: { lte: asOf } },
    orderBy: { id: 'asc' },
  });
  const elders = new Map(
    (
      await prisma.elder.findMany({
        where: { id: { in: running.map((a) => a.elderId) }, community: subtreeOf(path) },
        select: { id: true, name: true },
      })
    ).map((e) => [e.id, e.name]),
  );
  const providers = new Map((await prisma.provider.findMany()).map((p) => [p.id, p.name]));
  const out: {
    elder: string;
    provider: string;
    confirmed: number;
    expectedByNow: number;
    required: number;
    by: string;
  }[] = [];
  for (const a of running.filter((x) => elders.has(x.elderId))) {
    const p = await agreementProgress(prisma, a, rules, asOf);
    if (p.behindPace) out.push({ elder: elders.get(a.elderId)!, provider: providers.get(a.providerId) ?? '', ...p });
  }
  return out;
}

const rate = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '');

/** 季度通报: the indicators, then each agreement at risk, then the mark. */
export function bulletinRows(f: Figures): unknown[][] {
  const money = (x: Figures['inQuarter']) => x.bedGrantFen + x.bedClawbackFen;
  const lottery = (x: Figures['inQuarter']) => x.bedGrantLotteryFen + x.bedClawbackLotteryFen + x.visitLotteryFen;
  return [
    [
      '家庭养老床位建设完成数量（张）',
      f.inQuarter.bedsAccepted,
      f.toDate.bedsAccepted,
      f.targets.beds,
      rate(f.toDate.bedsAccepted, f.targets.beds),
    ],
    [
      '居家养老上门服务完成数量（人次）',
      f.inQuarter.visitsConfirmed,
      f.toDate.visitsConfirmed,
      f.targets.visits,
      rate(f.toDate.visitsConfirmed, f.targets.visits),
    ],
    ['家庭养老床位建设资金（元）', yuan(money(f.inQuarter)), yuan(money(f.toDate)), '', ''],
    ['居家养老上门服务资金（元）', yuan(f.inQuarter.visitPaidFen), yuan(f.toDate.visitPaidFen), '', ''],
    ['中央专项彩票公益金资助金额（元）', yuan(lottery(f.inQuarter)), yuan(lottery(f.toDate)), '', ''],
    ['服务老年人数（人）', f.served.inQuarter, f.served.toDate, '', ''],
    [`30 次上门服务进度预警的服务协议（份，截至 ${f.asOf}）`, '', f.atRisk.length, '', ''],
    ...f.atRisk.map((a) => [
      `进度预警：${a.elder}（${a.provider}）`,
      `已确认 ${a.confirmed} 次`,
      `按进度应达 ${a.expectedByNow} 次`,
      `${a.by} 前须满 ${a.required} 次`,
      rate(a.confirmed, a.required),
    ]),
    [f.fundMark, '', '', '', f.fundMarkSource],
  ];
}

/** 项目资金使用情况: what was paid, by kind, in the quarter and to its end; the balance is the district's. */
export function fundUseRows(f: Figures): unknown[][] {
  const [q, t] = [f.inQuarter, f.toDate];
  const total = (x: typeof q) => x.bedGrantFen + x.bedClawbackFen + x.visitPaidFen;
  const lottery = (x: typeof q) => x.bedGrantLotteryFen + x.bedClawbackLotteryFen + x.visitLotteryFen;
  return [
    [
      '家庭养老床位建设补贴（验收合格）',
      yuan(q.bedGrantFen),
      yuan(q.bedGrantLotteryFen),
      yuan(t.bedGrantFen),
      yuan(t.bedGrantLotteryFen),
      '004 四(一)、五(二)6',
    ],
    ['其中：适老化改造', yuan(q.adaptationFen), '', yuan(t.adaptationFen), '', '004 附件7 二 资金额度'],
    ['其中：智能化改造', yuan(q.smartFen), '', yuan(t.smartFen), '', '004 附件7 二 资金额度'],
    ['其中：老年用品配备', yuan(q.aidFen), '', yuan(t.aidFen), '', '004 附件7 二 资金额度'],
    [
      '收回项目资金',
      yuan(q.bedClawbackFen),
      yuan(q.bedClawbackLotteryFen),
      yuan(t.bedClawbackFen),
      yuan(t.bedClawbackLotteryFen),
      '004 五(四)、七(二)',
    ],
    [
      '居家养老上门服务（按服务协议）',
      yuan(q.visitPaidFen),
      yuan(q.visitLotteryFen),
      yuan(t.visitPaidFen),
      yuan(t.visitLotteryFen),
      '004 三(二)、五(五)',
    ],
    ['合计', yuan(total(q)), yuan(lottery(q)), yuan(total(t)), yuan(lottery(t)), '004 七(三)'],
    ['项目资金结余', '', '', '', '', '方案未列各区市下达的项目资金额度，结余由区市民政、财政部门填报（七(三)）'],
    [f.fundMark, '', '', '', '', f.fundMarkSource],
  ];
}

export async function writeBulletin(
  prisma: PrismaClient,
  actor: Actor,
  input: { report: BulletinReport; districtCode: string; quarter: string },
  format: 'xlsx' | 'csv',
  out: Writable,
  now: Date,
) {
  const f = await bulletinFigures(prisma, actor, input, now);
  const [header, rows] =
    input.report === 'bulletin' ? [BULLETIN_COLUMNS, bulletinRows(f)] : [FUND_USE_COLUMNS, fundUseRows(f)];
  await streamTable(format, out, BULLETIN_REPORTS[input.report], rows, header);
}

/** Both reports of the quarter on A4, each with the mark of 五(五). */
export async function bulletinHtml(
  prisma: PrismaClient,
  actor: Actor,
  input: { districtCode: string; quarter: string },
  now: Date,
) {
  const f = await bulletinFigures(prisma, actor, input, now);
  const table = (header: string[], rows: unknown[][]) =>
    `<table><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</table>`;
  // The mark is printed under each table, not as one of its rows.
  const body = (rows: unknown[][]) => rows.slice(0, -1);
  const mark = `<p class="mark">${esc(f.fundMark)}</p>`;
  const title = `${f.district}居家和社区基本养老服务提升行动项目`;
  return a4Page(
    `${title}${f.quarter}通报`,
    `<section><h1>${esc(title)}实施情况通报（${esc(f.quarter)}）</h1><p>截至 ${esc(f.asOf)}</p>
${table(BULLETIN_COLUMNS, body(bulletinRows(f)))}${mark}</section>
<section><h1>${esc(title)}资金使用情况（${esc(f.quarter)}）</h1>
${table(FUND_USE_COLUMNS, body(fundUseRows(f)))}${mark}</section>`,
  );
}
