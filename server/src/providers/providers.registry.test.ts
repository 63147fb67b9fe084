// A provider's life under a Yangcheng contract, through the API on a seeded server, first half:
// registered (001 五(二)), contracted (001 六), given a zone, priced above the subsidy cap (001 三(三),
// 五(二)2) and staffed with certified caregivers (000 五). The sanctions that follow are in
// providers.sanctions.test.ts, which starts from the state this suite ends in (providers.fixtures.ts).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../testing/harness.js';
import {
  ASSIGN,
  CERTIFY,
  CJK,
  CONFIRM_BY_CALL,
  CONTRACT,
  PROVIDER_INPUT,
  QUOTE,
  REGISTER,
  REGISTER_CAREGIVER,
  SET_PRICE,
  SIGN,
  START,
  ZONE,
  caregiverInput,
  code,
  completeVisit,
  err,
  startWorld,
  type World,
} from './providers.fixtures.js';
import { addUser } from '../testing/users.js';
import { elderAccount, ledgerViolations } from '../wallet/ledger.service.js';
import { notifyExpiringCertificates } from './index.js';

let w: World;
let s: TestServer;
let t: World['t'];
let elder: World['elder'];
let zone: World['zone'];
let hourly: string;
let gql: World['gql'];
let place: World['place'];
let providerId: string;
let caregiverId: string;

beforeAll(async () => {
  w = await startWorld();
  ({ s, t, elder, zone, hourly, gql, place } = w);
});
afterAll(async () => w?.s.close());

describe('a provider registered, contracted and zoned by the county (001 五, 六)', () => {
  it('refuses a bad credit code, another county and other roles, and registers nothing', async () => {
    const before = await s.db.prisma.provider.count();
    const bad = await gql(REGISTER, { i: { ...PROVIDER_INPUT, creditCode: '1234' } }, 'yc_admin');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(err(bad)!.message).toMatch(CJK);
    expect(code(await gql(REGISTER, { i: PROVIDER_INPUT }, 'district_admin'))).toBe('FORBIDDEN');
    expect(code(await gql(REGISTER, { i: PROVIDER_INPUT }, 'yc_worker'))).toBe('FORBIDDEN');
    expect(await s.db.prisma.provider.count()).toBe(before);
  });

  it('registers the provider, whose admin then sees it', async () => {
    const r = await gql(REGISTER, { i: PROVIDER_INPUT }, 'yc_admin');
    expect(r.errors).toBeUndefined();
    providerId = r.data.registerProvider.id;
    t.new_provider = await addUser(s, 'yc_new_provider', {
      displayName: '润泽管理员',
      role: 'PROVIDER_ADMIN',
      providerId,
    });
    const mine = await gql(`{ providers { id } }`, {}, 'new_provider');
    expect(mine.data.providers.map((p: any) => p.id)).toEqual([providerId]);
    expect(code(await gql(REGISTER, { i: PROVIDER_INPUT }, 'yc_admin'))).toBe('INVALID_STATE');
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
    const contract = { ...CONTRACT, providerId, startsOn: '2026-12-31', endsOn: '2026-01-01' };
    const bad = await gql(SIGN, { i: contract }, 'yc_admin');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(err(bad)!.message).toBe('合同结束日期须晚于开始日期。');
    expect(await s.db.prisma.providerContract.count({ where: { providerId } })).toBe(0);
    // No zone before a contract.
    expect(code(await gql(ZONE, { p: providerId, z: zone.code }, 'yc_admin'))).toBe('INVALID_STATE');
    const ok = await gql(SIGN, { i: { ...contract, startsOn: '2026-01-01', endsOn: '2026-12-31' } }, 'yc_admin');
    expect(ok.data.signProviderContract).toMatchObject({
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      settlementMethod: '按月结算',
    });
  });

  it("the zone goes to the provider, so the elder's orders do", async () => {
    const r = await gql(ZONE, { p: providerId, z: zone.code }, 'yc_admin');
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
    expect(code(await gql(SET_PRICE, { p: providerId, c: 'NO_SUCH_ITEM', f: 5000 }, 'new_provider'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await gql(SET_PRICE, { p: providerId, c: hourly, f: 5000 }, 'provider_admin'))).toBe('FORBIDDEN');
    expect((await gql(SET_PRICE, { p: providerId, c: hourly, f: 5000 }, 'new_provider')).data.setProviderPrice).toEqual(
      {
        serviceCode: hourly,
        priceFen: 5000,
        subsidyCapFenPerHour: 3500,
      },
    );
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
    const input = caregiverInput(providerId);
    const { idNumber } = input;
    expect(
      code(await gql(REGISTER_CAREGIVER, { i: { ...input, idNumber: '140522197506011234' } }, 'new_provider')),
    ).toBe('BAD_USER_INPUT');
    expect(code(await gql(REGISTER_CAREGIVER, { i: input }, 'provider_admin'))).toBe('FORBIDDEN');
    const r = await gql(REGISTER_CAREGIVER, { i: input }, 'new_provider');
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
      // Expired already: refused. Expiring before the visit: still not assignable.
      expect(
        code(await gql(CERTIFY, { i: { caregiverId, kind: 'HEALTH', expiresOn: '2026-11-01' } }, 'new_provider')),
      ).toBe('BAD_USER_INPUT');
      await gql(CERTIFY, { i: { caregiverId, kind: 'HEALTH', expiresOn: '2026-11-18' } }, 'new_provider');
      expect(code(await gql(ASSIGN, { o: orderId, c: caregiverId }, 'new_provider'))).toBe('CAREGIVER_NOT_CERTIFIED');
      expect(
        (await gql(CERTIFY, { i: { caregiverId, kind: 'HEALTH', expiresOn: '2026-12-10' } }, 'new_provider')).data
          .addCaregiverCertificate,
      ).toEqual({ kind: 'HEALTH', expiresOn: '2026-12-10' });
      expect((await gql(SUGGEST, { o: orderId }, 'new_provider')).data.caregiverSuggestions).toEqual([
        { caregiver: { id: caregiverId } },
      ]);
      expect((await gql(ASSIGN, { o: orderId, c: caregiverId }, 'new_provider')).data.assignOrder.status).toBe(
        'ASSIGNED',
      );
      // A certificate that runs out in 58 days is not told yet (the next test).
      await gql(CERTIFY, { i: { caregiverId, kind: 'SKILL:助洁', expiresOn: '2027-01-15' } }, 'new_provider');
    },
  );

  it(
    'the confirmed visit charges the split: 120 subsidy ' + 'minutes and 30 元 self-paid, and the ledger holds',
    async () => {
      await completeVisit(w, orderId, caregiverId);
      const self0 = await s.db.prisma.$transaction((tx) => elderAccount(tx, elder.id, 'SELF_PAID', 'FEN'));
      const r = await gql(CONFIRM_BY_CALL, { o: orderId }, 'yc_worker');
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
