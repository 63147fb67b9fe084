// Demo data for Weihai (004): accounts for the care-bed workflow, a few elders in three districts, and
// care beds at several stages in 乳山市 (so the tests' districts 环翠区 and 文登区 start empty). Kept
// small: every test server runs it. The accounts are not in DEMO_ACCOUNTS, so the authorization matrix
// is unchanged; they use the same demo password.
import type { AppServices } from '../app/context.js';
import type { Role } from '../common/enums.js';
import { maskIdNumber } from '../elders/id-number.js';
import { generateElders } from './seed.data.js';
import { REGIONS } from './regions.data.js';

/** The programme's region root, as a code path prefix. */
export const WEIHAI_ROOT = '371000/';

export const WEIHAI_ACCOUNTS: { username: string; role: Role; displayName: string; regionCode?: string }[] = [
  { username: 'wh_admin', role: 'DISTRICT_ADMIN', displayName: '环翠区民政局 刘科长', regionCode: '371002' },
  { username: 'wh_wendeng_admin', role: 'DISTRICT_ADMIN', displayName: '文登区民政局 宋科长', regionCode: '371003' },
  { username: 'wh_rushan_admin', role: 'DISTRICT_ADMIN', displayName: '乳山市民政局 姜科长', regionCode: '371083' },
  { username: 'wh_street', role: 'STREET_OFFICER', displayName: '鲸园街道 孙主任', regionCode: '371002001' },
  { username: 'wh_wendeng_street', role: 'STREET_OFFICER', displayName: '龙山街道 王主任', regionCode: '371003001' },
  { username: 'wh_worker', role: 'COMMUNITY_WORKER', displayName: '鲸园社区 毕社工', regionCode: '371002001001' },
  { username: 'wh_builder', role: 'PROVIDER_ADMIN', displayName: '颐和居家养老 于经理' },
  { username: 'wh_provider2', role: 'PROVIDER_ADMIN', displayName: '福寿康养老 丛经理' },
  { username: 'wh_acceptance', role: 'QA_AGENCY', displayName: '威海市家庭养老床位验收中心 林工' },
  { username: 'wh_related_qa', role: 'QA_AGENCY', displayName: '颐和工程咨询 于工' },
];

// 004 二: hardship and disability; rotated so every priority rank appears.
const PROFILES: { flags: string[]; selfCare: 'PARTIAL' | 'DISABLED' }[] = [
  { flags: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT'], selfCare: 'DISABLED' },
  { flags: ['LOW_INCOME'], selfCare: 'PARTIAL' },
  { flags: ['LOW_INCOME_MARGINAL'], selfCare: 'DISABLED' },
  { flags: ['ECONOMIC_HARDSHIP'], selfCare: 'PARTIAL' },
];

export async function seedWeihai(app: AppServices, opts: { today: string; passwordHash: string; seed: number }) {
  const prisma = app.db.prisma;
  const communities = await prisma.region.findMany({
    where: { level: 'COMMUNITY', path: { startsWith: WEIHAI_ROOT } },
    include: { parent: true },
    orderBy: { code: 'asc' },
  });
  if (!communities.length) return;
  const elders = generateElders(8 * communities.length, {
    seed: opts.seed + 371,
    today: opts.today,
    communities: communities.map((c) => ({
      code: c.code,
      name: c.name,
      streetName: c.parent?.name ?? '',
      districtCode: c.code.slice(0, 6),
      lat: REGIONS.find((r) => r.code === c.code)?.lat ?? 0,
      lng: REGIONS.find((r) => r.code === c.code)?.lng ?? 0,
    })),
  });
  const byCode = new Map(communities.map((c) => [c.code, c]));
  await prisma.elder.createMany({
    data: elders.map((e, i) => ({
      name: e.name,
      gender: e.gender,
      birthDate: new Date(`${e.birthDate}T00:00:00Z`),
      ethnicity: '汉族',
      idNumberEnc: app.vault.encrypt(e.idNumber),
      idNumberHash: app.vault.hash(e.idNumber),
      idNumberMasked: maskIdNumber(e.idNumber),
      phone: e.phone,
      communityId: byCode.get(e.communityCode)!.id,
      hukouRegionId: byCode.get(e.communityCode)!.id,
      address: e.address,
      latitude: e.latitude,
      longitude: e.longitude,
      livingSituation: e.livingSituation,
      incomeSource: e.incomeSource,
      selfCareAbility: PROFILES[i % PROFILES.length].selfCare,
      flags: PROFILES[i % PROFILES.length].flags,
      qrSecret: app.vault.hash(`qr:${e.idNumber}`).slice(0, 32),
    })),
  });
  const providers = await prisma.provider.findMany({ where: { code: { in: ['WH-P01', 'WH-P02'] } } });
  const builder = providers.find((p) => p.code === 'WH-P01');
  const other = providers.find((p) => p.code === 'WH-P02');
  const acceptance = await prisma.qaAgency.create({ data: { name: '威海市家庭养老床位验收中心' } });
  const related = await prisma.qaAgency.create({ data: { name: '威海颐和工程咨询有限公司' } });
  // 附件7 二: an acceptance agency related to the builder may not accept its beds.
  if (builder)
    await prisma.qaAgencyAffiliation.create({
      data: { qaAgencyId: related.id, providerId: builder.id, relation: '同一控股股东' },
    });
  const regions = await prisma.region.findMany({
    where: { code: { in: WEIHAI_ACCOUNTS.flatMap((a) => (a.regionCode ? [a.regionCode] : [])) } },
  });
  for (const a of WEIHAI_ACCOUNTS) {
    const providerId =
      a.username === 'wh_builder' ? builder?.id : a.username === 'wh_provider2' ? other?.id : undefined;
    const qaAgencyId =
      a.username === 'wh_acceptance' ? acceptance.id : a.username === 'wh_related_qa' ? related.id : undefined;
    await prisma.user.create({
      data: {
        username: a.username,
        passwordHash: opts.passwordHash,
        displayName: a.displayName,
        role: a.role,
        regionId: regions.find((r) => r.code === a.regionCode)?.id ?? null,
        providerId: providerId ?? null,
        qaAgencyId: qaAgencyId ?? null,
      },
    });
  }
}
