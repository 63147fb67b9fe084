// The programme's service hotline (003 二(二)2 通过拨打 12349 服务热线…对接老年人服务需求; 三(三) 市、县（市、区）、
// 乡（街道）、村（社区）四级“12349”居家养老服务网络和呼叫平台互联互通，统一服务受理号码). The number and the
// levels are the programme document's (calls.hotline). An operator (OPERATOR) at one of the levels records
// each inbound call in their own area: who rang, for which elder, what they needed, and what came of it
// (an order placed for the elder, a referral, or advice on the line). The app's one-tap help calls
// (help.service.ts) are alerts; these are the hotline's own register, counted by level, area and month.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { monthInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail, isUniqueViolation } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { loadPolicy, type HotlineLevel } from '../policies/index.js';
import { pathWithin, subtreeOf } from '../regions/index.js';

const PHONE = /^[0-9-]{3,20}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Region levels to the hotline's four (县（市、区） is a DISTRICT row in the region tree). */
const LEVEL_OF: Record<string, HotlineLevel> = {
  CITY: 'CITY',
  DISTRICT: 'COUNTY',
  STREET: 'STREET',
  COMMUNITY: 'COMMUNITY',
};

async function hotlineOf(prisma: PrismaClient, policyCode: string) {
  const loaded = await loadPolicy(prisma, { code: policyCode });
  if (!loaded) throw badInput('policyCode', '没有这个项目，请核对项目代码。');
  const hotline = loaded.doc.calls?.hotline;
  if (!hotline) throw badInput('policyCode', '这个项目的文件没有服务热线。');
  const region = await prisma.region.findUniqueOrThrow({ where: { id: loaded.policy.regionId } });
  return { policy: loaded.policy, hotline, region };
}

export interface RecordHotlineCall {
  policyCode: string;
  callerName: string;
  callerPhone: string;
  elderId?: string | null;
  communityCode?: string | null;
  need: string;
  outcome: 'ORDER' | 'REFERRAL' | 'ADVICE';
  orderId?: string | null;
  referralTo?: string | null;
}

/** Records an inbound call at the operator's level, in their area (FORBIDDEN for an elder or community outside it). */
export async function recordHotlineCall(prisma: PrismaClient, actor: Actor, input: RecordHotlineCall, now: Date) {
  const grant = authorize(actor, 'recordHotlineCall');
  const { policy, hotline, region: programmeRegion } = await hotlineOf(prisma, input.policyCode);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, include: { region: true } });
  const level = user.region ? LEVEL_OF[user.region.level] : undefined;
  if (!user.region || !level || !hotline.levels.includes(level) || !pathWithin(user.region.path, programmeRegion.path))
    fail(ErrorCode.FORBIDDEN, `您不是${programmeRegion.name}${hotline.name}的坐席，请用本级热线账号登记。`);
  const callerName = input.callerName.trim();
  if (!callerName || callerName.length > 50) throw badInput('callerName', '请填写来电人姓名（不超过 50 个字）。');
  if (!PHONE.test(input.callerPhone)) throw badInput('callerPhone', '来电号码只能是数字和短横线（3 到 20 位）。');
  const need = input.need.trim();
  if (need.length < 2 || need.length > 500) throw badInput('need', '来电需求请写 2 到 500 个字。');
  if (!input.elderId && !input.communityCode) throw badInput('communityCode', '没有关联老人时请填写来电所在社区。');
  const elder = input.elderId ? await assertElderInScope(prisma, grant, input.elderId) : null;
  const community = elder
    ? await prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } })
    : await prisma.region.findUnique({ where: { code: input.communityCode! } });
  if (!community || community.level !== 'COMMUNITY') throw badInput('communityCode', '没有这个社区，请核对社区代码。');
  authorize(grant.actor, 'recordHotlineCall', { regionPath: community.path });
  if (!pathWithin(community.path, programmeRegion.path))
    throw badInput('communityCode', `这个社区不在${programmeRegion.name}的热线服务范围内。`);
  const referralTo = input.referralTo?.trim() || null;
  if (input.outcome === 'ORDER') {
    if (!elder || !input.orderId) throw badInput('orderId', '结果为下单时，请关联老人和为其下的工单。');
    const order = await prisma.order.findUnique({ where: { id: input.orderId } });
    if (!order || order.elderId !== elder.id) throw badInput('orderId', '这张工单不是这位老人的，请核对。');
  } else if (input.orderId) throw badInput('orderId', '只有结果为下单时才关联工单。');
  if (input.outcome === 'REFERRAL' && (!referralTo || referralTo.length > 100))
    throw badInput('referralTo', '转介时请写明转介给哪个机构或部门（不超过 100 个字）。');
  if (input.outcome !== 'REFERRAL' && referralTo) throw badInput('referralTo', '只有结果为转介时才填写转介去向。');
  const linked = () => fail(ErrorCode.INVALID_STATE, '这张工单已经记在另一通热线来电下。');
  // The order's unique index settles two calls linking one order at once: one row, then INVALID_STATE.
  const saved = await prisma
    .$transaction(async (tx) => {
      if (input.orderId && (await tx.hotlineCall.count({ where: { orderId: input.orderId } }))) linked();
      const row = await tx.hotlineCall.create({
        data: {
          policyId: policy.id,
          line: hotline.phone,
          operatorId: actor.userId,
          level: level!,
          areaId: user.region!.id,
          callerName,
          callerPhone: input.callerPhone,
          elderId: elder?.id ?? null,
          communityId: community.id,
          need,
          outcome: input.outcome,
          orderId: input.orderId ?? null,
          referralTo,
          receivedAt: now,
        },
      });
      await audit(tx, actor, {
        action: 'HOTLINE_CALL_RECORDED',
        entity: 'HotlineCall',
        entityId: row.id,
        detail: { line: row.line, level, outcome: row.outcome, elderId: row.elderId, orderId: row.orderId },
      });
      return row;
    })
    .catch((err: unknown) => (isUniqueViolation(err) ? linked() : Promise.reject(err)));
  return (await present(prisma, [saved]))[0]!;
}

