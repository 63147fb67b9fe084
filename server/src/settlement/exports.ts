// The programmes' monthly files, streamed from the frozen settlement lines in pages so a month of
// 400,000 visits never sits in memory: the national per-visit file (004 附件7 居家养老上门服务
// 提供情况) as CSV, and Huangpi's three monthly statements (000 七: 结算汇总表、线下服务记录、
// 线上服务签约统计表) as one XLSX workbook. Column names for the Huangpi statements are ours: the
// source names the documents but gives no templates.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, fail } from '../common/errors.js';
import { roomIn, sheetRoom, streamTable } from '../common/table-stream.js';
import type { PrismaClient } from '../db/prisma.js';
import type { IdNumberVault } from '../elders/index.js';
import { holdReasons } from './settlement.hold.js';
import { listSettlements } from './settlement.service.js';
import { type ExportLine, streamLines } from './settlement.store.js';
import { yuanFixed as yuan } from '../common/money.js';
import { namedEvaluations } from '../supervision/index.js';

/**
 * Lines read per page: small enough that the rows in flight (the page being written, the cursor's
 * next batch and the stream's buffer, three pages in all) die in V8's young generation. At 2,000
 * they outlived two scavenges, were promoted, and the old generation filled with dead rows until a
 * full collection: +150 MB of RSS for a 400,000-visit CSV, against +30 MB at 500 (bench/settlement.ts).
 * Large enough that the round trips stay a small share of the time.
 */
export const EXPORT_PAGE = 500;
const SATISFACTION: Record<string, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};

/** A statement's lines a page at a time, waiting for room in `out` before each page. */
async function* linesOf(prisma: PrismaClient, settlementId: string, out: Writable): AsyncGenerator<ExportLine[]> {
  for await (const page of streamLines(prisma, settlementId, EXPORT_PAGE)) {
    await roomIn(out);
    yield page;
  }
}

/**
 * Clear ID numbers for one export: an elder's ciphertext recurs on each of their visits, so each is
 * decrypted once. Bounded, so a month of many elders still runs in little memory.
 */
function idNumbers(vault: IdNumberVault) {
  const known = new Map<string, string>();
  return (enc: string) => {
    let clear = known.get(enc);
    if (clear === undefined) {
      if (known.size >= 50_000) known.clear();
      clear = vault.decrypt(enc);
      known.set(enc, clear);
    }
    return clear;
  };
}

/** Checks the caller and the month and gathers what both files need; throws before any byte is written. */
export async function exportContext(prisma: PrismaClient, actor: Actor, month: string) {
  authorize(actor, 'GET /exports/:month');
  const settlements = await listSettlements(prisma, actor, month);
  if (!settlements.length) fail(ErrorCode.NOT_FOUND, '这个月还没有结算单，请先生成结算单再导出。');
  const providers = new Map(
    (await prisma.provider.findMany({ where: { id: { in: settlements.map((s) => s.providerId) } } })).map((p) => [
      p.id,
      p,
    ]),
  );
  // The latest evaluation of each provider in the month names the agency and the evaluator (复查, 000 七·3).
  const evaluations = await namedEvaluations(prisma, {
    month,
    providerId: { in: settlements.map((s) => s.providerId) },
  });
  const evaluationOf = new Map(evaluations.map((e) => [e.providerId, { agency: e.agency, evaluator: e.evaluator }]));
  return { settlements, providers, evaluationOf, providerOf: new Map(settlements.map((s) => [s.id, s.providerId])) };
}

export type ExportContext = Awaited<ReturnType<typeof exportContext>>;

export const VISIT_HEADERS = [
  '姓名',
  '身份证号',
  '服务日期',
  '服务时长（分钟）',
  '服务内容',
  '订单总金额（元）',
  '政府补贴金额（元）',
  '个人自付金额（元）',
  '服务提供机构',
  '服务人员姓名',
  '服务质量验收机构',
  '验收人姓名',
  '老年人满意度',
];

/** 004 附件7 四: one row per visit, minutes as the unit of duration, the fund share per visit. */
async function* visitRows(prisma: PrismaClient, vault: IdNumberVault, ctx: ExportContext, out: Writable) {
  yield VISIT_HEADERS;
  const idNumber = idNumbers(vault);
  for (const s of ctx.settlements) {
    const provider = ctx.providers.get(s.providerId)?.name ?? '';
    const qa = ctx.evaluationOf.get(s.providerId);
    for await (const page of linesOf(prisma, s.id, out)) {
      for (const l of page) {
        yield [
          l.elderName,
          idNumber(l.idNumberEnc),
          l.visitDate,
          l.durationMinutes,
          `${l.category}·${l.serviceName}`,
          yuan(l.amountFen),
          yuan(l.subsidyFen + l.hoursValueFen),
          yuan(l.selfPaidFen),
          provider,
          l.caregiverName,
          qa?.agency ?? '',
          qa?.evaluator ?? '',
          l.satisfaction ? (SATISFACTION[l.satisfaction] ?? l.satisfaction) : l.stars ? `${l.stars} 星` : '',
        ];
      }
    }
  }
}

