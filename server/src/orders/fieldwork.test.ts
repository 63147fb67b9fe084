// The caregiver's app between dispatch and sign-off (issue 23): 出发 tells the family, the check-in
// window comes from the programme (000 六·流程2, 30 minutes early to 2 hours late, assumed), the
// service notes are kept on the visit, 签退 scans the home code again, and the elder's signature on
// the phone confirms and charges the visit once (000 六·流程2 老人签字确认), even when sent twice at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyDocument } from '../policies/index.js';
import type { TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';
import { code, gql, JPEG, startVisits, upload } from '../testing/visits-fixtures.js';
import { ledgerViolations } from '../wallet/index.js';

// The smallest PNG a phone's canvas could export: the signature the elder drew.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const MIN = 60_000;
const VISIT = `{ id status departedAt evidence checkInWindow { opensAt closesAt source }
  visit { serviceNotes signatureUrl checkOutAt } }`;
const DEPART = `mutation($o: ID!) { departForVisit(orderId: $o) ${VISIT} }`;
const NOTES = `mutation($o: ID!, $n: String!) { recordVisitNotes(orderId: $o, serviceNotes: $n) ${VISIT} }`;
const SIGN = `mutation($o: ID!, $f: ID!) { signOffVisit(orderId: $o, signatureFileId: $f) ${VISIT} }`;
const ORDER = `query($o: ID!) { order(id: $o) ${VISIT} }`;

let s: TestServer;
let orderId: string;
let qr: string;
let elder: { id: string; latitude: number | null; longitude: number | null };
let booked: Date;
const id = async (who: string, body: Buffer, type: string) =>
  ((await (await upload(who, body, type)).json()) as { id: string }).id;
const at = (d: Date) => (s.app.services.clock = () => d);
const snapshot = async () => s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { visit: true } });

beforeAll(async () => {
  ({ s, orderId, qr, elder } = await startVisits());
  booked = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;
});
afterAll(async () => s?.close());

describe('出发 and the check-in window', () => {
  it('shows the window the programme sets around the booked time', async () => {
    const r = await gql(ORDER, { o: orderId }, 'caregiver');
    const order = await s.db.prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { serviceItem: { include: { policy: true } } },
    });
    const w = policyDocument(order.serviceItem.policy).visits.checkInWindow;
    expect(r.data.order.checkInWindow).toEqual({
      opensAt: new Date(booked.getTime() - w.earlyMinutes * MIN).toISOString(),
      closesAt: new Date(booked.getTime() + w.lateMinutes * MIN).toISOString(),
      source: w.source,
    });
  });

  it('is refused to the family and the provider, and changes nothing', async () => {
    expect(code(await gql(DEPART, { o: orderId }, 'family'))).toBe('FORBIDDEN');
    expect(code(await gql(DEPART, { o: orderId }, 'provider_admin'))).toBe('FORBIDDEN');
    expect((await snapshot()).departedAt).toBeNull();
  });

  it('records when the caregiver set off and tells the family once', async () => {
    const left = new Date(booked.getTime() - 40 * MIN);
    at(left);
    const r = await gql(DEPART, { o: orderId }, 'caregiver');
    expect(r.errors).toBeUndefined();
    expect(r.data.departForVisit.departedAt).toBe(left.toISOString());
    at(new Date(left.getTime() + 5 * MIN));
    const again = await gql(DEPART, { o: orderId }, 'caregiver');
    expect(again.data.departForVisit.departedAt).toBe(left.toISOString());
    const family = await gql(ORDER, { o: orderId }, 'family');
    expect(family.data.order.departedAt).toBe(left.toISOString());
    const notices = await s.db.prisma.notice.findMany({
      where: { kind: 'CAREGIVER_DEPARTED', elderId: elder.id, user: { username: 'family' } },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toMatch(/已出发/);
  });
});

