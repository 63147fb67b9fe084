// The bot's service account acting for no one sees only the alerts routed to groups its own
// deployment has bound (list and alertRaised), without the elder's details; another bot account
// sees none of them; acting for a worker it sees what the worker sees.
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.js';
import { DEMO_PASSWORD } from '../seed/seed.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { subscribeAs } from '../testing/ws-client.js';
import { publishAll, raiseAlert } from './alerts.service.js';

let s: TestServer;
const t: Record<string, string> = {};
const clients: Client[] = [];
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
let baixiu: { id: string; code: string };
let nanguan: { id: string; code: string };

type Live = { alertRaised: { id: string; community: { code: string } } };

async function subscribe(token: string) {
  const received: Live[] = [];
  await subscribeAs<Live>(
    clients,
    s.url,
    token,
    { query: `subscription { alertRaised { id community { code } } }` },
    {
      next: (m) => m.data && received.push(m.data),
    },
  );
  await new Promise((r) => setTimeout(r, 200));
  return received;
}

/** Raises an alert for a not-yet-alerted elder of the community and publishes it, as a detector would. */
async function raiseIn(communityId: string, kind: 'NO_RECENT_ORDER' | 'MISSED_CONTACT' = 'NO_RECENT_ORDER') {
  const elder = await s.db.prisma.elder.findFirstOrThrow({ where: { communityId, alerts: { none: {} } } });
  const event = await raiseAlert(s.db.prisma, { elderId: elder.id, kind, at: s.app.services.clock() });
  publishAll(s.app.services.alertBus, [event]);
  return event!.id;
}

const asBot = async (query: string, contactId: string, token = t.bot!) => {
  const res = await fetch(s.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-acting-for': contactId },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
};
const listed = async (token: string) =>
  (
    await s.gql<{ alerts: { totalCount: number; edges: { node: { id: string; community: { code: string } } }[] } }>(
      `{ alerts(first: 100) { totalCount edges { node { id community { code } } } } }`,
      {},
      token,
    )
  ).data!.alerts;

beforeAll(async () => {
  s = await startTestServer();
  await s.db.prisma.user.create({
    data: {
      username: 'bot_other',
      role: 'BOT',
      displayName: '另一个部署的机器人',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    },
  });
  for (const u of ['bot', 'bot_other', 'worker', 'yc_worker']) t[u] = await s.login(u);
  const region = async (username: string) =>
    (await s.db.prisma.user.findUniqueOrThrow({ where: { username }, include: { region: true } })).region!;
  baixiu = await region('worker');
  nanguan = await region('yc_worker');
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await s?.close();
});

describe('the BOT account acting for no one', () => {
  let live: Live[];
  const raised: string[] = [];

  it('with no group bound, lists no alerts and hears no alertRaised', async () => {
    live = await subscribe(t.bot!);
    raised.push(await raiseIn(baixiu.id), await raiseIn(nanguan.id));
    // Both alerts exist and are the workers' to see.
    expect((await listed(t.worker!)).edges.map((e) => e.node.id)).toContain(raised[0]);
    expect((await listed(t.yc_worker!)).edges.map((e) => e.node.id)).toContain(raised[1]);
    expect((await listed(t.bot!)).totalCount).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(live).toEqual([]);
  });

  it("once a 百秀 group is bound, sees only 百秀's alerts, listed and live, without the elder's details", async () => {
    const issue = async (p: string) =>
      (
        await s.gql<{ issueBotBindingCode: { code: string } }>(
          `mutation($p: BindingPurpose!) { issueBotBindingCode(purpose: $p) { code } }`,
          { p },
          t.worker,
        )
      ).data!.issueBotBindingCode.code;
    expect(
      (
        await s.gql(
          `mutation($c: String!) { bindBotWorker(code: $c, contactId: "wxid_liu", contactName: "刘敏") { userId } }`,
          { c: await issue('WORKER') },
          t.bot,
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await s.gql(
          `mutation($c: String!) { bindBotRoom(code: $c, roomId: "baixiu@chatroom", topic: "百秀助老群", contactId:
            "wxid_liu") { roomId } }`,
          { c: await issue('ROOM') },
          t.bot,
        )
      ).errors,
    ).toBeUndefined();

    const list = await listed(t.bot!);
    expect(list.edges.map((e) => e.node.id)).toEqual([raised[0]]);
    expect(list.totalCount).toBe(1);

    const more = [await raiseIn(baixiu.id, 'MISSED_CONTACT'), await raiseIn(nanguan.id, 'MISSED_CONTACT')];
    await new Promise((r) => setTimeout(r, 300));
    expect(live.map((l) => l.alertRaised.id)).toEqual([more[0]]);

    // What a group post needs comes masked; the elder themself is refused.
    const minimum = await s.gql<{
      alerts: { edges: { node: { elderMaskedName: string; acknowledgeBy: string; raisedAt: string } }[] };
    }>(`{ alerts(first: 5) { edges { node { elderMaskedName acknowledgeBy raisedAt } } } }`, {}, t.bot);
    expect(minimum.errors).toBeUndefined();
    const elder = await s.db.prisma.elder.findFirstOrThrow({ where: { alerts: { some: { id: raised[0] } } } });
    const node = minimum.data!.alerts.edges.at(-1)!.node;
    expect(node.elderMaskedName).not.toBe(elder.name);
    expect(node.elderMaskedName).toMatch(new RegExp(`^${elder.name[0]}\\*`));
    expect(new Date(node.acknowledgeBy).getTime() - new Date(node.raisedAt).getTime()).toBe(4 * 3600_000);
    const details = await s.gql(`{ alerts(first: 5) { edges { node { elder { phone address } } } } }`, {}, t.bot);
    expect(code(details)).toBe('FORBIDDEN');
    expect(JSON.stringify(details.data ?? null)).not.toContain(elder.address);
    expect(code(await s.gql(`{ botUndeliveredAlerts { alert { elder { phone } } } }`, {}, t.bot))).toBe('FORBIDDEN');
  });

  it("another deployment's bot account sees none of these groups, alerts or workers", async () => {
    expect((await listed(t.bot_other!)).totalCount).toBe(0);
    expect((await s.gql<{ botRooms: unknown[] }>(`{ botRooms { roomId } }`, {}, t.bot_other)).data!.botRooms).toEqual(
      [],
    );
    expect(
      (await s.gql<{ botUndeliveredAlerts: unknown[] }>(`{ botUndeliveredAlerts { roomIds } }`, {}, t.bot_other)).data!
        .botUndeliveredAlerts,
    ).toEqual([]);
    expect(code(await asBot(`{ me { id } }`, 'wxid_liu', t.bot_other))).toBe('UNAUTHENTICATED');
  });

  it('acting for the bound worker, sees what the worker sees', async () => {
    const worker = await listed(t.worker!);
    const r = await asBot(`{ alerts(first: 100) { totalCount edges { node { id elder { phone } } } } }`, 'wxid_liu');
    expect(r.errors).toBeUndefined();
    expect(r.data.alerts.totalCount).toBe(worker.totalCount);
    expect(r.data.alerts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      worker.edges.map((e) => e.node.id),
    );
  });
});
