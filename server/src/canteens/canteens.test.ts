// Canteen meals are verified at the canteen (000 四 集中就餐; 000 六·流程3 集中服务: 老人到承接主体
// 服务站点 … 即可享受服务), delivered meals at home (000 六·流程2). A canteen meal checks in with the
// canteen's own code inside the canteen's geofence; the elder's home code or the home location is
// WRONG_VERIFICATION_SITE and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { assignTo } from '../testing/orders-fixtures.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { distanceMeters } from '../common/geo.js';
import { canteenQrToken } from './index.js';

let s: TestServer;
let tokens: Record<string, string>;
let elder: { id: string; communityId: string; latitude: number | null; longitude: number | null };
let canteen: { id: string; latitude: number; longitude: number };
let homeQr: string;
let canteenQr: string;
let photoId: string;
let seq = 0;
const START = new Date('2026-11-18T10:00:00+08:00');
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('JFIF-canteen'),
  Buffer.from([0xff, 0xd9]),
]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, tokens[who]);
const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { status visit { checkInDistanceM } } }`;
const CHECK_OUT = `mutation($i: CheckOutInput!) { checkOut(input: $i) { status } }`;
const CONFIRM = `mutation($o: ID!) { confirmOrder(orderId: $o) { status amountFen chargedFen } }`;
const balance = async () =>
  (await s.db.prisma.ledgerAccount.findMany({ where: { elderId: elder.id } })).reduce(
    (n, a) => n + (a.unit === 'FEN' ? a.balance : 0n),
    0n,
  );

/** Books a meal for one hour ahead, assigns the demo caregiver, and sets the clock to the booked time. */
async function bookedMeal(serviceCode: 'HP_MEAL_CANTEEN' | 'HP_MEAL_DELIVERY') {
  s.app.services.clock = () => START;
  const placed = await gql(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id scheduledAt } }`,
    {
      i: {
        elderId: elder.id,
        serviceCode,
        quantity: 1,
        scheduledAt: new Date(START.getTime() + 3600_000).toISOString(),
        idempotencyKey: `canteen-test-${seq++}`,
      },
    },
    'family',
  );
  expect(placed.errors).toBeUndefined();
  const id = placed.data.placeOrder.id as string;
  await assignTo(s, id);
  const at = new Date(placed.data.placeOrder.scheduledAt);
  s.app.services.clock = () => at;
  return { id, at };
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => START });
  tokens = {};
  for (const u of ['family', 'worker', 'provider_admin', 'caregiver']) tokens[u] = await s.login(u);
  const link = await s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  elder = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: link.elderId } });
  const community = await s.db.prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } });
  // The seeded canteen of the elder's street.
  canteen = await s.db.prisma.canteen.findFirstOrThrow({ where: { streetId: community.parentId! } });
  homeQr = (
    await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elder.id }, 'worker')
  ).data!.homeQrToken;
  canteenQr = await canteenQrToken(s.db.prisma, s.app.services.visits, canteen.id);
  const up = await fetch(`${s.url.replace(/\/graphql$/, '')}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.caregiver}`, 'content-type': 'image/jpeg' },
    body: JPEG,
  });
  photoId = ((await up.json()) as { id: string }).id;
});
afterAll(async () => s?.close());

