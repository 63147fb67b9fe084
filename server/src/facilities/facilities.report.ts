// The facilities report (003 一 and 二(一)2; 三(一)): coverage and tier compliance by district, the
// target that every community has a day-care centre (一: 在所有社区建成日间照料中心), grants by
// kind, fund source and month, and the clawback register. Reads only, within the caller's region.
import type { PrismaClient } from '../db/prisma.js';
import { type Actor, authorize } from '../auth/index.js';
import { monthInShanghai } from '../common/calendar.js';
import { distanceMeters } from '../common/geo.js';
import { policyDocument } from '../policies/index.js';
import { subtreeOf } from '../regions/index.js';
import { present } from './facilities.service.js';

export async function facilityReport(prisma: PrismaClient, actor: Actor) {
  const grant = authorize(actor, 'facilityReport');
  const scope = subtreeOf(grant.actor.regionPath!);
  const rows = await prisma.facility.findMany({
    where: { community: scope },
    include: { community: true, rooms: true, policy: true, startupGrant: true },
  });
  const facilities = await Promise.all(rows.map((f) => present(prisma, f)));
  const districts = await prisma.region.findMany({ where: { level: 'DISTRICT', ...scope }, orderBy: { code: 'asc' } });
  const within = await prisma.region.findMany({
    where: { level: 'DISTRICT', path: { in: ancestorsOf(grant.actor.regionPath!) } },
  });
  const operating = facilities.filter((f) => f.status === 'OPERATING');
  const byDistrict = await Promise.all(
    [...districts, ...within.filter((d) => !districts.some((x) => x.id === d.id))].map(async (d) => {
      const mine = facilities.filter((f) => f.community.path.startsWith(`${d.path}/`));
      const communities = await prisma.region.count({
        where: { level: 'COMMUNITY', path: { startsWith: `${d.path}/` } },
      });
      const withCentre = new Set(
        mine.filter((f) => f.kind === 'DAY_CARE_CENTRE' && f.status === 'OPERATING').map((f) => f.communityId),
      ).size;
      const assessed = mine.filter((f) => f.areaTier.status === 'ASSESSED');
      const serviceCircle = await circleOf(prisma, d.path, await circleRule(prisma, d.path), operating);
      return {
        districtCode: d.code,
        name: d.name,
        facilities: mine.length,
        operating: mine.filter((f) => f.status === 'OPERATING').length,
        communities,
        communitiesWithCentre: withCentre,
        assessed: assessed.length,
        compliant: assessed.filter((f) => f.areaTier.compliant).length,
        belowTier: assessed.filter((f) => !f.areaTier.compliant).map((f) => f.name),
        serviceCircle,
      };
    }),
  );
  const posted = await prisma.facilityGrant.findMany({
    where: { facility: { community: scope } },
    include: { facility: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const sums = new Map<
    string,
    { kind: string; fundSource: string; month: string; paidFen: number; clawedBackFen: number }
  >();
  for (const g of posted) {
    const month = monthInShanghai(g.createdAt);
    const key = `${g.kind}|${g.fundSource}|${month}`;
    const row = sums.get(key) ?? { kind: g.kind, fundSource: g.fundSource, month, paidFen: 0, clawedBackFen: 0 };
    if (g.clawback) row.clawedBackFen += g.amountFen;
    else row.paidFen += g.amountFen;
    sums.set(key, row);
  }
  return {
    byDistrict: byDistrict.filter((d) => d.communities > 0),
    grants: [...sums.values()],
    clawbacks: posted
      .filter((g) => g.clawback)
      .map((g) => ({
        facilityId: g.facilityId,
        name: g.facility.name,
        fundSource: g.fundSource,
        amountFen: g.amountFen,
        at: g.createdAt,
      })),
  };
}

/**
 * The 10-minute circle's rule for a district: the programme covering it (its region at or above the
 * district) that sets one (003 二(二)2 努力打造 10 分钟社区服务圈; the distance is the document's).
 */
async function circleRule(prisma: PrismaClient, districtPath: string) {
  const policies = await prisma.policy.findMany({
    where: { region: { path: { in: ancestorsOf(districtPath) } } },
    orderBy: { code: 'asc' },
  });
  return policies.map((p) => policyDocument(p).oversight?.serviceCircle).find((c) => c != null) ?? null;
}

/**
 * The share of the district's living elders with home coordinates who live within the walking distance
 * (straight line, haversine) of any operating facility in the caller's region; elders without
 * coordinates are counted apart, not guessed.
 */
async function circleOf(
  prisma: PrismaClient,
  districtPath: string,
  rule: Awaited<ReturnType<typeof circleRule>>,
  operating: { latitude: number; longitude: number }[],
) {
  if (!rule) return null;
  const elders = await prisma.elder.findMany({
    where: { status: { not: 'DECEASED' }, community: { path: { startsWith: `${districtPath}/` } } },
    select: { latitude: true, longitude: true },
  });
  const located = elders.filter((e) => e.latitude != null && e.longitude != null);
  const within = located.filter((e) =>
    operating.some(
      (f) =>
        distanceMeters({ lat: e.latitude!, lng: e.longitude! }, { lat: f.latitude, lng: f.longitude }) <=
        rule.walkMeters,
    ),
  ).length;
  return {
    minutes: rule.minutes,
    walkMeters: rule.walkMeters,
    eldersLocated: located.length,
    eldersUnlocated: elders.length - located.length,
    eldersWithin: within,
    share: located.length ? within / located.length : null,
    source: rule.source,
    assumed: rule.assumed ?? false,
  };
}

/** The paths above a region's (an officer below district level still sees their district's line). */
const ancestorsOf = (path: string) => path.split('/').map((_, i, all) => all.slice(0, i + 1).join('/'));
