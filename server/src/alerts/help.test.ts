// One-tap help (000 四 线上服务表): 紧急救援, 联络紧急联络人 and 定位查询 are calls the platform places, 24
// hours a day, not bookings. The app rings the number; the server records the call as an alert for
// the call centre and the community, with the elder's location when granted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedElderId } from '../testing/users.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
let family: string;
let elderAccount: string;
let worker: string;
let elderId: string;
let ownElderId: string;
const now = new Date('2026-11-18T10:00:00+08:00');

const DESK = `query($e: ID!) {
  helpDesk(elderId: $e) { lines { kind name phone purposes source } actions { itemCode purpose } }
}`;
const CALL = `mutation($i: CallForHelpInput!) {
  callForHelp(input: $i) { alertId purpose phone raisedAt located alreadyOpen }
}`;
type Call = { alertId: string; purpose: string; phone: string; located: boolean; alreadyOpen: boolean };
const helpAlerts = (id: string) => s.db.prisma.alert.count({ where: { elderId: id, kind: 'HELP_CALL' } });

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  family = await s.login('family');
  elderAccount = await s.login('elder');
  worker = await s.login('worker');
  elderId = await linkedElderId(s);
  ownElderId = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'elder' } })).elderId!;
});
afterAll(async () => {
  await s?.close();
});

describe('one-tap help', () => {
  it("lists the programme's lines with clauses, the family's phones, and the online services that call", async () => {
    const r = await s.gql<{
      helpDesk: {
        lines: { kind: string; phone: string; purposes: string[]; source: string | null }[];
        actions: { itemCode: string; purpose: string }[];
      };
    }>(DESK, { e: elderId }, family);
    expect(r.errors).toBeUndefined();
    const { lines, actions } = r.data!.helpDesk;
    // 000 四: 120 一键接入 by the platform; its call centre answers all three services (000 六 热线).
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'EMERGENCY', phone: '120', purposes: ['SOS'], source: '000 四（线上服务表）' }),
    );
    expect(lines.find((l) => l.kind === 'CALL_CENTRE')?.purposes).toEqual(['SOS', 'FAMILY', 'LOCATE']);
    const familyPhone = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } })).phone;
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'FAMILY', phone: familyPhone, purposes: ['FAMILY'] }));
    expect(actions).toEqual(
      expect.arrayContaining([
        { itemCode: 'HP_ONLINE_EMERGENCY', purpose: 'SOS' },
        { itemCode: 'HP_ONLINE_EMERGENCY_CONTACT', purpose: 'FAMILY' },
        { itemCode: 'HP_ONLINE_LOCATION', purpose: 'LOCATE' },
      ]),
    );
  });

  it('refuses staff, elders out of scope, numbers not on the desk and half a location, recording nothing', async () => {
    const before = await helpAlerts(elderId);
    const sos = { elderId, purpose: 'SOS', phone: '120' };
    const staff = await s.gql(CALL, { i: sos }, worker);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(staff.errors?.[0]?.message).toContain('老人本人或关联家属');
    const other = await s.gql(CALL, { i: { ...sos, elderId: ownElderId } }, family);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // 120 answers an SOS only; a family call must ring a family line.
    const wrong = await s.gql(CALL, { i: { ...sos, purpose: 'FAMILY' } }, family);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('从页面上的号码中选择');
    const stranger = await s.gql(CALL, { i: { ...sos, phone: '13900000000' } }, family);
    expect(stranger.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const half = await s.gql(CALL, { i: { ...sos, latitude: 30.88 } }, family);
    expect(half.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(half.errors?.[0]?.message).toContain('纬度和经度');
    expect(await helpAlerts(elderId)).toBe(before);
  });

  it('records an SOS with the location as an alert for community and call centre; a 2nd tap joins it', async () => {
    const first = await s.gql<{ callForHelp: Call }>(
      CALL,
      { i: { elderId, purpose: 'SOS', phone: '120', latitude: 30.874, longitude: 114.375 } },
      family,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.callForHelp).toMatchObject({ purpose: 'SOS', phone: '120', located: true, alreadyOpen: false });
    const alert = await s.db.prisma.alert.findUniqueOrThrow({ where: { id: first.data!.callForHelp.alertId } });
    expect(alert).toMatchObject({ kind: 'HELP_CALL', status: 'RAISED', elderId, raisedAt: now });
    expect(alert.detail).toMatchObject({ purpose: 'SOS', phone: '120', latitude: 30.874, longitude: 114.375 });
    for (const who of [worker, await s.login('operator')]) {
      const seen = await s.gql<{ alerts: { edges: { node: { id: string } }[] } }>(
        `{ alerts(filter: { kind: HELP_CALL }, first: 20) { edges { node { id } } } }`,
        {},
        who,
      );
      expect(seen.data!.alerts.edges.map((e) => e.node.id)).toContain(alert.id);
    }
    // The family line, rung while the SOS is open, is added to the same alert.
    const familyPhone = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'family' } })).phone!;
    const second = await s.gql<{ callForHelp: Call }>(
      CALL,
      { i: { elderId, purpose: 'FAMILY', phone: familyPhone } },
      family,
    );
    expect(second.data!.callForHelp).toMatchObject({ alertId: alert.id, alreadyOpen: true, located: false });
    const joined = await s.db.prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect((joined.detail as { calls: unknown[] }).calls).toHaveLength(2);
    expect(await helpAlerts(elderId)).toBe(1);
  });

  it('lets the elder ring for help on their own account, without a location', async () => {
    const r = await s.gql<{ callForHelp: Call }>(
      CALL,
      { i: { elderId: ownElderId, purpose: 'SOS', phone: '120' } },
      elderAccount,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.callForHelp).toMatchObject({ located: false, alreadyOpen: false });
    expect(await helpAlerts(ownElderId)).toBe(1);
  });
});
