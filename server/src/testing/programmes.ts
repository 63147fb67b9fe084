// Money tests need the real programmes and enrolled elders, without the whole demo seed.
import { syncPolicies } from '../catalogue/catalogue.service.js';
import type { Database } from '../db/database.js';
import { allPolicies } from '../policies/documents/index.js';
import { syncRegions } from '../regions/regions.service.js';
import { REGIONS } from '../seed/regions.data.js';

export interface Programmes {
  huangpi: { policyId: string; communityId: string };
  yangcheng: { policyId: string; communityId: string };
}

export async function loadProgrammes(db: Database): Promise<Programmes> {
  await syncRegions(db.prisma, REGIONS);
  await syncPolicies(db.prisma, allPolicies);
  const pick = async (policyCode: string, districtCode: string) => {
    const policy = await db.prisma.policy.findUniqueOrThrow({ where: { code: policyCode } });
    const community = await db.prisma.region.findFirstOrThrow({
      where: { level: 'COMMUNITY', path: { startsWith: `${districtCode}/` } },
      orderBy: { code: 'asc' },
    });
    return { policyId: policy.id, communityId: community.id };
  };
  return { huangpi: await pick('HUANGPI_2020', '420116'), yangcheng: await pick('YANGCHENG_2026', '140522') };
}

let serial = 0;

/** Creates `n` elders in the community with ACTIVE enrolments started on `startedOn`. */
export async function enrolElders(
  db: Database,
  at: { policyId: string; communityId: string },
  n: number,
  startedOn = '2026-01-15',
): Promise<{ elderId: string; enrolmentId: string }[]> {
  const base = serial;
  serial += n;
  const elders = Array.from({ length: n }, (_, i) => ({
    name: `测试老人${base + i}`,
    gender: 'FEMALE' as const,
    birthDate: new Date('1940-05-01'),
    idNumberEnc: `enc-${base + i}-${Math.random()}`,
    idNumberHash: `hash-${base + i}-${Math.random()}`,
    idNumberMasked: '420116********0000',
    communityId: at.communityId,
    address: '测试地址',
  }));
  const created = await db.prisma.elder.createManyAndReturn({ data: elders, select: { id: true } });
  const enrolments = await db.prisma.enrolment.createManyAndReturn({
    data: created.map((e) => ({
      elderId: e.id,
      policyId: at.policyId,
      category: 'TEST',
      startedOn: new Date(`${startedOn}T00:00:00Z`),
    })),
    select: { id: true, elderId: true },
  });
  return enrolments.map((e) => ({ elderId: e.elderId, enrolmentId: e.id }));
}
