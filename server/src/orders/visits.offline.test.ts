// The caregiver's phone without signal (issue 23): 签到 and 签退 are queued with the phone's recorded
// time and sent when the network returns. The server judges them by the recorded time (the check-in
// window of 000 六·流程2, 30 minutes early to 2 hours late, assumed) and marks them sent late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../testing/harness.js';
import { code, gql, JPEG, startVisits, upload } from '../testing/visits-fixtures.js';

const IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { status visit { checkInAt checkInReceivedAt
  checkInSentLate } } }`;
const OUT = `mutation($i: CheckOutInput!) { checkOut(input: $i) { status visit { checkOutAt checkOutReceivedAt
  checkOutSentLate durationMinutes } } }`;
const MIN = 60_000;
let s: TestServer;
let orderId: string;
let qr: string;
let elder: { id: string; latitude: number | null; longitude: number | null };
let photoId: string;
let booked: Date;

beforeAll(async () => {
  ({ s, orderId, qr, elder } = await startVisits());
  photoId = ((await (await upload('caregiver', JPEG)).json()) as { id: string }).id;
  booked = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;
});
afterAll(async () => s?.close());

const at = (d: Date) => (s.app.services.clock = () => d);
const place = () => ({ latitude: elder.latitude!, longitude: elder.longitude!, photoId });

describe('offline steps', () => {
  it('refuses a recorded time in the future or over a day old, and changes nothing', async () => {
    at(new Date(booked.getTime() + 10 * MIN));
    const input = { orderId, qrToken: qr, ...place() };
    const ahead = await gql(IN, { i: { ...input, recordedAt: new Date(booked.getTime() + 30 * MIN) } }, 'caregiver');
    expect(code(ahead)).toBe('BAD_USER_INPUT');
    expect(ahead.errors?.[0]?.message).toMatch(/手机时间/);
    const old = await gql(IN, { i: { ...input, recordedAt: new Date(booked.getTime() - 25 * 60 * MIN) } }, 'caregiver');
    expect(code(old)).toBe('BAD_USER_INPUT');
    expect(old.errors?.[0]?.message).toMatch(/24 小时/);
    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { visit: true } });
    expect([order.status, order.visit]).toEqual(['ASSIGNED', null]);
  });

  it('judges a queued check-in by its recorded time and marks it sent late', async () => {
    // The network returns three hours after the booked time: past the 2-hour window (000 六·流程2, assumed).
    const back = new Date(booked.getTime() + 3 * 60 * MIN);
    at(back);
    const input = { orderId, qrToken: qr, ...place() };
    expect(code(await gql(IN, { i: input }, 'caregiver'))).toBe('OUTSIDE_VISIT_WINDOW');
    const recorded = new Date(booked.getTime() + 5 * MIN);
    const r = await gql(IN, { i: { ...input, recordedAt: recorded.toISOString() } }, 'caregiver');
    expect(r.errors).toBeUndefined();
    expect(r.data.checkIn).toEqual({
      status: 'IN_SERVICE',
      visit: { checkInAt: recorded.toISOString(), checkInReceivedAt: back.toISOString(), checkInSentLate: true },
    });
  });

  it('counts a queued check-out from the recorded times, and refuses one before the check-in', async () => {
    const back = new Date(booked.getTime() + 3 * 60 * MIN + MIN);
    at(back);
    const before = { orderId, ...place(), recordedAt: new Date(booked.getTime()).toISOString() };
    expect(code(await gql(OUT, { i: before }, 'caregiver'))).toBe('BAD_USER_INPUT');
    expect((await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('IN_SERVICE');
    const recorded = new Date(booked.getTime() + 45 * MIN);
    const r = await gql(OUT, { i: { orderId, ...place(), recordedAt: recorded.toISOString() } }, 'caregiver');
    expect(r.errors).toBeUndefined();
    expect(r.data.checkOut).toEqual({
      status: 'COMPLETED',
      visit: {
        checkOutAt: recorded.toISOString(),
        checkOutReceivedAt: back.toISOString(),
        checkOutSentLate: true,
        durationMinutes: 40,
      },
    });
  });
});
