// Keeping an elder's record current (动态管理: 000 九; 001 八(一)3): a worker covering the elder changes
// contact details, the address and its coordinates, hukou, household and income facts, self-care
// level, disability grade, long-term care insurance, guardian and emergency contacts, or corrects
// the ID number. Each change is audited with its old and new value (personal values masked). A
// change to a fact the programme's rules read re-runs them (exit-suggestions.service.ts).
import { type Actor, authorize, outOfScopeMessage, withinScope } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { ageOn, todayInShanghai } from '../common/calendar.js';
import type { ElderFlag, LivingSituation, SelfCareAbility } from '../common/enums.js';
import { badInput, ErrorCode, fail, isUniqueViolation } from '../common/errors.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { coordinatesProblem } from './coordinates.js';
import { assertElderInScope } from './elders.service.js';
import { change, contactsText, phoneText, type ContactFact, type FieldChange } from './elder-changes.js';
import { rerunEligibility } from './exit-suggestions.service.js';
import type { IdNumberVault } from './id-crypto.js';
import { maskIdNumber, validateIdNumber, validateMobile } from './id-number.js';

export interface UpdateElderData {
  elderId: string;
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  communityCode?: string | null;
  hukouCommunityCode?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  ethnicity?: string | null;
  livingSituation?: LivingSituation | null;
  incomeSource?: string | null;
  householdSize?: number | null;
  monthlyIncomeFen?: number | null;
  selfCareAbility?: SelfCareAbility | null;
  disabilityGrade?: number | null;
  flags?: ElderFlag[] | null;
  longTermCareInsurance?: boolean | null;
  contacts?: ContactFact[] | null;
  /** Why the record changed (a new certificate, a move reported by the family), kept in the history. */
  note?: string | null;
}

const NAME_PATTERN = /^[\u3400-\u9fff\u00b7·A-Za-z\s]{2,30}$/u;
const MIN_AGE = 60;
const GENDER_NAMES: Record<string, string> = { MALE: '男', FEMALE: '女' };
// Facts the eligibility rules read (policies/eligibility.ts): a change to one re-runs them.
const RULE_FIELDS = new Set([
  'idNumber',
  'birthDate',
  'community',
  'hukouRegion',
  'selfCareAbility',
  'disabilityGrade',
  'flags',
]);

const given = <T>(v: T | null | undefined): v is T | null => v !== undefined;
const dateText = (d: Date) => d.toISOString().slice(0, 10);
const coordText = (lat: number | null, lng: number | null) =>
  lat == null || lng == null ? null : `${lat.toFixed(6)}, ${lng.toFixed(6)}`;
const sortedFlags = (f: readonly string[]) => [...new Set(f)].sort();

async function communityOf(prisma: PrismaClient, code: string, field: string) {
  const region = await prisma.region.findUnique({ where: { code } });
  if (!region || region.level !== 'COMMUNITY')
    throw badInput(field, `没有找到社区（村）代码 ${code}，请从列表中选择。`);
  return region;
}

function validContacts(list: readonly ContactFact[]): ContactFact[] {
  if (list.length > 10) throw badInput('contacts', '监护人和紧急联系人最多登记 10 位。');
  return list.map((c, i) => {
    const name = c.name.trim();
    const relation = c.relation.trim();
    if (!NAME_PATTERN.test(name)) throw badInput('contacts', `第 ${i + 1} 位联系人的姓名应为 2–30 个汉字。`);
    if (!relation) throw badInput('contacts', `请填写第 ${i + 1} 位联系人与老人的关系。`);
    const p = validateMobile(c.phone);
    if (!p.ok)
      throw badInput('contacts', `第 ${i + 1} 位联系人的电话格式不对：手机号为 11 位，固定电话如 027-12345678。`);
    return { kind: c.kind, name, relation, phone: p.normalized };
  });
}

/**
 * Changes the record; returns the elder as it is afterwards. Out of scope: FORBIDDEN (NOT_FOUND if
 * no such elder); a new ID number another elder already has, a bad ID, phone, contact, coordinates
 * outside China or only one of the pair, an unknown community, or a moved community outside the
 * worker's area: BAD_USER_INPUT / FORBIDDEN; changed by someone else since it was read:
 * INVALID_STATE. Nothing changes when it refuses.
 */
