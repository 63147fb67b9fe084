import { type Actor, authorize, outOfScopeMessage, withinScope, type Grant } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { ElderFlag, ElderStatus, Gender, LivingSituation, SelfCareAbility } from '../common/enums.js';
import { badInput, DomainError, ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { subtreeOf } from '../regions/index.js';
import type { IdNumberVault } from './id-crypto.js';
import { maskIdNumber, validateIdNumber, validateMobile } from './id-number.js';
import { coordinatesProblem } from './coordinates.js';
import { ageOn, todayInShanghai } from '../common/calendar.js';

export interface RegisterElderData {
  name: string;
  gender?: Gender | null;
  birthDate: string;
  idNumber: string;
  phone?: string | null;
  communityCode: string;
  hukouCommunityCode?: string | null;
  address: string;
  latitude?: number | null;
  longitude?: number | null;
  ethnicity?: string | null;
  livingSituation?: LivingSituation | null;
  incomeSource?: string | null;
  selfCareAbility?: SelfCareAbility | null;
  flags?: ElderFlag[] | null;
}

export interface ElderListFilter {
  communityCode?: string | null;
  status?: ElderStatus | null;
  search?: string | null;
  category?: string | null;
}

// A programme category's code as the policy documents write them (HP_LOW_INCOME, YC_DISABLED_SEVERE).
const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** The elders of a category: by their active enrolment, or by any enrolment when none is active. */
function categoryFilter(category: string): Prisma.ElderWhereInput {
  return {
    OR: [
      { enrolments: { some: { category, status: 'ACTIVE' } } },
      { AND: [{ enrolments: { none: { status: 'ACTIVE' } } }, { enrolments: { some: { category } } }] },
    ],
  };
}

// The registry is for 老年人, which Chinese law defines as 60 and over (老年人权益保障法 第二条).
const MIN_AGE = 60;
const NAME_PATTERN = /^[\u3400-\u9fff\u00b7·A-Za-z\s]{2,30}$/u;

/**
 * The elders a grant reaches, as a database filter: the scope its role has for the action
 * (auth/permissions.ts; docs/ARCHITECTURE.md, "Roles and scope": family their own elders, a
 * worker their community, officials their area, a provider its orders', a caregiver their visits').
 */
export function elderScope(grant: Grant): Prisma.ElderWhereInput {
  const { actor, scope } = grant;
  switch (scope) {
    case 'REGION':
      return { community: subtreeOf(actor.regionPath!) };
    case 'LINKED_ELDERS':
    case 'PAYER':
      return { family: { some: { userId: actor.userId, ...(scope === 'PAYER' ? { isPayer: true } : {}) } } };
    case 'SELF':
      return { id: actor.elderId! };
    case 'PROVIDER':
      return { orders: { some: { providerId: actor.providerId! } } };
    case 'OWN_VISITS':
      return { orders: { some: { caregiver: { userId: actor.userId } } } };
    default:
      // Scopes that reach no elder (the bot's rooms, an account's own things) see none.
      return { id: { in: [] } };
  }
}

/**
 * The elder, if the grant reaches them; FORBIDDEN when they exist outside its scope, NOT_FOUND when
 * they do not exist. `include` is what the request's look-ahead asks to read in the same statement
 * (app/prefetch.ts).
 */
export async function assertElderInScope<I extends Prisma.ElderInclude = Record<never, never>>(
  prisma: PrismaClient,
  grant: Grant,
  elderId: string,
  include?: I,
): Promise<Prisma.ElderGetPayload<{ include: I }>> {
  const elder = await prisma.elder.findFirst({ where: { AND: [{ id: elderId }, elderScope(grant)] }, include });
  if (elder) return elder as Prisma.ElderGetPayload<{ include: I }>;
  const exists = await prisma.elder.count({ where: { id: elderId } });
  return fail(
    exists ? ErrorCode.FORBIDDEN : ErrorCode.NOT_FOUND,
    exists ? outOfScopeMessage(grant, '这位老人不在您的服务范围内。') : '没有找到这位老人。',
  );
}

export async function getElder(prisma: PrismaClient, actor: Actor, id: string, include?: Prisma.ElderInclude) {
  return assertElderInScope(prisma, authorize(actor, 'elder'), id, include);
}

export async function listElders(
  prisma: PrismaClient,
  vault: IdNumberVault,
  actor: Actor,
  filter: ElderListFilter,
  page: PageArgs,
  now: Date,
  include?: Prisma.ElderInclude,
) {
  const grant = authorize(actor, 'elders');
  const { take, afterId } = pageWindow(page);
  const category = filter.category?.trim();
  if (category && !CATEGORY_CODE.test(category))
    throw badInput('category', '「服务对象类别」应为类别代码（如 HP_LOW_INCOME），请从下拉列表中选择。');
  const where: Prisma.ElderWhereInput[] = [elderScope(grant)];
  if (category) where.push(categoryFilter(category));
  if (filter.communityCode) {
    const region = await prisma.region.findUnique({ where: { code: filter.communityCode } });
    if (!region) throw badInput('communityCode', `没有找到区划代码 ${filter.communityCode}。`);
    if (grant.scope === 'REGION' && !withinScope(grant, { regionPath: region.path })) {
      fail(ErrorCode.FORBIDDEN, `${region.name}不在您的管辖范围内。`);
    }
    where.push({ community: subtreeOf(region.path) });
  }
  if (filter.status) where.push({ status: filter.status });
  const search = filter.search?.trim();
  if (search) {
    const id = validateIdNumber(search, todayInShanghai(now));
    where.push(
      id.ok
        ? { idNumberHash: vault.hash(id.normalized) }
        : { OR: [{ name: { contains: search } }, { phone: { contains: search } }] },
    );
  }
  const all: Prisma.ElderWhereInput = { AND: where };
  const [rows, totalCount] = await Promise.all([
    prisma.elder.findMany({
      where: afterId ? { AND: [all, { id: { gt: afterId } }] } : all,
      orderBy: { id: 'asc' },
      take: take + 1,
      include,
    }),
    prisma.elder.count({ where: all }),
  ]);
  return toConnection(rows, take, totalCount);
}

function validateRegistration(input: RegisterElderData, today: string) {
  const name = input.name.trim();
  if (!NAME_PATTERN.test(name)) throw badInput('name', '姓名应为 2–30 个汉字（少数民族姓名可含“·”）。');
  const id = validateIdNumber(input.idNumber, today);
  if (!id.ok) {
    const why = {
      FORMAT: '身份证号应为 18 位（最后一位可以是 X），请核对。',
      CHECKSUM: '身份证号校验位不对，可能有数字录错，请逐位核对。',
      BIRTH_DATE: '身份证号中的出生日期无效，请核对。',
    }[id.reason];
    throw badInput('idNumber', why);
  }
  if (input.birthDate !== id.birthDate) {
    throw badInput('birthDate', `出生日期 ${input.birthDate} 与身份证号中的 ${id.birthDate} 不一致，请核对。`);
  }
  if (input.gender && input.gender !== id.gender) {
    throw badInput('gender', `性别与身份证号不一致（身份证号显示为${id.gender === 'MALE' ? '男' : '女'}），请核对。`);
  }
  if (ageOn(id.birthDate, today) < MIN_AGE) {
    throw badInput('birthDate', `老人未满 ${MIN_AGE} 周岁，不能登记为服务对象。`);
  }
  let phone: string | null = null;
  if (input.phone?.trim()) {
    const p = validateMobile(input.phone);
    if (!p.ok) throw badInput('phone', '电话号码格式不对：手机号为 11 位，固定电话如 027-12345678。');
    phone = p.normalized;
  }
  const flags = [...new Set(input.flags ?? [])];
  // 特困 (extreme poverty support) and 低保 (minimum living allowance) are exclusive statuses.
  if (flags.includes('EXTREME_POVERTY') && flags.includes('LOW_INCOME')) {
    throw badInput('flags', '“特困”与“低保”不能同时勾选，请按证件选择其一。');
  }
  const address = input.address.trim();
  if (!address) throw badInput('address', '请填写现居住地址。');
  return { name, id, phone, flags, address };
}

/**
 * Registers an elder in the registry. Bad input (ID checksum, birth date or gender disagreeing
 * with the ID, under 60, bad phone, unknown or out-of-scope community, duplicate ID) throws
 * BAD_USER_INPUT / FORBIDDEN and writes nothing.
 */
export async function registerElder(
  prisma: PrismaClient,
  vault: IdNumberVault,
  actor: Actor,
  input: RegisterElderData,
  today: string,
) {
  const grant = authorize(actor, 'registerElder');
  const v = validateRegistration(input, today);
  const community = await prisma.region.findUnique({ where: { code: input.communityCode } });
  if (!community || community.level !== 'COMMUNITY') {
    throw badInput('communityCode', `没有找到社区（村）代码 ${input.communityCode}，请从列表中选择。`);
  }
  if (!withinScope(grant, { regionPath: community.path }))
    fail(ErrorCode.FORBIDDEN, `${community.name}不在您的管辖范围内，不能在此登记。`);
  const where = await coordinatesProblem(prisma, community.path, input.latitude, input.longitude);
  if (where) throw badInput('latitude', where);
  let hukouRegionId = community.id;
  if (input.hukouCommunityCode && input.hukouCommunityCode !== input.communityCode) {
    const hukou = await prisma.region.findUnique({ where: { code: input.hukouCommunityCode } });
    if (!hukou || hukou.level !== 'COMMUNITY') {
      throw badInput('hukouCommunityCode', `没有找到户籍所在社区（村）代码 ${input.hukouCommunityCode}。`);
    }
    hukouRegionId = hukou.id;
  }
  const idHash = vault.hash(v.id.normalized);
  const duplicate = () => badInput('idNumber', '该身份证号已经登记过，请在老人列表中按身份证号查找。');
  if (await prisma.elder.findUnique({ where: { idNumberHash: idHash }, select: { id: true } })) throw duplicate();
  try {
    return await prisma.$transaction(async (tx) => {
      const elder = await tx.elder.create({
        data: {
          name: v.name,
          gender: v.id.gender,
          birthDate: new Date(`${v.id.birthDate}T00:00:00Z`),
          ethnicity: input.ethnicity ?? null,
          idNumberEnc: vault.encrypt(v.id.normalized),
          idNumberHash: idHash,
          idNumberMasked: maskIdNumber(v.id.normalized),
          phone: v.phone,
          communityId: community.id,
          hukouRegionId,
          address: v.address,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          livingSituation: input.livingSituation ?? 'OTHER',
          incomeSource: input.incomeSource ?? null,
          selfCareAbility: input.selfCareAbility ?? 'SELF_CARE',
          flags: v.flags,
          createdById: actor.userId,
        },
      });
      await audit(tx, actor, {
        action: 'ELDER_REGISTERED',
        entity: 'Elder',
        entityId: elder.id,
        detail: { communityCode: community.code, idNumberMasked: elder.idNumberMasked },
      });
      return elder;
    });
  } catch (err) {
    // Two registrations of one ID racing past the look-up: the unique index decides.
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}

/** The full ID number, for roles whose work needs it; every view is audit-logged. */
export async function revealIdNumber(prisma: PrismaClient, vault: IdNumberVault, actor: Actor, elderId: string) {
  const elder = await assertElderInScope(prisma, authorize(actor, 'Elder.idNumber'), elderId);
  await audit(prisma, actor, { action: 'ID_NUMBER_VIEWED', entity: 'Elder', entityId: elderId });
  return vault.decrypt(elder.idNumberEnc);
}

export const elderAge = (birthDate: Date, today: string) => ageOn(birthDate.toISOString().slice(0, 10), today);

export { DomainError };
