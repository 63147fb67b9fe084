// The provider's dispatch board and suggestions (000 六·流程2), and the worker's printable codes, on a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser, linkedElderId } from '../testing/users.js';
import { creditSelfPaid } from '../testing/wallet-fixtures.js';

// jsqr is CommonJS with the function as `exports.default`, which ESM interop wraps differently per loader.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = (createRequire(import.meta.url)('jsqr') as { default: Decode }).default;

let s: TestServer;
const t: Record<string, string> = {};
let elderId: string;
let seq = 0;
// A Wednesday in mid-November 2026, 10:00 in Shanghai.
let now = new Date('2026-11-18T10:00:00+08:00');
const at = (hhmm: string, day = '2026-11-18') => new Date(`${day}T${hhmm}:00+08:00`);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

const BOARD = `query { dispatchBoard { day
  unassigned { id scheduledAt status }
  atRisk { risk minutesToStart order { id caregiver { id } } }
  progress { total unassigned assigned inService done cancelled } } }`;
type Board = {
  day: string;
  unassigned: { id: string; scheduledAt: string }[];
  atRisk: { risk: string; minutesToStart: number; order: { id: string } }[];
  progress: Record<string, number>;
};
const board = async (who = 'provider') => {
  const r = await s.gql<{ dispatchBoard: Board }>(BOARD, {}, t[who]);
  expect(r.errors).toBeUndefined();
  return r.data!.dispatchBoard;
};
const SUGGEST = `query($o: ID!) { caregiverSuggestions(orderId: $o) { caregiver { id name } openOrders dayOrders } }`;
type Suggestion = { caregiver: { id: string }; openOrders: number; dayOrders: number };
const suggest = async (orderId: string) =>
  (await s.gql<{ caregiverSuggestions: Suggestion[] }>(SUGGEST, { o: orderId }, t.provider)).data!.caregiverSuggestions;
const ASSIGN = `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status caregiver { id } } }`;

