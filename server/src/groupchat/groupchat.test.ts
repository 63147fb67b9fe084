// The bot's server side: one-time binding codes, binding a worker's contact and a group, acting for
// the worker within the group's community, and rebinding when the puppet changes ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '../alerts/alerts.service.js';
import { todayInShanghai } from '../common/calendar.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
const t: Record<string, string> = {};
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const ISSUE = `mutation($p: BindingPurpose!) { issueBotBindingCode(purpose: $p) { code expiresAt } }`;
const BIND = `mutation($c: String!, $id: String!, $n: String!) { bindBotWorker(code: $c, contactId: $id, contactName:
  $n) { displayName communityCode } }`;
const BIND_ROOM = `mutation($c: String!, $r: String!, $t: String!, $id: String!) { bindBotRoom(code: $c, roomId: $r,
  topic: $t, contactId: $id) { communityCode topic } }`;

/** A GraphQL call from the bot acting for a contact, optionally inside a group. */
async function asBot<T = any>(query: string, variables: Record<string, unknown>, contactId: string, roomId?: string) {
  const res = await fetch(s.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${t.bot}`,
      'x-acting-for': contactId,
      ...(roomId ? { 'x-acting-in-room': roomId } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

beforeAll(async () => {
  s = await startTestServer();
  for (const u of ['worker', 'worker2', 'bot', 'family']) t[u] = await s.login(u);
});
afterAll(async () => s?.close());

describe('binding', () => {
  it('binds a worker with a single-use code, and refuses a reused, wrong or expired one', async () => {
    expect(code(await s.gql(ISSUE, { p: 'WORKER' }, t.family))).toBe('FORBIDDEN');
    const c = (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p: 'WORKER' }, t.worker)).data!
      .issueBotBindingCode.code;
    expect(c).toMatch(/^\d{6}$/);
    expect(code(await s.gql(BIND, { c, id: 'wxid_w1', n: '王社工' }, t.worker))).toBe('FORBIDDEN');
    const bound = await s.gql<{ bindBotWorker: { communityCode: string } }>(
      BIND,
      { c, id: 'wxid_w1', n: '王社工' },
      t.bot,
    );
    expect(bound.errors).toBeUndefined();
    expect(code(await s.gql(BIND, { c, id: 'wxid_other', n: '别人' }, t.bot))).toBe('BAD_USER_INPUT');
    const room = (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p: 'ROOM' }, t.worker)).data!
      .issueBotBindingCode.code;
    expect(code(await s.gql(BIND, { c: room, id: 'wxid_x', n: 'x' }, t.bot))).toBe('BAD_USER_INPUT');
    const late = (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p: 'WORKER' }, t.worker2)).data!
      .issueBotBindingCode.code;
    const real = s.app.services.clock;
    s.app.services.clock = () => new Date(Date.now() + 11 * 60_000);
    try {
      expect(code(await s.gql(BIND, { c: late, id: 'wxid_w2', n: '李社工' }, t.bot))).toBe('BAD_USER_INPUT');
    } finally {
      s.app.services.clock = real;
    }
  });

  it('rate-limits codes to five an hour per worker', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(code(await s.gql(ISSUE, { p: 'WORKER' }, t.worker2)));
    expect(results.filter((x) => x === 'RATE_LIMITED').length).toBeGreaterThan(0);
  });

  it("binds a group to the worker's community, only when the code's own worker sends it", async () => {
    const c = (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p: 'ROOM' }, t.worker)).data!
      .issueBotBindingCode.code;
    expect(
      code(await s.gql(BIND_ROOM, { c, r: 'room1@chatroom', t: '百秀社区助老群', id: 'wxid_nobody' }, t.bot)),
    ).toBe('FORBIDDEN');
    const c2 = (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p: 'ROOM' }, t.worker)).data!
      .issueBotBindingCode.code;
    const r = await s.gql<{ bindBotRoom: { communityCode: string } }>(
      BIND_ROOM,
      { c: c2, r: 'room1@chatroom', t: '百秀社区助老群', id: 'wxid_w1' },
      t.bot,
    );
    expect(r.errors).toBeUndefined();
    const worker = await s.db.prisma.user.findUniqueOrThrow({
      where: { username: 'worker' },
      include: { region: true },
    });
    expect(r.data!.bindBotRoom.communityCode).toBe(worker.region!.code);
  });
});

describe('acting for the worker', () => {
  it("orders through the bot are the worker's, recorded with channel BOT", async () => {
    const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
    const elder = await s.db.prisma.elder.findFirstOrThrow({
      where: {
        communityId: worker.regionId!,
        status: 'ENROLLED',
        enrolments: { some: { policy: { code: 'HUANGPI_2020' } } },
      },
    });
    const r = await asBot<{ placeOrder: { channel: string; ref: string } }>(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { channel ref } }`,
      {
        i: {
          elderId: elder.id,
          serviceCode: 'HP_NAIL_CARE',
          quantity: 1,
          // 10:00 tomorrow (Asia/Shanghai) on the server's clock: within the booking hours whenever it runs.
          scheduledAt: new Date(
            `${todayInShanghai(new Date(s.app.services.clock().getTime() + 86_400_000))}T10:00:00+08:00`,
          ).toISOString(),
          idempotencyKey: 'wechat-msg-0001',
        },
      },
      'wxid_w1',
      'room1@chatroom',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.placeOrder.channel).toBe('BOT');
    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { idempotencyKey: 'wechat-msg-0001' } });
    expect(order.placedById).toBe(worker.id);
    const byRef = await asBot<{ orderByRef: { ref: string } }>(
      `query($r: String!) { orderByRef(ref: $r) { ref } }`,
      { r: r.data!.placeOrder.ref },
      'wxid_w1',
    );
    expect(byRef.data!.orderByRef.ref).toBe(r.data!.placeOrder.ref);
  });

  it("refuses unbound contacts and a worker in another community's group", async () => {
    const unbound = await asBot(`{ me { id } }`, {}, 'wxid_stranger');
    expect(code(unbound)).toBe('UNAUTHENTICATED');
    expect(unbound.errors![0]!.message).toMatch(/绑定/);
    // worker2 (双凤社区) binds (their earlier codes cleared: the rate-limit test spent them), then
    // tries to act in 百秀社区's group.
    await s.db.prisma.botBindingCode.deleteMany({
      where: { userId: (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker2' } })).id },
    });
    const c2 = (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p: 'WORKER' }, t.worker2)).data!
      .issueBotBindingCode.code;
    await s.gql(BIND, { c: c2, id: 'wxid_w2', n: '李社工' }, t.bot);
    const foreign = await asBot(`{ alerts(first: 1) { totalCount } }`, {}, 'wxid_w2', 'room1@chatroom');
    expect(code(foreign)).toBe('FORBIDDEN');
    expect(foreign.errors![0]!.message).toMatch(/其他社区/);
  });

  it("a nickname twin gets nothing: a new contact with a bound worker's WeChat name is not the worker", async () => {
    // The twin copies 王社工's nickname; an older bot still sends the name with the context query.
    const ctx = await s.gql<{ botContext: { worker: unknown } }>(
      `query { botContext(contactId: "wxid_twin", contactName: "王社工") { worker { displayName } } }`,
      {},
      t.bot,
    );
    expect(ctx.data!.botContext.worker).toBeNull();
    const twin = await asBot<{ elders?: unknown }>(
      `{ elders(first: 50) { edges { node { name phone address } } } }`,
      {},
      'wxid_twin',
    );
    expect(code(twin)).toBe('UNAUTHENTICATED');
    expect(twin.data?.elders).toBeFalsy();
    // The real worker's binding is untouched.
    const real = await asBot<{ me: { id: string } }>(`{ me { id } }`, {}, 'wxid_w1');
    expect(real.errors).toBeUndefined();
    expect(real.data!.me.id).toBe((await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } })).id);
  });

  it("a new group with a bound group's topic gets nothing until a new code binds it", async () => {
    const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
    const elder = await s.db.prisma.elder.findFirstOrThrow({
      where: { communityId: worker.regionId!, alerts: { none: {} } },
    });
    await raiseAlert(s.db.prisma, { elderId: elder.id, kind: 'NO_RECENT_ORDER', at: s.app.services.clock() });
    const ctx = await s.gql<{ botContext: { worker: unknown; room: unknown } }>(
      `query { botContext(contactId: "wxid_w1", roomId: "room1-new@chatroom", topic: "百秀社区助老群") { worker { displayName
        } room { roomId topic } } }`,
      {},
      t.bot,
    );
    expect(ctx.data!.botContext.room).toBeNull();
    expect(ctx.data!.botContext.worker).not.toBeNull();
    const roomIds = async () =>
      (await s.gql<{ botRooms: { roomId: string }[] }>(`{ botRooms { roomId } }`, {}, t.bot)).data!.botRooms.map(
        (r) => r.roomId,
      );
    expect(await roomIds()).toEqual(['room1@chatroom']);
    const undelivered = await s.gql<{ botUndeliveredAlerts: { roomIds: string[] }[] }>(
      `{ botUndeliveredAlerts { roomIds } }`,
      {},
      t.bot,
    );
    expect(undelivered.data!.botUndeliveredAlerts.flatMap((u) => u.roomIds)).not.toContain('room1-new@chatroom');
    expect(code(await asBot(`{ alerts(first: 1) { totalCount } }`, {}, 'wxid_w1', 'room1-new@chatroom'))).toBe(
      'FORBIDDEN',
    );
    // The worker binds the new group with a new code, as the first time.
    const c = (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p: 'ROOM' }, t.worker)).data!
      .issueBotBindingCode.code;
    expect(
      (await s.gql(BIND_ROOM, { c, r: 'room1-new@chatroom', t: '百秀社区助老群', id: 'wxid_w1' }, t.bot)).errors,
    ).toBeUndefined();
    expect((await roomIds()).sort()).toEqual(['room1-new@chatroom', 'room1@chatroom']);
  });
});
