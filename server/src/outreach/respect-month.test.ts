// 敬老月 (002 二(六)17, 二(七)20): Dongxihu's programme lists it among its festivals, marked `assumed`
// (the source names no month; October by custom), so on 1 October the families of its enrolled elders
// get one greeting through the notices, once however often the job runs, and a programme that does
// not list it (Huangpi) sends none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../policies/index.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { festivalDay } from './calendar.js';
import { generateCallTasks } from './outreach.service.js';

let s: TestServer;
// Before the seed: the demo enrols from 1 November 2026.
let now = new Date('2026-11-20T10:00:00+08:00');
let dxFamily: string;
let dxElderId: string;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  const prisma = s.db.prisma;
  const policy = await prisma.policy.findUniqueOrThrow({ where: { code: 'DONGXIHU_2024' } });
  const district = await prisma.region.findUniqueOrThrow({ where: { id: policy.regionId } });
  // A registered Dongxihu elder of the demo, enrolled here with a family member linked.
  const elder = await prisma.elder.findFirstOrThrow({
    where: { community: { path: { startsWith: district.path } }, enrolments: { none: {} } },
    orderBy: { id: 'asc' },
  });
  dxElderId = elder.id;
  const { doc } = (await loadPolicy(prisma, { code: 'DONGXIHU_2024' }))!;
  await prisma.enrolment.create({
    data: {
      elderId: elder.id,
      policyId: policy.id,
      category: doc.eligibility.categories[0]!.code,
      startedOn: new Date('2026-11-01T00:00:00Z'),
    },
  });
  const user = await prisma.user.create({ data: { displayName: '敬老月测试家属', role: 'FAMILY' } });
  await prisma.familyLink.create({ data: { elderId: elder.id, userId: user.id, relation: '子女' } });
  dxFamily = user.id;
});
afterAll(async () => {
  await s?.close();
});

const greetings = (where: object = {}) =>
  s.db.prisma.notice.findMany({ where: { kind: 'FESTIVAL_GREETING', ...where }, orderBy: { id: 'asc' } });

describe('敬老月 greetings (002 二(六)17, 二(七)20)', () => {
  it('is in Dongxihu’s festival list as an assumption, on 1 October', async () => {
    const { doc } = (await loadPolicy(s.db.prisma, { code: 'DONGXIHU_2024' }))!;
    const entry = doc.outreach.find((o) => o.festivals?.includes('敬老月'));
    expect(entry).toMatchObject({ kind: 'FESTIVAL', cadence: 'FESTIVALS', assumed: true });
    expect(entry!.note).toContain('10 月');
    expect(festivalDay('敬老月', 2027)).toBe('2027-10-01');
    const huangpi = (await loadPolicy(s.db.prisma, { code: 'HUANGPI_2020' }))!.doc;
    expect(huangpi.outreach.some((o) => o.festivals?.includes('敬老月'))).toBe(false);
  });

  it('sends nothing the day before', async () => {
    now = new Date('2027-09-30T07:00:00+08:00');
    await generateCallTasks(s.db.prisma, now);
    expect(await greetings({ userId: dxFamily })).toHaveLength(0);
  });

  it('greets the Dongxihu family once on 1 October, and no programme without it', async () => {
    now = new Date('2027-10-01T07:00:00+08:00');
    const before = (await greetings()).length;
    const first = await generateCallTasks(s.db.prisma, now);
    await generateCallTasks(s.db.prisma, now);
    const mine = await greetings({ userId: dxFamily });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ elderId: dxElderId, title: '敬老月到了' });
    expect(mine[0]!.body).toContain('敬老月的问候');
    // Only Dongxihu lists 敬老月; 1 October 2027 is no other programme's festival, so every greeting
    // of the day is for an elder enrolled in Dongxihu.
    const all = await greetings();
    expect(all.length - before).toBe(first.greetings);
    const policies = await s.db.prisma.enrolment.findMany({
      where: { elderId: { in: all.slice(before).map((n) => n.elderId!) } },
      include: { policy: true },
    });
    expect(new Set(policies.map((e) => e.policy.code))).toEqual(new Set(['DONGXIHU_2024']));
    // The care-call task for the greeting exists once too.
    expect(
      await s.db.prisma.callTask.count({ where: { elderId: dxElderId, kind: 'FESTIVAL', note: '敬老月节日问候' } }),
    ).toBe(1);
  });
});
