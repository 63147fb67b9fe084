// Street and district officials close a complaint from the console (issue 24) with the same
// closeComplaint the hotline uses (000 六 4: revisited until satisfied), writing what the revisit
// found. Refused before the provider has answered, outside their area, from other roles, and with a
// note past 500 characters; none of those changes the complaint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
const t: Record<string, string> = {};
let elderId: string;
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, t[who]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const START = new Date('2026-11-18T10:00:00+08:00');

const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`;
const RESPOND = `mutation($id: ID!, $r: String!) { respondToComplaint(id: $id, response: $r) { status } }`;
const CLOSE = `mutation($id: ID!, $s: Boolean!, $f: Boolean!, $n: String) {
  closeComplaint(id: $id, satisfied: $s, providerAtFault: $f, note: $n) { status revisits revisitNote closedAt } }`;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => START });
  for (const u of ['worker', 'family', 'provider_admin', 'district_admin', 'street_officer', 'yc_admin'])
    t[u] = await s.login(u);
  elderId = (
    await s.db.prisma.familyLink.findFirstOrThrow({
      where: { user: { username: 'family' } },
      orderBy: { createdAt: 'asc' },
    })
  ).elderId;
  // A past visit by the programme's provider, so each complaint reaches that provider (provider_admin).
  const enrolment = await s.db.prisma.enrolment.findFirstOrThrow({ where: { elderId, status: 'ACTIVE' } });
  const zone = await s.db.prisma.serviceZone.findFirstOrThrow({
    where: { policyId: enrolment.policyId, providerId: { not: null } },
  });
  const item = await s.db.prisma.serviceItem.findFirstOrThrow({
    where: { policyId: enrolment.policyId, mode: 'OFFLINE' },
  });
  const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
  await s.db.prisma.order.create({
    data: {
      elderId,
      enrolmentId: enrolment.id,
      serviceItemId: item.id,
      providerId: zone.providerId,
      quantity: 1,
      scheduledAt: new Date(START.getTime() - 86_400_000),
      channel: 'WORKER',
      placedById: worker.id,
      status: 'COMPLETED',
      amountFen: 0,
      idempotencyKey: 'revisit-visit',
      requestHash: 'h',
    },
  });
}, 240_000);
afterAll(async () => s?.close());

async function answered(content: string) {
  const filed = await gql(FILE, { i: { elderId, content } }, 'worker');
  expect(filed.errors).toBeUndefined();
  const id = filed.data.fileComplaint.id as string;
  expect((await gql(RESPOND, { id, r: '已联系护理员核实并向老人道歉' }, 'provider_admin')).errors).toBeUndefined();
  return id;
}

describe('an official revisits a complaint from the console', () => {
  it('is refused before the answer, out of area, for other roles and a long note; nothing changes', async () => {
    const filed = await gql(FILE, { i: { elderId, content: '护理员没有按约定时间上门' } }, 'worker');
    const open = filed.data.fileComplaint.id as string;
    const early = await gql(CLOSE, { id: open, s: true, f: false, n: '已电话回访' }, 'district_admin');
    expect(code(early)).toBe('INVALID_STATE');
    expect(early.errors![0].message).toMatch(/服务机构还没有答复/);

    const id = await answered('护理员打扫不彻底');
    const before = await s.db.prisma.complaint.findUniqueOrThrow({ where: { id } });
    const long = await gql(CLOSE, { id, s: true, f: false, n: '回'.repeat(501) }, 'district_admin');
    expect(code(long)).toBe('BAD_USER_INPUT');
    expect(long.errors![0].message).toMatch(/最多 500 个字/);
    // Yangcheng's official has no reach into Huangpi; providers and families do not revisit.
    expect(code(await gql(CLOSE, { id, s: true, f: false, n: '已回访' }, 'yc_admin'))).toBe('FORBIDDEN');
    expect(code(await gql(CLOSE, { id, s: true, f: false, n: '已回访' }, 'provider_admin'))).toBe('FORBIDDEN');
    expect(code(await gql(CLOSE, { id, s: true, f: false, n: '已回访' }, 'family'))).toBe('FORBIDDEN');
    expect(await s.db.prisma.complaint.findUniqueOrThrow({ where: { id } })).toEqual(before);
    const revisits = { entity: 'Complaint', entityId: id, action: { in: ['COMPLAINT_CLOSED', 'COMPLAINT_REOPENED'] } };
    expect(await s.db.prisma.auditLog.count({ where: revisits })).toBe(0);
  });

  it('the district closes it with the revisit note, in the audit log too', async () => {
    const id = await answered('送餐晚了一个小时');
    const closed = await gql(
      CLOSE,
      { id, s: true, f: true, n: '  电话回访老人，已满意；机构已调整送餐路线  ' },
      'district_admin',
    );
    expect(closed.data.closeComplaint).toMatchObject({
      status: 'CLOSED',
      revisits: 1,
      revisitNote: '电话回访老人，已满意；机构已调整送餐路线',
      closedAt: START.toISOString(),
    });
    const log = await s.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: 'Complaint', entityId: id, action: 'COMPLAINT_CLOSED' },
      include: { actor: true },
    });
    expect(log.actor?.username).toBe('district_admin');
    expect(log.detail).toMatchObject({ note: '电话回访老人，已满意；机构已调整送餐路线', providerAtFault: true });
  });

  it('a street officer in the elder’s street sends an unsatisfied one back to the provider', async () => {
    const id = await answered('护理员态度不好');
    const back = await gql(CLOSE, { id, s: false, f: false, n: '老人仍不满意，要求更换护理员' }, 'street_officer');
    expect(back.data.closeComplaint).toMatchObject({
      status: 'OPEN',
      revisits: 1,
      revisitNote: '老人仍不满意，要求更换护理员',
      closedAt: null,
    });
  });
});