describe('canteen meals are verified at the canteen (000 六·流程3)', () => {
  it('the home and the canteen are apart (the test would prove nothing otherwise)', () => {
    const d = distanceMeters(
      { lat: elder.latitude!, lng: elder.longitude! },
      { lat: canteen.latitude, lng: canteen.longitude },
    );
    expect(d).toBeGreaterThan(s.app.services.visits.geofenceMeters);
  });

  it(
    "lists the canteens of the elder's street to its household and worker, not to another community's " + 'worker',
    async () => {
      tokens.worker2 = await s.login('worker2');
      const q = `query($e: ID!) { canteens(elderId: $e) { id name streetId } }`;
      for (const who of ['family', 'worker']) {
        const r = await gql(q, { e: elder.id }, who);
        expect(r.errors).toBeUndefined();
        expect(r.data.canteens.map((c: { id: string }) => c.id)).toContain(canteen.id);
      }
      expect(code(await gql(q, { e: elder.id }, 'worker2'))).toBe('FORBIDDEN');
    },
  );

  it('refuses a canteen meal with the home code or at the home, and changes nothing', async () => {
    const { id } = await bookedMeal('HP_MEAL_CANTEEN');
    const before = await s.db.prisma.order.findUniqueOrThrow({ where: { id } });
    const home = { lat: elder.latitude!, lng: elder.longitude! };
    const atCanteen = { latitude: canteen.latitude + 0.0005, longitude: canteen.longitude };
    // The elder's own home code, at the canteen or at home.
    for (const place of [atCanteen, { latitude: home.lat, longitude: home.lng }]) {
      const r = await gql(CHECK_IN, { i: { orderId: id, qrToken: homeQr, ...place, photoId } }, 'caregiver');
      expect(code(r)).toBe('WRONG_VERIFICATION_SITE');
      expect(r.errors![0].message).toMatch(/助餐点/);
    }
    // The canteen's code, but scanned at the elder's home (a copied code).
    const atHome = await gql(
      CHECK_IN,
      { i: { orderId: id, qrToken: canteenQr, latitude: home.lat, longitude: home.lng, photoId } },
      'caregiver',
    );
    expect(code(atHome)).toBe('WRONG_VERIFICATION_SITE');
    // Neither the canteen nor the home: the canteen's geofence.
    expect(
      code(
        await gql(
          CHECK_IN,
          {
            i: {
              orderId: id,
              qrToken: canteenQr,
              latitude: canteen.latitude + 0.02,
              longitude: canteen.longitude,
              photoId,
            },
          },
          'caregiver',
        ),
      ),
    ).toBe('GEOFENCE_VIOLATION');
    // A forged canteen code.
    expect(
      code(
        await gql(
          CHECK_IN,
          { i: { orderId: id, qrToken: canteenQr.slice(0, -2) + 'xx', ...atCanteen, photoId } },
          'caregiver',
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const after = await s.db.prisma.order.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe(before.status);
    expect(after.status).toBe('ASSIGNED');
    expect(await s.db.prisma.visit.count({ where: { orderId: id } })).toBe(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it(
    "serves a canteen meal with the canteen's code at the canteen, and charges it once the family " + 'confirms',
    async () => {
      const { id, at } = await bookedMeal('HP_MEAL_CANTEEN');
      const start = await balance();
      const atCanteen = { latitude: canteen.latitude + 0.0005, longitude: canteen.longitude };
      const inn = await gql(CHECK_IN, { i: { orderId: id, qrToken: canteenQr, ...atCanteen, photoId } }, 'caregiver');
      expect(inn.errors).toBeUndefined();
      expect(inn.data.checkIn.status).toBe('IN_SERVICE');
      expect(inn.data.checkIn.visit.checkInDistanceM).toBeLessThanOrEqual(s.app.services.visits.geofenceMeters);
      expect((await s.db.prisma.visit.findUniqueOrThrow({ where: { orderId: id } })).canteenId).toBe(canteen.id);
      s.app.services.clock = () => new Date(at.getTime() + 30 * 60_000);
      // Checking out from the elder's home is not the canteen either.
      expect(
        code(
          await gql(
            CHECK_OUT,
            { i: { orderId: id, latitude: elder.latitude, longitude: elder.longitude, photoId } },
            'caregiver',
          ),
        ),
      ).toBe('WRONG_VERIFICATION_SITE');
      expect(
        (await gql(CHECK_OUT, { i: { orderId: id, ...atCanteen, photoId } }, 'caregiver')).data.checkOut.status,
      ).toBe('COMPLETED');
      const ok = await gql(CONFIRM, { o: id }, 'family');
      expect(ok.errors).toBeUndefined();
      expect(ok.data.confirmOrder.status).toBe('CONFIRMED');
      expect(ok.data.confirmOrder.chargedFen).toBe(1000); // 000 四: 集中就餐 10 元/餐
      expect(start - (await balance())).toBe(1000n);
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );

  it('a delivered meal is still verified at home: the canteen code is refused, the home code accepted', async () => {
    const { id, at } = await bookedMeal('HP_MEAL_DELIVERY');
    const home = { latitude: elder.latitude!, longitude: elder.longitude! };
    const wrong = await gql(
      CHECK_IN,
      { i: { orderId: id, qrToken: canteenQr, latitude: canteen.latitude, longitude: canteen.longitude, photoId } },
      'caregiver',
    );
    expect(code(wrong)).toBe('WRONG_VERIFICATION_SITE');
    expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id } })).status).toBe('ASSIGNED');
    const inn = await gql(CHECK_IN, { i: { orderId: id, qrToken: homeQr, ...home, photoId } }, 'caregiver');
    expect(inn.errors).toBeUndefined();
    expect((await s.db.prisma.visit.findUniqueOrThrow({ where: { orderId: id } })).canteenId).toBeNull();
    s.app.services.clock = () => new Date(at.getTime() + 20 * 60_000);
    expect((await gql(CHECK_OUT, { i: { orderId: id, ...home, photoId } }, 'caregiver')).data.checkOut.status).toBe(
      'COMPLETED',
    );
    expect((await gql(CONFIRM, { o: id }, 'family')).data.confirmOrder.chargedFen).toBe(1000);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
