// Demo data for a bare machine: the two programmes' regions, providers and caregivers, an account
// for every role, and a few hundred elders with realistic Chinese data. Runs only on an empty
// database (no users yet), so restarts never seed twice.
import type { AppServices } from '../app/context.js';
import type { Role } from '../common/enums.js';
import { hashPassword } from '../auth/password.js';
import { SandboxWechatSessionClient } from '../auth/wechat.client.js';
import type { PrismaClient } from '../db/prisma.js';
import { monthInShanghai, todayInShanghai } from '../common/calendar.js';
import { policyDocument } from '../policies/policy.store.js';
import { CANTEENS } from './regions.data.js';
import { seedFacilities } from './seed.facilities.js';
import { randomBytes } from 'node:crypto';
import { runMonthlyAllowance } from '../wallet/allowance.service.js';
import { accountKey } from '../wallet/ledger.service.js';
import { generateCaregivers, generateElders, generateProviders } from './seed.data.js';
import { communityRef, elderRow, seedVerdict } from './seed.rows.js';
import { WEIHAI_ROOT, seedWeihai } from './weihai.js';
import { DONGXIHU_ROOT, seedDongxihu } from './seed.dongxihu.js';
import { seedCaregiverProfiles } from './seed.caregivers.js';
import { enrolLuoyangElders, seedLuoyangVouchersAndCentre } from './seed.luoyang.js';

export const DEMO_PASSWORD = 'demo1234';
/** The sandbox wx.login code that logs in as the demo family member on the mini-program. */
export const DEMO_FAMILY_WECHAT_CODE = 'demo-family';
/** H5 phone login for the demo accounts (the SMS sandbox shows the code in demo mode). */
export const DEMO_FAMILY_PHONE = '13800138000';
export const DEMO_ELDER_PHONE = '13800138001';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** Region code for officials and workers; resolved after regions exist. */
  regionCode?: string;
  providerCode?: string;
  note: string;
}

// Scopes follow docs/ARCHITECTURE.md, "Roles and scope". Region codes: seed/regions.data.ts.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'district_admin',
    role: 'DISTRICT_ADMIN',
    displayName: '黄陂区民政局 陈科长',
    regionCode: '420116',
    note: '黄陂区全区',
  },
  {
    username: 'yc_admin',
    role: 'DISTRICT_ADMIN',
    displayName: '阳城县民政局 杨股长',
    regionCode: '140522',
    note: '阳城县全县',
  },
  {
    username: 'street_officer',
    role: 'STREET_OFFICER',
    displayName: '前川街道 周主任',
    regionCode: '420116001',
    note: '黄陂区前川街道',
  },
  {
    username: 'yc_street_officer',
    role: 'STREET_OFFICER',
    displayName: '凤城镇 赵主任',
    regionCode: '140522100',
    note: '阳城县凤城镇',
  },
  {
    username: 'worker',
    role: 'COMMUNITY_WORKER',
    displayName: '社区工作人员 刘敏',
    regionCode: 'FIRST_COMMUNITY:420116001',
    note: '前川街道第一个社区',
  },
  {
    username: 'worker2',
    role: 'COMMUNITY_WORKER',
    displayName: '社区工作人员 王芳',
    regionCode: 'SECOND_COMMUNITY:420116001',
    note: '前川街道第二个社区',
  },
  {
    username: 'yc_worker',
    role: 'COMMUNITY_WORKER',
    displayName: '村干部 李建军',
    regionCode: 'FIRST_COMMUNITY:140522100',
    note: '阳城县凤城镇第一个社区',
  },
  {
    username: 'operator',
    role: 'OPERATOR',
    displayName: '呼叫中心话务员 何静',
    regionCode: '420116',
    note: '黄陂区呼叫中心',
  },
  {
    username: 'provider_admin',
    role: 'PROVIDER_ADMIN',
    displayName: '服务机构管理员 孙涛',
    providerCode: 'FIRST_PROVIDER:HUANGPI_2020',
    note: '黄陂区第一家服务机构',
  },
  {
    username: 'caregiver',
    role: 'CAREGIVER',
    displayName: '护理员',
    providerCode: 'FIRST_PROVIDER:HUANGPI_2020',
    note: '上述机构的第一位护理员',
  },
  { username: 'qa', role: 'QA_AGENCY', displayName: '第三方评估员 郑伟', note: '第三方评估机构' },
  { username: 'family', role: 'FAMILY', displayName: '家属', note: '两位老人的子女（小程序沙箱 code: demo-family）' },
  { username: 'elder', role: 'ELDER', displayName: '老人本人', note: '一位享受服务的老人' },
  { username: 'bot', role: 'BOT', displayName: '社区群机器人', note: '机器人服务账号' },
];

