// A verified visit end to end (000 六: 扫码签到 with location and photo, 签出, 老人确认; the
// confirmation charges the booked holds): order → assign → photo → check-in → check-out → confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../testing/harness.js';
import {
  balance,
  CHECK_IN,
  CHECK_OUT,
  code,
  gql,
  held,
  JPEG,
  nextSeq,
  START,
  upload,
} from '../testing/visits-fixtures.js';
import { startVisits } from '../testing/visits-fixtures.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { distanceMeters } from './visits.service.js';

let s: TestServer;
let base: string;
let tokens: Record<string, string>;
let elder: { id: string; latitude: number | null; longitude: number | null };
let orderId: string;
let photoId: string;
let qr: string;
beforeAll(async () => void ({ s, base, tokens, elder, orderId, qr } = await startVisits()));
afterAll(async () => s?.close());

describe('visit verification', () => {
  it('accepts only real JPEG/PNG photos from caregivers', async () => {
    expect((await upload('caregiver', Buffer.from('not an image'))).status).toBe(400);
    expect((await upload('caregiver', JPEG, 'image/png')).status).toBe(400);
    expect((await upload('family', JPEG)).status).toBe(403);
    const ok = await upload('caregiver', JPEG);
    expect(ok.status).toBe(201);
    photoId = ((await ok.json()) as { id: string }).id;
  });

  it("refuses a check-in with another home's code, away from the home, or without the caregiver's photo", async () => {
    // At the booked time, so only the code, the place or the photo is wrong.
    const bookedAt = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;
    s.app.services.clock = () => bookedAt;
    const at = { lat: elder.latitude!, lng: elder.longitude! };
    const otherElder = await s.db.prisma.elder.findFirstOrThrow({
      where: { id: { not: elder.id }, community: { users: { some: { username: 'worker' } } } },
    });
    const otherQr = (
      await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: otherElder.id }, 'worker')
    ).data!.homeQrToken;
    const input = { orderId, qrToken: qr, latitude: at.lat, longitude: at.lng, photoId };
    expect(
      (await gql(CHECK_IN, { i: { ...input, qrToken: otherQr } }, 'caregiver')).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await gql(CHECK_IN, { i: { ...input, qrToken: qr.slice(0, -2) + 'xx' } }, 'caregiver')).errors?.[0]?.extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    // About 1.1 km north of the home.
    const far = await gql(CHECK_IN, { i: { ...input, latitude: at.lat + 0.01 } }, 'caregiver');
    expect(far.errors?.[0]?.extensions?.code).toBe('GEOFENCE_VIOLATION');
    expect(far.errors?.[0]?.message).toMatch(/米/);
    const stranger = await s.db.prisma.storedFile.create({
      data: {
        storageKey: 'x'.repeat(64),
        mimeType: 'image/jpeg',
        sizeBytes: 1,
        sha256: 'x',
        uploadedById: (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } })).id,
      },
    });
    expect(
      (await gql(CHECK_IN, { i: { ...input, photoId: stranger.id } }, 'caregiver')).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await gql(CHECK_IN, { i: input }, 'family')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Only around the booked time (the programme's window: 30 minutes early to 2 hours late, assumed).
    const booked = bookedAt;
    try {
      for (const offsetMinutes of [-3 * 24 * 60, -31, 121, 3 * 24 * 60]) {
        s.app.services.clock = () => new Date(booked.getTime() + offsetMinutes * 60_000);
        const r = await gql(CHECK_IN, { i: input }, 'caregiver');
        expect(code(r)).toBe('OUTSIDE_VISIT_WINDOW');
        expect(r.errors?.[0]?.message).toMatch(/签到须在预约时间前 30 分钟到后 2 小时之间/);
      }
    } finally {
      s.app.services.clock = () => START;
    }
    expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('ASSIGNED');
    expect(await s.db.prisma.visit.count({ where: { orderId } })).toBe(0);
  });

  it('checks in, out 47 min later; caregiver, provider cannot confirm, the family does: charged once', async () => {
    const start = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;
    s.app.services.clock = () => start;
    // 40 m from the recorded address is inside the geofence.
    const near = { latitude: elder.latitude! + 0.00036, longitude: elder.longitude! };
    expect(
      distanceMeters({ lat: near.latitude, lng: near.longitude }, { lat: elder.latitude!, lng: elder.longitude! }),
    ).toBeLessThan(60);
    const inRes = await gql(CHECK_IN, { i: { orderId, qrToken: qr, ...near, photoId } }, 'caregiver');
    expect(inRes.errors).toBeUndefined();
    expect(inRes.data.checkIn.status).toBe('IN_SERVICE');
    expect(
      (await gql(CHECK_IN, { i: { orderId, qrToken: qr, ...near, photoId } }, 'caregiver')).errors?.[0]?.extensions
        ?.code,
    ).toBe('INVALID_STATE');
    expect(
      (await gql(`mutation($o: ID!) { confirmOrder(orderId: $o) { status } }`, { o: orderId }, 'family')).errors?.[0]
        ?.extensions?.code,
    ).toBe('INVALID_STATE');

    s.app.services.clock = () => new Date(start.getTime() + 47 * 60_000);
    const second = (await (await upload('caregiver', Buffer.concat([JPEG, Buffer.from('2')]))).json()) as {
      id: string;
    };
    const out = await gql(CHECK_OUT, { i: { orderId, ...near, photoId: second.id } }, 'caregiver');
    expect(out.errors).toBeUndefined();
    expect(out.data.checkOut).toMatchObject({
      status: 'COMPLETED',
      visit: { durationMinutes: 47, photoUrls: [`/files/${photoId}`, `/files/${second.id}`] },
    });

    // 000 六: the family is told, with the photos, and asked to confirm.
    const inbox = await gql(
      `{ notices(first: 5, unreadOnly: true) { edges { node { id kind body orderId photoUrls } } } }`,
      {},
      'family',
    );
    const done = inbox.data.notices.edges.find((e: any) => e.node.kind === 'VISIT_COMPLETED').node;
    // The notice opens its order and carries the photos as images, never as paths in the text (issue 25).
    expect(done.orderId).toBe(orderId);
    expect(done.photoUrls).toEqual([`/files/${photoId}`, `/files/${second.id}`]);
    expect(done.body).not.toContain('/files/');
    expect(done.body).toContain('47 分钟');
    expect(
      (await gql(`mutation($id: ID!) { markNoticeRead(id: $id) { readAt } }`, { id: done.id }, 'family')).data
        .markNoticeRead.readAt,
    ).toBeTruthy();
    expect(
      code(await gql(`mutation($id: ID!) { markNoticeRead(id: $id) { readAt } }`, { id: done.id }, 'worker')),
    ).toBe('NOT_FOUND');

    const [heldBefore, balanceBefore] = [await held(), await balance()];
    const confirm = `mutation($o: ID!) { confirmOrder(orderId: $o) { status amountFen evidence chargedFen } }`;
    // The provider's own people never vouch for their visit (000 六·流程2: the elder signs).
    for (const who of ['caregiver', 'provider_admin']) {
      const self = await gql(confirm, { o: orderId }, who);
      expect(code(self)).toBe('SELF_CONFIRMATION');
      expect(self.errors?.[0]?.message).toMatch(/老人、家属或回访人员确认/);
      expect(
        code(
          await gql(
            `mutation($o: ID!) { confirmVisitByCall(orderId: $o, note: "老人说服务过了") { status } }`,
            { o: orderId },
            who,
          ),
        ),
      ).toBe('SELF_CONFIRMATION');
    }
    expect([await held(), await balance()]).toEqual([heldBefore, balanceBefore]);
    const ok = await gql(confirm, { o: orderId }, 'family');
    expect(ok.data.confirmOrder).toMatchObject({ status: 'CONFIRMED', evidence: 'FAMILY_APP' });
    // 修脚 is sold per visit: charged in full whatever the minutes.
    expect(ok.data.confirmOrder.chargedFen).toBe(ok.data.confirmOrder.amountFen);
    const amount = BigInt(ok.data.confirmOrder.amountFen);
    expect(await held()).toBe(heldBefore - amount);
    expect(await balance()).toBe(balanceBefore - amount);
    expect((await gql(confirm, { o: orderId }, 'family')).errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(await balance()).toBe(balanceBefore - amount);
    const charges = await s.db.prisma.ledgerTransaction.findMany({ where: { orderId, kind: 'CHARGE' } });
    expect(charges.length).toBeGreaterThan(0);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it("serves the photos to the family and not to another community's worker", async () => {
    const get = (who: string) =>
      fetch(`${base}/files/${photoId}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    const fam = await get('family');
    expect(fam.status).toBe(200);
    expect(Buffer.from(await fam.arrayBuffer()).equals(JPEG)).toBe(true);
    expect((await get('worker2')).status).toBe(403);
    expect((await fetch(`${base}/files/${photoId}`)).status).toBe(401);
  });
});

describe("the elder's sign-off code (000 六·流程2: 由老人签字确认)", () => {
  it('goes to the family, not the caregiver; wrong guesses count atomically, void it; right one charges', async () => {
    const links = await s.db.prisma.familyLink.findMany({
      where: { user: { username: 'family' } },
      orderBy: { createdAt: 'asc' },
    });
    const other = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: links[1]!.elderId } });
    const placed = await gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id scheduledAt amountFen } }`,
      {
        i: {
          elderId: other.id,
          serviceCode: 'HP_READING',
          quantity: 1,
          scheduledAt: new Date(s.app.services.clock().getTime() + 5 * 3600_000).toISOString(),
          idempotencyKey: `visit-test-${nextSeq()}`,
        },
      },
      'family',
    );
    expect(placed.errors).toBeUndefined();
    const id = placed.data.placeOrder.id;
    const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
    await gql(
      `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
      { o: id, c: cg.id },
      'provider_admin',
    );
    const home = (
      await gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: other.id }, 'worker')
    ).data!.homeQrToken;
    const photo = (
      (await (await upload('caregiver', Buffer.concat([JPEG, Buffer.from('signoff')]))).json()) as { id: string }
    ).id;
    const at = { latitude: other.latitude!, longitude: other.longitude! };
    const booked = new Date(placed.data.placeOrder.scheduledAt);
    const REQUEST = `mutation($o: ID!) { requestVisitSignOff(orderId: $o) { expiresAt recipients } }`;
    const CONFIRM = `mutation($o: ID!, $c: String!) {
      confirmVisitBySignOff(orderId: $o, code: $c) { status evidence chargedFen }
    }`;
    const latestCode = async () => {
      const inbox = await gql(`{ notices(first: 20) { edges { node { kind body } } } }`, {}, 'family');
      const body = inbox.data.notices.edges.find((e: any) => e.node.kind === 'VISIT_SIGNOFF_CODE').node.body as string;
      return /确认码 (\d{6})/.exec(body)![1]!;
    };
    const real = s.app.services.clock;
    try {
      s.app.services.clock = () => booked;
      await gql(CHECK_IN, { i: { orderId: id, qrToken: home, ...at, photoId: photo } }, 'caregiver');
      expect(code(await gql(REQUEST, { o: id }, 'caregiver'))).toBe('INVALID_STATE'); // not checked out yet
      s.app.services.clock = () => new Date(booked.getTime() + 60 * 60_000);
      await gql(CHECK_OUT, { i: { orderId: id, ...at, photoId: photo } }, 'caregiver');

      expect(code(await gql(REQUEST, { o: id }, 'family'))).toBe('FORBIDDEN');
      const sent = await gql(REQUEST, { o: id }, 'caregiver');
      expect(sent.errors).toBeUndefined();
      expect(sent.data.requestVisitSignOff.recipients).toBeGreaterThan(0);
      const first = await latestCode();
      expect(JSON.stringify(sent)).not.toContain(first);
      const wrong = first === '000000' ? '111111' : '000000';
      const one = await gql(CONFIRM, { o: id, c: wrong }, 'caregiver');
      expect(code(one)).toBe('BAD_USER_INPUT');
      expect(one.errors?.[0]?.message).toMatch(/还可以再试 4 次/);
      // A burst of 30 guesses: only the 4 left are ever checked, then the code is void, even the right one.
      const burst = await Promise.all(Array.from({ length: 30 }, () => gql(CONFIRM, { o: id, c: wrong }, 'caregiver')));
      expect(burst.filter((r) => code(r) === 'BAD_USER_INPUT')).toHaveLength(4);
      expect(burst.filter((r) => code(r) === 'INVALID_STATE')).toHaveLength(26);
      expect(code(await gql(CONFIRM, { o: id, c: first }, 'caregiver'))).toBe('INVALID_STATE');
      expect(
        (await s.db.prisma.accessCode.findFirstOrThrow({ where: { purpose: 'VISIT_SIGNOFF', subject: id } })).attempts,
      ).toBe(5);
      expect(await s.db.prisma.ledgerTransaction.count({ where: { orderId: id, kind: 'CHARGE' } })).toBe(0);

      // A new code; the elder reads it out and the visit is confirmed on the elder's word.
      expect((await gql(REQUEST, { o: id }, 'caregiver')).errors).toBeUndefined();
      const second = await latestCode();
      const ok = await gql(CONFIRM, { o: id, c: second }, 'caregiver');
      expect(ok.data.confirmVisitBySignOff).toEqual({
        status: 'CONFIRMED',
        evidence: 'ELDER_SIGNOFF_CODE',
        chargedFen: placed.data.placeOrder.amountFen,
      });
      expect(code(await gql(CONFIRM, { o: id, c: second }, 'caregiver'))).toBe('INVALID_STATE');
      expect(await s.db.prisma.ledgerTransaction.count({ where: { orderId: id, kind: 'CHARGE' } })).toBeGreaterThan(0);
    } finally {
      s.app.services.clock = real;
    }
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });
});
