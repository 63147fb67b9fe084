import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../testing/harness.js';
import { makeIdNumber } from '../testing/ids.js';

let t: TestServer;
const tokens: Record<string, string> = {};
const ROLES = [
  'district_admin',
  'yc_admin',
  'street_officer',
  'worker',
  'worker2',
  'yc_worker',
  'operator',
  'provider_admin',
  'caregiver',
  'qa',
  'family',
  'elder',
  'bot',
];

beforeAll(async () => {
  t = await startTestServer();
  for (const u of ROLES) tokens[u] = await t.login(u);
});
afterAll(async () => t?.close());

const ELDERS = `query($f: ElderFilter, $n: Int, $a: String) { elders(filter: $f, first: $n, after: $a) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name age idNumberMasked phone status community { code name }
    enrolment { policy { code } category status startedOn }
    wallet { accounts { kind unit balance held } } family { name relation } } } } }`;
const ELDER = `query($id: ID!) { elder(id: $id) { id name community { code } } }`;
const REGISTER = `mutation($i: RegisterElderInput!) { registerElder(input: $i) { id name gender age birthDate
  idNumberMasked phone community { code } flags status } }`;

const regionOf = async (user: string) =>
  (await t.gql('{ me { region { code } } }', {}, tokens[user])).data!.me.region.code as string;
// Provider staff and caregivers serve visits: they list elders without the wallet and family.
const SERVING = ELDERS.replace('\n    wallet { accounts { kind unit balance held } } family { name relation }', '');
const allCommunities = async (user: string) => {
  const ids: { id: string; community: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResult = await t.gql(
      user === 'provider_admin' || user === 'caregiver' ? SERVING : ELDERS,
      { n: 100, a: after },
      tokens[user],
    );
    expect(r.errors).toBeUndefined();
    for (const e of r.data!.elders.edges) ids.push({ id: e.node.id, community: e.node.community.code });
    if (!r.data!.elders.pageInfo.hasNextPage) return ids;
    after = r.data!.elders.pageInfo.endCursor;
  }
};

const makeId = makeIdNumber;

