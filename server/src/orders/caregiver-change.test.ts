// 换一位护理员 (issue 25): the family asks the provider for another caregiver on an assigned visit
// that has not started; the provider's administrators get a notice that opens the order and
// reassign through dispatch (000 六·流程2 派单). Asking again for the same caregiver changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTo, placedOrderId } from '../testing/orders-fixtures.js';
import { linkedElderId } from '../testing/users.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
const now = new Date('2026-11-18T10:00:00+08:00');
let seq = 0;
let elderId: string;
type Res = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
const ASK = `mutation($o: ID!, $r: String!) {
  requestCaregiverChange(orderId: $o, reason: $r) { orderId requestedAt alreadyRequested notified } }`;
const code = (r: Res) => r.errors?.[0]?.extensions?.code;

const placed = (family: string) =>
  placedOrderId(s, family, {
    elderId,
    serviceCode: 'HP_HAIRCUT',
    scheduledAt: new Date('2026-11-20T10:00:00+08:00'),
    idempotencyKey: `caregiver-change-${seq++}`,
  });
const assign = (orderId: string) => assignTo(s, orderId);
const requests = (orderId: string) =>
  s.db.prisma.notice.count({ where: { orderId, kind: 'CAREGIVER_CHANGE_REQUESTED' } });

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  elderId = await linkedElderId(s);
}, 300_000);
afterAll(async () => s?.close());

describe('requestCaregiverChange', () => {
  it('refuses before assignment, without a reason and for staff, writing nothing', async () => {
    const family = await s.login('family');
    const id = await placed(family);
    expect(code(await s.gql(ASK, { o: id, r: '想换一位女护理员' }, family))).toBe('INVALID_STATE');
    await assign(id);
    expect(code(await s.gql(ASK, { o: id, r: ' ' }, family))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(ASK, { o: id, r: '想换人' }, await s.login('worker')))).toBe('FORBIDDEN');
    expect(code(await s.gql(ASK, { o: id, r: '想换人' }, await s.login('caregiver')))).toBe('FORBIDDEN');
    expect(await requests(id)).toBe(0);
    expect(await s.db.prisma.auditLog.count({ where: { action: 'REQUEST_CAREGIVER_CHANGE', entityId: id } })).toBe(0);
  });

  it('notifies the provider once with the order; asked again or at once, nothing more', async () => {
    const family = await s.login('family');
    const id = await placed(family);
    await assign(id);
    const admins = await s.db.prisma.user.count({ where: { role: 'PROVIDER_ADMIN', providerId: { not: null } } });
    const first: Res = await s.gql(ASK, { o: id, r: '上次沟通不太顺利，想换一位' }, family);
    expect(first.errors).toBeUndefined();
    expect(first.data!.requestCaregiverChange).toMatchObject({ orderId: id, alreadyRequested: false });
    expect(first.data!.requestCaregiverChange.notified).toBeGreaterThan(0);
    expect(first.data!.requestCaregiverChange.notified).toBeLessThanOrEqual(admins);
    const sent = await requests(id);
    expect(sent).toBe(first.data!.requestCaregiverChange.notified);

    // The provider sees it in its inbox, opening the order.
    const inbox: Res = await s.gql(
      `{ notices(first: 50) { edges { node { kind title body orderId } } } }`,
      {},
      await s.login('provider_admin'),
    );
    const mine = inbox.data!.notices.edges.map((e: any) => e.node).filter((n: any) => n.orderId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'CAREGIVER_CHANGE_REQUESTED', title: '家属申请换一位护理员' });
    expect(mine[0].body).toContain('上次沟通不太顺利，想换一位');

    const again: Res = await s.gql(ASK, { o: id, r: '再催一下' }, family);
    expect(again.data!.requestCaregiverChange).toMatchObject({ alreadyRequested: true, notified: 0 });
    expect(new Date(again.data!.requestCaregiverChange.requestedAt).getTime()).toBe(now.getTime());
    const burst = await Promise.all(Array.from({ length: 5 }, () => s.gql(ASK, { o: id, r: '同时点了几次' }, family)));
    for (const r of burst as Res[]) expect(r.data!.requestCaregiverChange.alreadyRequested).toBe(true);
    expect(await requests(id)).toBe(sent);
    expect(await s.db.prisma.auditLog.count({ where: { action: 'REQUEST_CAREGIVER_CHANGE', entityId: id } })).toBe(1);
  });

  it('ten requests at once on a fresh order notify the provider once', async () => {
    const family = await s.login('family');
    const id = await placed(family);
    await assign(id);
    const all = (await Promise.all(
      Array.from({ length: 10 }, () => s.gql(ASK, { o: id, r: '想换一位护理员' }, family)),
    )) as Res[];
    for (const r of all) expect(r.errors).toBeUndefined();
    expect(all.filter((r) => !r.data!.requestCaregiverChange.alreadyRequested)).toHaveLength(1);
    expect(await s.db.prisma.auditLog.count({ where: { action: 'REQUEST_CAREGIVER_CHANGE', entityId: id } })).toBe(1);
  });
});
