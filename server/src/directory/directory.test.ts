// The public directory (信息公开, 002 二(三)10): facilities, providers and their duties, the procedure and the
// standards, read without login; only accepted or open facilities, and no person's name or phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const streets = { a: '', aPath: '' };

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => new Date('2026-11-18T10:00:00+08:00') });
  const officer = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'street_officer' } });
  const a = await s.db.prisma.region.findUniqueOrThrow({ where: { id: officer.regionId! } });
  Object.assign(streets, { a: a.code, aPath: a.path });
}, 120_000);
afterAll(() => s?.close());

describe('the public directory (002 二(三)10): facilities, providers, duties, procedure and standards', () => {
  it('answers without login, lists only accepted or open facilities, and names no person', async () => {
    const p = s.db.prisma;
    const policy = await p.policy.findUniqueOrThrow({ where: { code: 'HUANGPI_2020' } });
    const community = await p.region.findFirstOrThrow({ where: { path: { startsWith: `${streets.aPath}/` } } });
    const base = {
      policyId: policy.id,
      kind: 'DAY_CARE_CENTRE' as const,
      communityId: community.id,
      latitude: 30.88,
      longitude: 114.37,
      floorAreaM2: 300,
      contractedAreaM2: 300,
      premisesSource: 'LEASED' as const,
      funder: '测试出资方',
    };
    await p.facility.create({
      data: { ...base, name: '目录测试日间照料中心', address: '测试路 8 号', status: 'OPERATING' },
    });
    await p.facility.create({ data: { ...base, name: '目录测试筹建中心', address: '测试路 9 号', status: 'PLANNED' } });
    const Q2 = `query($p: String!) { publicDirectory(policyCode: $p) { name issuer source procedureSource
      facilities { name kindLabel street community address status } providers { name areas duties }
      procedure { step name by days } standards { name standard } } }`;
    expect(code(await s.gql(Q2, { p: 'NO_SUCH_PROGRAMME' }))).toBe('NOT_FOUND');
    const r = await s.gql(Q2, { p: 'HUANGPI_2020' });
    expect(r.errors).toBeUndefined();
    const d = r.data!.publicDirectory as any;
    expect(d).toMatchObject({ issuer: '武汉市黄陂区人民政府办公室', source: '002 二(三)10' });
    const names = d.facilities.map((f: any) => f.name);
    expect(names).toContain('目录测试日间照料中心');
    expect(names).not.toContain('目录测试筹建中心');
    const street = await p.region.findUniqueOrThrow({ where: { code: streets.a } });
    expect(d.facilities.find((f: any) => f.name === '目录测试日间照料中心')).toMatchObject({
      kindLabel: '社区老年人日间照料中心',
      street: street.name,
      community: community.name,
      status: '运营中',
    });
    const zones = await p.serviceZone.findMany({
      where: { policyId: policy.id, providerId: { not: null } },
      include: { provider: true },
    });
    expect(d.providers.map((x: any) => x.name).sort()).toEqual([...new Set(zones.map((z) => z.provider!.name))].sort());
    expect(d.providers[0].duties).toContain('居家养老上门服务');
    const doc = policy.document as any;
    expect(d.procedure).toHaveLength(doc.workflow.stages.length);
    expect(d.procedureSource).toBe(doc.workflow.source);
    expect(d.standards.length).toBeGreaterThan(0);
    // No person's name or phone: the providers' contacts stay out.
    const text = JSON.stringify(d);
    for (const z of zones) {
      if (z.provider!.contactPhone) expect(text).not.toContain(z.provider!.contactPhone);
      if (z.provider!.contactName) expect(text).not.toContain(z.provider!.contactName);
    }
  });
});
