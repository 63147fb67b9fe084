// What the bot may post in a group (issue 23): an alert that says what happened with the elder's
// phone and address masked, the service guide's booking hours the bot refuses night visits by, and
// the daily digest per bound group. On a real server and database, at a fixed app clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../common/mask.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

/** Wednesday 2 December 2026, 10:00 in Shanghai. */
const T0 = new Date('2026-12-02T10:00:00+08:00');
const HOUR = 3_600_000;
let s: TestServer;
let now = T0;
const t: Record<string, string> = {};
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const ISSUE = `mutation($p: BindingPurpose!) { issueBotBindingCode(purpose: $p) { code } }`;
const DIGEST = `{ botDailyDigest { roomId communityName day visitsToday checkedIn notCheckedIn notCheckedInLines
  overdueComplaints } }`;
type Digest = {
  roomId: string;
  day: string;
  visitsToday: number;
  checkedIn: number;
  notCheckedIn: number;
  notCheckedInLines: string[];
  overdueComplaints: number;
};
let elder: { id: string; name: string; phone: string | null; address: string };

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  for (const u of ['worker', 'bot', 'family']) t[u] = await s.login(u);
  const issue = async (p: string) =>
    (await s.gql<{ issueBotBindingCode: { code: string } }>(ISSUE, { p }, t.worker)).data!.issueBotBindingCode.code;
  await s.gql(
    `mutation($c: String!) { bindBotWorker(code: $c, contactId: "wxid_d1", contactName: "王社工") { userId } }`,
    {
      c: await issue('WORKER'),
    },
    t.bot,
  );
  const room = await s.gql(
    `mutation($c: String!) { bindBotRoom(code: $c, roomId: "digest@chatroom", topic: "百秀社区助老群",
      contactId: "wxid_d1") { roomId } }`,
    { c: await issue('ROOM') },
    t.bot,
  );
  expect(room.errors).toBeUndefined();
  const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
  elder = await s.db.prisma.elder.findFirstOrThrow({
    where: {
      communityId: worker.regionId!,
      status: 'ENROLLED',
      phone: { not: null },
      enrolments: { some: { policy: { code: 'HUANGPI_2020' } } },
    },
    orderBy: { name: 'asc' },
  });
});
afterAll(async () => s?.close());

describe('the service guide carries the hours a visit may start', () => {
  it('home visits start between 7:00 and 20:00 (000 六·流程2 sets none; assumed in the document)', async () => {
    const r = await s.gql<{
      serviceGuide: { code: string; bookableFromMinute: number; bookableUntilMinute: number }[];
    }>(`{ serviceGuide(policyCode: "HUANGPI_2020") { code bookableFromMinute bookableUntilMinute } }`);
    const room = r.data!.serviceGuide.find((i) => i.code === 'HP_ROOM_CLEANING')!;
    expect([room.bookableFromMinute, room.bookableUntilMinute]).toEqual([420, 1200]);
  });
});

describe('an alert says what happened, with the phone and address masked', () => {
  it('a complaint: its words (numbers masked), the 48 h deadline (000 六 4), masked phone and address', async () => {
    const filed = await s.gql(
      `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`,
      { i: { elderId: elder.id, content: '护理员提前离开，家属电话13912345678没人回' } },
      t.worker,
    );
    expect(filed.errors).toBeUndefined();
    const r = await s.gql<{
      alerts: { edges: { node: { summary: string; elderMaskedPhone: string; elderMaskedAddress: string } }[] };
    }>(
      `{ alerts(first: 5, filter: { kind: COMPLAINT }) { edges { node { summary elderMaskedPhone elderMaskedAddress
        } } } }`,
      {},
      t.worker,
    );
    const a = r.data!.alerts.edges[0]!.node;
    expect(a.summary).toBe(
      '投诉：“护理员提前离开，家属电话139****5678没人回”，须在 12月4日（周五）上午10:00 前处理（48 小时时限）',
    );
    expect(a.elderMaskedPhone).toBe(maskPhone(elder.phone!));
    expect(a.elderMaskedPhone).not.toBe(elder.phone);
    expect(a.elderMaskedAddress).toMatch(/\*\*\*\*$/);
    expect(elder.address.startsWith(a.elderMaskedAddress.replace(/\*+$/, ''))).toBe(true);
    expect(a.elderMaskedAddress).not.toMatch(/\d+号/);
  });
});

describe('the daily digest per bound group', () => {
  it("counts today's visits, the late ones by masked name, and complaints past their deadline", async () => {
    const placed = await s.gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
      {
        i: {
          elderId: elder.id,
          serviceCode: 'HP_HAIRCUT',
          quantity: 1,
          scheduledAt: new Date(T0.getTime() + HOUR).toISOString(),
          idempotencyKey: 'digest-test-1',
        },
      },
      t.worker,
    );
    expect(placed.errors).toBeUndefined();
    now = new Date(T0.getTime() + 2 * HOUR); // 12:00: the 11:00 visit has had no check-in for an hour
    const noon = (await s.gql<{ botDailyDigest: Digest[] }>(DIGEST, {}, t.bot)).data!.botDailyDigest;
    const d = noon.find((x) => x.roomId === 'digest@chatroom')!;
    expect(d.day).toBe('2026-12-02');
    expect(d.visitsToday).toBeGreaterThanOrEqual(1);
    expect(d.notCheckedIn).toBeGreaterThanOrEqual(1);
    expect(d.notCheckedInLines).toContain(`12月2日（周三）上午11:00 ${maskName(elder.name)} 上门理发`);
    expect(d.notCheckedInLines.join('\n')).not.toContain(elder.name);
    expect(d.overdueComplaints).toBe(0);
    // Past the complaint's 48 h (000 六 4): it counts as overdue.
    now = new Date(T0.getTime() + 49 * HOUR);
    const later = (await s.gql<{ botDailyDigest: Digest[] }>(DIGEST, {}, t.bot)).data!.botDailyDigest;
    expect(later.find((x) => x.roomId === 'digest@chatroom')!.overdueComplaints).toBeGreaterThanOrEqual(1);
    now = T0;
  });

  it('is for the bot account only', async () => {
    expect(code(await s.gql(DIGEST, {}, t.worker))).toBe('FORBIDDEN');
    expect(code(await s.gql(DIGEST, {}, t.family))).toBe('FORBIDDEN');
    expect(code(await s.gql(DIGEST, {}))).toBe('UNAUTHENTICATED');
  });
});