describe('service notes and 签退 with the home code', () => {
  it('refuses notes before check-in', async () => {
    expect(code(await gql(NOTES, { o: orderId, n: '打扫了客厅' }, 'caregiver'))).toBe('INVALID_STATE');
  });

  it('keeps the notes written during the visit, for the family too', async () => {
    at(new Date(booked.getTime() - 10 * MIN));
    const photoId = await id('caregiver', JPEG, 'image/jpeg');
    const place = { latitude: elder.latitude!, longitude: elder.longitude!, photoId };
    const inn = await gql(
      `mutation($i: CheckInInput!) { checkIn(input: $i) { status } }`,
      {
        i: { orderId, qrToken: qr, ...place },
      },
      'caregiver',
    );
    expect(inn.errors).toBeUndefined();
    expect(code(await gql(DEPART, { o: orderId }, 'caregiver'))).toBe('INVALID_STATE');
    const short = await gql(NOTES, { o: orderId, n: ' 好 ' }, 'caregiver');
    expect(code(short)).toBe('BAD_USER_INPUT');
    expect((await snapshot()).visit!.serviceNotes).toBeNull();
    expect(code(await gql(NOTES, { o: orderId, n: '剪了手脚指甲' }, 'family'))).toBe('FORBIDDEN');
    const r = await gql(NOTES, { o: orderId, n: '  剪了手脚指甲，老人精神好  ' }, 'caregiver');
    expect(r.errors).toBeUndefined();
    expect((await gql(ORDER, { o: orderId }, 'family')).data.order.visit.serviceNotes).toBe('剪了手脚指甲，老人精神好');
  });

  it('refuses a check-out with another home code, and accepts the elder’s own', async () => {
    at(new Date(booked.getTime() + 30 * MIN));
    const photoId = await id('caregiver', JPEG, 'image/jpeg');
    const input = { orderId, latitude: elder.latitude!, longitude: elder.longitude!, photoId };
    const OUT = `mutation($i: CheckOutInput!) { checkOut(input: $i) { status } }`;
    const wrong = await gql(OUT, { i: { ...input, qrToken: `${qr.slice(0, -2)}xx` } }, 'caregiver');
    expect(code(wrong)).toBe('BAD_USER_INPUT');
    expect((await snapshot()).status).toBe('IN_SERVICE');
    const r = await gql(OUT, { i: { ...input, qrToken: qr } }, 'caregiver');
    expect(r.data?.checkOut.status).toBe('COMPLETED');
  });
});

