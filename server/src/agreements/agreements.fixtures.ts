// Test-only: Weihai home visits through the real order and visit engine (004 三(二), 五(二)3/5). An
// agreement elder is assessed, applies to WEIHAI_2022 and is approved through the programme's workflow
// (street review, district filing: 004 五(二)2); the agreement signed with a provider is reviewed by the
// street and filed by the district (五(二)3); each visit is then booked by the community worker
// (placeOrder, which places it under the filed agreement: its provider, item and price), assigned by that
// provider, checked in at the elder's home with the home code and checked out by its caregiver, and
// confirmed after the worker's follow-up call, which is what counts toward the agreement (confirmedAt)
// and what the project pays (五(五)).
import type { TestServer } from '../testing/harness.js';
import type { bedWorld } from '../carebeds/carebeds.fixtures.js';

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('visit photo'),
  Buffer.from([0xff, 0xd9]),
]);
const minute = 60_000;
let seq = 0;

/** A visit agreement as the Weihai worker signs it (004 五(二)3): cleaning and meals, weekly, 50 元, 24 months. */
export const agreementInput = (elderId: string, over: Record<string, unknown> = {}) => ({
  elderId,
  items: ['WH_CLEANING', 'WH_MEAL'],
  method: '上门服务，每周一次',
  priceFen: 5000,
  startsOn: '2022-11-01',
  termMonths: 24,
  ...over,
});