async function place(when: Date) {
  const r = await s.gql<{ placeOrder: { id: string } }>(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
    {
      i: {
        elderId,
        serviceCode: 'HP_NAIL_CARE',
        quantity: 1,
        scheduledAt: when.toISOString(),
        idempotencyKey: `dispatch-test-${seq++}`,
      },
    },
    t.family,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.placeOrder.id;
}

/** Decodes a PNG data URL's QR code. */
function readQr(dataUrl: string) {
  expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  const png = PNG.sync.read(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  for (const u of ['family', 'worker', 'caregiver']) t[u] = await s.login(u);
  t.provider = await s.login('provider_admin');
  elderId = await linkedElderId(s);
  // Enough of the elder's own money that the orders below never stop at the balance.
  await creditSelfPaid(s.db.prisma, elderId, 50_000, 'dispatch-test-topup');
}, 300_000);
afterAll(async () => s?.close());

describe('dispatchBoard', () => {
  it('is the provider admin’s alone: a family, a worker and a caregiver are refused', async () => {
    for (const who of ['family', 'worker', 'caregiver']) {
      const r = await s.gql(BOARD, {}, t[who]);
      expect(code(r)).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toContain('服务机构');
    }
  });

  it('lists the unassigned soonest first, flags those at risk, counts today; another provider sees none', async () => {
    const before = await board();
    expect(before.day).toBe('2026-11-18');
    const soon = await place(at('11:00'));
    const later = await place(at('16:00'));
    const tomorrow = await place(at('09:00', '2026-11-19'));
    const started = await place(at('10:30'));
    const [first] = await suggest(started);
    expect((await s.gql(ASSIGN, { o: started, c: first!.caregiver.id }, t.provider)).errors).toBeUndefined();

    const b = await board();
    const ids = b.unassigned.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([soon, later, tomorrow]));
    expect(ids).not.toContain(started);
    const times = b.unassigned.map((o) => new Date(o.scheduledAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(b.atRisk.find((r) => r.order.id === soon)).toMatchObject({ risk: 'NO_CAREGIVER', minutesToStart: 60 });
    for (const id of [later, tomorrow, started]) expect(b.atRisk.some((r) => r.order.id === id)).toBe(false);
    expect(b.progress.total - before.progress.total).toBe(3);
    expect(b.progress.unassigned - before.progress.unassigned).toBe(2);
    expect(b.progress.assigned - before.progress.assigned).toBe(1);

    // 10:45: the assigned visit started a quarter of an hour ago and nobody checked in.
    now = at('10:45');
    const late = await board();
    expect(late.atRisk.find((r) => r.order.id === started)).toMatchObject({
      risk: 'NOT_CHECKED_IN',
      minutesToStart: -15,
    });
    expect(late.atRisk.find((r) => r.order.id === soon)).toMatchObject({ risk: 'NO_CAREGIVER', minutesToStart: 15 });
    const mins = late.atRisk.map((r) => r.minutesToStart);
    expect(mins).toEqual([...mins].sort((x, y) => x - y));

    // Assigning takes the order off the unassigned list and its risk with it.
    const [pick] = await suggest(soon);
    const assigned = await s.gql(ASSIGN, { o: soon, c: pick!.caregiver.id }, t.provider);
    expect(assigned.data!.assignOrder).toEqual({ status: 'ASSIGNED', caregiver: { id: pick!.caregiver.id } });
    const after = await board();
    expect(after.unassigned.some((o) => o.id === soon)).toBe(false);
    expect(after.atRisk.find((r) => r.order.id === soon)).toBeUndefined();
    expect(after.progress.assigned - late.progress.assigned).toBe(1);

    const provider = await s.db.prisma.order.findUniqueOrThrow({ where: { id: soon } });
    const other = await s.db.prisma.provider.findFirstOrThrow({ where: { id: { not: provider.providerId! } } });
    t.other = await addUser(s, 'dispatch_other_admin', {
      role: 'PROVIDER_ADMIN',
      displayName: '另一机构',
      providerId: other.id,
    });
    const foreign = await board('other');
    expect(foreign.unassigned.some((o) => [later, tomorrow].includes(o.id))).toBe(false);
    expect(foreign.atRisk.some((r) => r.order.id === started)).toBe(false);
    now = new Date('2026-11-18T10:00:00+08:00');
  });
});

describe('caregiverSuggestions and reassignment', () => {
  it('puts the caregiver least loaded on the visit’s day first; reassigning moves the load', async () => {
    const a = await place(at('14:00', '2026-11-20'));
    const b = await place(at('15:00', '2026-11-20'));
    const initial = await suggest(b);
    expect(initial.length).toBeGreaterThan(1);
    const loads = initial.map((c) => c.dayOrders);
    expect(loads).toEqual([...loads].sort((x, y) => x - y));
    const [x, y] = initial;
    expect((await s.gql(ASSIGN, { o: a, c: x!.caregiver.id }, t.provider)).errors).toBeUndefined();
    const withA = await suggest(b);
    const dayOf = (list: Suggestion[], id: string) => list.find((c) => c.caregiver.id === id)!.dayOrders;
    expect(dayOf(withA, x!.caregiver.id)).toBe(x!.dayOrders + 1);
    expect(withA[0]!.caregiver.id).not.toBe(x!.caregiver.id);
    // Reassign a to y: the day's load follows it (the order itself is never counted against itself).
    const moved = await s.gql(ASSIGN, { o: a, c: y!.caregiver.id }, t.provider);
    expect(moved.data!.assignOrder).toEqual({ status: 'ASSIGNED', caregiver: { id: y!.caregiver.id } });
    const withMoved = await suggest(b);
    expect(dayOf(withMoved, x!.caregiver.id)).toBe(x!.dayOrders);
    expect(dayOf(withMoved, y!.caregiver.id)).toBe(y!.dayOrders + 1);
    const ownDay = (await suggest(a)).find((c) => c.caregiver.id === y!.caregiver.id)!.dayOrders;
    expect(ownDay).toBe(y!.dayOrders);
  });
});

describe('printable codes as QR images', () => {
  it('homeQrCard: the worker gets the home code and an image that reads back as it; a family is refused', async () => {
    const CARD = `query($e: ID!, $r: Boolean) {
      homeQrCard(elderId: $e, rotate: $r) { token qrDataUrl elder { id name } } }`;
    const card = await s.gql<{ homeQrCard: { token: string; qrDataUrl: string; elder: { id: string } } }>(
      CARD,
      { e: elderId },
      t.worker,
    );
    expect(card.errors).toBeUndefined();
    const token = (
      await s.gql<{ homeQrToken: string }>(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elderId }, t.worker)
    ).data!.homeQrToken;
    expect(card.data!.homeQrCard.token).toBe(token);
    expect(card.data!.homeQrCard.elder.id).toBe(elderId);
    expect(readQr(card.data!.homeQrCard.qrDataUrl)).toBe(token);
    const rotated = await s.gql<{ homeQrCard: { token: string; qrDataUrl: string } }>(
      CARD,
      { e: elderId, r: true },
      t.worker,
    );
    expect(rotated.data!.homeQrCard.token).not.toBe(token);
    expect(readQr(rotated.data!.homeQrCard.qrDataUrl)).toBe(rotated.data!.homeQrCard.token);
    expect(code(await s.gql(CARD, { e: elderId }, t.family))).toBe('FORBIDDEN');
    expect(code(await s.gql(CARD, { e: elderId }, t.provider))).toBe('FORBIDDEN');
  });

  it('a family link code and a bot binding code read back from their images', async () => {
    const link = await s.gql<{ issueFamilyLinkCode: { code: string; qrDataUrl: string } }>(
      `mutation($e: ID!) { issueFamilyLinkCode(elderId: $e) { code qrDataUrl } }`,
      { e: elderId },
      t.worker,
    );
    expect(link.errors).toBeUndefined();
    expect(readQr(link.data!.issueFamilyLinkCode.qrDataUrl)).toBe(link.data!.issueFamilyLinkCode.code);
    for (const [purpose, word] of [
      ['WORKER', '绑定'],
      ['ROOM', '绑定群'],
    ]) {
      const bind = await s.gql<{ issueBotBindingCode: { code: string; message: string; qrDataUrl: string } }>(
        `mutation($p: BindingPurpose!) { issueBotBindingCode(purpose: $p) { code message qrDataUrl } }`,
        { p: purpose },
        t.worker,
      );
      expect(bind.errors).toBeUndefined();
      const c = bind.data!.issueBotBindingCode;
      expect(c.message).toBe(`${word} ${c.code}`);
      expect(readQr(c.qrDataUrl)).toBe(c.message);
    }
  });
});
