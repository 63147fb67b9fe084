// The caregiver's pages (staff subpackage, issue 23) on the H5 build in Chromium with a phone's
// mobile emulation, played through the screen, not the API: log in as the demo caregiver, open
// today's visit, 出发, 签到 (the home code typed into the H5 scanner's field, the browser's
// geolocation set by the test, a real JPEG chosen through the file input), the service notes, 签退
// the same way, and the elder's signature drawn on the canvas with the mouse. Then the evidence the
// server recorded is read from the database. A second visit is checked in without a network: the
// step waits in the phone's storage with its time and goes out when the network returns, and the
// server marks it sent late.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/src/testing/harness.js';
import { beijingDayAt, onScreen, startH5, type H5 } from './h5.harness.js';

const MIN = 60_000;
let h: H5;
let s: TestServer;
const { $, text, open, field, shoot } = onScreen(() => h);
let elder: { id: string; name: string; address: string; latitude: number; longitude: number };
let qr: string;
let first: { id: string; at: Date };
let second: { id: string; at: Date };
let jpegPath: string;
let jpegSha: string;
/** The server's clock runs this far ahead of the machine's, so the visits are due now. */
let offset = 0;
const serverNow = () => new Date(Date.now() + offset);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Tomorrow at hh:mm on the Beijing clock of the server's today. */
function tomorrowAt(hh: number, mm: number) {
  return beijingDayAt(s.app.services.clock(), 1, hh, mm);
}

async function placeAndAssign(at: Date, key: string) {
  const family = await s.login('family');
  const placed = await s.gql<{ placeOrder: { id: string } }>(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId: elder.id,
        serviceCode: 'HP_NAIL_CARE',
        quantity: 1,
        scheduledAt: at.toISOString(),
        idempotencyKey: key,
      },
    },
    family,
  );
  expect(placed.errors).toBeUndefined();
  const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
  const assigned = await s.gql(
    `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
    { o: placed.data!.placeOrder.id, c: cg.id },
    await s.login('provider_admin'),
  );
  expect(assigned.errors).toBeUndefined();
  return { id: placed.data!.placeOrder.id, at };
}

/** Moves the server's clock (and the phone's, kept `phoneBehind` ms behind) to `at`, both then running on. */
async function clocksAt(at: Date, phoneBehind = 0) {
  offset = at.getTime() - Date.now();
  s.app.services.clock = serverNow;
  await h.page.clock.setSystemTime(new Date(at.getTime() - phoneBehind));
}

/** The three steps of 签到 or 签退 on screen: the typed home code, the position, a photo from the file input. */
async function steps(kind: 'checkIn' | 'checkOut') {
  await field(`${kind}-qr`).fill(qr);
  await $(`#${kind}-locate`).click();
  await expect.poll(() => text(`#${kind}-position`), { timeout: 15_000 }).toContain(elder.latitude.toFixed(5));
  const chooser = h.page.waitForEvent('filechooser');
  await $(`#${kind}-photo`).click();
  await (await chooser).setFiles(jpegPath);
  await expect.poll(() => text(`#${kind}-photo-state`)).toBe('已拍照');
}