export async function visitWorld(
  s: TestServer,
  w: Awaited<ReturnType<typeof bedWorld>>,
  setNow: (at: Date) => void,
  // 004 五(二)3: the visit goes to the agreement's provider. WH-P02 (admin wh_provider2) is not the zone's
  // provider of 环翠区 (WH-P01), so a visit that reached it came through its agreement.
  providerCode = 'WH-P02',
  providerAdmin = 'wh_provider2',
) {
  const p = s.db.prisma;
  const provider = await p.provider.findUniqueOrThrow({ where: { code: providerCode } });
  const caregiver = await p.caregiver.findFirstOrThrow({ where: { providerId: provider.id }, orderBy: { id: 'asc' } });
  // The provider's caregiver signs in with the demo password (the worker's hash).
  const username = `wh_caregiver_${provider.code}`;
  if (!caregiver.userId) {
    const worker = await p.user.findUniqueOrThrow({ where: { username: 'wh_worker' } });
    const user = await p.user.create({
      data: {
        username,
        passwordHash: worker.passwordHash,
        displayName: caregiver.name,
        role: 'CAREGIVER',
        providerId: provider.id,
      },
    });
    await p.caregiver.update({ where: { id: caregiver.id }, data: { userId: user.id } });
  }
  const caregiverToken = await s.login(username);
  const base = s.url.replace(/\/graphql$/, '');
  const asCaregiver = (q: string, v: Record<string, unknown>) => s.gql(q, v, caregiverToken);

  /** Assessed, applied and approved through WEIHAI_2022's workflow; returns the enrolment. */
  async function enrol(elderId: string, on: Date) {
    setNow(on);
    const day = on.toISOString().slice(0, 10);
    w.ok(
      await w.as(
        'wh_worker',
        `mutation($i: CapabilityAssessmentInput!) { recordCapabilityAssessment(input: $i) { id } }`,
        {
          i: {
            elderId,
            selfCareAbility: 'PARTIAL',
            agency: '威海市养老服务评估中心',
            assessorName: '王评估',
            assessedOn: day,
          },
        },
      ),
      'recordCapabilityAssessment',
    );
    const app = w.ok(
      await w.as('wh_worker', `mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { id stage } }`, {
        i: { elderId, policyCode: 'WEIHAI_2022' },
      }),
      'submitApplication',
    );
    const review = `mutation($id: ID!) {
      reviewApplication(id: $id, decision: APPROVE, comment: "同意") { id stage status } }`;
    let stage = app.stage as string;
    for (let i = 0; stage !== 'DONE' && i < 5; i++) {
      const who = stage === 'STREET_REVIEW' ? 'wh_street' : stage === 'DISTRICT_FILING' ? 'wh_admin' : 'wh_worker';
      stage = w.ok(await w.as(who, review, { id: app.id }), 'reviewApplication').stage;
    }
    return p.enrolment.findFirstOrThrow({ where: { elderId, status: 'ACTIVE' } });
  }

  /** A visit at `at` (Asia/Shanghai instant), `minutes` long, confirmed by the worker's call at `confirmAt`. */
  async function visit(
    elderId: string,
    o: { at: Date; minutes?: number; confirmAt?: Date; serviceCode?: string; confirm?: boolean },
  ) {
    const minutes = o.minutes ?? 45;
    setNow(new Date(o.at.getTime() - 60 * minute));
    const placed = w.ok(
      await w.as('wh_worker', `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
        i: {
          elderId,
          serviceCode: o.serviceCode ?? 'WH_CLEANING',
          quantity: 1,
          scheduledAt: o.at.toISOString(),
          idempotencyKey: `wh-visit-${seq++}-${o.at.getTime()}`,
        },
      }),
      'placeOrder',
    );
    w.ok(
      await w.as(providerAdmin, `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { id } }`, {
        o: placed.id,
        c: caregiver.id,
      }),
      'assignOrder',
    );
    const qr = w.ok(
      await w.as('wh_worker', `query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elderId }),
      'homeQrToken',
    );
    const elder = await p.elder.findUniqueOrThrow({ where: { id: elderId } });
    const photo = async () => {
      const res = await fetch(`${base}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${caregiverToken}`, 'content-type': 'image/jpeg' },
        body: JPEG,
      });
      return ((await res.json()) as { id: string }).id;
    };
    const where = { latitude: elder.latitude, longitude: elder.longitude };
    setNow(o.at);
    w.ok(
      await asCaregiver(`mutation($i: CheckInInput!) { checkIn(input: $i) { status } }`, {
        i: { orderId: placed.id, qrToken: qr, ...where, photoId: await photo() },
      }),
      'checkIn',
    );
    setNow(new Date(o.at.getTime() + minutes * minute));
    w.ok(
      await asCaregiver(`mutation($i: CheckOutInput!) { checkOut(input: $i) { status } }`, {
        i: { orderId: placed.id, ...where, photoId: await photo() },
      }),
      'checkOut',
    );
    if (o.confirm !== false)
      await confirm(placed.id, o.confirmAt ?? new Date(o.at.getTime() + (minutes + 30) * minute));
    return placed.id as string;
  }

  /** 五(二)5 服务档案: the worker calls the elder, who confirms the visit. */
  async function confirm(orderId: string, at: Date) {
    setNow(at);
    return w.ok(
      await w.as(
        'wh_worker',
        `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "回访老人，确认已上门服务") { id status } }`,
        {
          o: orderId,
        },
      ),
      'confirmVisitByCall',
    );
  }
  /** 五(二)3: signed with the provider, reviewed by the street, filed by the district; returns its id. */
  async function agree(elderId: string, over: Record<string, unknown> = {}) {
    const id = w.ok(
      await w.as(
        'wh_worker',
        `mutation($p: ID!, $i: SignVisitAgreementInput!) { signVisitAgreement(providerId: $p, input: $i) { id } }`,
        {
          p: provider.id,
          i: agreementInput(elderId, over),
        },
      ),
      'signVisitAgreement',
    ).id as string;
    const review = `mutation($id: ID!) { reviewVisitAgreement(id: $id, approved: true) { status } }`;
    w.ok(await w.as('wh_street', review, { id }), 'reviewVisitAgreement');
    w.ok(await w.as('wh_admin', review, { id }), 'reviewVisitAgreement');
    return id;
  }
  return { enrol, agree, visit, confirm, caregiver, provider };
}
