// The records some targets count that no other area keeps: a community's 养老顾问 (002 二(二)5) and an
// elder's health management (002 二(四)11). Each is entered by an official of the region, dated no later
// than today, and audited.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { calendarDay, todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { pathWithin } from '../regions/index.js';
import { programmeInScope } from './goals.service.js';

const ymd = (d: Date) => d.toISOString().slice(0, 10);

function notAfterToday(field: string, value: string, label: string, now: Date) {
  const d = calendarDay(field, value, label);
  if (value > todayInShanghai(now)) throw badInput(field, `${label}不能晚于今天。`);
  return d;
}

const text = (field: string, value: string | null | undefined, label: string) => {
  const v = value?.trim();
  if (!v) throw badInput(field, `请填写${label}。`);
  return v;
};

export async function appointCareAdvisor(
  prisma: PrismaClient,
  actor: Actor,
  input: { policyCode: string; communityCode: string; name: string; phone?: string | null; since: string },
  now: Date,
) {
  const grant = authorize(actor, 'appointCareAdvisor');
  const community = await prisma.region.findUnique({ where: { code: input.communityCode } });
  if (!community || community.level !== 'COMMUNITY') throw badInput('communityCode', '没有这个社区，请核对社区代码。');
  authorize(grant.actor, 'appointCareAdvisor', { regionPath: community.path });
  const { policy, region } = await programmeInScope(prisma, grant, input.policyCode);
  if (!pathWithin(community.path, region.path)) throw badInput('communityCode', '这个社区不在该项目的范围内。');
  const name = text('name', input.name, '养老顾问姓名');
  const since = notAfterToday('since', input.since, '上岗日期', now);
  const row = await prisma.$transaction(async (tx) => {
    const a = await tx.careAdvisor.create({
      data: {
        policyId: policy.id,
        communityId: community.id,
        name,
        phone: input.phone?.trim() || null,
        since,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    await audit(tx, actor, { action: 'CARE_ADVISOR_APPOINTED', entity: 'CareAdvisor', entityId: a.id });
    return a;
  });
  return { ...row, since: ymd(row.since) };
}

export async function recordHealthManagement(
  prisma: PrismaClient,
  actor: Actor,
  input: { elderId: string; institution: string; since: string },
  now: Date,
) {
  const grant = authorize(actor, 'recordHealthManagement');
  await assertElderInScope(prisma, grant, input.elderId);
  const institution = text('institution', input.institution, '医疗卫生机构');
  const since = notAfterToday('since', input.since, '纳入健康管理日期', now);
  const row = await prisma.$transaction(async (tx) => {
    const existing = await tx.healthManagement.findUnique({ where: { elderId: input.elderId } });
    if (existing && !existing.until) fail(ErrorCode.INVALID_STATE, '这位老人已在健康管理中，无需重复登记。');
    const data = { institution, since, until: null, createdById: actor.userId, createdAt: now };
    const h = existing
      ? await tx.healthManagement.update({ where: { id: existing.id }, data })
      : await tx.healthManagement.create({ data: { elderId: input.elderId, ...data } });
    await audit(tx, actor, { action: 'HEALTH_MANAGEMENT_RECORDED', entity: 'HealthManagement', entityId: h.id });
    return h;
  });
  return { ...row, since: ymd(row.since) };
}