interface SeedOptions {
  elders: number;
  seed?: number;
}

/** Resolves the demo accounts' scopes against what the seed created: first/second community of a street. */
async function scopeRegionId(prisma: PrismaClient, code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const m = /^(FIRST|SECOND)_COMMUNITY:(\d+)$/.exec(code);
  if (!m) return (await prisma.region.findUniqueOrThrow({ where: { code } })).id;
  const communities = await prisma.region.findMany({
    where: { parent: { code: m[2] }, level: 'COMMUNITY' },
    orderBy: { code: 'asc' },
  });
  const pick = communities[m[1] === 'FIRST' ? 0 : 1];
  if (!pick) throw new Error(`seed: street ${m[2]} needs two communities`);
  return pick.id;
}

export async function seedDemo(app: AppServices, opts: SeedOptions): Promise<{ seeded: boolean }> {
  const prisma = app.db.prisma;
  if ((await prisma.user.count()) > 0) return { seeded: false };
  const seed = opts.seed ?? 20260501;
  // The demo follows the app clock: enrolments start this month, allowances are this month's, and
  // a test that sets the clock gets a seed on its own calendar.
  const now = app.clock();
  const today = todayInShanghai(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const policies = await prisma.policy.findMany({
    include: { zones: { include: { regions: { include: { region: true } } } } },
  });

  // Providers: one per zone (Yangcheng's three 片区; Huangpi's single district-wide zone).
  const providerByZone = new Map<string, string>();
  const providerCodes = new Map<string, string[]>();
  const generated = generateProviders();
  for (const policy of policies) {
    const mine = generated.filter((p) => p.policyCode === policy.code);
    for (const [i, zone] of policy.zones.entries()) {
      const spec = mine[i % mine.length];
      const provider = await prisma.provider.upsert({
        where: { code: spec.code },
        create: {
          code: spec.code,
          name: spec.name,
          creditCode: spec.creditCode,
          regionId: policy.regionId,
          contactName: spec.contactName,
          contactPhone: spec.contactPhone,
        },
        update: {},
      });
      await prisma.serviceZone.update({ where: { id: zone.id }, data: { providerId: provider.id } });
      providerByZone.set(zone.id, provider.id);
      providerCodes.set(policy.code, [...(providerCodes.get(policy.code) ?? []), provider.code]);
    }
  }
  const providers = await prisma.provider.findMany({ orderBy: { code: 'asc' } });
  for (const provider of providers) {
    const caregivers = generateCaregivers(provider.code, 4, seed);
    await prisma.caregiver.createMany({
      data: caregivers.map((c) => ({ providerId: provider.id, name: c.name, phone: c.phone, skills: c.skills })),
    });
  }
  // Every demo caregiver holds what both programmes ask of a visit (000 五: 健康状况证明, 劳动从业
  // 资格), valid for three years from the seed's day, so the demo and the tests can assign them.
  const certifiedUntil = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 365 * 86_400_000);
  const demoCaregivers = await prisma.caregiver.findMany({ select: { id: true } });
  await prisma.caregiverCertificate.createMany({
    data: demoCaregivers.flatMap((c) =>
      ['HEALTH', 'SKILL:养老护理'].map((kind) => ({ caregiverId: c.id, kind, expiresOn: certifiedUntil })),
    ),
  });
  // The purchase contract behind each zone (001 六), for the seed's programme year.
  for (const policy of policies) {
    for (const providerId of new Set(policy.zones.map((z) => providerByZone.get(z.id)!))) {
      await prisma.providerContract.create({
        data: {
          providerId,
          policyId: policy.id,
          startsOn: new Date(`${today.slice(0, 4)}-01-01T00:00:00Z`),
          endsOn: new Date(`${today.slice(0, 4)}-12-31T00:00:00Z`),
          quantity: '服务片区内全部服务对象',
          quality: '按服务指南和服务规范提供服务',
          settlementMethod: '按月据实结算',
          liability: '按合同约定承担违约责任',
        },
      });
    }
  }

  // Canteens where canteen meals are served and verified (000 六·流程3), each with its code's secret.
  const streets = await prisma.region.findMany({ where: { code: { in: CANTEENS.map((c) => c.streetCode) } } });
  await prisma.canteen.createMany({
    data: CANTEENS.flatMap((c) =>
      streets
        .filter((s) => s.code === c.streetCode)
        .map((s) => ({
          streetId: s.id,
          name: c.name,
          latitude: c.lat,
          longitude: c.lng,
          qrSecret: randomBytes(16).toString('hex'),
        })),
    ),
  });

  await seedFacilities(prisma, now); // issue 20: canteens as facilities, Luoyang's centres
  const qa = await prisma.qaAgency.create({ data: { name: '湖北众信养老服务质量评估中心' } });

  // Elders across every community of the other programmes; Weihai's and Dongxihu's few are their own seed's.
  const communities = await prisma.region.findMany({
    where: {
      level: 'COMMUNITY',
      NOT: [{ path: { startsWith: WEIHAI_ROOT } }, { path: { startsWith: DONGXIHU_ROOT } }],
    },
    include: { parent: { include: { parent: true } } },
    orderBy: { code: 'asc' },
  });
  const focus = await Promise.all(
    DEMO_ACCOUNTS.filter((a) => a.role === 'COMMUNITY_WORKER').map(
      async (a) =>
        (await prisma.region.findUniqueOrThrow({ where: { id: (await scopeRegionId(prisma, a.regionCode))! } })).code,
    ),
  );
  const elders = generateElders(opts.elders, {
    seed,
    today,
    focus,
    communities: communities.map(communityRef),
  });
  const communityByCode = new Map(communities.map((c) => [c.code, c]));
  const elderRows = elders.map((e) => elderRow(app.vault, e, communityByCode.get(e.communityCode)!.id));
  await prisma.elder.createMany({ data: elderRows });
  const elderIdByHash = new Map(
    (await prisma.elder.findMany({ select: { id: true, idNumberHash: true } })).map((r) => [r.idNumberHash, r.id]),
  );

  // Enrol every elder whom a programme's rules accept; the rest stay in the registry (registered only).
  const enrolments: { elderId: string; policyId: string; category: string; startedOn: Date }[] = [];
  const startedOn = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  for (const e of elders) {
    const district = e.communityCode.slice(0, 6);
    const policy = policies.find((p) => policyDocument(p).region.code === district);
    if (!policy) continue;
    const verdict = seedVerdict(policyDocument(policy), e, today);
    if (verdict.eligible) {
      enrolments.push({
        elderId: elderIdByHash.get(app.vault.hash(e.idNumber))!,
        policyId: policy.id,
        category: verdict.category,
        startedOn,
      });
    }
  }
  await prisma.enrolment.createMany({ data: enrolments });
  await prisma.elder.updateMany({
    where: { id: { in: enrolments.map((e) => e.elderId) } },
    data: { status: 'ENROLLED' },
  });
  // Zero-balance wallets for the enrolled; allowances are credited by the monthly run.
  const accounts = enrolments.flatMap((en) => {
    const doc = policyDocument(policies.find((p) => p.id === en.policyId)!);
    const kinds = [
      ...doc.allowance.buckets.map((b) => ({ kind: b.accountKind, unit: b.unit })),
      { kind: 'SELF_PAID' as const, unit: 'FEN' as const },
    ];
    return kinds.map((k) => ({
      key: accountKey({ elderId: en.elderId }, k.kind),
      kind: k.kind,
      unit: k.unit,
      elderId: en.elderId,
      policyId: en.policyId,
    }));
  });
  await prisma.ledgerAccount.createMany({ data: accounts });

  // Demo accounts for every role.
  const userId = new Map<string, string>();
  const firstProvider = (code: string | undefined) => {
    const m = code && /^FIRST_PROVIDER:(\w+)$/.exec(code);
    return m ? (providers.find((p) => p.code === providerCodes.get(m[1])?.[0])?.id ?? null) : null;
  };
  for (const a of DEMO_ACCOUNTS) {
    const u = await prisma.user.create({
      data: {
        username: a.username,
        passwordHash,
        displayName: a.displayName,
        role: a.role,
        regionId: await scopeRegionId(prisma, a.regionCode),
        providerId: firstProvider(a.providerCode),
        qaAgencyId: a.role === 'QA_AGENCY' ? qa.id : null,
      },
    });
    userId.set(a.username, u.id);
  }
  // The demo caregiver account is the first caregiver of the first Huangpi provider.
  const cgUser = await prisma.user.findUniqueOrThrow({ where: { username: 'caregiver' } });
  const cg = await prisma.caregiver.findFirstOrThrow({
    where: { providerId: cgUser.providerId! },
    orderBy: { id: 'asc' },
  });
  await prisma.caregiver.update({ where: { id: cg.id }, data: { userId: cgUser.id } });
  await prisma.user.update({ where: { id: cgUser.id }, data: { displayName: `护理员 ${cg.name}` } });

  // The demo family member looks after two enrolled elders of the worker's community.
  const workerRegion = await prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
  const cared = await prisma.elder.findMany({
    where: { communityId: workerRegion.regionId!, status: 'ENROLLED' },
    orderBy: { id: 'asc' },
    take: 3,
  });
  if (cared.length < 3)
    throw new Error('seed: the demo community needs at least three enrolled elders; raise SEED_ELDERS');
  const sandbox = new SandboxWechatSessionClient(app.config.secrets.wechatSandboxSecret);
  await prisma.user.update({
    where: { username: 'family' },
    data: {
      wechatOpenId: sandbox.openIdFor(DEMO_FAMILY_WECHAT_CODE),
      phone: DEMO_FAMILY_PHONE,
      displayName: `${cared[0].name.slice(0, 1)}女士（家属）`,
    },
  });
  await prisma.familyLink.createMany({
    data: [
      { elderId: cared[0].id, userId: userId.get('family')!, relation: '女儿' },
      { elderId: cared[1].id, userId: userId.get('family')!, relation: '女儿' },
    ],
  });
  await prisma.user.update({
    where: { username: 'elder' },
    data: { elderId: cared[2].id, displayName: cared[2].name, phone: DEMO_ELDER_PHONE },
  });

  // Other family members as WeChat-only accounts (no password).
  const families = elders.flatMap((e) => e.family.map((f) => ({ elderHash: app.vault.hash(e.idNumber), ...f })));
  for (const f of families) {
    const u = await prisma.user.create({ data: { displayName: f.name, role: 'FAMILY', phone: f.phone } });
    await prisma.familyLink.create({
      data: { elderId: elderIdByHash.get(f.elderHash)!, userId: u.id, relation: f.relation },
    });
  }
  await seedWeihai(app, { today, passwordHash, seed });
  await seedDongxihu(app, { today, passwordHash, seed }); // issue 21: targets at various progress, meals
  await seedCaregiverProfiles(app); // issue 25: every caregiver's 工号 and photo, shown on the family's order
  // This month's allowances, through the same run the scheduler makes on the 1st.
  const month = monthInShanghai(now);
  await enrolLuoyangElders(prisma, now); // issue 20: Luoyang's urban district, hours by self-care level
  const allowance = await runMonthlyAllowance(prisma, { month, currentMonth: month, now });
  await seedLuoyangVouchersAndCentre(prisma, now); // the month's 补贴券 and the centre's prices
  app.logger.info(
    { elders: elders.length, enrolled: enrolments.length, providers: providers.length, credited: allowance.credited },
    'seeded demo data',
  );
  return { seeded: true };
}