beforeAll(async () => {
  h = await startH5({ mobile: true });
  s = h.s;
  const link = await s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  const e = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: link.elderId } });
  elder = { id: e.id, name: e.name, address: e.address, latitude: e.latitude!, longitude: e.longitude! };
  qr = (
    await s.gql<{ homeQrToken: string }>(
      `query($e: ID!) { homeQrToken(elderId: $e) }`,
      { e: e.id },
      await s.login('worker'),
    )
  ).data!.homeQrToken;
  first = await placeAndAssign(tomorrowAt(10, 0), `h5-staff-1-${Date.now()}`);
  second = await placeAndAssign(tomorrowAt(15, 0), `h5-staff-2-${Date.now()}`);
  // The phone stands at the elder's door (Chromium's geolocation, as the test sets it).
  await h.page.context().grantPermissions(['geolocation']);
  await h.page.context().setGeolocation({ latitude: elder.latitude, longitude: elder.longitude });
  // A real JPEG, as a phone's camera writes one: Chromium's own encoder.
  await h.page.goto(`${h.origin}/h5/`);
  const b64 = await h.page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    const g = c.getContext('2d')!;
    g.fillStyle = '#d9ead3';
    g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#274e13';
    g.fillText('上门服务现场', 40, 120);
    return c.toDataURL('image/jpeg', 0.9).split(',')[1]!;
  });
  const jpeg = Buffer.from(b64, 'base64');
  jpegPath = path.join(mkdtempSync(path.join(tmpdir(), 'h5-staff-')), 'site.jpg');
  writeFileSync(jpegPath, jpeg);
  jpegSha = sha(jpeg);
  // The phone's clock is the test's to move (the offline step is judged by it); it runs on by itself.
  await h.page.clock.install({ time: new Date() });
  await clocksAt(new Date(first.at.getTime() - 20 * MIN));
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: the caregiver’s visit', () => {
  it('logs the caregiver in by account and lists today’s visits in order with address and needs', async () => {
    await h.page.goto(`${h.origin}/h5/`);
    await $('#staff-login-open').click();
    await field('username').fill('caregiver');
    await field('password').fill('demo1234');
    await $('#staff-submit').click();
    await $('#today .visit').first().waitFor();
    const cards = $('#today .visit');
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).getAttribute('data-order')).toBe(first.id);
    expect(await cards.nth(1).getAttribute('data-order')).toBe(second.id);
    expect(await cards.nth(0).locator('.visit-address').textContent()).toBe(elder.address);
    expect(await cards.nth(0).locator('.visit-needs').textContent()).toMatch(/岁/);
    await shoot('staff-caregiver-list');
    // Opening the app again, still signed in, the caregiver lands on the staff home, not the family's.
    await h.page.goto(`${h.origin}/h5/`);
    await $('#today .visit').first().waitFor();
  });

  it('plays 出发, 签到, notes, 签退 and the drawn signature, and the server keeps the evidence', async () => {
    await $(`#today .visit[data-order="${first.id}"] .open-visit`).click();
    await $('#depart').waitFor();
    expect(await text('#visit-window')).toMatch(/签到时间/);
    const departAt = serverNow();
    await $('#depart').click();
    await $('#departed').waitFor();
    await steps('checkIn');
    const inAt = serverNow();
    await $('#checkIn-submit').click();
    await expect.poll(() => text('#visit-status'), { timeout: 15_000 }).toBe('服务中');
    await field('service-notes').fill('剪了手脚指甲，老人精神好');
    await $('#notes-save').click();
    await $('#notes-saved').waitFor();
    await clocksAt(new Date(first.at.getTime() + 25 * MIN));
    await steps('checkOut');
    await $('#checkOut-submit').click();
    await $('#signature-canvas').waitFor();
    await shoot('staff-caregiver-signoff');
    const box = (await $('#signature-canvas').boundingBox())!;
    await h.page.mouse.move(box.x + 20, box.y + box.height / 2);
    await h.page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await h.page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? -30 : 30), { steps: 3 });
    await h.page.mouse.up();
    await $('#signature-submit').click();
    await $('#confirmed').waitFor({ timeout: 15_000 });
    await shoot('staff-caregiver-confirmed');

    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: first.id }, include: { visit: true } });
    const v = order.visit!;
    expect([order.status, order.evidence]).toEqual(['CONFIRMED', 'ELDER_SIGNATURE']);
    expect(Math.abs(order.departedAt!.getTime() - departAt.getTime())).toBeLessThan(MIN);
    expect(Math.abs(v.checkInAt!.getTime() - inAt.getTime())).toBeLessThan(MIN);
    expect(v.checkOutAt!.getTime()).toBeGreaterThan(v.checkInAt!.getTime() + 40 * MIN);
    expect([v.checkInSentLate, v.checkOutSentLate]).toEqual([false, false]);
    expect([v.checkInLatitude, v.checkInLongitude, v.checkOutLatitude, v.checkOutLongitude]).toEqual([
      elder.latitude,
      elder.longitude,
      elder.latitude,
      elder.longitude,
    ]);
    expect(v.serviceNotes).toBe('剪了手脚指甲，老人精神好');
    // The photos are the JPEG the caregiver chose, byte for byte; the signature is a PNG with ink on it.
    const files = await s.db.prisma.storedFile.findMany({
      where: { id: { in: [v.checkInPhotoId!, v.checkOutPhotoId!, v.signatureFileId!] } },
    });
    const photo = files.find((f) => f.id === v.checkInPhotoId)!;
    expect(photo.mimeType).toBe('image/jpeg');
    const token = await s.login('family');
    const get = async (id: string) =>
      new Uint8Array(
        await (await fetch(`${h.origin}/files/${id}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(),
      );
    expect(sha(await get(v.checkInPhotoId!))).toBe(jpegSha);
    expect(sha(await get(v.checkOutPhotoId!))).toBe(jpegSha);
    const signature = files.find((f) => f.id === v.signatureFileId)!;
    expect(signature.mimeType).toBe('image/png');
    const inked = await h.page.evaluate(
      async (png) => {
        const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
        const c = new OffscreenCanvas(img.width, img.height);
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const px = g.getImageData(0, 0, img.width, img.height).data;
        let dark = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i]! < 100 && px[i + 3]! > 0) dark++;
        return dark;
      },
      Buffer.from(await get(v.signatureFileId!)).toString('base64'),
    );
    expect(inked).toBeGreaterThan(100);
    // The family was told the caregiver had set off.
    expect(
      await s.db.prisma.notice.count({
        where: { kind: 'CAREGIVER_DEPARTED', elderId: elder.id, user: { username: 'family' } },
      }),
    ).toBe(1);
  });

  it('keeps a check-in made without a network and sends it when the network returns, marked late', async () => {
    // The phone's clock is ten minutes behind the server's when the network comes back.
    await clocksAt(new Date(second.at.getTime() - 5 * MIN), 10 * MIN);
    await open(`/staff/caregiver/visit/index?id=${second.id}`);
    await steps('checkIn');
    await h.page.context().setOffline(true);
    const recorded = new Date(Date.now() + offset - 10 * MIN);
    await $('#checkIn-submit').click();
    await $('#queued-banner').waitFor();
    await shoot('staff-caregiver-offline');
    const queued = await h.page.evaluate(() => JSON.parse(localStorage.getItem('yilian.staff.queue.v1') ?? 'null'));
    const stored = typeof queued === 'object' && queued && 'data' in queued ? JSON.parse(queued.data) : queued;
    expect(stored.steps).toHaveLength(1);
    expect(await s.db.prisma.visit.count({ where: { orderId: second.id } })).toBe(0);
    await h.page.context().setOffline(false);
    await expect
      .poll(() => text('#visit-status'), {
        timeout: 40_000,
        message: 'the queued check-in was not sent; the queue is kept in localStorage yilian.staff.queue.v1',
      })
      .toBe('服务中')
      .catch(async (err) => {
        console.log(await h.page.evaluate(() => localStorage.getItem('yilian.staff.queue.v1')));
        throw err;
      });
    const v = await s.db.prisma.visit.findUniqueOrThrow({ where: { orderId: second.id } });
    expect(v.checkInSentLate).toBe(true);
    expect(Math.abs(v.checkInAt!.getTime() - recorded.getTime())).toBeLessThan(MIN);
    expect(v.checkInReceivedAt!.getTime() - v.checkInAt!.getTime()).toBeGreaterThan(5 * MIN);
    expect(h.pageErrors).toEqual([]);
  });
});
