// Demo facilities (issue 20): every Huangpi canteen as an operating facility (000 八), and
// Luoyang's day-care centres and stations in several states (003 二(一)), one of them below its
// area tier. No grant is paid in the seed: grants are an official's act, and the demo shows them
// being made.
import type { PrismaClient } from '../db/prisma.js';

type Status = 'PLANNED' | 'BUILDING' | 'ACCEPTED' | 'OPERATING' | 'SUSPENDED' | 'CLOSED';
const PATH: Status[] = ['PLANNED', 'BUILDING', 'ACCEPTED', 'OPERATING'];
const DAY = 86_400_000;

/** The status history that leads to `status`, one step a week, ending 30 days before `now`. */
function historyTo(status: Status, now: Date) {
  const steps = status === 'SUSPENDED' ? [...PATH, 'SUSPENDED' as const] : PATH.slice(0, PATH.indexOf(status) + 1);
  const start = now.getTime() - 30 * DAY - (steps.length - 1) * 7 * DAY;
  return steps.map((to, i) => ({
    from: i ? steps[i - 1]! : null,
    to,
    at: new Date(start + i * 7 * DAY),
    reason: to === 'SUSPENDED' ? '演示：整改暂停' : null,
  }));
}

export async function seedFacilities(prisma: PrismaClient, now: Date) {
  const policy = async (code: string) => prisma.policy.findUnique({ where: { code } });
  const huangpi = await policy('HUANGPI_2020');
  const luoyang = await policy('LUOYANG_2013');
  const create = async (
    data: Omit<Parameters<PrismaClient['facility']['create']>[0]['data'], 'status' | 'statusChanges'>,
    status: Status,
  ) => {
    const history = historyTo(status, now);
    const since = history.find((h) => h.to === 'OPERATING')?.at ?? null;
    return prisma.facility.create({
      data: { ...data, status, operatingSince: since, statusChanges: { create: history } } as never,
    });
  };

  if (huangpi) {
    const canteens = await prisma.canteen.findMany({ include: { street: { include: { children: true } } } });
    for (const c of canteens) {
      const community = c.street.children.sort((a, b) => a.code.localeCompare(b.code))[0];
      if (!community) continue;
      await create(
        {
          policyId: huangpi.id,
          kind: c.name.endsWith('幸福食堂') ? 'CANTEEN' : 'MEAL_POINT',
          name: c.name,
          communityId: community.id,
          address: `${c.street.name}${community.name}`,
          latitude: c.latitude,
          longitude: c.longitude,
          floorAreaM2: 150,
          contractedAreaM2: 150,
          premisesSource: 'ALLOCATED',
          operatingMode: 'HOME_CARE_COMPANY',
          funder: `${c.street.name}办事处`,
          canteenId: c.id,
        },
        'OPERATING',
      );
    }
  }

  if (luoyang) {
    const community = (code: string) => prisma.region.findUniqueOrThrow({ where: { code } });
    const [minzhu, tiekuo, xincheng] = await Promise.all(
      ['410302001001', '410302001002', '410323100001'].map(community),
    );
    const base = {
      policyId: luoyang.id,
      premisesSource: 'ALLOCATED' as const,
      operatingMode: 'COMMUNITY_RUN' as const,
    };
    const centre = await create(
      {
        ...base,
        kind: 'DAY_CARE_CENTRE',
        name: '民主街社区老年人日间照料中心',
        communityId: minzhu!.id,
        address: '老城区西关街道民主街社区',
        latitude: 34.6838,
        longitude: 112.4615,
        floorAreaM2: 320,
        contractedAreaM2: 300,
        funder: '老城区民政局',
        elderCount: 760,
        elderCountOn: new Date('2025-12-31T00:00:00Z'),
      },
      'OPERATING',
    );
    await create(
      {
        ...base,
        kind: 'SERVICE_STATION',
        name: '民主街社区东片老年人服务站点',
        communityId: minzhu!.id,
        address: '老城区西关街道民主街社区东片',
        latitude: 34.6842,
        longitude: 112.4651,
        floorAreaM2: 210,
        contractedAreaM2: 200,
        funder: '老城区民政局',
        parentId: centre.id,
      },
      'BUILDING',
    );
    // 480 elders and 199 m²: one square metre below the first tier (003 二(一)2), flagged.
    await create(
      {
        ...base,
        kind: 'SERVICE_STATION',
        name: '贴廓巷社区老年人服务站点',
        communityId: tiekuo!.id,
        address: '老城区西关街道贴廓巷社区',
        latitude: 34.6853,
        longitude: 112.4671,
        floorAreaM2: 199,
        contractedAreaM2: 180,
        premisesSource: 'LEASED',
        funder: '贴廓巷社区居委会',
        elderCount: 480,
        elderCountOn: new Date('2025-12-31T00:00:00Z'),
      },
      'PLANNED',
    );
    await create(
      {
        ...base,
        kind: 'DAY_CARE_CENTRE',
        name: '新安县城关镇新城社区日间照料中心',
        communityId: xincheng!.id,
        address: '新安县城关镇新城社区',
        latitude: 34.7284,
        longitude: 112.1327,
        floorAreaM2: 420,
        contractedAreaM2: 400,
        operatingMode: 'CARE_INSTITUTION',
        funder: '新安县民政局',
      },
      'SUSPENDED',
    );
  }
}
