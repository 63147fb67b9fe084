// Shared setup for the credit tests (002 二(三)10): a seeded server on a mid-November 2026 clock whose Huangpi
// programme carries Dongxihu's credit section (Huangpi's demo has the providers, caregivers, complaints and orders
// the events come from), and an order helper.
import 'reflect-metadata';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { parsePolicyDocument } from '../policies/policy.schema.js';
import { dongxihuCredit } from '../policies/documents/dongxihu-2024.credit.js';

export let s: TestServer;
export const t: Record<string, string> = {};
export const clock = { now: new Date('2026-11-18T10:00:00+08:00') };
export const gql = <T = any>(q: string, v: Record<string, unknown>, who?: string) =>
  s.gql<T>(q, v, who ? t[who] : undefined);
export const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
export const ids = { elder: '', provider: '', caregiver: '', other: '', policy: '' };
let seq = 0;

export async function setup() {
  s = await startTestServer({}, { clock: () => clock.now });
  const p = s.db.prisma;
  const policy = await p.policy.findUniqueOrThrow({ where: { code: 'HUANGPI_2020' } });
  const doc = { ...(policy.document as object), credit: dongxihuCredit };
  await p.policy.update({ where: { id: policy.id }, data: { document: parsePolicyDocument(doc) as never } });
  for (const u of ['family', 'worker', 'provider_admin', 'caregiver', 'district_admin', 'street_officer', 'elder'])
    t[u] = await s.login(u);
  const admin = await p.user.findUniqueOrThrow({ where: { username: 'provider_admin' } });
  const cgUser = await p.user.findUniqueOrThrow({ where: { username: 'caregiver' } });
  const caregivers = await p.caregiver.findMany({ where: { providerId: admin.providerId! }, orderBy: { id: 'asc' } });
  ids.policy = policy.id;
  ids.provider = admin.providerId!;
  ids.caregiver = caregivers.find((c) => c.userId === cgUser.id)!.id;
  ids.other = caregivers.find((c) => c.userId !== cgUser.id)!.id;
  ids.elder = (
    await p.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } }, orderBy: { createdAt: 'asc' } })
  ).elderId;
}

/** An order of the elder with the demo provider, as booked (PLACED, tomorrow) or checked out an hour ago. */
export async function order(status: 'PLACED' | 'COMPLETED', caregiverId: string | null = null) {
  const p = s.db.prisma;
  const enrolment = await p.enrolment.findFirstOrThrow({ where: { elderId: ids.elder, status: 'ACTIVE' } });
  const item = await p.serviceItem.findFirstOrThrow({ where: { policyId: enrolment.policyId, mode: 'OFFLINE' } });
  const at = new Date(clock.now.getTime() + (status === 'PLACED' ? 86_400_000 : -3600_000));
  return p.order.create({
    data: {
      elderId: ids.elder,
      enrolmentId: enrolment.id,
      serviceItemId: item.id,
      providerId: ids.provider,
      caregiverId,
      quantity: 1,
      scheduledAt: at,
      channel: 'WORKER',
      placedById: (await p.user.findUniqueOrThrow({ where: { username: 'worker' } })).id,
      status,
      amountFen: 0,
      idempotencyKey: `credit-${seq++}`,
      requestHash: 'h',
    },
  });
}

export const RECORD = `query($p: String!, $t: CreditSubjectType, $id: ID) {
  creditRecord(policyCode: $p, subjectType: $t, subjectId: $id) {
    subjectType subjectId score base dispatch settlementHeld publicList source
    events { id kind label points reason evidence status appeals { id status } }
  } }`;
export const MANUAL = `mutation($i: RecordCreditEventInput!) {
  recordCreditEvent(input: $i) { id kind points status } }`;
export const APPEAL = `mutation($e: ID!, $r: String!) { appealCreditEvent(eventId: $e, reason: $r) { id status } }`;
export const DECIDE = `mutation($a: ID!, $u: Boolean!, $d: String!) {
  decideCreditAppeal(appealId: $a, uphold: $u, decision: $d) { id status event { id status points } } }`;
export const SUGGEST = `query($o: ID!) { caregiverSuggestions(orderId: $o) { caregiver { id } } }`;
export const ASSIGN = `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`;

export const finding = (
  subjectType: string,
  subjectId: string,
  evidence: string | null = '检查记录 2026-11-18 第 3 号',
) => ({
  i: {
    policyCode: 'HUANGPI_2020',
    subjectType,
    subjectId,
    kind: 'INSPECTION_FINDING',
    reason: '上门检查发现服务记录与实际不符',
    evidence,
  },
});