type Row = Awaited<ReturnType<PrismaClient['hotlineCall']['findMany']>>[number];

async function present(prisma: PrismaClient, rows: Row[]) {
  const regions = await prisma.region.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => [r.areaId, r.communityId]))] } },
  });
  const byId = new Map(regions.map((r) => [r.id, r]));
  return rows.map((r) => ({
    ...r,
    areaCode: byId.get(r.areaId)!.code,
    areaName: byId.get(r.areaId)!.name,
    communityCode: byId.get(r.communityId)!.code,
    month: monthInShanghai(r.receivedAt),
  }));
}

/** The calls of the programme taken in the caller's area (or about a community in it), newest first. */
async function callsInScope(
  prisma: PrismaClient,
  actor: Actor,
  action: 'hotlineCalls' | 'hotlineReport',
  input: { policyCode: string; month?: string | null },
) {
  const grant = authorize(actor, action);
  const { policy, hotline } = await hotlineOf(prisma, input.policyCode);
  if (input.month && !MONTH.test(input.month)) throw badInput('month', '月份格式应为 YYYY-MM。');
  const inScope = await prisma.region.findMany({ where: subtreeOf(grant.actor.regionPath!), select: { id: true } });
  const ids = inScope.map((r) => r.id);
  const rows = await prisma.hotlineCall.findMany({
    where: { policyId: policy.id, OR: [{ areaId: { in: ids } }, { communityId: { in: ids } }] },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: 5000,
  });
  const shown = await present(prisma, rows);
  return { hotline, calls: input.month ? shown.filter((c) => c.month === input.month) : shown };
}

export async function hotlineCalls(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; month?: string | null },
) {
  return (await callsInScope(prisma, actor, 'hotlineCalls', input)).calls.slice(0, 500);
}

/** Hotline calls by level, area and month, with what came of them. */
export async function hotlineReport(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; month?: string | null },
) {
  const { hotline, calls } = await callsInScope(prisma, actor, 'hotlineReport', input);
  const lines = new Map<
    string,
    {
      level: string;
      areaCode: string;
      areaName: string;
      month: string;
      calls: number;
      orders: number;
      referrals: number;
      advice: number;
    }
  >();
  for (const c of calls) {
    const key = `${c.level}|${c.areaCode}|${c.month}`;
    const line = lines.get(key) ?? {
      level: c.level,
      areaCode: c.areaCode,
      areaName: c.areaName,
      month: c.month,
      calls: 0,
      orders: 0,
      referrals: 0,
      advice: 0,
    };
    line.calls += 1;
    if (c.outcome === 'ORDER') line.orders += 1;
    else if (c.outcome === 'REFERRAL') line.referrals += 1;
    else line.advice += 1;
    lines.set(key, line);
  }
  const order = ['CITY', 'COUNTY', 'STREET', 'COMMUNITY'];
  return {
    phone: hotline.phone,
    name: hotline.name,
    source: hotline.source,
    lines: [...lines.values()].sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        order.indexOf(a.level) - order.indexOf(b.level) ||
        a.areaCode.localeCompare(b.areaCode),
    ),
  };
}