describe('the elder’s signature on the phone', () => {
  it('refuses a JPEG, another person’s file and other roles, and changes nothing', async () => {
    const jpeg = await id('caregiver', JPEG, 'image/jpeg');
    expect(code(await gql(SIGN, { o: orderId, f: jpeg }, 'caregiver'))).toBe('BAD_USER_INPUT');
    // Files are kept by content hash, so the provider's image differs from the elder's.
    const theirs = await id('provider_admin', Buffer.concat([PNG, Buffer.from('provider')]), 'image/png');
    expect(code(await gql(SIGN, { o: orderId, f: theirs }, 'caregiver'))).toBe('BAD_USER_INPUT');
    expect(code(await gql(SIGN, { o: orderId, f: theirs }, 'provider_admin'))).toBe('FORBIDDEN');
    expect(code(await gql(SIGN, { o: orderId, f: theirs }, 'family'))).toBe('FORBIDDEN');
    const after = await snapshot();
    expect([after.status, after.evidence, after.visit!.signatureFileId]).toEqual(['COMPLETED', null, null]);
  });

  it('confirms and charges once when the signature is sent twice at once', async () => {
    const sig = await id('caregiver', PNG, 'image/png');
    const [a, b] = await Promise.all([
      gql(SIGN, { o: orderId, f: sig }, 'caregiver'),
      gql(SIGN, { o: orderId, f: sig }, 'caregiver'),
    ]);
    const ok = [a, b].filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect([a, b].map(code).filter(Boolean)).toEqual(['INVALID_STATE']);
    expect(ok[0]!.data.signOffVisit).toMatchObject({
      status: 'CONFIRMED',
      evidence: 'ELDER_SIGNATURE',
      visit: { signatureUrl: `/files/${sig}` },
    });
    const again = await gql(SIGN, { o: orderId, f: sig }, 'caregiver');
    expect(code(again)).toBe('INVALID_STATE');
    const charges = await s.db.prisma.ledgerTransaction.count({
      where: { orderId, idempotencyKey: { startsWith: `order:${orderId}:charge:` } },
    });
    const holds = await s.db.prisma.hold.count({ where: { orderId } });
    expect(charges).toBe(holds);
    expect(await s.db.prisma.hold.count({ where: { orderId, status: 'ACTIVE' } })).toBe(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
    // The family may see the signature the elder gave, as they see the photos.
    const base = s.url.replace(/\/graphql$/, '');
    const familyToken = await s.login('family');
    const got = await fetch(`${base}/files/${sig}`, { headers: { authorization: `Bearer ${familyToken}` } });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    expect(code(await gql(NOTES, { o: orderId, n: '补充记录' }, 'caregiver'))).toBe('INVALID_STATE');
  });
});

describe('a programme that does not take signatures on the phone', () => {
  it('refuses the signature with EVIDENCE_NOT_ACCEPTED and changes nothing, so the code is used instead', async () => {
    // Yangcheng (001 七(三)) lists the elder's or family's word and the verifying call, not a phone signature.
    const worker = await s.login('yc_worker');
    const community = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } })).regionId!;
    const ycElder = await s.db.prisma.elder.findFirstOrThrow({
      where: { communityId: community, status: 'ENROLLED', latitude: { not: null } },
      orderBy: { id: 'asc' },
    });
    const now = s.app.services.clock();
    const placed = await s.gql<{ placeOrder: { id: string; provider: { id: string } } }>(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id provider { id } } }`,
      {
        i: {
          elderId: ycElder.id,
          serviceCode: 'YC_CLEANING',
          quantity: 1,
          scheduledAt: new Date(now.getTime() + 60 * MIN).toISOString(),
          idempotencyKey: 'fieldwork-yc',
        },
      },
      worker,
    );
    expect(placed.errors).toBeUndefined();
    const { id: ycOrder, provider } = placed.data!.placeOrder;
    const ycCaregiver = await s.db.prisma.caregiver.findFirstOrThrow({
      where: { providerId: provider.id, userId: null },
      orderBy: { id: 'asc' },
    });
    const admin = await addUser(s, 'fw_yc_admin', {
      role: 'PROVIDER_ADMIN',
      displayName: '阳城机构',
      providerId: provider.id,
    });
    const cgToken = await addUser(s, 'fw_yc_cg', {
      role: 'CAREGIVER',
      displayName: '阳城护理员',
      providerId: provider.id,
    });
    const cgUser = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'fw_yc_cg' } });
    await s.db.prisma.caregiver.update({ where: { id: ycCaregiver.id }, data: { userId: cgUser.id } });
    const assigned = await s.gql(
      `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
      { o: ycOrder, c: ycCaregiver.id },
      admin,
    );
    expect(assigned.errors).toBeUndefined();
    const ycQr = (
      await s.gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: ycElder.id }, worker)
    ).data!.homeQrToken;
    const base = s.url.replace(/\/graphql$/, '');
    // Files are kept by content hash: this caregiver's photos differ from the demo caregiver's.
    const post = async (body: Buffer, type: string) =>
      (
        (await (
          await fetch(`${base}/files`, {
            method: 'POST',
            headers: { authorization: `Bearer ${cgToken}`, 'content-type': type },
            body,
          })
        ).json()) as { id: string }
      ).id;
    const where = { latitude: ycElder.latitude!, longitude: ycElder.longitude! };
    at(new Date(now.getTime() + 55 * MIN));
    const inn = await s.gql(
      `mutation($i: CheckInInput!) { checkIn(input: $i) { status } }`,
      {
        i: {
          orderId: ycOrder,
          qrToken: ycQr,
          ...where,
          photoId: await post(Buffer.concat([JPEG, Buffer.from('yc-in')]), 'image/jpeg'),
        },
      },
      cgToken,
    );
    expect(inn.errors).toBeUndefined();
    at(new Date(now.getTime() + 120 * MIN));
    const out = await s.gql(
      `mutation($i: CheckOutInput!) { checkOut(input: $i) { status } }`,
      {
        i: {
          orderId: ycOrder,
          qrToken: ycQr,
          ...where,
          photoId: await post(Buffer.concat([JPEG, Buffer.from('yc-out')]), 'image/jpeg'),
        },
      },
      cgToken,
    );
    expect(out.errors).toBeUndefined();
    const sig = await post(Buffer.concat([PNG, Buffer.from('yangcheng')]), 'image/png');
    const r = await s.gql(SIGN, { o: ycOrder, f: sig }, cgToken);
    expect(code(r)).toBe('EVIDENCE_NOT_ACCEPTED');
    expect(r.errors?.[0]?.message).toMatch(/确认码/);
    const after = await s.db.prisma.order.findUniqueOrThrow({ where: { id: ycOrder }, include: { visit: true } });
    expect([after.status, after.evidence, after.visit!.signatureFileId]).toEqual(['COMPLETED', null, null]);
    expect(await s.db.prisma.hold.count({ where: { orderId: ycOrder, status: 'ACTIVE' } })).toBeGreaterThan(0);
  });
});
