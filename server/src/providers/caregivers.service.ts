// Caregivers (服务人员) of a provider: ID number (encrypted like an elder's), certificates with
// their expiry (000 五 服务人员 1: 劳动从业资格、健康状况证明), training (001 十(三) 定期培训), and
// active or left. A provider admin manages its own caregivers; the district sees those of its
// providers. Who may be sent on a visit follows the programme's certificate list (policy data).
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { todayInShanghai as dayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { Tx } from '../db/database.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { type IdNumberVault, maskIdNumber, validateIdNumber, validateMobile } from '../elders/index.js';
import { notify } from '../notices/index.js';
import { type PolicyDocument, policyDocument } from '../policies/index.js';
import { providerInScope } from './providers.service.js';
import type { EventBus } from '../common/events.js';

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KIND = /^(HEALTH|SKILL:\S{1,20})$/;

export interface RegisterCaregiverData {
  providerId: string;
  name: string;
  phone: string;
  idNumber: string;
  skills: string[];
}

/** Registers a caregiver of the provider; the ID number is stored encrypted and looked up by its keyed hash. */
export async function registerCaregiver(
  prisma: PrismaClient,
  vault: IdNumberVault,
  actor: Actor,
  input: RegisterCaregiverData,
  now: Date,
) {
  const { provider } = await providerInScope(prisma, actor, 'registerCaregiver', input.providerId);
  if (!input.name?.trim() || input.name.trim().length > 30) throw badInput('name', '请填写护理员姓名（30 字以内）。');
  const phone = validateMobile(input.phone ?? '');
  if (!phone.ok) throw badInput('phone', '请填写 11 位手机号码。');
  const id = validateIdNumber(input.idNumber ?? '', dayInShanghai(now));
  if (!id.ok) throw badInput('idNumber', '身份证号码有误，请核对后重新填写。');
  const skills = [...new Set((input.skills ?? []).map((s) => s.trim()).filter(Boolean))];
  if (provider.status === 'TERMINATED') fail(ErrorCode.INVALID_STATE, '这家机构的合同已终止，不能再登记护理员。');
  const hash = vault.hash(id.normalized);
  if (await prisma.caregiver.findUnique({ where: { idNumberHash: hash }, select: { id: true } }))
    fail(ErrorCode.INVALID_STATE, '这个身份证号码已登记为护理员。');
  return prisma.$transaction(async (tx) => {
    const c = await tx.caregiver.create({
      data: {
        providerId: provider.id,
        name: input.name.trim(),
        phone: phone.normalized,
        skills,
        idNumberCipher: vault.encrypt(id.normalized),
        idNumberHash: hash,
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: 'CAREGIVER_REGISTERED',
      entity: 'Caregiver',
      entityId: c.id,
      detail: { providerId: provider.id, idNumber: maskIdNumber(id.normalized) },
    });
    return c;
  });
}

export async function caregiverInScope(
  prisma: PrismaClient,
  actor: Actor,
  action: 'addCaregiverCertificate' | 'recordCaregiverTraining' | 'caregiverLeft' | 'setCaregiverProfile',
  caregiverId: string,
) {
  const caregiver = await prisma.caregiver.findUnique({ where: { id: caregiverId } });
  if (!caregiver) {
    authorize(actor, action);
    return fail(ErrorCode.NOT_FOUND, '没有找到这位护理员。');
  }
  await providerInScope(prisma, actor, action, caregiver.providerId);
  return caregiver;
}

/** Adds a certificate (HEALTH, or SKILL:<name>) with its expiry; an expired one cannot be added. */
export async function addCertificate(
  prisma: PrismaClient,
  actor: Actor,
  input: { caregiverId: string; kind: string; number?: string | null; expiresOn: string },
  now: Date,
) {
  const caregiver = await caregiverInScope(prisma, actor, 'addCaregiverCertificate', input.caregiverId);
  if (!KIND.test(input.kind ?? ''))
    throw badInput('kind', '证件类型为 HEALTH（健康证明）或 SKILL:技能名称（如 SKILL:养老护理）。');
  if (!DAY.test(input.expiresOn ?? '') || Number.isNaN(Date.parse(input.expiresOn)))
    throw badInput('expiresOn', '请填写证件有效期至（YYYY-MM-DD）。');
  if (input.expiresOn < dayInShanghai(now)) throw badInput('expiresOn', '这张证件已过期，请先换发新证再登记。');
  if (!caregiver.active) fail(ErrorCode.INVALID_STATE, '这位护理员已离职。');
  return prisma.$transaction(async (tx) => {
    const cert = await tx.caregiverCertificate.create({
      data: {
        caregiverId: caregiver.id,
        kind: input.kind,
        number: input.number?.trim() || null,
        expiresOn: new Date(`${input.expiresOn}T00:00:00Z`),
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: 'CAREGIVER_CERTIFICATE_ADDED',
      entity: 'Caregiver',
      entityId: caregiver.id,
      detail: { kind: input.kind, expiresOn: input.expiresOn },
    });
    return cert;
  });
}

/** Records a training course (001 十(三): 定期对居家养老服务人员进行业务培训). */
export async function recordTraining(
  prisma: PrismaClient,
  actor: Actor,
  input: { caregiverId: string; course: string; hours: number; completedOn: string },
) {
  const caregiver = await caregiverInScope(prisma, actor, 'recordCaregiverTraining', input.caregiverId);
  if (!input.course?.trim() || input.course.trim().length > 60)
    throw badInput('course', '请填写培训内容（60 字以内）。');
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > 200)
    throw badInput('hours', '培训学时应为 1 到 200 之间的整数。');
  if (!DAY.test(input.completedOn ?? '') || Number.isNaN(Date.parse(input.completedOn)))
    throw badInput('completedOn', '请填写培训完成日期（YYYY-MM-DD）。');
  const training = [
    ...((caregiver.training as Prisma.JsonArray) ?? []),
    { course: input.course.trim(), hours: input.hours, completedOn: input.completedOn },
  ];
  return prisma.$transaction(async (tx) => {
    const c = await tx.caregiver.update({ where: { id: caregiver.id }, data: { training } });
    await audit(tx, actor, {
      action: 'CAREGIVER_TRAINING_RECORDED',
      entity: 'Caregiver',
      entityId: caregiver.id,
      detail: { course: input.course.trim(), hours: input.hours },
    });
    return c;
  });
}

/** The caregiver left the provider: no more assignments; their open orders go back to dispatch. */
export async function caregiverLeft(prisma: PrismaClient, actor: Actor, caregiverId: string, now: Date) {
  const caregiver = await caregiverInScope(prisma, actor, 'caregiverLeft', caregiverId);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.caregiver.updateMany({
      where: { id: caregiver.id, active: true },
      data: { active: false, leftAt: now },
    });
    if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, '这位护理员已经离职了。');
    const back = await tx.order.updateMany({
      where: { caregiverId: caregiver.id, status: 'ASSIGNED' },
      data: { status: 'PLACED', caregiverId: null },
    });
    await audit(tx, actor, {
      action: 'CAREGIVER_LEFT',
      entity: 'Caregiver',
      entityId: caregiver.id,
      detail: { ordersReturned: back.count },
    });
    return tx.caregiver.findUniqueOrThrow({ where: { id: caregiver.id } });
  });
}

