// Rectification (整改, 001 八(二)1; 000 七 整改合格后再行结算): the district orders it with the
// programme's deadline after an interview, the provider reports it done, the district verifies it.
// Split from sanctions.service.ts, whose helpers it shares.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { providerInScope } from './providers.service.js';
import { DAY_MS, programmeOf, tell } from './sanctions.service.js';

/** 整改: after an interview, the district orders a rectification with the programme's deadline. */
export async function orderRectification(
  prisma: PrismaClient,
  actor: Actor,
  providerId: string,
  requirement: string,
  now: Date,
) {
  const { provider } = await providerInScope(prisma, actor, 'orderProviderRectification', providerId);
  const text = requirement?.trim() ?? '';
  if (text.length < 4 || text.length > 2000) throw badInput('requirement', '请写明整改要求（4–2000 字）。');
  const doc = await programmeOf(prisma, providerId);
  if (!doc) fail(ErrorCode.INVALID_STATE, '这家机构还没有服务合同或服务片区。');
  const interview = await prisma.providerSanction.findFirst({
    where: { providerId, kind: 'INTERVIEW' },
    orderBy: { createdAt: 'desc' },
  });
  if (!interview)
    fail(ErrorCode.INVALID_STATE, `请先约谈这家机构，再督促整改（${doc!.penalties.source}：约谈、督促整改）。`);
  if (
    await prisma.providerSanction.count({
      where: { providerId, kind: 'RECTIFICATION', status: { in: ['OPEN', 'SUBMITTED'] } },
    })
  )
    fail(ErrorCode.INVALID_STATE, '这家机构已有一项未核查的整改。');
  const dueAt = new Date(now.getTime() + doc!.penalties.rectificationDays * DAY_MS);
  return prisma.$transaction(async (tx) => {
    const s = await tx.providerSanction.create({
      data: {
        providerId,
        kind: 'RECTIFICATION',
        status: 'OPEN',
        clause: doc!.penalties.rectificationSource,
        reason: text,
        dueAt,
        createdById: actor.userId,
        createdAt: now,
        detail: { interviewId: interview!.id },
      },
    });
    await tell(tx, provider, {
      title: '整改通知',
      body: `请${provider.name}在 ${dueAt.toISOString().slice(0, 10)} 前完成整改并在平台提交整改报告：${text.slice(0, 200)}`,
      dedupe: `sanction:${s.id}`,
    });
    await audit(tx, actor, {
      action: 'PROVIDER_RECTIFICATION_ORDERED',
      entity: 'Provider',
      entityId: providerId,
      detail: { sanctionId: s.id, dueAt: dueAt.toISOString() },
    });
    return s;
  });
}

async function rectificationInScope(
  prisma: PrismaClient,
  actor: Actor,
  action: 'submitProviderRectification' | 'verifyProviderRectification',
  id: string,
) {
  const s = await prisma.providerSanction.findUnique({ where: { id } });
  if (!s || s.kind !== 'RECTIFICATION') {
    authorize(actor, action);
    return fail(ErrorCode.NOT_FOUND, '没有找到这项整改。');
  }
  const { provider } = await providerInScope(prisma, actor, action, s.providerId);
  return { s, provider };
}

/** The provider reports the rectification done, with its report. */
export async function submitRectification(
  prisma: PrismaClient,
  actor: Actor,
  sanctionId: string,
  report: string,
  now: Date,
) {
  const { s, provider } = await rectificationInScope(prisma, actor, 'submitProviderRectification', sanctionId);
  const text = report?.trim() ?? '';
  if (text.length < 4 || text.length > 4000) throw badInput('report', '请填写整改报告（4–4000 字）：做了哪些整改。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.providerSanction.updateMany({
      where: { id: s.id, status: 'OPEN' },
      data: { status: 'SUBMITTED', report: text },
    });
    if (claimed.count !== 1)
      fail(
        ErrorCode.INVALID_STATE,
        s.status === 'SUBMITTED' ? '整改报告已提交，等待民政部门核查。' : '这项整改已经核查过了。',
      );
    await tell(
      tx,
      provider,
      {
        title: `${provider.name}提交了整改报告`,
        body: `${provider.name}已提交整改报告，请核查。`,
        dedupe: `sanction:${s.id}:submitted`,
      },
      true,
    );
    await audit(tx, actor, {
      action: 'PROVIDER_RECTIFICATION_SUBMITTED',
      entity: 'Provider',
      entityId: provider.id,
      detail: { sanctionId: s.id, late: !!s.dueAt && now > s.dueAt },
    });
    return tx.providerSanction.findUniqueOrThrow({ where: { id: s.id } });
  });
}

/** The district verifies the rectification: passed (VERIFIED) or not (FAILED; a new one must be ordered). */
export async function verifyRectification(
  prisma: PrismaClient,
  actor: Actor,
  sanctionId: string,
  passed: boolean,
  note: string,
  now: Date,
) {
  const { s, provider } = await rectificationInScope(prisma, actor, 'verifyProviderRectification', sanctionId);
  const text = note?.trim() ?? '';
  if (text.length < 2 || text.length > 2000) throw badInput('note', '请填写核查意见。');
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.providerSanction.updateMany({
      where: { id: s.id, status: 'SUBMITTED' },
      data: {
        status: passed ? 'VERIFIED' : 'FAILED',
        verifiedAt: now,
        verifiedById: actor.userId,
        detail: { ...(s.detail as object), verification: text },
      },
    });
    if (claimed.count !== 1)
      fail(ErrorCode.INVALID_STATE, s.status === 'OPEN' ? '机构还没有提交整改报告。' : '这项整改已经核查过了。');
    await tell(tx, provider, {
      title: passed ? '整改核查合格' : '整改核查不合格',
      body: `${provider.name}的整改${passed ? '经核查合格' : '经核查不合格，请继续整改'}：${text.slice(0, 200)}`,
      dedupe: `sanction:${s.id}:verified`,
    });
    await audit(tx, actor, {
      action: passed ? 'PROVIDER_RECTIFICATION_VERIFIED' : 'PROVIDER_RECTIFICATION_FAILED',
      entity: 'Provider',
      entityId: provider.id,
      detail: { sanctionId: s.id },
    });
    return tx.providerSanction.findUniqueOrThrow({ where: { id: s.id } });
  });
}
