// The 金民 reports of document 004 附件7 that are about elders and home visits, streamed as XLSX
// (exceljs) or CSV like the care-bed reports 二 and 三 (carebeds.reports.ts):
//   一 老年人基本情况: the elders of the programme's region, 60 and over, with income and disability level;
//      those served by the project (an accepted bed or a filed visit agreement) are marked ＊.
//   四 居家养老上门服务提供情况: one row per confirmed visit of the programme's service items.
//   五 居家养老上门服务提供情况汇总: per elder, each visit numbered (第 n 次), and the elder's total.
//   六 居家养老上门服务提供情况（地区）: per district, the 附件2 target and the confirmed visits.
// What is reported is read from the programme document: the content code and quality standard of each
// service item and the lottery fund's share of a visit (visitAgreements.lotterySharePercent). ID numbers
// are masked as in the care-bed reports: the full number is shown only in the registry, where each view
// is audited. Only programmes with a `visitAgreements` section report to the national system.
import type { Writable } from 'node:stream';
import { type Actor, authorize } from '../auth/index.js';
import { todayInShanghai } from '../common/calendar.js';
import { streamTable } from '../common/table-stream.js';
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument, type PolicyDocument } from '../policies/index.js';
import { subtreeOf } from '../regions/index.js';
import { namedEvaluations } from '../supervision/index.js';
import { yuanFixed as yuan } from '../common/money.js';

export const VISIT_REPORTS = {
  elders: '老年人基本情况',
  visits: '居家养老上门服务提供情况',
  'visit-summary': '居家养老上门服务提供情况汇总',
  'visit-regions': '居家养老上门服务提供情况（地区）',
} as const;
export type VisitReport = keyof typeof VISIT_REPORTS;

// 附件7 一: 60 周岁及以上老年人（姓名、身份证号）, 经济困难老年人（…平均可支配月收入）, 失能、部分失能
// 老年人（…失能等级）, one table in the order the source names them.
export const ELDER_COLUMNS = ['姓名', '身份证号', '平均可支配月收入（元）', '失能等级'];
// 附件7 四, its 环节 in order: 基本信息, 受理申请, 服务提供 (日期及时长, 内容, 质量标准), 资金额度, 服务人员, 质量监督.
export const VISIT_COLUMNS = [
  '姓名',
  '身份证号',
  '平均可支配月收入（元）',
  '失能等级',
  '是否已获得项目支持建设家庭养老床位',
  '老年人家庭地址',
  '街道（乡镇）审核人及意见',
  '县级民政部门审批人及意见',
  '服务日期',
  '服务时长（分钟）',
  '服务内容',
  '服务质量标准',
  '订单总金额（元）',
  '中央专项彩票公益金支持额度（元）',
  '服务提供机构',
  '服务人员姓名',
  '服务质量验收机构名称',
  '验收人姓名',
  '老年人满意度',
];
export const VISIT_SUMMARY_COLUMNS = [
  '姓名',
  '服务次数',
  '服务时间',
  '服务内容',
  '服务时长（分钟）',
  '居家养老上门服务总金额（元）',
  '中央专项彩票公益金资助金额（元）',
];
// 附件7 六 as printed (the source counts the task and completion in 张).
export const VISIT_REGION_COLUMNS = [
  '地区',
  '截至日期',
  '居家养老上门服务任务数量（张）',
  '居家养老上门服务完成数量（张）',
  '居家养老上门服务总金额（元）',
  '中央专项彩票公益金资助金额（元）',
];

const PAGE = 500;
const SATISFACTION: Record<string, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};
const SELF_CARE: Record<string, string> = { PARTIAL: '部分失能', DISABLED: '失能' };
const BUILT = ['ACCEPTED', 'ARCHIVED'] as const;

type Programme = { id: string; path: string; doc: PolicyDocument };

/** The programmes that report to the national system, with their region's path. */
async function programmes(prisma: PrismaClient): Promise<Programme[]> {
  const rows = await prisma.policy.findMany({ include: { region: { select: { path: true } } } });
  return rows
    .map((p) => ({ id: p.id, path: p.region.path, doc: policyDocument(p) }))
    .filter((p) => p.doc.visitAgreements);
}

/** Elders of the actor's region that lie in a reporting programme's region. */
const eldersInScope = (actor: Actor, progs: Programme[]) => ({
  AND: [{ community: subtreeOf(actor.regionPath!) }, { OR: progs.map((p) => ({ community: subtreeOf(p.path) })) }],
});

/** 附件7 四 服务内容 of an item: the code's label, with the service named for 其他. */
function contentOf(doc: PolicyDocument, itemCode: string) {
  const item = doc.serviceGuide.items.find((i) => i.code === itemCode);
  const label = doc.visitAgreements!.contentCodes.find((c) => c.code === item?.content?.code)?.label ?? '';
  return {
    content: item?.content?.detail ? `${label}（${item.content.detail}）` : label,
    standard: item?.standard ?? '',
  };
}

