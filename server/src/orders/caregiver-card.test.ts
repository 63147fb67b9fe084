// The caregiver on the family's order (issue 25): name, rating and the phone for a one-tap call.
// The phone is the caregiver's personal information (个人信息保护法 第六条, the minimum needed): the
// family sees it only on its own order and only while the visit is assigned or underway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { assignTo, placedOrderId } from '../testing/orders-fixtures.js';
import { linkedElderId } from '../testing/users.js';

let s: TestServer;
const now = new Date('2026-11-18T10:00:00+08:00');
let seq = 0;
type Res = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
const CARD = `query($id: ID!) { order(id: $id) { status caregiverCard {
  id name phone phoneNote ratingAverage ratingCount } } }`;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
}, 300_000);
afterAll(async () => s?.close());

describe('Order.caregiverCard', () => {
  it('is empty before assignment, then shows name, phone and the rating; the phone goes after cancelling', async () => {
    const family = await s.login('family');
    const elderId = await linkedElderId(s);
    const id = await placedOrderId(s, family, {
      elderId,
      serviceCode: 'HP_HAIRCUT',
      scheduledAt: new Date('2026-11-20T10:00:00+08:00'),
      idempotencyKey: `caregiver-card-${seq++}`,
    });
    const before: Res = await s.gql(CARD, { id }, family);
    expect(before.data!.order.caregiverCard).toBeNull();

    const cg = await assignTo(s, id);
    // The rating as families gave it on this caregiver's orders, counted here independently.
    const stars = (await s.db.prisma.rating.findMany({ where: { order: { caregiverId: cg.id } } })).map((r) => r.stars);
    const average = stars.length ? Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 10) / 10 : null;
    const card: Res = await s.gql(CARD, { id }, family);
    expect(card.data!.order).toMatchObject({
      status: 'ASSIGNED',
      caregiverCard: {
        id: cg.id,
        name: cg.name,
        phone: cg.phone,
        phoneNote: null,
        ratingAverage: average,
        ratingCount: stars.length,
      },
    });

    // Another family's account cannot reach the order, so never its caregiver.
    const other: Res = await s.gql(CARD, { id }, await s.login('yc_worker'));
    expect(other.data?.order).toBeFalsy();
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(other.errors?.[0]?.extensions?.code);

    const cancel: Res = await s.gql(
      `mutation($o: ID!) { cancelOrder(orderId: $o, reason: "改天再约") { status } }`,
      { o: id },
      family,
    );
    expect(cancel.errors).toBeUndefined();
    const after: Res = await s.gql(CARD, { id }, family);
    expect(after.data!.order.caregiverCard).toMatchObject({ name: cg.name, phone: null });
    expect(after.data!.order.caregiverCard.phoneNote).toContain('不再显示护理员电话');
  });
});