type VisitsArgs = [
  prisma: PrismaClient,
  vault: IdNumberVault,
  actor: Actor,
  month: string,
  ctx: ExportContext,
  out: Writable,
];
type Rows = AsyncIterable<unknown[]>;

/** One audit line per export, whatever the format, then the same rows rendered into `out`. */
async function writeVisits(
  [prisma, vault, actor, month, ctx, out]: VisitsArgs,
  format: 'csv' | 'xlsx',
  render: (rows: Rows, out: Writable) => Promise<void>,
) {
  await audit(prisma, actor, {
    action: 'VISITS_EXPORTED',
    entity: 'Settlement',
    entityId: month,
    detail: { settlements: ctx.settlements.length, format },
  });
  await render(visitRows(prisma, vault, ctx, out), out);
}

const VISITS_SHEET = '居家养老上门服务提供情况';
const renderCsv = (rows: Rows, out: Writable) => streamTable('csv', out, VISITS_SHEET, rows);
const renderXlsx = (rows: Rows, out: Writable) => streamTable('xlsx', out, VISITS_SHEET, rows);

export const writeVisitsCsv = (...args: VisitsArgs) => writeVisits(args, 'csv', renderCsv);
/** The same rows as a workbook, for offices that take XLSX. */
export const writeVisitsXlsx = (...args: VisitsArgs) => writeVisits(args, 'xlsx', renderXlsx);

const STATUS: Record<string, string> = { DRAFT: '待审核', HELD: '暂缓结算', APPROVED: '已审核', PAID: '已付款' };
// An official's hold stops approval, or payment once approved (settlement.hold.ts).
const statusOf = (s: { status: string; manualHoldReason: string | null }) =>
  !s.manualHoldReason ? STATUS[s.status] : s.status === 'APPROVED' ? '已审核（暂缓付款）' : '暂缓结算';

/** 000 七 (1)–(3): 结算汇总表, 线下服务记录, 线上服务签约统计表, one sheet each, written row by row. */
export async function writeSettlementXlsx(
  prisma: PrismaClient,
  actor: Actor,
  month: string,
  ctx: ExportContext,
  out: Writable,
) {
  await audit(prisma, actor, { action: 'SETTLEMENT_EXPORTED', entity: 'Settlement', entityId: month });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const summary = book.addWorksheet(`结算汇总表(${Number(month.slice(5))}月)`);
  summary
    .addRow([
      '服务机构',
      '结算状态',
      '服务单数',
      '补贴支付（元）',
      '免费服务时长（分钟）',
      '时长折算（元）',
      '老人自费（元）',
      '线上服务费（元）',
      '政府应付（元）',
      '暂缓原因',
    ])
    .commit();
  for (const s of ctx.settlements) {
    summary
      .addRow([
        ctx.providers.get(s.providerId)?.name ?? '',
        statusOf(s),
        s.orders,
        yuan(s.subsidyFen),
        s.subsidyMinutes,
        yuan(s.hoursValueFen),
        yuan(s.selfPaidFen),
        yuan(s.onlineServiceFen),
        yuan(s.subsidyFen + s.hoursValueFen + s.onlineServiceFen - s.penaltyFen),
        holdReasons(s),
      ])
      .commit();
  }
  summary.commit();

  const offline = book.addWorksheet(`线下服务记录(${Number(month.slice(5))}月)`);
  offline
    .addRow([
      '服务机构',
      '老人姓名',
      '社区（村）',
      '服务类别',
      '服务项目',
      '服务日期',
      '服务时长（分钟）',
      '服务金额（元）',
      '补贴支付（元）',
      '免费时长（分钟）',
      '老人自费（元）',
      '服务人员',
      '满意度',
    ])
    .commit();
  for (const s of ctx.settlements) {
    const provider = ctx.providers.get(s.providerId)?.name ?? '';
    for await (const page of linesOf(prisma, s.id, out)) {
      for (const l of page) {
        if (l.mode !== 'OFFLINE') continue;
        offline
          .addRow([
            provider,
            l.elderName,
            l.communityName,
            l.category,
            l.serviceName,
            l.visitDate,
            l.durationMinutes,
            yuan(l.amountFen),
            yuan(l.subsidyFen),
            l.subsidyMinutes,
            yuan(l.selfPaidFen),
            l.caregiverName,
            l.satisfaction ? (SATISFACTION[l.satisfaction] ?? '') : '',
          ])
          .commit();
        await sheetRoom(offline, out);
      }
    }
  }
  offline.commit();

  // Online sign-ups: elders enrolled in the month per provider, from the statements' snapshot.
  const online = book.addWorksheet(`线上服务签约统计表(${Number(month.slice(5))}月)`);
  online.addRow(['服务机构', '服务对象人数', '线上服务费（元）']).commit();
  for (const s of ctx.settlements) {
    const snap = (s.snapshot ?? {}) as { servedElders?: number };
    online
      .addRow([ctx.providers.get(s.providerId)?.name ?? '', snap.servedElders ?? 0, yuan(s.onlineServiceFen)])
      .commit();
  }
  online.commit();
  await book.commit();
}
