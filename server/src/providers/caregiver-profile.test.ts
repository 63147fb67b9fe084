// A caregiver's 工号 and photo (issue 25): set by the provider's administrators, shown to the family
// on its own order (the card and GET /files/:id), and to nobody outside the order's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { assignTo, placedOrderId } from '../testing/orders-fixtures.js';
import { addUser, linkedElderId } from '../testing/users.js';
import { portraitPng } from '../seed/seed.caregivers.js';

let s: TestServer;
const now = new Date('2026-11-18T10:00:00+08:00');
const tokens: Record<string, string> = {};
const SET = `mutation($i: CaregiverProfileInput!) { setCaregiverProfile(input: $i) { id staffNo photoUrl } }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const field = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (r.errors?.[0]?.extensions?.details as { field?: string } | undefined)?.field;
const PNG = portraitPng([0x11, 0x22, 0x33]);

const upload = async (who: string, body: Buffer, type = 'image/png') => {
  const res = await fetch(`${s.url.replace(/\/graphql$/, '')}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': type },
    body,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const getFile = (who: string, url: string) =>
  fetch(`${s.url.replace(/\/graphql$/, '')}${url}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  for (const u of ['provider_admin', 'wh_provider2', 'family', 'caregiver', 'district_admin'])
    tokens[u] = await s.login(u);
  tokens.other_family = await addUser(s, 'profile_other_family', { role: 'FAMILY', displayName: '另一位家属' });
}, 300_000);
afterAll(async () => s?.close());

const demoCaregiver = () => s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });

describe('the seed', () => {
  it('gives every demo caregiver a 工号, unique within its provider, and a PNG photo', async () => {
    const all = await s.db.prisma.caregiver.findMany({ include: { photo: true } });
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      expect(c.staffNo).toMatch(/^[A-Z0-9][A-Z0-9-]+$/);
      expect(c.photo?.mimeType).toBe('image/png');
    }
    expect(new Set(all.map((c) => `${c.providerId}/${c.staffNo}`)).size).toBe(all.length);
  });
});

describe('setCaregiverProfile', () => {
  it('refuses other roles and providers, bad or taken numbers, foreign photos and a left caregiver', async () => {
    const cg = await demoCaregiver();
    const input = { caregiverId: cg.id, staffNo: 'HK-0099' };
    expect(code(await s.gql(SET, { i: input }, tokens.family))).toBe('FORBIDDEN');
    expect(code(await s.gql(SET, { i: input }, tokens.caregiver))).toBe('FORBIDDEN');
    expect(code(await s.gql(SET, { i: input }, tokens.district_admin))).toBe('FORBIDDEN');
    // Another provider's administrator: not its caregiver.
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code(await s.gql(SET, { i: input }, tokens.wh_provider2)));

    for (const staffNo of ['', '工号一', 'A B', 'X'.repeat(21), '-12']) {
      const r = await s.gql(SET, { i: { ...input, staffNo } }, tokens.provider_admin);
      expect([staffNo, code(r), field(r)]).toEqual([staffNo, 'BAD_USER_INPUT', 'staffNo']);
    }
    const colleague = await s.db.prisma.caregiver.findFirstOrThrow({
      where: { providerId: cg.providerId, NOT: { id: cg.id }, staffNo: { not: null } },
    });
    const dup = await s.gql(SET, { i: { ...input, staffNo: colleague.staffNo!.toLowerCase() } }, tokens.provider_admin);
    expect([code(dup), field(dup)]).toEqual(['BAD_USER_INPUT', 'staffNo']);
    expect(dup.errors![0]!.message).toContain(colleague.staffNo!);

    // A photo another provider's administrator uploaded is not this provider's to use.
    const foreign = await upload('wh_provider2', portraitPng([0x44, 0x55, 0x66]));
    const f = await s.gql(SET, { i: { ...input, photoFileId: foreign } }, tokens.provider_admin);
    expect([code(f), field(f)]).toEqual(['BAD_USER_INPUT', 'photoFileId']);
    const missing = await s.gql(
      SET,
      { i: { ...input, photoFileId: '0190f0f0-0000-7000-8000-000000000000' } },
      tokens.provider_admin,
    );
    expect(field(missing)).toBe('photoFileId');

    const left = await s.db.prisma.caregiver.create({
      data: { providerId: cg.providerId, name: '离职测试', phone: '13900001111', active: false, leftAt: now },
    });
    expect(code(await s.gql(SET, { i: { caregiverId: left.id, staffNo: 'HK-0100' } }, tokens.provider_admin))).toBe(
      'INVALID_STATE',
    );
    const after = await s.db.prisma.caregiver.findMany({ where: { id: { in: [cg.id, left.id] } } });
    expect(after.find((c) => c.id === cg.id)).toMatchObject({ staffNo: cg.staffNo, photoFileId: cg.photoFileId });
    expect(after.find((c) => c.id === left.id)!.staffNo).toBeNull();
  });

  it('sets the 工号 and photo, and the family sees them on its order and may open the photo', async () => {
    const cg = await demoCaregiver();
    const photo = await upload('provider_admin', PNG);
    const r = await s.gql(
      SET,
      { i: { caregiverId: cg.id, staffNo: 'hk-0099', photoFileId: photo } },
      tokens.provider_admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.setCaregiverProfile).toEqual({ id: cg.id, staffNo: 'HK-0099', photoUrl: `/files/${photo}` });
    // Same number again, without a photo: kept as it is.
    const again = await s.gql(SET, { i: { caregiverId: cg.id, staffNo: 'HK-0099' } }, tokens.provider_admin);
    expect(again.data!.setCaregiverProfile.photoUrl).toBe(`/files/${photo}`);
    const audits = await s.db.prisma.auditLog.count({ where: { action: 'CAREGIVER_PROFILE_SET', entityId: cg.id } });
    expect(audits).toBe(2);

    // The photo is not readable by a family with no order by this caregiver.
    expect((await getFile('other_family', `/files/${photo}`)).status).toBe(403);
    const elderId = await linkedElderId(s);
    const orderId = await placedOrderId(s, tokens.family, {
      elderId,
      serviceCode: 'HP_HAIRCUT',
      scheduledAt: new Date('2026-11-20T10:00:00+08:00'),
      idempotencyKey: 'caregiver-profile-1',
    });
    await assignTo(s, orderId);
    const card = await s.gql(
      `query($id: ID!) { order(id: $id) { caregiverCard { name staffNo photoUrl } } }`,
      { id: orderId },
      tokens.family,
    );
    expect(card.data!.order.caregiverCard).toEqual({ name: cg.name, staffNo: 'HK-0099', photoUrl: `/files/${photo}` });
    const res = await getFile('family', `/files/${photo}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await getFile('other_family', `/files/${photo}`)).status).toBe(403);
  });
});