export async function listCaregivers(prisma: PrismaClient, actor: Actor, providerId: string) {
  await providerInScope(prisma, actor, 'Provider.caregivers', providerId);
  return prisma.caregiver.findMany({ where: { providerId }, orderBy: [{ active: 'desc' }, { name: 'asc' }] });
}

type Requirement = NonNullable<PolicyDocument['caregivers']>['certificates'][number];

/** The certificates the programme asks of a caregiver for an item of the given mode. */
export const requiredCertificates = (doc: PolicyDocument, mode: 'ONLINE' | 'OFFLINE'): Requirement[] =>
  (doc.caregivers?.certificates ?? []).filter((r) => !r.forModes || r.forModes.includes(mode));

/**
 * A caregiver may be sent on the order only with every certificate the programme requires for the
 * item valid on the visit's day (000 五 服务人员 1). Refused with CAREGIVER_NOT_CERTIFIED, naming what is
 * missing, so the dispatcher can pick someone else.
 */
export async function assertCaregiverAssignable(
  tx: PrismaClient | Tx,
  caregiver: { id: string; name: string },
  order: { serviceItemId: string; scheduledAt: Date },
) {
  const item = await tx.serviceItem.findUniqueOrThrow({
    where: { id: order.serviceItemId },
    include: { policy: true },
  });
  const required = requiredCertificates(policyDocument(item.policy), item.mode);
  if (!required.length) return;
  const day = new Date(`${dayInShanghai(order.scheduledAt)}T00:00:00Z`);
  const valid = await tx.caregiverCertificate.findMany({
    where: { caregiverId: caregiver.id, expiresOn: { gte: day } },
    select: { kind: true },
  });
  const missing = required.filter((r) => !valid.some((v) => v.kind === r.kind));
  if (missing.length) {
    fail(
      ErrorCode.CAREGIVER_NOT_CERTIFIED,
      `${caregiver.name}没有在服务当天有效的${missing.map((m) => m.label).join('、')}（${missing[0]!.source}），` +
        '不能派单；请换一位持证护理员，或先登记有效证件。',
      {
        missing: missing.map((m) => m.kind),
      },
    );
  }
}

