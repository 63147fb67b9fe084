// A provider's life under a Yangcheng contract, through the API on a seeded server: registered
// (001 五(二)), contracted (001 六), given a zone, priced above the subsidy cap (001 三(三), 五(二)2),
// staffed with certified caregivers (000 五), suspended after three verified complaints
// (001 八(二)1(3)), interviewed, rectified, verified and reinstated, then receiving orders again;
// and terminated on a listed ground (001 八(二)2) with its open orders passed to a successor.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { makeIdNumber } from '../testing/ids.js';
import { addUser } from '../testing/users.js';
import { elderAccount, ledgerViolations, platformAccount, postOnce } from '../wallet/ledger.service.js';
import { notifyExpiringCertificates } from './index.js';

let s: TestServer;
const t: Record<string, string> = {};
let elder: { id: string; communityId: string };
let zone: { code: string; providerId: string | null };
let providerId: string;
let caregiverId: string;
let seq = 0;
const START = new Date('2026-11-18T10:00:00+08:00');
const DAY = 86_400_000;
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, t[who]);
const err = (r: { errors?: { message: string; extensions?: { code?: string } }[] }) => r.errors?.[0];
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const CJK = /[\u4e00-\u9fff]/;
const tomorrow = () => new Date(s.app.services.clock().getTime() + DAY).toISOString();

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status amountFen subsidyFen subsidyMinutes
  selfPaidFen } }`;
const QUOTE = `query($i: QuoteOrderInput!) { quoteOrder(input: $i) { amountFen subsidyFen subsidyMinutes selfPaidFen
  unitPriceFen providerName } }`;
const ASSIGN = `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`;
const REINSTATE = `mutation($p: ID!) { reinstateProvider(providerId: $p) { status } }`;
const SANCTIONS = `query($p: ID!) { providerSanctions(providerId: $p) { id kind status clause reason dueAt } }`;
let hourly: string;
const place = (serviceCode: string, quantity: number) =>
  gql(
    PLACE,
    { i: { elderId: elder.id, serviceCode, quantity, scheduledAt: tomorrow(), idempotencyKey: `prov-test-${seq++}` } },
    'yc_worker',
  );

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => START });
  for (const u of ['yc_admin', 'yc_worker', 'district_admin', 'provider_admin']) t[u] = await s.login(u);
  const ycWorker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } });
  elder = await s.db.prisma.elder.findFirstOrThrow({ where: { communityId: ycWorker.regionId!, status: 'ENROLLED' } });
  const community = await s.db.prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } });
  const zones = await s.db.prisma.serviceZone.findMany({
    where: { policy: { code: 'YANGCHENG_2026' } },
    include: { regions: { include: { region: true } } },
  });
  zone = zones.find((z) => z.regions.some((r) => community.path.startsWith(r.region.path)))!;
  hourly = (
    await s.db.prisma.serviceItem.findFirstOrThrow({
      where: { policy: { code: 'YANGCHENG_2026' }, unit: 'PER_HOUR', mode: 'OFFLINE' },
      orderBy: { sortOrder: 'asc' },
    })
  ).code;
  // Self-paid money for the part above the cap.
  const wallet = await s.db.prisma.$transaction((tx) => elderAccount(tx, elder.id, 'SELF_PAID', 'FEN'));
  const gw = await s.db.prisma.$transaction((tx) => platformAccount(tx, 'PAYMENT_GATEWAY', 'FEN'));
  await postOnce(s.db.prisma, {
    kind: 'TOP_UP',
    idempotencyKey: `prov-test-topup`,
    request: {},
    elderId: elder.id,
    entries: [
      { accountId: gw.id, amount: -20000n },
      { accountId: wallet.id, amount: 20000n },
    ],
  });
});
afterAll(async () => s?.close());

describe('a provider registered, contracted and zoned by the county (001 五, 六)', () => {
  const REGISTER = `mutation($i: RegisterProviderInput!) { registerProvider(input: $i) { id status creditCode } }`;
  const input = {
    code: 'YC-P09',
    name: '阳城县润泽居家养老服务有限公司',
    creditCode: '91140522MA0K00009X',
    regionCode: '140522',
    qualifications: ['营业执照', '养老服务备案'],
    contactName: '刘青',
    contactPhone: '0356-4209009',
  };

  it('refuses a bad credit code, another county and other roles, and registers nothing', async () => {
    const before = await s.db.prisma.provider.count();
    const bad = await gql(REGISTER, { i: { ...input, creditCode: '1234' } }, 'yc_admin');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(err(bad)!.message).toMatch(CJK);
    expect(code(await gql(REGISTER, { i: input }, 'district_admin'))).toBe('FORBIDDEN');
    expect(code(await gql(REGISTER, { i: input }, 'yc_worker'))).toBe('FORBIDDEN');
    expect(await s.db.prisma.provider.count()).toBe(before);
  });

  it('registers the provider, whose admin then sees it', async () => {
    const r = await gql(REGISTER, { i: input }, 'yc_admin');
    expect(r.errors).toBeUndefined();
    providerId = r.data.registerProvider.id;
    t.new_provider = await addUser(s, 'yc_new_provider', {
      displayName: '润泽管理员',
      role: 'PROVIDER_ADMIN',
      providerId,
    });
    const mine = await gql(`{ providers { id } }`, {}, 'new_provider');
    expect(mine.data.providers.map((p: any) => p.id)).toEqual([providerId]);
    expect(code(await gql(REGISTER, { i: input }, 'yc_admin'))).toBe('INVALID_STATE');
  });

  it(
    'the provider changes its contacts (audited old and new); a ' +
      'bad phone changes nothing; another provider cannot',
    async () => {
      const UPDATE = `mutation($i: UpdateProviderInput!) { updateProvider(input: $i) { contactName contactPhone
      qualifications } }`;
      expect(code(await gql(UPDATE, { i: { providerId, contactPhone: '电话' } }, 'new_provider'))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await gql(UPDATE, { i: { providerId, contactName: '赵敏' } }, 'provider_admin'))).toBe('FORBIDDEN');
      expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).contactName).toBe('刘青');
      const r = await gql(
        UPDATE,
        { i: { providerId, contactName: '赵敏', contactPhone: '13900002222' } },
        'new_provider',
      );
      expect(r.data.updateProvider).toEqual({
        contactName: '赵敏',
        contactPhone: '13900002222',
        qualifications: ['营业执照', '养老服务备案'],
      });
      const log = await s.db.prisma.auditLog.findFirstOrThrow({
        where: { action: 'PROVIDER_UPDATED', entityId: providerId },
      });
      expect(log.detail).toEqual({
        contactName: { old: '刘青', new: '赵敏' },
        contactPhone: { old: '0356-4209009', new: '13900002222' },
      });
    },
  );

  it('001 六: a contract ending before it starts is refused and nothing is signed; a whole one is', async () => {
    const SIGN = `mutation($i: ProviderContractInput!) { signProviderContract(input: $i) { id startsOn endsOn
      settlementMethod } }`;
    const contract = {
      providerId,
      policyCode: 'YANGCHENG_2026',
      startsOn: '2026-12-31',
      endsOn: '2026-01-01',
      quantity: '片区内全部服务对象',
      quality: '按服务指南',
      settlementMethod: '按月结算',
      liability: '按合同约定',
    };
    const bad = await gql(SIGN, { i: contract }, 'yc_admin');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(err(bad)!.message).toBe('合同结束日期须晚于开始日期。');
    expect(await s.db.prisma.providerContract.count({ where: { providerId } })).toBe(0);
    // No zone before a contract.
    expect(
      code(
        await gql(
          `mutation($p: ID!, $z: String!) { assignProviderZone(providerId: $p, policyCode: "YANGCHENG_2026", zoneCode:
            $z) { code } }`,
          { p: providerId, z: zone.code },
          'yc_admin',
        ),
      ),
    ).toBe('INVALID_STATE');
    const ok = await gql(SIGN, { i: { ...contract, startsOn: '2026-01-01', endsOn: '2026-12-31' } }, 'yc_admin');
    expect(ok.data.signProviderContract).toMatchObject({
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      settlementMethod: '按月结算',
    });
  });

  it("the zone goes to the provider, so the elder's orders do", async () => {
    const r = await gql(
      `mutation($p: ID!, $z: String!) { assignProviderZone(providerId: $p, policyCode: "YANGCHENG_2026", zoneCode: $z) {
        code } }`,
      { p: providerId, z: zone.code },
      'yc_admin',
    );
    expect(r.errors).toBeUndefined();
    const q = await gql(QUOTE, { i: { elderId: elder.id, serviceCode: hourly, quantity: 1 } }, 'yc_worker');
    expect(q.data.quoteOrder.providerName).toBe('阳城县润泽居家养老服务有限公司');
  });
});

describe("001 三(三) 每小时不超过35元 is a subsidy ceiling; the provider's own price list (001 五(二)2)", () => {
  it('a price at the cap is subsidised in full; 50 元 an hour is split: the subsidy pays 35, the elder 15', async () => {
    const atCap = await gql(QUOTE, { i: { elderId: elder.id, serviceCode: hourly, quantity: 2 } }, 'yc_worker');
    expect(atCap.data.quoteOrder).toMatchObject({
      amountFen: 7000,
      subsidyFen: 7000,
      subsidyMinutes: 120,
      selfPaidFen: 0,
      unitPriceFen: 3500,
    });
    const SET = `mutation($p: ID!, $c: String!, $f: Int!) { setProviderPrice(providerId: $p, policyCode:
      "YANGCHENG_2026", serviceCode: $c, priceFen: $f) { serviceCode priceFen subsidyCapFenPerHour } }`;
    expect(code(await gql(SET, { p: providerId, c: 'NO_SUCH_ITEM', f: 5000 }, 'new_provider'))).toBe('BAD_USER_INPUT');
    expect(code(await gql(SET, { p: providerId, c: hourly, f: 5000 }, 'provider_admin'))).toBe('FORBIDDEN');
    expect((await gql(SET, { p: providerId, c: hourly, f: 5000 }, 'new_provider')).data.setProviderPrice).toEqual({
      serviceCode: hourly,
      priceFen: 5000,
      subsidyCapFenPerHour: 3500,
    });
    const q = await gql(QUOTE, { i: { elderId: elder.id, serviceCode: hourly, quantity: 2 } }, 'yc_worker');
    expect(q.data.quoteOrder).toMatchObject({
      amountFen: 10000,
      subsidyFen: 7000,
      subsidyMinutes: 120,
      selfPaidFen: 3000,
      unitPriceFen: 5000,
    });
  });
});

describe('caregivers: certificates before assignment (000 五 服务人员 1)', () => {
  let orderId: string;
  it('the provider registers a caregiver (ID encrypted, shown masked)', async () => {
    const REG = `mutation($i: RegisterCaregiverInput!) { registerCaregiver(input: $i) { id idNumber active certificates
      { kind } } }`;
    const idNumber = makeIdNumber('1975-06-01', 'FEMALE', '140522');
    expect(
      code(
        await gql(
          REG,
          { i: { providerId, name: '王芳', phone: '13900001111', idNumber: '140522197506011234', skills: ['助洁'] } },
          'new_provider',
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await gql(
          REG,
          { i: { providerId, name: '王芳', phone: '13900001111', idNumber, skills: ['助洁'] } },
          'provider_admin',
        ),
      ),
    ).toBe('FORBIDDEN');
    const r = await gql(
      REG,
      { i: { providerId, name: '王芳', phone: '13900001111', idNumber, skills: ['助洁'] } },
      'new_provider',
    );
    expect(r.errors).toBeUndefined();
    caregiverId = r.data.registerCaregiver.id;
    expect(r.data.registerCaregiver.idNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    const row = await s.db.prisma.caregiver.findUniqueOrThrow({ where: { id: caregiverId } });
    expect(row.idNumberCipher).not.toContain(idNumber);
  });

  it(
    'an uncertified caregiver cannot be assigned ' +
      '(CAREGIVER_NOT_CERTIFIED, order unchanged); with a valid health certificate, can',
    async () => {
      const placed = await place(hourly, 2);
      expect(placed.errors).toBeUndefined();
      orderId = placed.data.placeOrder.id;
      expect(placed.data.placeOrder).toMatchObject({ amountFen: 10000, subsidyMinutes: 120, selfPaidFen: 3000 });
      const SUGGEST = `query($o: ID!) { caregiverSuggestions(orderId: $o) { caregiver { id } } }`;
      expect((await gql(SUGGEST, { o: orderId }, 'new_provider')).data.caregiverSuggestions).toEqual([]);
      const refused = await gql(ASSIGN, { o: orderId, c: caregiverId }, 'new_provider');
      expect(code(refused)).toBe('CAREGIVER_NOT_CERTIFIED');
      expect(err(refused)!.message).toMatch(/健康证明/);
      expect(await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
        status: 'PLACED',
        caregiverId: null,
      });
      const CERT = `mutation($i: CaregiverCertificateInput!) { addCaregiverCertificate(input: $i) { kind expiresOn } }`;
      // Expired already: refused. Expiring before the visit: still not assignable.
      expect(
        code(await gql(CERT, { i: { caregiverId, kind: 'HEALTH', expiresOn: '2026-11-01' } }, 'new_provider')),
      ).toBe('BAD_USER_INPUT');
      await gql(CERT, { i: { caregiverId, kind: 'HEALTH', expiresOn: '2026-11-18' } }, 'new_provider');
      expect(code(await gql(ASSIGN, { o: orderId, c: caregiverId }, 'new_provider'))).toBe('CAREGIVER_NOT_CERTIFIED');
      expect(
        (await gql(CERT, { i: { caregiverId, kind: 'HEALTH', expiresOn: '2026-12-10' } }, 'new_provider')).data
          .addCaregiverCertificate,
      ).toEqual({ kind: 'HEALTH', expiresOn: '2026-12-10' });
      expect((await gql(SUGGEST, { o: orderId }, 'new_provider')).data.caregiverSuggestions).toEqual([
        { caregiver: { id: caregiverId } },
      ]);
      expect((await gql(ASSIGN, { o: orderId, c: caregiverId }, 'new_provider')).data.assignOrder.status).toBe(
        'ASSIGNED',
      );
      // A certificate that runs out in 58 days is not told yet (the next test).
      await gql(CERT, { i: { caregiverId, kind: 'SKILL:助洁', expiresOn: '2027-01-15' } }, 'new_provider');
    },
  );

  it(
    'the confirmed visit charges the split: 120 subsidy ' + 'minutes and 30 元 self-paid, and the ledger holds',
    async () => {
      const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
      // The visit itself (check-in, check-out) is tested in orders/visits.test.ts.
      await s.db.prisma.order.update({
        where: { id: orderId },
        data: {
          status: 'COMPLETED',
          visit: {
            create: {
              caregiverId,
              checkInAt: order.scheduledAt,
              checkOutAt: new Date(order.scheduledAt.getTime() + 120 * 60_000),
              durationMinutes: 120,
            },
          },
        },
      });
      const self0 = await s.db.prisma.$transaction((tx) => elderAccount(tx, elder.id, 'SELF_PAID', 'FEN'));
      const r = await gql(
        `mutation($o: ID!) {
          confirmVisitByCall(orderId: $o, note: "老人确认护理员已上门打扫两小时") { status chargedFen chargedMinutes }
        }`,
        { o: orderId },
        'yc_worker',
      );
      expect(r.data.confirmVisitByCall).toEqual({ status: 'CONFIRMED', chargedFen: 10000, chargedMinutes: 120 });
      const self1 = await s.db.prisma.$transaction((tx) => elderAccount(tx, elder.id, 'SELF_PAID', 'FEN'));
      expect(self0.balance - self1.balance).toBe(3000n);
      expect(self1.held).toBe(0n);
      expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    },
  );

  it('a certificate running out within 30 days is told to the provider once (daily job, app clock)', async () => {
    const first = await notifyExpiringCertificates(s.db.prisma, START);
    expect(first.notified).toBeGreaterThanOrEqual(1);
    expect((await notifyExpiringCertificates(s.db.prisma, START)).notified).toBe(0);
    const notices = await gql(`{ notices(first: 20) { edges { node { kind body } } } }`, {}, 'new_provider');
    const expiring = notices.data.notices.edges.filter((e: any) => e.node.kind === 'CERTIFICATE_EXPIRING');
    // The 2026-11-18 and 2026-12-10 health certificates; the demo caregivers' run three years.
    expect(expiring.map((e: any) => e.node.body).sort()).toEqual(
      [expect.stringContaining('2026-11-18'), expect.stringContaining('2026-12-10')].sort(),
    );
  });
});

describe('001 八(二)1: suspension after three verified complaints, rectification and reinstatement', () => {
  const FILE = `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`;
  const verifiedComplaint = async () => {
    const o = await s.db.prisma.order.findFirstOrThrow({ where: { providerId, status: 'CONFIRMED' } });
    const c = (
      await gql(FILE, { i: { elderId: elder.id, orderId: o.id, content: '服务时间不足，提前离开' } }, 'yc_worker')
    ).data.fileComplaint;
    await gql(
      `mutation($id: ID!) { respondToComplaint(id: $id, response: "已核实并整改") { status } }`,
      { id: c.id },
      'new_provider',
    );
    const closed = await gql(
      `mutation($id: ID!) { closeComplaint(id: $id, satisfied: true, providerAtFault: true) { status } }`,
      { id: c.id },
      'yc_worker',
    );
    expect(closed.errors).toBeUndefined();
  };

  it('the third verified complaint suspends the provider from orders; the provider sees why', async () => {
    await verifiedComplaint();
    await verifiedComplaint();
    expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe('ACTIVE');
    await verifiedComplaint();
    expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe('SUSPENDED');
    expect(code(await place(hourly, 1))).toBe('PROVIDER_SUSPENDED');
    const seen = await gql(SANCTIONS, { p: providerId }, 'new_provider');
    expect(seen.data.providerSanctions).toEqual([
      expect.objectContaining({ kind: 'SUSPENSION', clause: '001 八(二)1(3)' }),
    ]);
  });

  it('reinstating without a verified rectification is refused and changes nothing', async () => {
    const r = await gql(REINSTATE, { p: providerId }, 'yc_admin');
    expect(code(r)).toBe('RECTIFICATION_NOT_VERIFIED');
    expect(err(r)!.message).toMatch(CJK);
    expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe('SUSPENDED');
    // Out of scope: the Huangpi district and another provider.
    expect(code(await gql(REINSTATE, { p: providerId }, 'district_admin'))).toBe('FORBIDDEN');
    expect(code(await gql(SANCTIONS, { p: providerId }, 'provider_admin'))).toBe('FORBIDDEN');
  });

  it('约谈 → 整改 with the deadline → report → verified → reinstated, and the provider receives orders again', async () => {
    const RECT = `mutation($p: ID!) { orderProviderRectification(providerId: $p, requirement: "规范服务时长，三十日内提交整改报告") { id
      status dueAt clause } }`;
    expect(code(await gql(RECT, { p: providerId }, 'yc_admin'))).toBe('INVALID_STATE'); // no interview yet
    const iv = await gql(
      `mutation($p: ID!) { recordProviderInterview(providerId: $p, notes: "约谈机构负责人，指出服务时长不足问题") { kind } }`,
      { p: providerId },
      'yc_admin',
    );
    expect(iv.data.recordProviderInterview.kind).toBe('INTERVIEW');
    const rect = (await gql(RECT, { p: providerId }, 'yc_admin')).data.orderProviderRectification;
    expect(rect).toMatchObject({ status: 'OPEN', clause: '001 八(二)1' });
    expect(new Date(rect.dueAt).getTime()).toBe(START.getTime() + 30 * DAY);
    const VERIFY = `mutation($id: ID!, $ok: Boolean!) { verifyProviderRectification(sanctionId: $id, passed: $ok, note:
      "现场核查") { status } }`;
    expect(code(await gql(VERIFY, { id: rect.id, ok: true }, 'yc_admin'))).toBe('INVALID_STATE'); // no report yet
    expect(code(await gql(REINSTATE, { p: providerId }, 'yc_admin'))).toBe('RECTIFICATION_NOT_VERIFIED');
    const sub = await gql(
      `mutation($id: ID!) { submitProviderRectification(sanctionId: $id, report: "已培训全部护理员并按时长服务") { status } }`,
      { id: rect.id },
      'new_provider',
    );
    expect(sub.data.submitProviderRectification.status).toBe('SUBMITTED');
    expect((await gql(VERIFY, { id: rect.id, ok: true }, 'yc_admin')).data.verifyProviderRectification.status).toBe(
      'VERIFIED',
    );
    expect((await gql(REINSTATE, { p: providerId }, 'yc_admin')).data.reinstateProvider.status).toBe('ACTIVE');
    const again = await place(hourly, 1);
    expect(again.errors).toBeUndefined();
    expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id: again.data.placeOrder.id } })).providerId).toBe(
      providerId,
    );
    const kinds = (await gql(SANCTIONS, { p: providerId }, 'new_provider')).data.providerSanctions.map(
      (x: any) => x.kind,
    );
    expect(kinds).toEqual(['REINSTATEMENT', 'RECTIFICATION', 'INTERVIEW', 'SUSPENSION']);
    const audited = await s.db.prisma.auditLog.findMany({
      where: { entity: 'Provider', entityId: providerId },
      select: { action: true },
    });
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'PROVIDER_SUSPENDED',
        'PROVIDER_INTERVIEWED',
        'PROVIDER_RECTIFICATION_ORDERED',
        'PROVIDER_RECTIFICATION_SUBMITTED',
        'PROVIDER_RECTIFICATION_VERIFIED',
        'PROVIDER_REINSTATED',
      ]),
    );
  });

  it("the provider's recipient list (服务对象台账) has the zone's elders with their agreement", async () => {
    const r = await gql(
      `query($p: ID!) { providerRecipients(providerId: $p) { elderId agreement { policyCode startedOn } } }`,
      { p: providerId },
      'new_provider',
    );
    expect(r.data.providerRecipients.find((x: any) => x.elderId === elder.id)?.agreement.policyCode).toBe(
      'YANGCHENG_2026',
    );
    expect(
      code(
        await gql(
          `query($p: ID!) { providerRecipients(providerId: $p) { elderId } }`,
          { p: providerId },
          'provider_admin',
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('001 八(二)2: termination on a listed ground passes the open orders to a successor', () => {
  const TERMINATE = `mutation($p: ID!, $g: String!, $s: ID) { terminateProviderContract(providerId: $p, ground: $g,
    successorProviderId: $s) { kind clause detail: reason } }`;
  it(
    'an unlisted ground is refused and changes nothing; a listed ' +
      'one ends the contract and moves the zone and its orders',
    async () => {
      const open = await s.db.prisma.order.findMany({ where: { providerId, status: { in: ['PLACED', 'ASSIGNED'] } } });
      expect(open.length).toBeGreaterThan(0);
      const bad = await gql(TERMINATE, { p: providerId, g: 'LATE_ONCE', s: zone.providerId }, 'yc_admin');
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(err(bad)!.message).toMatch(/FALSE_SERVICE_RECORDS/);
      expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe('ACTIVE');
      const r = await gql(TERMINATE, { p: providerId, g: 'FALSE_SERVICE_RECORDS', s: zone.providerId }, 'yc_admin');
      expect(r.data.terminateProviderContract).toMatchObject({ kind: 'TERMINATION', clause: '001 八(二)2(2)' });
      expect((await s.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe('TERMINATED');
      for (const o of open)
        expect(await s.db.prisma.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
          providerId: zone.providerId,
          status: 'PLACED',
          caregiverId: null,
        });
      expect(
        (await gql(QUOTE, { i: { elderId: elder.id, serviceCode: hourly, quantity: 1 } }, 'yc_worker')).data.quoteOrder
          .unitPriceFen,
      ).toBe(3500);
      expect((await s.db.prisma.providerContract.findFirstOrThrow({ where: { providerId } })).terminationGround).toBe(
        'FALSE_SERVICE_RECORDS',
      );
    },
  );

  it(
    'without a successor the open orders are held where they ' +
      'are, the zone has no provider, and the county is told',
    async () => {
      const successor = zone.providerId!;
      const open = await s.db.prisma.order.findMany({
        where: { providerId: successor, status: { in: ['PLACED', 'ASSIGNED'] } },
      });
      expect(open.length).toBeGreaterThan(0);
      const r = await gql(TERMINATE, { p: successor, g: 'SELLING_HEALTH_PRODUCTS' }, 'yc_admin');
      expect(r.data.terminateProviderContract).toMatchObject({ kind: 'TERMINATION', clause: '001 八(二)2(3)' });
      for (const o of open)
        expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id: o.id } })).providerId).toBe(successor);
      expect(code(await place(hourly, 1))).toBe('OUT_OF_ZONE');
      const told = await gql(`{ notices(first: 50) { edges { node { kind body } } } }`, {}, 'yc_admin');
      expect(
        told.data.notices.edges.some(
          (e: any) =>
            e.node.kind === 'PROVIDER_SANCTION' && e.node.body.includes(`${open.length} 张未开始的工单暂停派单`),
        ),
      ).toBe(true);
    },
  );
});
