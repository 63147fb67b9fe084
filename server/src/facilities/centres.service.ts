// A day-care centre's own services at three prices (003 二(一)3: 社区老年日间照料中心实行无偿、低偿、
// 有偿服务相结合): free for elders with the government's home-care subsidy (an active enrolment in the
// centre's programme on the day), the lower price for low-income elders (the programme's flags), the
// market price for others. Each visit to the centre is recorded with the tier and the price charged
// then. The elder pays the centre directly, so no money passes through the platform's ledger here.
import { ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import { todayInShanghai } from '../common/calendar.js';
import type { PrismaClient } from '../db/prisma.js';
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { policyDocument } from '../policies/index.js';
import { monthBounds, parseMonth } from '../wallet/index.js';
import { replayOrConflict, requestHash } from '../common/idempotency.js';

type Tier = 'FREE' | 'LOW' | 'MARKET';

async function centre(
  prisma: PrismaClient,
  actor: Actor,
  action: 'setCentreService' | 'recordCentreAttendance' | 'centreAttendance',
  facilityId: string,
) {
  authorize(actor, action);
  const f = await prisma.facility.findUnique({ where: { id: facilityId }, include: { community: true, policy: true } });
  if (!f) return fail(ErrorCode.NOT_FOUND, '没有找到这个设施。');
  authorize(actor, action, { regionPath: f.community.path });
  const doc = policyDocument(f.policy);
  const rules = doc.facilities?.centrePricing;
  if (!rules || !rules.kinds.includes(f.kind))
    return fail(ErrorCode.INVALID_STATE, '这个设施所属项目没有规定中心服务的无偿、低偿、有偿收费办法。');
  return { f, rules };
}

/** Sets (or updates) one service of a centre; the lower price must be below the market price (二(一)3). */
export async function setCentreService(
  prisma: PrismaClient,
  actor: Actor,
  input: { facilityId: string; code: string; name: string; marketPriceFen: number; lowPriceFen: number },
) {
  const { f, rules } = await centre(prisma, actor, 'setCentreService', input.facilityId);
  const code = input.code.trim();
  const name = input.name.trim();
  if (!/^[A-Z0-9_]{2,32}$/.test(code))
    fail(ErrorCode.BAD_USER_INPUT, '服务项目代码用 2–32 位大写字母、数字或下划线。', { field: 'code' });
  if (name.length < 2 || name.length > 40)
    fail(ErrorCode.BAD_USER_INPUT, '服务项目名称写 2–40 个字。', { field: 'name' });
  if (input.marketPriceFen <= 0) fail(ErrorCode.BAD_USER_INPUT, '市场价格须大于 0。', { field: 'marketPriceFen' });
  if (input.lowPriceFen <= 0 || input.lowPriceFen >= input.marketPriceFen)
    fail(
      ErrorCode.BAD_USER_INPUT,
      `低偿价格须大于 0 且低于市场价格（${rules.source}：按照低于市场价格，提供低偿服务）。`,
      { field: 'lowPriceFen' },
    );
  return prisma.$transaction(async (tx) => {
    const s = await tx.centreService.upsert({
      where: { facilityId_code: { facilityId: f.id, code } },
      create: { facilityId: f.id, code, name, marketPriceFen: input.marketPriceFen, lowPriceFen: input.lowPriceFen },
      update: { name, marketPriceFen: input.marketPriceFen, lowPriceFen: input.lowPriceFen },
    });
    await audit(tx, actor, {
      action: 'CENTRE_SERVICE_SET',
      entity: 'Facility',
      entityId: f.id,
      detail: { code, marketPriceFen: s.marketPriceFen, lowPriceFen: s.lowPriceFen, source: rules.source },
    });
    return s;
  });
}

const view = (a: { service: { code: string; name: string }; [k: string]: unknown }) => ({
  ...a,
  serviceCode: a.service.code,
  serviceName: a.service.name,
});

/**
 * Records one elder's visit to a centre for one service, priced by tier on the visit's day. The key
 * makes a retry return the first record (IDEMPOTENCY_CONFLICT for a different request under it).
 */
export async function recordCentreAttendance(
  prisma: PrismaClient,
  actor: Actor,
  input: { facilityId: string; serviceCode: string; elderId: string; attendedAt?: Date | null; idempotencyKey: string },
  now: Date,
) {
  const { f, rules } = await centre(prisma, actor, 'recordCentreAttendance', input.facilityId);
  const attendedAt = input.attendedAt ?? now;
  if (attendedAt.getTime() > now.getTime())
    fail(ErrorCode.BAD_USER_INPUT, '服务时间不能晚于现在，请登记已经发生的服务。', { field: 'attendedAt' });
  if (f.status !== 'OPERATING') fail(ErrorCode.FACILITY_NOT_OPERATING, '这个日间照料中心当前不在运营，不能登记服务。');
  const request = { ...input, attendedAt: attendedAt.toISOString() };
  const hash = requestHash(request);
  const replay = async () => {
    const prior = await prisma.centreAttendance.findUnique({
      where: { idempotencyKey: input.idempotencyKey },
      include: { service: true },
    });
    if (!prior) return null;
    return view(replayOrConflict(prior, hash));
  };
  const first = await replay();
  if (first) return first;
  const service = await prisma.centreService.findUnique({
    where: { facilityId_code: { facilityId: f.id, code: input.serviceCode } },
  });
  if (!service) return fail(ErrorCode.NOT_FOUND, '这个中心没有这项服务，请先由民政部门核定服务项目和价格。');
  const elder = await prisma.elder.findUnique({ where: { id: input.elderId } });
  if (!elder) return fail(ErrorCode.NOT_FOUND, '没有找到这位老人。');
  const day = todayInShanghai(attendedAt);
  const dayDate = new Date(`${day}T00:00:00Z`);
  // 享受政府居家养老服务补贴: enrolled in the centre's programme on the day (started, not ended).
  const subsidised = await prisma.enrolment.findFirst({
    where: {
      elderId: elder.id,
      policyId: f.policyId,
      startedOn: { lte: dayDate },
      OR: [{ status: 'ACTIVE' }, { serviceEndsAt: { gt: attendedAt } }],
    },
    select: { id: true },
  });
  const lowIncome = elder.flags.find((x) => rules.lowIncomeFlags.includes(x));
  const tier: Tier = subsidised ? 'FREE' : lowIncome ? 'LOW' : 'MARKET';
  const priceFen = tier === 'FREE' ? 0 : tier === 'LOW' ? service.lowPriceFen : service.marketPriceFen;
  const basis =
    tier === 'FREE'
      ? `享受政府居家养老服务补贴，无偿服务（${rules.source}）`
      : tier === 'LOW'
        ? `低收入老年人（${lowIncome}），按低于市场价格低偿服务（${rules.lowIncomeSource}）`
        : `按照市场价格有偿服务（${rules.source}）`;
  try {
    return await prisma.$transaction(async (tx) => {
      const a = await tx.centreAttendance.create({
        data: {
          facilityId: f.id,
          serviceId: service.id,
          elderId: elder.id,
          attendedAt,
          tier,
          priceFen,
          basis,
          recordedById: actor.userId,
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
        },
        include: { service: true },
      });
      await audit(tx, actor, {
        action: 'CENTRE_ATTENDANCE_RECORDED',
        entity: 'Facility',
        entityId: f.id,
        detail: { elderId: elder.id, service: service.code, tier, priceFen },
      });
      return view(a);
    });
  } catch (e) {
    // Two requests with one key at once: the loser reads the winner's record.
    if (isUniqueViolation(e)) {
      const won = await replay();
      if (won) return won;
    }
    throw e;
  }
}

/** A centre's attendance in a month (Asia/Shanghai), newest first. */
export async function centreAttendance(prisma: PrismaClient, actor: Actor, facilityId: string, month: string) {
  parseMonth(month);
  const { f } = await centre(prisma, actor, 'centreAttendance', facilityId);
  const { first, last } = monthBounds(month);
  const rows = await prisma.centreAttendance.findMany({
    where: {
      facilityId: f.id,
      attendedAt: { gte: new Date(first.getTime() - 8 * 3600_000), lt: new Date(last.getTime() + 16 * 3600_000) },
    },
    include: { service: true },
    orderBy: { attendedAt: 'desc' },
    take: 500,
  });
  return rows.map(view);
}
