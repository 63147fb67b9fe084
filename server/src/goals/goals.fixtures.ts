// Shared setup of the Dongxihu tests (002): the district's and a community's accounts, another district's
// admin, the programme's facilities walked to acceptance, and elders registered in a community.
import { randomUUID } from 'node:crypto';
import { CREATE, STATUS, facilityInput } from '../facilities/facilities.fixtures.js';
import type { TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';

export const DX = 'DONGXIHU_2024';
/** 吴家山街道 and its first demo community; 金银湖街道's first (002 二(二)4 names both streets). */
export const WUJIASHAN = '420112001';
export const WJS_COMMUNITY = '420112001001';
export const JYH_COMMUNITY = '420112010001';

export async function dongxihuAccounts(s: TestServer) {
  const region = async (c: string) => (await s.db.prisma.region.findUniqueOrThrow({ where: { code: c } })).id;
  const n = randomUUID().slice(0, 6);
  return {
    district: await addUser(s, `dx_district_${n}`, {
      role: 'DISTRICT_ADMIN',
      displayName: '东西湖区民政局',
      regionId: await region('420112'),
    }),
    worker: await addUser(s, `dx_worker_${n}`, {
      role: 'COMMUNITY_WORKER',
      displayName: '田园社区',
      regionId: await region(WJS_COMMUNITY),
    }),
    /** Huangpi's demo district admin: another district of the same city. */
    other: await s.login('district_admin'),
  };
}

/** A Dongxihu facility of `kind` in `communityCode`, moved up to `to` (ACCEPTED by default). */
export async function dongxihuFacility(
  s: TestServer,
  token: string,
  kind: string,
  communityCode: string,
  to: 'BUILDING' | 'ACCEPTED' | 'OPERATING' = 'ACCEPTED',
  over: Record<string, unknown> = {},
) {
  const input = facilityInput({
    policyCode: DX,
    kind,
    name: `${kind}-${randomUUID().slice(0, 6)}`,
    communityCode,
    address: '东西湖区测试路 1 号',
    latitude: 30.6262,
    longitude: 114.1401,
    funder: '东西湖区民政局',
    operatingMode: null,
    ...over,
  });
  const made = await s.gql(CREATE, { i: input }, token);
  if (made.errors) throw new Error(JSON.stringify(made.errors));
  const id = made.data!.createFacility.id as string;
  for (const step of ['BUILDING', 'ACCEPTED', 'OPERATING'].slice(
    0,
    ['BUILDING', 'ACCEPTED', 'OPERATING'].indexOf(to) + 1,
  ))
    await moveFacility(s, token, id, step);
  return id;
}

export async function moveFacility(s: TestServer, token: string, id: string, to: string) {
  const r = await s.gql(STATUS, { f: id, to }, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}

/** An elder registered in `communityCode`, born on `birthDate`. */
export async function registeredElder(s: TestServer, communityCode: string, birthDate: string, name = '测试老人') {
  const community = await s.db.prisma.region.findUniqueOrThrow({ where: { code: communityCode } });
  const e = await s.db.prisma.elder.create({
    data: {
      name,
      gender: 'FEMALE',
      birthDate: new Date(`${birthDate}T00:00:00Z`),
      idNumberEnc: 'test',
      idNumberHash: randomUUID(),
      idNumberMasked: '420112**********0000',
      communityId: community.id,
      address: `${community.name} 1 号`,
    },
  });
  return e.id;
}