export async function updateElder(
  prisma: PrismaClient,
  vault: IdNumberVault,
  actor: Actor,
  input: UpdateElderData,
  now: Date,
) {
  const grant = authorize(actor, 'updateElder');
  const elder = await assertElderInScope(prisma, grant, input.elderId);
  const today = todayInShanghai(now);
  const data: Prisma.ElderUncheckedUpdateInput = {};
  const changes: FieldChange[] = [];

  if (given(input.name)) {
    const name = (input.name ?? '').trim();
    if (!NAME_PATTERN.test(name)) throw badInput('name', '姓名应为 2–30 个汉字（少数民族姓名可含“·”）。');
    data.name = name;
    changes.push(...change('name', elder.name, name));
  }
  if (given(input.idNumber)) {
    const id = validateIdNumber(input.idNumber ?? '', today);
    if (!id.ok)
      throw badInput(
        'idNumber',
        {
          FORMAT: '身份证号应为 18 位（最后一位可以是 X），请核对。',
          CHECKSUM: '身份证号校验位不对，可能有数字录错，请逐位核对。',
          BIRTH_DATE: '身份证号中的出生日期无效，请核对。',
        }[id.reason],
      );
    if (ageOn(id.birthDate, today) < MIN_AGE)
      throw badInput('idNumber', `按这个身份证号老人未满 ${MIN_AGE} 周岁，请核对。`);
    const hash = vault.hash(id.normalized);
    if (hash !== elder.idNumberHash) {
      const other = await prisma.elder.findUnique({ where: { idNumberHash: hash }, select: { id: true } });
      if (other)
        throw badInput(
          'idNumber',
          '这个身份证号已登记在另一位老人名下，请先在老人列表中按身份证号查找，核实是否重复登记。',
        );
      Object.assign(data, {
        idNumberEnc: vault.encrypt(id.normalized),
        idNumberHash: hash,
        idNumberMasked: maskIdNumber(id.normalized),
        gender: id.gender,
        birthDate: new Date(`${id.birthDate}T00:00:00Z`),
      });
      changes.push(...change('idNumber', elder.idNumberMasked, maskIdNumber(id.normalized)));
      changes.push(...change('gender', GENDER_NAMES[elder.gender], GENDER_NAMES[id.gender]));
      changes.push(...change('birthDate', dateText(elder.birthDate), id.birthDate));
    }
  }
  if (given(input.phone)) {
    let phone: string | null = null;
    if (input.phone?.trim()) {
      const p = validateMobile(input.phone);
      if (!p.ok) throw badInput('phone', '电话号码格式不对：手机号为 11 位，固定电话如 027-12345678。');
      phone = p.normalized;
    }
    data.phone = phone;
    changes.push(...change('phone', phoneText(elder.phone), phoneText(phone)));
  }
  let communityPath: string | null = null;
  if (given(input.communityCode) && input.communityCode !== null) {
    const community = await communityOf(prisma, input.communityCode, 'communityCode');
    communityPath = community.path;
    // A move stays within the worker's own area; a move further is done by whoever covers both.
    if (!withinScope(grant, { regionPath: community.path }))
      fail(
        ErrorCode.FORBIDDEN,
        outOfScopeMessage(grant, `${community.name}不在您的管辖范围内，请由上级街道或民政部门办理迁移。`),
      );
    if (community.id !== elder.communityId) {
      const old = await prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } });
      data.communityId = community.id;
      changes.push(...change('community', old.name, community.name));
    }
  }
  if (given(input.hukouCommunityCode)) {
    const hukou = input.hukouCommunityCode
      ? await communityOf(prisma, input.hukouCommunityCode, 'hukouCommunityCode')
      : null;
    const hukouId = hukou?.id ?? (data.communityId as string | undefined) ?? elder.communityId;
    if (hukouId !== (elder.hukouRegionId ?? elder.communityId)) {
      const old = await prisma.region.findUnique({ where: { id: elder.hukouRegionId ?? elder.communityId } });
      const next = hukou ?? (await prisma.region.findUniqueOrThrow({ where: { id: hukouId } }));
      data.hukouRegionId = hukouId;
      changes.push(...change('hukouRegion', old?.name ?? null, next.name));
    }
  }
  if (given(input.address)) {
    const address = (input.address ?? '').trim();
    if (!address) throw badInput('address', '请填写现居住地址。');
    data.address = address;
    changes.push(...change('address', elder.address, address));
  }
  if (given(input.latitude) || given(input.longitude)) {
    const lat = input.latitude ?? null;
    const lng = input.longitude ?? null;
    communityPath ??= (await prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } })).path;
    const problem = await coordinatesProblem(prisma, communityPath, lat, lng);
    if (problem) throw badInput('latitude', problem);
    data.latitude = lat;
    data.longitude = lng;
    changes.push(...change('coordinates', coordText(elder.latitude, elder.longitude), coordText(lat, lng)));
  }
  if (given(input.ethnicity)) {
    data.ethnicity = input.ethnicity?.trim() || null;
    changes.push(...change('ethnicity', elder.ethnicity, data.ethnicity));
  }
  if (given(input.livingSituation) && input.livingSituation) {
    data.livingSituation = input.livingSituation;
    changes.push(...change('livingSituation', elder.livingSituation, input.livingSituation));
  }
  if (given(input.incomeSource)) {
    data.incomeSource = input.incomeSource?.trim() || null;
    changes.push(...change('incomeSource', elder.incomeSource, data.incomeSource));
  }
  if (given(input.householdSize)) {
    if (
      input.householdSize != null &&
      (!Number.isInteger(input.householdSize) || input.householdSize < 1 || input.householdSize > 30)
    )
      throw badInput('householdSize', '家庭人口应为 1–30 的整数。');
    data.householdSize = input.householdSize;
    changes.push(
      ...change('householdSize', elder.householdSize?.toString() ?? null, input.householdSize?.toString() ?? null),
    );
  }
  if (given(input.monthlyIncomeFen)) {
    if (input.monthlyIncomeFen != null && (!Number.isInteger(input.monthlyIncomeFen) || input.monthlyIncomeFen < 0))
      throw badInput('monthlyIncomeFen', '家庭人均月收入以分为单位，应为不小于 0 的整数。');
    data.monthlyIncomeFen = input.monthlyIncomeFen;
    changes.push(
      ...change(
        'monthlyIncomeFen',
        elder.monthlyIncomeFen?.toString() ?? null,
        input.monthlyIncomeFen?.toString() ?? null,
      ),
    );
  }
  if (given(input.selfCareAbility) && input.selfCareAbility) {
    data.selfCareAbility = input.selfCareAbility;
    changes.push(...change('selfCareAbility', elder.selfCareAbility, input.selfCareAbility));
  }

  // Flags: the list as given (or as it was), then the disability grade and LTC insurance, which
  // decide their own flags so the rules read one consistent set.
  let flags = sortedFlags(input.flags ?? elder.flags);
  if (given(input.disabilityGrade)) {
    const g = input.disabilityGrade;
    if (g != null && (!Number.isInteger(g) || g < 1 || g > 4))
      throw badInput('disabilityGrade', '残疾等级为一至四级（填 1–4），没有残疾证请清空。');
    if (input.flags && input.flags.includes('DISABILITY_GRADE_1_2') !== (g === 1 || g === 2))
      throw badInput('flags', '“一、二级残疾”须与所填残疾等级一致。');
    flags = sortedFlags([
      ...flags.filter((f) => f !== 'DISABILITY_GRADE_1_2'),
      ...(g === 1 || g === 2 ? ['DISABILITY_GRADE_1_2'] : []),
    ]);
    data.disabilityGrade = g;
    changes.push(...change('disabilityGrade', elder.disabilityGrade?.toString() ?? null, g?.toString() ?? null));
  }
  if (given(input.longTermCareInsurance) && input.longTermCareInsurance !== null) {
    if (input.flags && input.flags.includes('LONG_TERM_CARE_INSURANCE') !== input.longTermCareInsurance)
      throw badInput('flags', '“享受长期护理保险”须与长护险一栏一致。');
    flags = sortedFlags([
      ...flags.filter((f) => f !== 'LONG_TERM_CARE_INSURANCE'),
      ...(input.longTermCareInsurance ? ['LONG_TERM_CARE_INSURANCE'] : []),
    ]);
  }
  // 特困 (extreme poverty support) and 低保 (minimum living allowance) are exclusive statuses.
  if (flags.includes('EXTREME_POVERTY') && flags.includes('LOW_INCOME'))
    throw badInput('flags', '“特困”与“低保”不能同时勾选，请按证件选择其一。');
  const oldFlags = sortedFlags(elder.flags);
  if (flags.join() !== oldFlags.join()) {
    data.flags = flags;
    changes.push(...change('flags', oldFlags.join('、') || null, flags.join('、') || null));
  }
  if (given(input.contacts)) {
    const contacts = validContacts(input.contacts ?? []);
    data.contacts = contacts as unknown as Prisma.InputJsonValue;
    changes.push(
      ...change('contacts', contactsText((elder.contacts ?? []) as unknown as ContactFact[]), contactsText(contacts)),
    );
  }

  if (!changes.length) return elder;
  const note = input.note?.trim() || null;
  try {
    return await prisma.$transaction(async (tx) => {
      // The record as read is the one changed: a change made meanwhile by someone else would make
      // this one's old values wrong in the history, so it is refused and the worker looks again.
      const claimed = await tx.elder.updateMany({ where: { id: elder.id, updatedAt: elder.updatedAt }, data });
      if (claimed.count !== 1) fail(ErrorCode.INVALID_STATE, `${elder.name}的档案刚被其他人修改过，请刷新后再改。`);
      const updated = await tx.elder.findUniqueOrThrow({ where: { id: elder.id } });
      await audit(tx, actor, {
        action: 'ELDER_UPDATED',
        entity: 'Elder',
        entityId: elder.id,
        detail: { changes, note } as unknown as Prisma.InputJsonValue,
      });
      if (changes.some((c) => RULE_FIELDS.has(c.field))) await rerunEligibility(tx, actor, elder.id, changes, now);
      return updated;
    });
  } catch (err) {
    // Two corrections to one ID number racing past the look-up: the unique index decides.
    if (isUniqueViolation(err))
      throw badInput(
        'idNumber',
        '这个身份证号已登记在另一位老人名下，请先在老人列表中按身份证号查找，核实是否重复登记。',
      );
    throw err;
  }
}
