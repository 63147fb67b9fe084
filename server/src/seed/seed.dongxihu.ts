// Demo data for Dongxihu (002, issue 21): two accounts, a few elders in each demo community, and the
// records its targets count at various progress — street hubs and a complex at several stages, service
// stations (one graded), an operating canteen with a camera, a food-safety score and this week's meals, a
// meal point, 养老顾问 in two communities, health management for some elders of 65 and over, and a
// smart-technology session with attendees. Kept small (every test server runs it) and away from the
// communities the tests start from empty (田园社区 420112001001 and 金银湖社区 420112010001). The accounts
// are not in DEMO_ACCOUNTS, so the authorization matrix is unchanged; they use the demo password.
import type { AppServices } from '../app/context.js';
import { ageOn, todayInShanghai } from '../common/calendar.js';
import { generateElders } from './seed.data.js';
import { communityRef, elderRow } from './seed.rows.js';

/** The programme's region root, as a code path prefix. */
export const DONGXIHU_ROOT = '420112/';
const DAY = 86_400_000;
type Status = 'PLANNED' | 'BUILDING' | 'ACCEPTED' | 'OPERATING';
const PATH: Status[] = ['PLANNED', 'BUILDING', 'ACCEPTED', 'OPERATING'];

export async function seedDongxihu(app: AppServices, opts: { today: string; passwordHash: string; seed: number }) {
  const prisma = app.db.prisma;
  const policy = await prisma.policy.findUnique({ where: { code: 'DONGXIHU_2024' } });
  const communities = await prisma.region.findMany({
    where: { level: 'COMMUNITY', path: { startsWith: DONGXIHU_ROOT } },
    include: { parent: true },
    orderBy: { code: 'asc' },
  });
  if (!policy || !communities.length) return;
  const now = app.clock();
  const byCode = new Map(communities.map((c) => [c.code, c]));
  const region = async (code: string) => (await prisma.region.findUniqueOrThrow({ where: { code } })).id;
  const admin = await prisma.user.create({
    data: {
      username: 'dx_admin',
      passwordHash: opts.passwordHash,
      displayName: '东西湖区民政局 胡科长',
      role: 'DISTRICT_ADMIN',
      regionId: await region('420112'),
    },
  });
  await prisma.user.create({
    data: {
      username: 'dx_worker',
      passwordHash: opts.passwordHash,
      displayName: '石桥社区 万社工',
      role: 'COMMUNITY_WORKER',
      regionId: await region('420112002001'),
    },
  });
  const generated = generateElders(5 * communities.length, {
    seed: opts.seed + 420112,
    today: opts.today,
    communities: communities.map(communityRef),
  });
  await prisma.elder.createMany({
    data: generated.map((e) => elderRow(app.vault, e, byCode.get(e.communityCode)!.id)),
  });
  const elders = await prisma.elder.findMany({
    where: { community: { path: { startsWith: DONGXIHU_ROOT } } },
    orderBy: { id: 'asc' },
  });

  // Facilities at several stages (002 二(二)4–5, 7); each step of its history a week apart, ending 30 days ago.
  const facility = async (kind: string, communityCode: string, name: string, status: Status, kitchenCamera = false) => {
    const c = byCode.get(communityCode)!;
    const steps = PATH.slice(0, PATH.indexOf(status) + 1);
    const start = now.getTime() - 30 * DAY - (steps.length - 1) * 7 * DAY;
    const history = steps.map((to, i) => ({ from: i ? steps[i - 1]! : null, to, at: new Date(start + i * 7 * DAY) }));
    return prisma.facility.create({
      data: {
        policyId: policy.id,
        kind: kind as never,
        name,
        communityId: c.id,
        address: `${c.parent!.name}${c.name}`,
        latitude: 30.64,
        longitude: 114.16,
        floorAreaM2: kind === 'STREET_HUB' || kind === 'COMPLEX' ? 1200 : 300,
        contractedAreaM2: kind === 'STREET_HUB' || kind === 'COMPLEX' ? 1000 : 240,
        premisesSource: 'ALLOCATED',
        funder: '东西湖区民政局',
        status,
        operatingSince: history.find((h) => h.to === 'OPERATING')?.at ?? null,
        kitchenCamera,
        statusChanges: { create: history },
      },
    });
  };
  await facility('STREET_HUB', '420112002001', '将军路街道养老服务综合体', 'OPERATING');
  await facility('COMPLEX', '420112001002', '吴家山街道综合养老服务中心', 'ACCEPTED');
  await facility('STREET_HUB', '420112010002', '金银湖街道枢纽型养老服务中心', 'BUILDING');
  const station = await facility('SERVICE_STATION', '420112002002', '金桥社区养老服务站', 'OPERATING');
  await facility('SERVICE_STATION', '420112005001', '径河社区养老服务站', 'ACCEPTED');
  await facility('SERVICE_STATION', '420112012001', '常青花园第一社区养老服务站', 'PLANNED');
  const canteen = await facility('CANTEEN', '420112010002', '银湖社区幸福食堂', 'OPERATING', true);
  await facility('MEAL_POINT', '420112002001', '石桥社区老年助餐点', 'OPERATING');
  const day = (ms: number) => new Date(`${todayInShanghai(new Date(ms))}T00:00:00Z`);
  await prisma.facilityInspection.create({
    data: { facilityId: station.id, inspectedOn: day(now.getTime() - 10 * DAY), grade: '三星', inspectorId: admin.id },
  });
  await prisma.foodSafetyInspection.create({
    data: {
      facilityId: canteen.id,
      inspectedOn: day(now.getTime() - 5 * DAY),
      score: 92,
      inspectorId: admin.id,
      createdAt: now,
    },
  });
  // This week's lunches at the canteen for the elders of its community (verified at the canteen).
  const diners = elders.filter((e) => e.communityId === byCode.get('420112010002')!.id);
  await prisma.mealRecord.createMany({
    data: [1, 2, 3].flatMap((back) =>
      diners.map((e, i) => ({
        policyId: policy.id,
        elderId: e.id,
        facilityId: canteen.id,
        itemCode: 'DX_MEAL_CANTEEN',
        servedOn: day(now.getTime() - back * DAY),
        meal: 'LUNCH' as const,
        verifiedAt: 'FACILITY' as const,
        latitude: canteen.latitude,
        longitude: canteen.longitude,
        satisfaction: 3 + (i % 3),
        recordedById: admin.id,
        createdAt: now,
      })),
    ),
  });
  // 养老顾问 in two communities (二(二)5); health management for half the elders of 65 and over (二(四)11).
  await prisma.careAdvisor.createMany({
    data: ['420112002001', '420112010002'].map((code, i) => ({
      policyId: policy.id,
      communityId: byCode.get(code)!.id,
      name: ['彭顾问', '汪顾问'][i]!,
      since: day(now.getTime() - 60 * DAY),
      createdById: admin.id,
      createdAt: now,
    })),
  });
  const old = elders.filter((e) => ageOn(e.birthDate.toISOString().slice(0, 10), opts.today) >= 65);
  await prisma.healthManagement.createMany({
    data: old
      .filter((_, i) => i % 2 === 0)
      .map((e) => ({
        elderId: e.id,
        institution: '东西湖区社区卫生服务中心',
        since: day(now.getTime() - 90 * DAY),
        createdById: admin.id,
        createdAt: now,
      })),
  });
  // A smart-technology session (二(五)15) in 石桥社区, attended by the elders of 将军路街道.
  const session = await prisma.trainingSession.create({
    data: {
      policyId: policy.id,
      kind: 'SMART_TECH',
      title: '智能手机与健康码使用',
      communityId: byCode.get('420112002001')!.id,
      heldOn: day(now.getTime() - 14 * DAY),
      minutes: 90,
      createdById: admin.id,
      createdAt: now,
    },
  });
  const street = byCode.get('420112002001')!.parentId;
  await prisma.trainingAttendance.createMany({
    data: elders
      .filter((e) => communities.find((c) => c.id === e.communityId)?.parentId === street)
      .map((e) => ({ sessionId: session.id, elderId: e.id, createdAt: now })),
  });
}
