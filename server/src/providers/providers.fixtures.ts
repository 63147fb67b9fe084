// The Yangcheng world the provider tests share: a seeded server on a fixed app clock, an enrolled elder
// in the Yangcheng worker's community with 200 元 of self-paid money, that community's zone and the
// programme's first hourly item; and, for the suites that start where the registry suite ends, a
// provider registered, contracted, zoned and priced above the cap (001 五(二), 六, 三(三)) with a
// certified caregiver (000 五) and one confirmed visit.
import { writeRecordedVisit } from '../seed/recorded-visit.js';
import { startTestServer, type GqlResult, type TestServer } from '../testing/harness.js';
import { makeIdNumber } from '../testing/ids.js';
import { addUser } from '../testing/users.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

export const START = new Date('2026-11-18T10:00:00+08:00');
export const DAY = 86_400_000;
export const CJK = /[\u4e00-\u9fff]/;
type Gql = { errors?: { message: string; extensions?: { code?: string } }[] };
export const err = (r: Gql) => r.errors?.[0];
export const code = (r: Gql) => r.errors?.[0]?.extensions?.code;

export const QUOTE = `query($i: QuoteOrderInput!) { quoteOrder(input: $i) { amountFen subsidyFen subsidyMinutes
  selfPaidFen unitPriceFen providerName } }`;
export const ASSIGN = `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`;
export const REGISTER = `mutation($i: RegisterProviderInput!) { registerProvider(input: $i) { id status creditCode } }`;
export const SIGN = `mutation($i: ProviderContractInput!) { signProviderContract(input: $i) { id startsOn endsOn
  settlementMethod } }`;
export const ZONE = `mutation($p: ID!, $z: String!) { assignProviderZone(providerId: $p, policyCode: "YANGCHENG_2026",
  zoneCode: $z) { code } }`;
export const SET_PRICE = `mutation($p: ID!, $c: String!, $f: Int!) { setProviderPrice(providerId: $p, policyCode:
  "YANGCHENG_2026", serviceCode: $c, priceFen: $f) { serviceCode priceFen subsidyCapFenPerHour } }`;
export const REGISTER_CAREGIVER = `mutation($i: RegisterCaregiverInput!) { registerCaregiver(input: $i) { id idNumber
  active certificates { kind } } }`;
export const CERTIFY = `mutation($i: CaregiverCertificateInput!) { addCaregiverCertificate(input: $i) { kind expiresOn }
  }`;
export const CONFIRM_BY_CALL = `mutation($o: ID!) {
  confirmVisitByCall(orderId: $o, note: "老人确认护理员已上门打扫两小时") { status chargedFen chargedMinutes } }`;

export const PROVIDER_INPUT = {
  code: 'YC-P09',
  name: '阳城县润泽居家养老服务有限公司',
  creditCode: '91140522MA0K00009X',
  regionCode: '140522',
  qualifications: ['营业执照', '养老服务备案'],
  contactName: '刘青',
  contactPhone: '0356-4209009',
};
export const CONTRACT = {
  policyCode: 'YANGCHENG_2026',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  quantity: '片区内全部服务对象',
  quality: '按服务指南',
  settlementMethod: '按月结算',
  liability: '按合同约定',
};
export const caregiverInput = (providerId: string) => ({
  providerId,
  name: '王芳',
  phone: '13900001111',
  idNumber: makeIdNumber('1975-06-01', 'FEMALE', '140522'),
  skills: ['助洁'],
});

export interface World {
  s: TestServer;
  /** Tokens by username (the new provider's admin is `new_provider`). */
  t: Record<string, string>;
  elder: { id: string; communityId: string };
  zone: { code: string; providerId: string | null };
  hourly: string;
  gql: <T = any>(q: string, v: Record<string, unknown>, who: string) => Promise<GqlResult<T>>;
  place: (serviceCode: string, quantity: number) => Promise<any>;
}

