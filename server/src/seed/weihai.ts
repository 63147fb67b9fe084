// Demo data for Weihai (004): accounts for the care-bed workflow, a few elders in three districts, and
// care beds at several stages in 乳山市 (so the tests' districts 环翠区 and 文登区 start empty). Kept
// small: every test server runs it. The accounts are not in DEMO_ACCOUNTS, so the authorization matrix
// is unchanged; they use the same demo password.
import type { AppServices } from '../app/context.js';
import type { Role } from '../common/enums.js';
import { registerCareBedDevice } from '../carebeds/index.js';
import { WEIHAI_BED_CATALOGUE } from '../policies/documents/weihai-2022.beds.js';
import { generateElders } from './seed.data.js';
import { communityRef, elderRow } from './seed.rows.js';

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
const PROFILES: { flags: string[]; selfCareAbility: 'PARTIAL' | 'DISABLED' }[] = [
  { flags: ['EXTREME_POVERTY', 'SCATTERED_SUPPORT'], selfCareAbility: 'DISABLED' },
  { flags: ['LOW_INCOME'], selfCareAbility: 'PARTIAL' },
  { flags: ['LOW_INCOME_MARGINAL'], selfCareAbility: 'DISABLED' },
  { flags: ['ECONOMIC_HARDSHIP'], selfCareAbility: 'PARTIAL' },
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
    communities: communities.map(communityRef),
  });
  const byCode = new Map(communities.map((c) => [c.code, c]));
  await prisma.elder.createMany({
    data: elders.map((e, i) => elderRow(app.vault, e, byCode.get(e.communityCode)!.id, PROFILES[i % PROFILES.length])),
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
  await seedDemoBeds(app, opts.today, builder?.id ?? null, other?.id ?? null);
}

/** Demo beds in 乳山市 at several stages, a demo device, and a visit agreement (004 五(二)). */
async function seedDemoBeds(app: AppServices, today: string, builderId: string | null, visitProviderId: string | null) {
  const prisma = app.db.prisma;
  const elders = await prisma.elder.findMany({
    where: { community: { code: '371083001001' } },
    orderBy: { id: 'asc' },
    take: 5,
  });
  const policy = await prisma.policy.findUnique({ where: { code: 'WEIHAI_2022' } });
  const district = await prisma.region.findUnique({ where: { code: '371083' } });
  const officer = await prisma.user.findUnique({ where: { username: 'wh_rushan_admin' } });
  if (!policy || !district || !officer || !builderId || elders.length < 5) return;
  const at = new Date(`${today}T02:00:00Z`);
  const stages = ['APPLIED', 'DISTRICT_FILED', 'DESIGNED', 'CONSTRUCTION'] as const;
  const pick = (codes: string[]) => WEIHAI_BED_CATALOGUE.filter((l) => codes.includes(l.code));
  const design = pick(['NETWORK', 'EMERGENCY_CALL', 'ACTIVITY_MONITOR', 'GRAB_BARS', 'ANTI_SLIP', 'AID_WALKING']);
  const estimate = (kind: string) => (kind === 'SMART' ? 30_000 : kind === 'AID' ? 20_000 : 50_000);
  for (const [i, status] of stages.entries()) {
    const elder = elders[i]!;
    const lines = status === 'DESIGNED' || status === 'CONSTRUCTION' ? design : [];
    const sum = (k: string) => lines.filter((l) => l.kind === k).reduce((t, l) => t + estimate(l.kind), 0);
    const total = sum('ADAPTATION') + sum('AID') + sum('SMART');
    const bed = await prisma.careBed.create({
      data: {
        elderId: elder.id,
        policyId: policy.id,
        districtRegionId: district.id,
        status,
        address: elder.address,
        livingAreaSqm: 60 + i * 5,
        tenure: 'OWNED',
        housingSafe: true,
        housingAdaptable: true,
        notDueForDemolition: true,
        monthlyIncomeFen: 90_000 + i * 10_000,
        priorityRank: (i % 4) + 1,
        disabilityLevel: status === 'APPLIED' ? null : 'MODERATE',
        assessingAgency: status === 'APPLIED' ? null : '乳山市养老服务评估中心',
        designAgencyId: status === 'APPLIED' || status === 'DISTRICT_FILED' ? null : builderId,
        builderId: status === 'APPLIED' || status === 'DISTRICT_FILED' ? null : builderId,
        adaptationFen: sum('ADAPTATION'),
        aidFen: sum('AID'),
        smartFen: sum('SMART'),
        totalFen: total,
        lotteryFen: total,
        startedOn: status === 'CONSTRUCTION' ? at : null,
        createdAt: at,
        lines: {
          create: lines.map((l) => ({
            itemNo: l.no,
            itemCode: l.code,
            kind: l.kind,
            model: `${l.name}（演示型号）`,
            quantity: 1,
            estimateFen: estimate(l.kind),
          })),
        },
        steps: {
          create: {
            step: '演示数据',
            toStatus: status,
            opinion: '演示数据：直接生成于此环节',
            actorId: officer.id,
            actorRole: officer.role,
            actorName: officer.displayName,
            at,
          },
        },
      },
    });
    // The bed under construction has its smart devices; the simulator's defaults name this one.
    if (status === 'CONSTRUCTION')
      await registerCareBedDevice(
        prisma,
        app.vault,
        { careBedId: bed.id, serial: 'WH-DEMO-0001', secret: 'demo-device-secret-0001' },
        at,
      );
  }
  if (visitProviderId)
    await prisma.visitAgreement.create({
      data: {
        elderId: elders[4]!.id,
        providerId: visitProviderId,
        policyId: policy.id,
        items: ['WH_CLEANING', 'WH_MEAL'],
        method: '上门服务，每周一次',
        priceFen: 5000,
        startsOn: new Date('2022-10-31T16:00:00Z'),
        endsOn: new Date('2024-11-01T00:00:00Z'),
        termMonths: 24,
        status: 'FILED',
        signedById: officer.id,
        streetOpinion: '同意',
        districtOpinion: '同意备案',
        createdAt: at,
      },
    });
}
