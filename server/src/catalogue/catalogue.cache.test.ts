// The public service guide is kept in memory for CATALOGUE_CACHE_MS (issue 22): a change to the
// programmes' items shows once the entry expires, or at once after this server reloads the
// programmes (prepareData clears the cache), and with the cache off every request reads it fresh.
// The programmes shown on the elders page are kept the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../app/app.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

const GUIDE = `{ serviceGuide(policyCode: "HUANGPI_2020") { code name priceFen } }`;
type Guide = { serviceGuide: { code: string; name: string; priceFen: number }[] };

async function haircutName(s: TestServer): Promise<string | undefined> {
  const r = await s.gql<Guide>(GUIDE);
  expect(r.errors).toBeUndefined();
  return r.data!.serviceGuide.find((i) => i.code === 'HP_HAIRCUT')?.name;
}

describe('successful: the guide is served from memory until the programmes reload', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ catalogueCacheMs: 60_000 });
  }, 300_000);
  afterAll(async () => s?.close());

  it('a renamed item shows only after prepareData reloads the programmes', async () => {
    const original = await haircutName(s);
    expect(original).toBeTruthy();
    await s.db.prisma.serviceItem.updateMany({ where: { code: 'HP_HAIRCUT' }, data: { name: '改名的理发' } });
    expect(await haircutName(s)).toBe(original);
    // The reload writes the programmes' own names back and drops what this server kept.
    await s.db.prisma.serviceItem.updateMany({ where: { code: 'HP_HAIRCUT' }, data: { name: '改名的理发' } });
    await prepareData(s.app.services, { seed: false });
    expect(await haircutName(s)).toBe(original);
    await s.db.prisma.serviceItem.updateMany({ where: { code: 'HP_HAIRCUT' }, data: { name: '改名的理发' } });
    s.app.services.catalogue.clear();
    expect(await haircutName(s)).toBe('改名的理发');
  });

  it("an enrolment's programme on the elders page is read once, then from memory until cleared", async () => {
    const admin = await s.login('district_admin');
    const PAGE = `{ elders(first: 5) { edges { node { enrolment { policy { code name } } } } } }`;
    const names = async () => {
      const r = await s.gql<{ elders: { edges: { node: { enrolment: { policy: { name: string } } | null } }[] } }>(
        PAGE,
        {},
        admin,
      );
      expect(r.errors).toBeUndefined();
      return new Set(r.data!.elders.edges.map((e) => e.node.enrolment?.policy.name).filter(Boolean));
    };
    const before = await names();
    expect(before.size).toBe(1);
    const [name] = before;
    await s.db.prisma.policy.updateMany({ where: { name }, data: { name: '改名的项目' } });
    const statements = s.db.stats.statements;
    expect(await names()).toEqual(before);
    // The page and its count: the programme came from memory.
    expect(s.db.stats.statements - statements).toBe(2);
    s.app.services.catalogue.clear();
    expect(await names()).toEqual(new Set(['改名的项目']));
    await s.db.prisma.policy.updateMany({ where: { name: '改名的项目' }, data: { name } });
  });
});

describe('failing: an unknown programme is not kept, and no cache means no staleness', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ catalogueCacheMs: 0 });
  }, 300_000);
  afterAll(async () => s?.close());

  it('answers NOT_FOUND each time for an unknown programme', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await s.gql(`{ serviceGuide(policyCode: "NO_SUCH") { code } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it("with CATALOGUE_CACHE_MS=0 a renamed programme shows on the elders page's next request", async () => {
    const admin = await s.login('district_admin');
    const PAGE = `{ elders(first: 1) { edges { node { enrolment { policy { id name } } } } } }`;
    type Page = { elders: { edges: { node: { enrolment: { policy: { id: string; name: string } } } }[] } };
    const first = await s.gql<Page>(PAGE, {}, admin);
    const policy = first.data!.elders.edges[0]!.node.enrolment.policy;
    await s.db.prisma.policy.update({ where: { id: policy.id }, data: { name: '立即可见的项目' } });
    const next = await s.gql<Page>(PAGE, {}, admin);
    expect(next.data!.elders.edges[0]!.node.enrolment.policy.name).toBe('立即可见的项目');
    await s.db.prisma.policy.update({ where: { id: policy.id }, data: { name: policy.name } });
  });

  it('with CATALOGUE_CACHE_MS=0 a change shows on the next request', async () => {
    await haircutName(s);
    await s.db.prisma.serviceItem.updateMany({ where: { code: 'HP_HAIRCUT' }, data: { name: '立即可见的理发' } });
    expect(await haircutName(s)).toBe('立即可见的理发');
  });
});