export async function startWorld(): Promise<World> {
  const s = await startTestServer({}, { clock: () => START });
  const t: Record<string, string> = {};
  for (const u of ['yc_admin', 'yc_worker', 'district_admin', 'provider_admin']) t[u] = await s.login(u);
  const ycWorker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } });
  const elder = await s.db.prisma.elder.findFirstOrThrow({
    where: { communityId: ycWorker.regionId!, status: 'ENROLLED' },
  });
  const community = await s.db.prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } });
  const zones = await s.db.prisma.serviceZone.findMany({
    where: { policy: { code: 'YANGCHENG_2026' } },
    include: { regions: { include: { region: true } } },
  });
  const zone = zones.find((z) => z.regions.some((r) => community.path.startsWith(r.region.path)))!;
  const hourly = (
    await s.db.prisma.serviceItem.findFirstOrThrow({
      where: { policy: { code: 'YANGCHENG_2026' }, unit: 'PER_HOUR', mode: 'OFFLINE' },
      orderBy: { sortOrder: 'asc' },
    })
  ).code;
  // Self-paid money for the part above the cap.
  await creditSelfPaid(s.db.prisma, elder.id, 20000, 'prov-test-topup');
  const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, t[who]);
  let seq = 0;
  const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status amountFen subsidyFen subsidyMinutes
    selfPaidFen } }`;
  const place = (serviceCode: string, quantity: number) =>
    gql(
      PLACE,
      {
        i: {
          elderId: elder.id,
          serviceCode,
          quantity,
          scheduledAt: new Date(s.app.services.clock().getTime() + DAY).toISOString(),
          idempotencyKey: `prov-test-${seq++}`,
        },
      },
      'yc_worker',
    );
  return { s, t, elder, zone, hourly, gql, place };
}

/** Asserts a GraphQL answer has no errors and returns its data. */
async function ok(r: Promise<any>): Promise<any> {
  const a = await r;
  if (a.errors) throw new Error(`unexpected errors: ${JSON.stringify(a.errors)}`);
  return a.data;
}

/** Where the registry suite ends: the provider zoned at 50 元 an hour, a certified caregiver, one visit confirmed. */
export async function contractedProvider(w: World): Promise<{ providerId: string; caregiverId: string }> {
  const { gql } = w;
  const providerId = (await ok(gql(REGISTER, { i: PROVIDER_INPUT }, 'yc_admin'))).registerProvider.id;
  w.t.new_provider = await addUser(w.s, 'yc_new_provider', {
    displayName: '润泽管理员',
    role: 'PROVIDER_ADMIN',
    providerId,
  });
  await ok(gql(SIGN, { i: { ...CONTRACT, providerId } }, 'yc_admin'));
  await ok(gql(ZONE, { p: providerId, z: w.zone.code }, 'yc_admin'));
  await ok(gql(SET_PRICE, { p: providerId, c: w.hourly, f: 5000 }, 'new_provider'));
  const caregiverId = (await ok(gql(REGISTER_CAREGIVER, { i: caregiverInput(providerId) }, 'new_provider')))
    .registerCaregiver.id;
  await ok(gql(CERTIFY, { i: { caregiverId, kind: 'HEALTH', expiresOn: '2026-12-10' } }, 'new_provider'));
  const orderId = (await ok(w.place(w.hourly, 2))).placeOrder.id;
  await ok(gql(ASSIGN, { o: orderId, c: caregiverId }, 'new_provider'));
  await completeVisit(w, orderId, caregiverId);
  await ok(gql(CONFIRM_BY_CALL, { o: orderId }, 'yc_worker'));
  return { providerId, caregiverId };
}

/** The visit itself (check-in, check-out) is tested in orders/visits.test.ts; here it is written as done. */
export async function completeVisit(w: World, orderId: string, caregiverId: string): Promise<void> {
  const order = await w.s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  await writeRecordedVisit(w.s.db.prisma, orderId, { caregiverId, checkInAt: order.scheduledAt, minutes: 120 });
}
