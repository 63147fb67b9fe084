// Family members link to an elder with a community worker's one-time code (a family member sees
// only the elders linked to them).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
// The test's own clock: code expiry and the hourly lock are judged by the app clock, never the machine's.
const START = new Date('2026-11-18T10:00:00+08:00');
let now = START;
const t: Record<string, string> = {};
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const ISSUE = `mutation($e: ID!) { issueFamilyLinkCode(elderId: $e) { code expiresAt elder { id name } } }`;
const LINK = `mutation($c: String!, $r: String!) { linkElder(code: $c, relation: $r) { id name } }`;
const MY_ELDERS = `{ elders(first: 20) { edges { node { id } } } }`;
let elderId: string;
let otherElderId: string;

async function newFamily(phone: string) {
  const c = (
    await s.gql<{ requestLoginCode: { sandboxCode: string } }>(
      `mutation($p: String!) { requestLoginCode(phone: $p) { sandboxCode } }`,
      { p: phone },
    )
  ).data!.requestLoginCode.sandboxCode;
  return (
    await s.gql<{ phoneLogin: { token: string } }>(
      `mutation($p: String!, $c: String!) { phoneLogin(phone: $p, code: $c) { token } }`,
      { p: phone, c },
    )
  ).data!.phoneLogin.token;
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  for (const u of ['worker', 'worker2', 'family', 'caregiver']) t[u] = await s.login(u);
  t.newcomer = await newFamily('13800001234');
  t.second = await newFamily('13800005678');
  const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' }, include: { region: true } });
  elderId = (await s.db.prisma.elder.findFirstOrThrow({ where: { communityId: worker.regionId! } })).id;
  const worker2 = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker2' } });
  otherElderId = (await s.db.prisma.elder.findFirstOrThrow({ where: { communityId: worker2.regionId! } })).id;
});
afterAll(async () => s?.close());

describe('family links', () => {
  it('a worker issues a code; a new family member enters it and sees the elder, once', async () => {
    const before = await s.gql<{ elders: { edges: unknown[] } }>(MY_ELDERS, {}, t.newcomer);
    expect(before.data!.elders.edges).toEqual([]);
    const issued = await s.gql<{ issueFamilyLinkCode: { code: string; elder: { id: string } } }>(
      ISSUE,
      { e: elderId },
      t.worker,
    );
    const c = issued.data!.issueFamilyLinkCode.code;
    expect(c).toMatch(/^[A-Z2-9]{8}$/);
    // Typed as people type it: lower case, with a space.
    const linked = await s.gql<{ linkElder: { id: string } }>(
      LINK,
      { c: `${c.slice(0, 4).toLowerCase()} ${c.slice(4)}`, r: '子女' },
      t.newcomer,
    );
    expect(linked.data!.linkElder.id).toBe(elderId);
    const after = await s.gql<{ elders: { edges: { node: { id: string } }[] } }>(MY_ELDERS, {}, t.newcomer);
    expect(after.data!.elders.edges.map((e) => e.node.id)).toEqual([elderId]);
    expect(code(await s.gql(LINK, { c, r: '子女' }, t.second))).toBe('BAD_USER_INPUT');
    expect(await s.db.prisma.familyLink.count({ where: { elderId, user: { phone: '13800005678' } } })).toBe(0);
  });

  it("refuses other roles, elders outside the worker's community, bad relations and codes", async () => {
    expect(code(await s.gql(ISSUE, { e: elderId }, t.family))).toBe('FORBIDDEN');
    expect(code(await s.gql(ISSUE, { e: otherElderId }, t.worker))).toBe('FORBIDDEN');
    const c = (await s.gql<{ issueFamilyLinkCode: { code: string } }>(ISSUE, { e: elderId }, t.worker)).data!
      .issueFamilyLinkCode.code;
    expect(code(await s.gql(LINK, { c, r: '子女' }, t.caregiver))).toBe('FORBIDDEN');
    expect(code(await s.gql(LINK, { c, r: '老板' }, t.second))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(LINK, { c: '123', r: '子女' }, t.second))).toBe('BAD_USER_INPUT');
    // Already linked: refused, and the code is still good for someone else.
    expect(code(await s.gql(LINK, { c, r: '子女' }, t.newcomer))).toBe('INVALID_STATE');
    expect((await s.gql(LINK, { c, r: '配偶' }, t.second)).errors).toBeUndefined();
  });

  it('expired codes fail, and ten wrong codes in an hour lock further tries', async () => {
    const c = (await s.gql<{ issueFamilyLinkCode: { code: string } }>(ISSUE, { e: elderId }, t.worker)).data!
      .issueFamilyLinkCode.code;
    now = new Date(START.getTime() + 73 * 3_600_000);
    const third = await newFamily('13800009999');
    expect(code(await s.gql(LINK, { c, r: '子女' }, third))).toBe('BAD_USER_INPUT');
    for (let i = 0; i < 9; i++)
      expect(code(await s.gql(LINK, { c: `WRONG${String(i).padStart(3, '2')}`.slice(0, 8), r: '子女' }, third))).toBe(
        'BAD_USER_INPUT',
      );
    now = new Date(START.getTime() + 73 * 3_600_000 + 60_000);
    const fresh = (await s.gql<{ issueFamilyLinkCode: { code: string } }>(ISSUE, { e: elderId }, t.worker)).data!
      .issueFamilyLinkCode.code;
    expect(code(await s.gql(LINK, { c: fresh, r: '子女' }, third))).toBe('RATE_LIMITED');
  });

  it('one code entered by two family members at once links only one', async () => {
    const c = (await s.gql<{ issueFamilyLinkCode: { code: string } }>(ISSUE, { e: otherElderId }, t.worker2)).data!
      .issueFamilyLinkCode.code;
    const a = await newFamily('13800007777');
    const b = await newFamily('13800008888');
    const both = await Promise.all([s.gql(LINK, { c, r: '子女' }, a), s.gql(LINK, { c, r: '子女' }, b)]);
    expect(both.filter((r) => !r.errors).length).toBe(1);
    expect(
      await s.db.prisma.familyLink.count({
        where: { elderId: otherElderId, user: { phone: { in: ['13800007777', '13800008888'] } } },
      }),
    ).toBe(1);
  });
});