const lotteryOf = (doc: PolicyDocument, fen: number) =>
  Math.floor((fen * doc.visitAgreements!.lotterySharePercent) / 100);

/** Income and disability level: the elder's latest care-bed application, else the registry's record. */
async function elderFacts(prisma: PrismaClient, progs: Programme[], elderIds: string[]) {
  const beds = await prisma.careBed.findMany({
    where: { elderId: { in: elderIds } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const agreements = await prisma.visitAgreement.findMany({
    where: { elderId: { in: elderIds } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const levels = new Map(
    progs.flatMap((p) => p.doc.careBeds?.disabilityLevels.map((l) => [l.code, l.label] as const) ?? []),
  );
  const latestBed = new Map(beds.map((b) => [b.elderId, b]));
  const builtBed = new Set(beds.filter((b) => (BUILT as readonly string[]).includes(b.status)).map((b) => b.elderId));
  const filed = new Set(agreements.filter((a) => a.status === 'FILED').map((a) => a.elderId));
  const userIds = agreements.flatMap((a) => [a.streetById, a.districtById]).filter((x): x is string => !!x);
  const users = new Map(
    (await prisma.user.findMany({ where: { id: { in: userIds } } })).map((u) => [u.id, u.displayName]),
  );
  return {
    income: (e: { id: string; monthlyIncomeFen: number | null }) => {
      // The bed application's figure is the one 附件3 asks for; otherwise the registry's.
      const fen = latestBed.get(e.id)?.monthlyIncomeFen ?? e.monthlyIncomeFen;
      return fen === undefined || fen === null ? '' : yuan(fen);
    },
    level: (e: { id: string; selfCareAbility: string }) => {
      const bed = latestBed.get(e.id)?.disabilityLevel;
      return (bed && (levels.get(bed) ?? bed)) || SELF_CARE[e.selfCareAbility] || '';
    },
    hasBed: (elderId: string) => builtBed.has(elderId),
    served: (elderId: string) => builtBed.has(elderId) || filed.has(elderId),
    /** 受理申请: the street's and the district's reviewers of the agreement the visit was under. */
    reviews: (o: { elderId: string; providerId: string | null; visitAgreementId: string | null }) => {
      const a = o.visitAgreementId
        ? agreements.find((x) => x.id === o.visitAgreementId)
        : agreements.filter((x) => x.elderId === o.elderId && x.providerId === o.providerId).at(-1);
      const who = (id: string | null, opinion: string | null) =>
        id && opinion ? `${users.get(id) ?? ''}：${opinion}` : '';
      return a ? [who(a.streetById, a.streetOpinion), who(a.districtById, a.districtOpinion)] : ['', ''];
    },
  };
}

async function* elderRows(prisma: PrismaClient, actor: Actor, progs: Programme[], now: Date) {
  const minAge = Math.min(...progs.map((p) => p.doc.eligibility.minAge));
  // 60 周岁及以上 on the report's day (Asia/Shanghai): born on or before that day minus 60 years.
  const today = todayInShanghai(now);
  const bornBy = new Date(`${Number(today.slice(0, 4)) - minAge}${today.slice(4)}T00:00:00Z`);
  let after: string | undefined;
  for (;;) {
    const page = await prisma.elder.findMany({
      where: { ...eldersInScope(actor, progs), birthDate: { lte: bornBy } },
      orderBy: { id: 'asc' },
      take: PAGE,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    if (!page.length) return;
    const facts = await elderFacts(
      prisma,
      progs,
      page.map((e) => e.id),
    );
    for (const e of page)
      // 附件7 一 备注: 请在享受家庭养老床位、居家养老上门服务的老年人姓名前标＊.
      yield [`${facts.served(e.id) ? '＊' : ''}${e.name}`, e.idNumberMasked, facts.income(e), facts.level(e)];
    after = page[page.length - 1]!.id;
  }
}

/** The confirmed visits of the programmes' items for elders in scope, in pages, oldest elder first. */
async function* confirmedVisits(prisma: PrismaClient, actor: Actor, progs: Programme[]) {
  let after: string | undefined;
  for (;;) {
    const page = await prisma.order.findMany({
      where: {
        status: 'CONFIRMED',
        serviceItem: { policyId: { in: progs.map((p) => p.id) } },
        elder: eldersInScope(actor, progs),
      },
      include: {
        elder: true,
        serviceItem: { select: { code: true, policyId: true } },
        provider: { select: { name: true } },
        caregiver: { select: { name: true } },
        visit: { select: { checkInAt: true, durationMinutes: true } },
        followUp: { select: { satisfaction: true } },
        rating: { select: { stars: true } },
      },
      orderBy: [{ elderId: 'asc' }, { confirmedAt: 'asc' }, { id: 'asc' }],
      take: PAGE,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    if (!page.length) return;
    yield page;
    after = page[page.length - 1]!.id;
  }
}

type VisitOrder = Awaited<ReturnType<typeof confirmedVisits>> extends AsyncGenerator<infer P> ? P : never;

const facts = (o: VisitOrder[number], progs: Programme[]) => {
  const doc = progs.find((p) => p.id === o.serviceItem.policyId)!.doc;
  const fen = o.chargedFen ?? o.amountFen;
  return {
    doc,
    fen,
    lottery: lotteryOf(doc, fen),
    day: todayInShanghai(o.visit?.checkInAt ?? o.confirmedAt ?? o.scheduledAt),
    minutes: o.visit?.durationMinutes ?? o.chargedMinutes ?? 0,
    ...contentOf(doc, o.serviceItem.code),
  };
};

async function* visitRows(prisma: PrismaClient, actor: Actor, progs: Programme[]) {
  for await (const page of confirmedVisits(prisma, actor, progs)) {
    const people = await elderFacts(prisma, progs, [...new Set(page.map((o) => o.elderId))]);
    // 质量监督: the agency that evaluated the provider that month (the settlement file's rule), its evaluator.
    const evaluations = await namedEvaluations(prisma, {
      providerId: { in: page.flatMap((o) => (o.providerId ? [o.providerId] : [])) },
    });
    for (const o of page) {
      const f = facts(o, progs);
      const qa = evaluations.filter((e) => e.providerId === o.providerId && e.month === f.day.slice(0, 7)).at(-1);
      const satisfaction = o.followUp ? SATISFACTION[o.followUp.satisfaction] : o.rating ? `${o.rating.stars} 星` : '';
      yield [
        o.elder.name,
        o.elder.idNumberMasked,
        people.income(o.elder),
        people.level(o.elder),
        people.hasBed(o.elderId) ? '是' : '否',
        o.elder.address,
        ...people.reviews(o),
        f.day,
        f.minutes,
        f.content,
        f.standard,
        yuan(f.fen),
        yuan(f.lottery),
        o.provider?.name ?? '',
        o.caregiver?.name ?? '',
        qa?.agency ?? '',
        qa?.evaluator ?? '',
        satisfaction,
      ];
    }
  }
}

async function* visitSummaryRows(prisma: PrismaClient, actor: Actor, progs: Programme[]) {
  let current: { elderId: string; name: string; n: number; minutes: number; fen: number; lottery: number } | null =
    null;
  const total = (c: NonNullable<typeof current>) => [
    c.name,
    `合计 ${c.n} 次`,
    '',
    '',
    c.minutes,
    yuan(c.fen),
    yuan(c.lottery),
  ];
  for await (const page of confirmedVisits(prisma, actor, progs))
    for (const o of page) {
      if (current && current.elderId !== o.elderId) yield total(current);
      if (!current || current.elderId !== o.elderId)
        current = { elderId: o.elderId, name: o.elder.name, n: 0, minutes: 0, fen: 0, lottery: 0 };
      const f = facts(o, progs);
      current.n += 1;
      current.minutes += f.minutes;
      current.fen += f.fen;
      current.lottery += f.lottery;
      yield [o.elder.name, `第 ${current.n} 次`, f.day, f.content, f.minutes, yuan(f.fen), yuan(f.lottery)];
    }
  if (current) yield total(current);
}

async function* visitRegionRows(prisma: PrismaClient, actor: Actor, progs: Programme[], now: Date) {
  const targets = new Map(progs.flatMap((p) => p.doc.targets?.regions.map((r) => [r.regionCode, r] as const) ?? []));
  const path = actor.regionPath!;
  const districts = await prisma.region.findMany({
    where: {
      level: 'DISTRICT',
      code: { in: [...targets.keys()] },
      OR: [subtreeOf(path), { children: { some: subtreeOf(path) } }],
    },
    orderBy: { code: 'asc' },
  });
  for (const d of districts) {
    let count = 0;
    let fen = 0;
    let lottery = 0;
    const inDistrict = { ...actor, regionPath: d.path };
    for await (const page of confirmedVisits(prisma, inDistrict, progs))
      for (const o of page) {
        const f = facts(o, progs);
        count += 1;
        fen += f.fen;
        lottery += f.lottery;
      }
    yield [d.name, todayInShanghai(now), targets.get(d.code)?.visits ?? 0, count, yuan(fen), yuan(lottery)];
  }
}

export async function writeVisitReport(
  prisma: PrismaClient,
  actor: Actor,
  report: VisitReport,
  format: 'xlsx' | 'csv',
  out: Writable,
  now: Date,
) {
  authorize(actor, 'GET /exports/carebeds');
  const progs = await programmes(prisma);
  const [header, rows] =
    report === 'elders'
      ? [ELDER_COLUMNS, elderRows(prisma, actor, progs, now)]
      : report === 'visits'
        ? [VISIT_COLUMNS, visitRows(prisma, actor, progs)]
        : report === 'visit-summary'
          ? [VISIT_SUMMARY_COLUMNS, visitSummaryRows(prisma, actor, progs)]
          : [VISIT_REGION_COLUMNS, visitRegionRows(prisma, actor, progs, now)];
  await streamTable(format, out, VISIT_REPORTS[report], rows, header);
}
