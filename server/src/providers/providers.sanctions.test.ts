// A provider's life under a Yangcheng contract, second half: suspended after three verified complaints
// (001 八(二)1(3)), interviewed, rectified, verified and reinstated, then receiving orders again; and
// terminated on a listed ground (001 八(二)2) with its open orders passed to a successor. It starts where
// providers.registry.test.ts ends: the provider contracted, zoned and priced, one visit confirmed.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../testing/harness.js';
import { CJK, DAY, QUOTE, START, code, contractedProvider, err, startWorld, type World } from './providers.fixtures.js';

let w: World;
let s: TestServer;
let elder: World['elder'];
let zone: World['zone'];
let hourly: string;
let gql: World['gql'];
let place: World['place'];
let providerId: string;
const REINSTATE = `mutation($p: ID!) { reinstateProvider(providerId: $p) { status } }`;
const SANCTIONS = `query($p: ID!) { providerSanctions(providerId: $p) { id kind status clause reason dueAt } }`;

beforeAll(async () => {
  w = await startWorld();
  ({ s, elder, zone, hourly, gql, place } = w);
  ({ providerId } = await contractedProvider(w));
});
afterAll(async () => w?.s.close());

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
