// The smallest world the ledger tests need: one district with a community, a programme and a few
// elders, written straight to the database (no seed), so the ledger is tested on its own.
import type { Database } from '../db/database.js';

export async function ledgerWorld(db: Database, elderCount: number) {
  const district = await db.prisma.region.create({
    data: { code: '420116', name: '黄陂区', level: 'DISTRICT', path: '420116' },
  });
  const community = await db.prisma.region.create({
    data: {
      code: '420116001001',
      name: '社区',
      level: 'COMMUNITY',
      path: '420116/420116001001',
      parentId: district.id,
    },
  });
  const policy = await db.prisma.policy.create({
    data: { code: 'T', name: 't', regionId: district.id, document: {}, effectiveFrom: new Date('2026-01-01') },
  });
  const elders = await db.prisma.elder.createManyAndReturn({
    data: Array.from({ length: elderCount }, (_, i) => ({
      name: `老人${i}`,
      gender: 'FEMALE' as const,
      birthDate: new Date('1944-03-08'),
      idNumberEnc: `x${i}`,
      idNumberHash: `h${i}`,
      idNumberMasked: 'm',
      communityId: community.id,
      address: 'a',
    })),
    select: { id: true },
  });
  return { policyId: policy.id, elderIds: elders.map((e) => e.id) };
}
