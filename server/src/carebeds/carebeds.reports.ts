// The 金民 reports of document 004 附件7 for care beds, streamed as XLSX (exceljs) or CSV: 二 per bed
// (every field the national system collects, reviewers' and agencies' opinions included) and 三 the
// regional summary (地区, 截至日期, 任务数, 完成数, 总金额, 彩票公益金). ID numbers are masked: the full
// number is shown only in the registry, where each view is audited.
import type { Writable } from 'node:stream';
import { type Actor, authorize } from '../auth/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { streamTable } from '../common/table-stream.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { subtreeOf } from '../regions/index.js';
import { SATISFACTION_LABEL as SATISFACTION } from './carebeds.rules.js';
import { STATUS_LABEL } from './carebeds.service.js';
import type { CareBedStatus } from './carebeds.types.js';
import { yuanFixed as yuan } from '../common/money.js';

export const CARE_BED_REPORTS = { beds: '家庭养老床位建设情况', summary: '家庭养老床位建设情况汇总' } as const;
export type CareBedReport = keyof typeof CARE_BED_REPORTS;

const BUILT: CareBedStatus[] = ['ACCEPTED', 'ARCHIVED'];

export const BED_COLUMNS = [
  '姓名',
  '身份证号',
  '平均可支配月收入（元）',
  '失能等级',
  '评估机构',
  '老年人家庭地址',
  '居住面积（㎡）',
  '街道（乡镇）审核人及意见',
  '县级民政部门审批人及意见',
  '适老化改造内容',
  '智能化产品种类及数量',
  '老年用品种类及数量',
  '中央专项彩票公益金支持金额（元）',
  '评估设计机构名称',
  '验收机构名称',
  '执行金额（元）',
  '老年人满意度',
  '适老化改造金额（元）',
  '智能化改造金额（元）',
  '老年产品配备金额（元）',
  '状态',
];
export const SUMMARY_COLUMNS = [
  '地区',
  '截至日期',
  '家庭养老床位建设任务数量（张）',
  '家庭养老床位建设完成数量（张）',
  '家庭养老床位建设总金额（元）',
  '中央专项彩票公益金资助金额（元）',
];

async function* bedRows(prisma: PrismaClient, actor: Actor) {
  const beds = await prisma.careBed.findMany({
    where: { elder: { community: subtreeOf(actor.regionPath!) } },
    include: {
      elder: { select: { name: true, idNumberMasked: true } },
      lines: true,
      steps: { orderBy: { at: 'asc' } },
    },
    orderBy: [{ districtRegionId: 'asc' }, { priorityRank: 'asc' }, { id: 'asc' }],
  });
  const ids = [...new Set(beds.flatMap((b) => [b.designAgencyId, b.builderId]).filter((x): x is string => !!x))];
  const providers = new Map(
    (await prisma.provider.findMany({ where: { id: { in: ids } } })).map((p) => [p.id, p.name]),
  );
  const agencies = new Map((await prisma.qaAgency.findMany()).map((a) => [a.id, a.name]));
  // 附件3 老年人能力评估结果: the level in the source's words (轻度失能 …), never its code.
  const levels = new Map(
    (await prisma.policy.findMany()).flatMap(
      (p) => policyDocument(p).careBeds?.disabilityLevels.map((l) => [`${p.id}:${l.code}`, l.label] as const) ?? [],
    ),
  );
  const opinion = (b: (typeof beds)[number], step: string) =>
    b.steps
      .filter((s) => s.step === step)
      .map((s) => `${s.actorName}：${s.opinion ?? ''}`)
      .join('；');
  const kind = (b: (typeof beds)[number], k: string) =>
    b.lines
      .filter((l) => l.kind === k)
      .map((l) => `${l.model}×${l.quantity}`)
      .join('、');
  for (const b of beds)
    yield [
      b.elder.name,
      b.elder.idNumberMasked,
      yuan(b.monthlyIncomeFen),
      b.disabilityLevel ? (levels.get(`${b.policyId}:${b.disabilityLevel}`) ?? '') : '',
      b.assessingAgency ?? '',
      b.address,
      b.livingAreaSqm,
      opinion(b, '街道（镇）初审'),
      opinion(b, '区市审核认定'),
      kind(b, 'ADAPTATION'),
      kind(b, 'SMART'),
      kind(b, 'AID'),
      yuan(b.lotteryFen),
      (b.designAgencyId && providers.get(b.designAgencyId)) ?? '',
      (b.acceptanceAgencyId && agencies.get(b.acceptanceAgencyId)) ?? '',
      BUILT.includes(b.status) ? yuan(b.totalFen) : '',
      b.satisfaction ? SATISFACTION[b.satisfaction] : '',
      yuan(b.adaptationFen),
      yuan(b.smartFen),
      yuan(b.aidFen),
      STATUS_LABEL[b.status],
    ];
}

async function* summaryRows(prisma: PrismaClient, actor: Actor, now: Date) {
  const policies = await prisma.policy.findMany();
  const targets = new Map(
    policies.flatMap((p) => policyDocument(p).targets?.regions.map((r) => [r.regionCode, r.beds] as const) ?? []),
  );
  const districts = await prisma.region.findMany({
    where: { level: 'DISTRICT', code: { in: [...targets.keys()] }, ...subtreeOrAncestor(actor.regionPath!) },
    orderBy: { code: 'asc' },
  });
  for (const d of districts) {
    const built = await prisma.careBed.aggregate({
      where: { districtRegionId: d.id, status: { in: BUILT } },
      _count: true,
      _sum: { totalFen: true, lotteryFen: true },
    });
    yield [
      d.name,
      todayInShanghai(now),
      targets.get(d.code) ?? 0,
      built._count,
      yuan(built._sum.totalFen ?? 0),
      yuan(built._sum.lotteryFen ?? 0),
    ];
  }
}

/** A district admin sees their district; a city-level account every district below it. */
function subtreeOrAncestor(path: string) {
  return { OR: [subtreeOf(path), { children: { some: subtreeOf(path) } }] };
}

export async function writeCareBedReport(
  prisma: PrismaClient,
  actor: Actor,
  report: CareBedReport,
  format: 'xlsx' | 'csv',
  out: Writable,
  now: Date,
) {
  authorize(actor, 'GET /exports/carebeds');
  const header = report === 'beds' ? BED_COLUMNS : SUMMARY_COLUMNS;
  const rows = report === 'beds' ? bedRows(prisma, actor) : summaryRows(prisma, actor, now);
  await streamTable(format, out, CARE_BED_REPORTS[report], rows, header);
}