/**
 * Of the caregivers, those holding every certificate the order's item requires, valid on its day
 * (for dispatch suggestions).
 */
export async function certifiedFor(
  tx: PrismaClient | Tx,
  caregiverIds: string[],
  order: { serviceItemId: string; scheduledAt: Date },
) {
  const item = await tx.serviceItem.findUniqueOrThrow({
    where: { id: order.serviceItemId },
    include: { policy: true },
  });
  const required = requiredCertificates(policyDocument(item.policy), item.mode);
  if (!required.length) return new Set(caregiverIds);
  const day = new Date(`${dayInShanghai(order.scheduledAt)}T00:00:00Z`);
  const valid = await tx.caregiverCertificate.findMany({
    where: { caregiverId: { in: caregiverIds }, expiresOn: { gte: day } },
    select: { caregiverId: true, kind: true },
  });
  return new Set(
    caregiverIds.filter((id) => required.every((r) => valid.some((v) => v.caregiverId === id && v.kind === r.kind))),
  );
}

/**
 * Daily: a certificate of an active caregiver that runs out within the programme's notice period
 * tells the provider's admins once (expiryNoticeAt). Idempotent; reads the app clock's day.
 */
export async function notifyExpiringCertificates(prisma: PrismaClient, now: Date) {
  const today = new Date(`${dayInShanghai(now)}T00:00:00Z`);
  const certs = await prisma.caregiverCertificate.findMany({
    where: {
      expiryNoticeAt: null,
      expiresOn: { gte: today, lte: new Date(today.getTime() + 366 * DAY_MS) },
      caregiver: { active: true },
    },
    include: {
      caregiver: {
        include: {
          provider: {
            include: {
              users: { where: { role: 'PROVIDER_ADMIN', active: true } },
              zones: { include: { policy: true } },
            },
          },
        },
      },
    },
  });
  let told = 0;
  for (const c of certs) {
    const docs = c.caregiver.provider.zones.map((z) => policyDocument(z.policy));
    const days = Math.max(0, ...docs.map((d) => d.caregivers?.expiryNoticeDays ?? 0));
    if (!days || c.expiresOn.getTime() > today.getTime() + days * DAY_MS) continue;
    const expires = c.expiresOn.toISOString().slice(0, 10);
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.caregiverCertificate.updateMany({
        where: { id: c.id, expiryNoticeAt: null },
        data: { expiryNoticeAt: now },
      });
      if (claimed.count !== 1) return;
      await notify(
        tx,
        c.caregiver.provider.users.map((u) => u.id),
        {
          kind: 'CERTIFICATE_EXPIRING',
          title: `${c.caregiver.name}的证件即将到期`,
          body:
            `护理员${c.caregiver.name}的${c.kind === 'HEALTH' ? '健康证明' : c.kind.slice(6) + '证书'}` +
            `将于 ${expires} 到期，到期后不能派单，请及时换证并登记。`,
          dedupe: `certificate:${c.id}:expiring`,
        },
      );
      told++;
    });
  }
  return { notified: told };
}

/**
 * Daily: certificates of active caregivers that ran out within the last `days` days with no valid one of the same
 * kind on record since, published as lapsed (the credit record, 002 二(三)10, keeps each once).
 */
export async function publishLapsedCertificates(prisma: PrismaClient, events: EventBus, now: Date, days = 7) {
  const today = new Date(`${dayInShanghai(now)}T00:00:00Z`);
  const lapsed = await prisma.caregiverCertificate.findMany({
    where: { expiresOn: { lt: today, gte: new Date(today.getTime() - days * DAY_MS) }, caregiver: { active: true } },
    include: { caregiver: { include: { certificates: { where: { expiresOn: { gte: today } } } } } },
  });
  let published = 0;
  for (const c of lapsed) {
    if (c.caregiver.certificates.some((v) => v.kind === c.kind)) continue;
    await events.publish('certificate.lapsed', {
      certificateId: c.id,
      caregiverId: c.caregiverId,
      providerId: c.caregiver.providerId,
      kind: c.kind,
      expiresOn: c.expiresOn.toISOString().slice(0, 10),
      at: now,
    });
    published++;
  }
  return { lapsed: published };
}