describe('scope: each role sees only what its role and region allow', () => {
  it('district admins see their own district and never the other programme', async () => {
    const hp = await allCommunities('district_admin');
    const yc = await allCommunities('yc_admin');
    expect(hp.length).toBeGreaterThan(0);
    expect(yc.length).toBeGreaterThan(0);
    expect(hp.every((e) => e.community.startsWith('420116'))).toBe(true);
    expect(yc.every((e) => e.community.startsWith('140522'))).toBe(true);
    // Every elder of the two districts is seen by its own admin (the seed also holds other programmes' elders).
    const total = await t.db.prisma.elder.count({
      where: {
        OR: [{ community: { code: { startsWith: '420116' } } }, { community: { code: { startsWith: '140522' } } }],
      },
    });
    expect(hp.length + yc.length).toBe(total);
  });

  it('a street officer sees only the street, a community worker only the community', async () => {
    const street = await regionOf('street_officer');
    const streetElders = await allCommunities('street_officer');
    expect(streetElders.length).toBeGreaterThan(0);
    expect(streetElders.every((e) => e.community.startsWith(street))).toBe(true);
    const community = await regionOf('worker');
    const mine = await allCommunities('worker');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.community === community)).toBe(true);
  });

  it("a community worker cannot read another community's elder, by id or by filter", async () => {
    const other = await allCommunities('worker2');
    expect(other.length).toBeGreaterThan(0);
    const r = await t.gql(ELDER, { id: other[0].id }, tokens.worker);
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(r.data?.elder ?? null).toBeNull();
    const f = await t.gql(ELDERS, { f: { communityCode: await regionOf('worker2') } }, tokens.worker);
    expect(f.errors![0].extensions!.code).toBe('FORBIDDEN');
    const own = await t.gql(ELDER, { id: (await allCommunities('worker'))[0].id }, tokens.worker);
    expect(own.data!.elder.id).toBeTruthy();
  });

  it("a family member sees their own elders only and cannot read another family's elder", async () => {
    const mine = await allCommunities('family');
    expect(mine.length).toBe(2);
    const someoneElse = (await allCommunities('district_admin')).find((e) => !mine.some((m) => m.id === e.id))!;
    const r = await t.gql(ELDER, { id: someoneElse.id }, tokens.family);
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    const ok = await t.gql(ELDER, { id: mine[0].id }, tokens.family);
    expect(ok.data!.elder.id).toBe(mine[0].id);
  });

  it('an elder sees only themself', async () => {
    const self = await allCommunities('elder');
    expect(self.length).toBe(1);
  });

  it('a provider and a caregiver see only elders with their orders', async () => {
    expect((await allCommunities('provider_admin')).length).toBe(0);
    expect((await allCommunities('caregiver')).length).toBe(0);
    // Give the provider one order for one elder; exactly that elder becomes visible.
    const me = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'provider_admin' } });
    const caregiverUser = await t.db.prisma.user.findUniqueOrThrow({
      where: { username: 'caregiver' },
      include: { caregiver: true },
    });
    const elder = await t.db.prisma.elder.findFirstOrThrow({
      where: { community: { code: { startsWith: '420116' } } },
    });
    const item = await t.db.prisma.serviceItem.findFirstOrThrow({
      where: { policy: { code: 'HUANGPI_2020' }, priceFen: { not: null } },
    });
    await t.db.prisma.order.create({
      data: {
        elderId: elder.id,
        serviceItemId: item.id,
        providerId: me.providerId,
        caregiverId: caregiverUser.caregiver!.id,
        quantity: 1,
        scheduledAt: t.app.services.clock(),
        channel: 'WORKER',
        placedById: me.id,
        amountFen: item.priceFen!,
        idempotencyKey: 'scope-test-order',
        requestHash: 'x',
      },
    });
    expect((await allCommunities('provider_admin')).map((e) => e.id)).toEqual([elder.id]);
    expect((await allCommunities('caregiver')).map((e) => e.id)).toEqual([elder.id]);
    const other = await t.db.prisma.elder.findFirstOrThrow({ where: { id: { not: elder.id } } });
    expect((await t.gql(ELDER, { id: other.id }, tokens.provider_admin)).errors![0].extensions!.code).toBe('FORBIDDEN');
    // They see the elder to serve the visit (name, phone, address), never the wallet's statement or the family.
    for (const user of ['provider_admin', 'caregiver']) {
      const visit = await t.gql(`query($id: ID!) { elder(id: $id) { phone address } }`, { id: elder.id }, tokens[user]);
      expect(visit.errors).toBeUndefined();
      for (const field of [
        'wallet { accounts { balance } transactions { totalCount edges { node { memo amount } } } }',
        'family { name relation }',
      ]) {
        const r = await t.gql(`query($id: ID!) { elder(id: $id) { id ${field} } }`, { id: elder.id }, tokens[user]);
        expect(
          r.errors?.map((e) => e.extensions?.code),
          `${user} reads elder.${field.split(' ')[0]}`,
        ).toEqual(['FORBIDDEN']);
        expect(r.data?.elder ?? null).toBeNull();
      }
    }
  });

  it('roles with no elder scope (QA agency, bot account) are refused, and anonymous callers must log in', async () => {
    expect((await t.gql(ELDERS, {}, tokens.qa)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(ELDERS, {}, tokens.bot)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const anon = await t.gql(ELDERS, {});
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(anon.errors![0].message).toMatch(/登录/);
  });

  it('the service guide and policies are public programme information', async () => {
    const r = await t.gql('{ policies { code region { code } } serviceGuide(policyCode: "YANGCHENG_2026") { code } }');
    const loaded = (await t.db.prisma.policy.findMany({ select: { code: true } })).map((p) => p.code).sort();
    expect(loaded).toEqual(expect.arrayContaining(['HUANGPI_2020', 'YANGCHENG_2026', 'WEIHAI_2022', 'LUOYANG_2013']));
    expect(r.data!.policies.map((p: { code: string }) => p.code).sort()).toEqual(loaded);
    expect(r.data!.serviceGuide.length).toBeGreaterThan(0);
    const missing = await t.gql('{ serviceGuide(policyCode: "NOPE") { code } }');
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('pages are connections with first ≤ 100', async () => {
    const r = await t.gql(ELDERS, { n: 101 }, tokens.district_admin);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const p1 = await t.gql(ELDERS, { n: 5 }, tokens.district_admin);
    const p2 = await t.gql(ELDERS, { n: 5, a: p1.data!.elders.pageInfo.endCursor }, tokens.district_admin);
    const ids1 = p1.data!.elders.edges.map((e: { node: { id: string } }) => e.node.id);
    const ids2 = p2.data!.elders.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids1).toHaveLength(5);
    expect(ids2.some((id: string) => ids1.includes(id))).toBe(false);
    expect((await t.gql(ELDERS, { a: 'garbage' }, tokens.district_admin)).errors![0].extensions!.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('registerElder', () => {
  const base = async () => ({
    name: '张桂兰',
    birthDate: '1944-03-08',
    phone: '13871234567',
    communityCode: await regionOf('worker'),
    address: '前川街道幸福路 12 号 3 栋 201 室',
    selfCareAbility: 'PARTIAL',
    livingSituation: 'ALONE',
    flags: ['LOW_INCOME'],
  });
  const counts = async () => ({
    elders: await t.db.prisma.elder.count(),
    audit: await t.db.prisma.auditLog.count({ where: { action: 'ELDER_REGISTERED' } }),
  });

  it("registers an elder in the worker's community, with a masked ID, age and gender from the ID", async () => {
    const idNumber = makeId('1944-03-08', 'FEMALE');
    const r = await t.gql(REGISTER, { i: { ...(await base()), idNumber } }, tokens.worker);
    expect(r.errors).toBeUndefined();
    const e = r.data!.registerElder;
    expect(e.gender).toBe('FEMALE');
    expect(e.age).toBeGreaterThanOrEqual(82);
    expect(e.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(JSON.stringify(r)).not.toContain(idNumber);
    const row = await t.db.prisma.elder.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.idNumberEnc).not.toContain(idNumber.slice(6, 14));
    expect(await t.db.prisma.auditLog.count({ where: { action: 'ELDER_REGISTERED', entityId: e.id } })).toBe(1);
  });

  const rejects = (
    title: string,
    code: string,
    field: string | null,
    mutate: (i: Record<string, unknown>) => Promise<void> | void,
    user = 'worker',
  ) =>
    it(title, async () => {
      const input: Record<string, unknown> = { ...(await base()), idNumber: makeId('1944-03-08', 'FEMALE') };
      await mutate(input);
      const before = await counts();
      const r = await t.gql(REGISTER, { i: input }, tokens[user]);
      expect(r.errors?.[0]?.extensions?.code).toBe(code);
      expect(r.errors![0].message).toMatch(/[\u4e00-\u9fff]/);
      if (field) expect((r.errors![0].extensions!.details as { field: string }).field).toBe(field);
      expect(await counts()).toEqual(before);
    });

  rejects('rejects an ID number with a wrong check digit and writes nothing', 'BAD_USER_INPUT', 'idNumber', (i) => {
    const id = i.idNumber as string;
    i.idNumber = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
  });
  rejects('rejects a 15-digit or malformed ID number', 'BAD_USER_INPUT', 'idNumber', (i) => {
    i.idNumber = '420116440308123';
  });
  rejects('rejects a birth date that disagrees with the ID number', 'BAD_USER_INPUT', 'birthDate', (i) => {
    i.birthDate = '1944-03-09';
  });
  rejects('rejects a gender that disagrees with the ID number', 'BAD_USER_INPUT', 'gender', (i) => {
    i.gender = 'MALE';
  });
  rejects('rejects someone under 60', 'BAD_USER_INPUT', 'birthDate', (i) => {
    i.birthDate = '1990-01-01';
    i.idNumber = makeId('1990-01-01', 'FEMALE');
  });
  rejects('rejects a malformed phone number', 'BAD_USER_INPUT', 'phone', (i) => {
    i.phone = '12345';
  });
  rejects('rejects an unknown community code', 'BAD_USER_INPUT', 'communityCode', (i) => {
    i.communityCode = '420116999999';
  });
  rejects('rejects both 低保 and 特困 at once', 'BAD_USER_INPUT', 'flags', (i) => {
    i.flags = ['LOW_INCOME', 'EXTREME_POVERTY'];
  });
  rejects("refuses a community outside the worker's own", 'FORBIDDEN', null, async (i) => {
    i.communityCode = await regionOf('worker2');
  });
  rejects('refuses roles that do not register elders (family)', 'FORBIDDEN', null, () => {}, 'family');
  rejects('refuses an unknown flag at the schema edge', 'BAD_USER_INPUT', null, (i) => {
    i.flags = ['RICH'];
  });

  it('rejects a duplicate ID number and changes nothing', async () => {
    const idNumber = makeId('1938-11-20', 'MALE');
    const input = { ...(await base()), name: '李德明', birthDate: '1938-11-20', idNumber };
    expect((await t.gql(REGISTER, { i: input }, tokens.worker)).errors).toBeUndefined();
    const before = await counts();
    const r = await t.gql(REGISTER, { i: { ...input, name: '李德民' } }, tokens.worker);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/已经登记/);
    expect(await counts()).toEqual(before);
  });

  it('registers exactly one elder when the same ID is submitted twice at once', async () => {
    const idNumber = makeId('1941-06-01', 'MALE');
    const input = { ...(await base()), name: '王建国', birthDate: '1941-06-01', idNumber };
    const before = await counts();
    const results = await Promise.all([1, 2, 3].map(() => t.gql(REGISTER, { i: input }, tokens.worker)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'BAD_USER_INPUT').length).toBe(2);
    expect((await counts()).elders).toBe(before.elders + 1);
  });
});

describe('ID numbers', () => {
  it('are revealed in full only to roles that need them, each view audited', async () => {
    const [{ id }] = await allCommunities('worker');
    const before = await t.db.prisma.auditLog.count({ where: { action: 'ID_NUMBER_VIEWED', entityId: id } });
    const r = await t.gql('query($id: ID!) { elder(id: $id) { idNumber idNumberMasked } }', { id }, tokens.worker);
    expect(r.data!.elder.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(r.data!.elder.idNumber.slice(-4)).toBe(r.data!.elder.idNumberMasked.slice(-4));
    expect(await t.db.prisma.auditLog.count({ where: { action: 'ID_NUMBER_VIEWED', entityId: id } })).toBe(before + 1);
    const fam = (await allCommunities('family'))[0].id;
    const denied = await t.gql('query($id: ID!) { elder(id: $id) { idNumber } }', { id: fam }, tokens.family);
    expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('never appear unmasked in list responses or in the server log', async () => {
    const fullIds = new Set<string>();
    const rows = await t.db.prisma.elder.findMany({ select: { idNumberEnc: true } });
    for (const r of rows) fullIds.add(t.app.services.vault.decrypt(r.idNumberEnc));
    // Provoke logging with a bad registration that carries a real ID number in its input.
    const existing = [...fullIds][0];
    await t.gql(
      REGISTER,
      { i: { name: '测试', birthDate: '1900-01-01', idNumber: existing, communityCode: 'x', address: 'x' } },
      tokens.worker,
    );
    const listing = JSON.stringify(await t.gql(ELDERS, { n: 100 }, tokens.district_admin));
    // Everything the server logged plus every response body, minus the explicit audited reveal.
    const haystack = t.logs().replace(/"idNumber":"\d{17}[\dX]"/g, '') + listing;
    for (const id of fullIds) expect(haystack.includes(id), `leaked ${id.slice(0, 4)}…`).toBe(false);
  });
});
