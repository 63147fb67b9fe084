// Records kept current (000 九 动态管理; 001 八(一)3): a worker's changes, audited with old and new
// values; the next check-in uses the coordinates entered; joining long-term care insurance makes a
// Yangcheng elder a suggested exit (001 三(三)) that only a worker's confirmation turns into the end
// of service, from the day the programme says (001 八(一), NEXT_MONTH).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../testing/harness.js';
import { makeIdNumber } from '../testing/ids.js';
import { CHANGES, code, gql, JPEG, snapshot, START, UPDATE, upload } from '../testing/elder-records-fixtures.js';
import { startRecords, type RecordElder } from '../testing/elder-records-fixtures.js';

let s: TestServer;
let elder: RecordElder;
beforeAll(async () => void ({ s, elder } = await startRecords()));
afterAll(async () => s?.close());

describe('updateElder: bad input and scope change nothing', () => {
  it('refuses other roles and communities, a colliding ID number, coordinates off China or half a pair', async () => {
    const before = await snapshot(elder.id);
    const other = await s.db.prisma.elder.findFirstOrThrow({ where: { id: { not: elder.id } } });
    const otherId = s.app.services.vault.decrypt(other.idNumberEnc);
    const cases: [string, Record<string, unknown>, string, string?][] = [
      ['family', { phone: '13900000000' }, 'FORBIDDEN'],
      ['caregiver', { phone: '13900000000' }, 'FORBIDDEN'],
      ['provider_admin', { phone: '13900000000' }, 'FORBIDDEN'],
      ['worker2', { phone: '13900000000' }, 'FORBIDDEN'],
      ['yc_worker', { phone: '13900000000' }, 'FORBIDDEN'],
      ['worker', { idNumber: otherId, phone: '13900000000' }, 'BAD_USER_INPUT', 'idNumber'],
      ['worker', { idNumber: '420116195003011230' }, 'BAD_USER_INPUT', 'idNumber'],
      ['worker', { latitude: 60.5, longitude: 114.38 }, 'BAD_USER_INPUT', 'latitude'],
      // In Yangcheng, not in Huangpi where this elder lives (the programme's region.bounds, assumed).
      ['worker', { latitude: 35.49, longitude: 112.41 }, 'BAD_USER_INPUT', 'latitude'],
      ['worker', { latitude: 114.38, longitude: 30.87 }, 'BAD_USER_INPUT', 'latitude'],
      ['worker', { latitude: 30.87 }, 'BAD_USER_INPUT', 'latitude'],
      ['worker', { phone: '12345' }, 'BAD_USER_INPUT', 'phone'],
      ['worker', { disabilityGrade: 5 }, 'BAD_USER_INPUT', 'disabilityGrade'],
      [
        'worker',
        { contacts: [{ kind: 'EMERGENCY', name: '张伟', relation: '儿子', phone: '999' }] },
        'BAD_USER_INPUT',
        'contacts',
      ],
      ['worker', { communityCode: '140522100001' }, 'FORBIDDEN'],
    ];
    for (const [who, fields, want, field] of cases) {
      const r = await gql(UPDATE, { i: { elderId: elder.id, ...fields } }, who);
      expect(code(r), `${who} ${JSON.stringify(fields)}`).toBe(want);
      expect(r.errors![0].message).toMatch(/[\u4e00-\u9fff]/);
      if (field) expect((r.errors![0].extensions as any).details?.field).toBe(field);
    }
    const collide = await gql(UPDATE, { i: { elderId: elder.id, idNumber: otherId } }, 'worker');
    expect(collide.errors![0].message).toContain('另一位老人');
    const wrongCounty = await gql(UPDATE, { i: { elderId: elder.id, latitude: 35.49, longitude: 112.41 } }, 'worker');
    expect(wrongCounty.errors![0].message).toBe(
      '定位不在武汉市黄陂区范围内，可能把经度和纬度填反了，请在地图上重新选点。',
    );
    expect(await snapshot(elder.id)).toEqual(before);
  });

  it("registration holds coordinates to the same bounds (the programme region's box)", async () => {
    const community = (
      await s.db.prisma.region.findUniqueOrThrow({
        where: { id: (await s.db.prisma.elder.findUniqueOrThrow({ where: { id: elder.id } })).communityId },
      })
    ).code;
    const count = await s.db.prisma.elder.count();
    const input = {
      name: '测试老人',
      birthDate: '1950-03-01',
      idNumber: makeIdNumber('1950-03-01', 'FEMALE'),
      communityCode: community,
      address: '测试路 1 号',
    };
    const REGISTER = `mutation($i: RegisterElderInput!) { registerElder(input: $i) { id latitude } }`;
    const far = await gql(REGISTER, { i: { ...input, latitude: 60.5, longitude: 114.38 } }, 'worker');
    expect(code(far)).toBe('BAD_USER_INPUT');
    expect(far.errors![0].message).toContain('不在武汉市黄陂区范围内');
    expect(await s.db.prisma.elder.count()).toBe(count);
    const ok = await gql(REGISTER, { i: { ...input, latitude: 30.87, longitude: 114.38 } }, 'worker');
    expect(ok.data.registerElder.latitude).toBe(30.87);
  });
});

describe('updateElder: the record follows the elder', () => {
  it('records the change with who, old and new values, the ID number and phones masked', async () => {
    const newId = makeIdNumber(
      '1948-05-06',
      (await s.db.prisma.elder.findUniqueOrThrow({ where: { id: elder.id } })).gender,
    );
    const r = await gql(
      UPDATE,
      {
        i: {
          elderId: elder.id,
          phone: '13812345678',
          idNumber: newId,
          disabilityGrade: 2,
          contacts: [{ kind: 'EMERGENCY', name: '张伟', relation: '儿子', phone: '13987654321' }],
          note: '家属来电告知新号码',
        },
      },
      'worker',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.updateElder).toMatchObject({
      phone: '13812345678',
      disabilityGrade: 2,
      contacts: [{ kind: 'EMERGENCY', name: '张伟', phone: '13987654321' }],
    });
    // 一、二级残疾 is the flag the rules read; the grade sets it.
    expect(r.data.updateElder.flags).toContain('DISABILITY_GRADE_1_2');
    const h = await gql(CHANGES, { e: elder.id }, 'worker');
    const last = h.data.elderChanges.edges[0].node;
    expect(last).toMatchObject({ action: 'ELDER_UPDATED', actorName: '社区工作人员 刘敏', note: '家属来电告知新号码' });
    const byField = Object.fromEntries(last.changes.map((c: any) => [c.field, c]));
    expect(byField.phone.to).toBe('138****5678');
    expect(byField.idNumber.to).toBe(`${newId.slice(0, 4)}**********${newId.slice(-4)}`);
    expect(byField.birthDate.to).toBe('1948-05-06');
    expect(byField.disabilityGrade).toMatchObject({ label: '残疾等级', to: '2' });
    expect(byField.contacts.to).toBe('紧急联系人 张伟（儿子）139****4321');
    expect(JSON.stringify(h.data)).not.toContain('13812345678');
    expect(JSON.stringify(h.data)).not.toContain(newId);
    // The audit log itself never holds the full values either.
    const rows = JSON.stringify(await s.db.prisma.auditLog.findMany({ where: { entityId: elder.id } }));
    expect(rows).not.toContain(newId);
    expect(rows).not.toContain('13987654321');
    // The history is the officials'; a family, the provider and another community are refused.
    for (const who of ['family', 'provider_admin', 'worker2'])
      expect(code(await gql(CHANGES, { e: elder.id }, who))).toBe('FORBIDDEN');
  });

  it('two workers change one record at once: each change in the history starts from the other value', async () => {
    const phones = ['13811110001', '13811110002', '13811110003'];
    const results = await Promise.all(
      phones.map((phone, i) => gql(UPDATE, { i: { elderId: elder.id, phone } }, i === 1 ? 'street_officer' : 'worker')),
    );
    for (const r of results) if (r.errors) expect(code(r)).toBe('INVALID_STATE');
    const won = results.filter((r) => !r.errors).map((r) => r.data.updateElder.phone);
    expect(won.length).toBeGreaterThan(0);
    const h = await gql(CHANGES, { e: elder.id }, 'worker');
    const chain = h.data.elderChanges.edges
      .map((e: any) => e.node.changes.find((c: any) => c.field === 'phone'))
      .filter(Boolean)
      .slice(0, won.length)
      .reverse();
    for (let i = 1; i < chain.length; i++) expect(chain[i].from).toBe(chain[i - 1].to);
    const now = (await s.db.prisma.elder.findUniqueOrThrow({ where: { id: elder.id } })).phone!;
    expect(chain.at(-1).to).toBe(`${now.slice(0, 3)}****${now.slice(-4)}`);
  });

  it('a worker moves the address and its coordinates; the next check-in is judged at the new home', async () => {
    const moved = {
      latitude: Number((elder.latitude! + 0.02).toFixed(6)),
      longitude: Number((elder.longitude! + 0.015).toFixed(6)),
    };
    const r = await gql(UPDATE, { i: { elderId: elder.id, address: '前川街道新居小区 3 栋 201', ...moved } }, 'worker');
    expect(r.errors).toBeUndefined();
    expect(r.data.updateElder).toMatchObject({ address: '前川街道新居小区 3 栋 201', ...moved });

    const placed = await gql(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id scheduledAt } }`,
      {
        i: {
          elderId: elder.id,
          serviceCode: 'HP_NAIL_CARE',
          quantity: 1,
          scheduledAt: new Date(START.getTime() + 3600_000).toISOString(),
          idempotencyKey: 'records-move-1',
        },
      },
      'family',
    );
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data.placeOrder.id;
    const cg = await s.db.prisma.caregiver.findFirstOrThrow({ where: { user: { username: 'caregiver' } } });
    expect(
      (
        await gql(
          `mutation($o: ID!, $c: ID!) { assignOrder(orderId: $o, caregiverId: $c) { status } }`,
          { o: orderId, c: cg.id },
          'provider_admin',
        )
      ).errors,
    ).toBeUndefined();
    const qr = (await gql(`query($e: ID!) { homeQrToken(elderId: $e) }`, { e: elder.id }, 'worker')).data.homeQrToken;
    const photoId = ((await (await upload('caregiver', JPEG, 'image/jpeg')).json()) as { id: string }).id;
    s.app.services.clock = () => new Date(placed.data.placeOrder.scheduledAt);
    try {
      const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { status visit { checkInDistanceM } } }`;
      // At the old home (about 2.5 km away now) the geofence refuses.
      const old = await gql(
        CHECK_IN,
        { i: { orderId, qrToken: qr, latitude: elder.latitude, longitude: elder.longitude, photoId } },
        'caregiver',
      );
      expect(code(old)).toBe('GEOFENCE_VIOLATION');
      const ok = await gql(
        CHECK_IN,
        { i: { orderId, qrToken: qr, latitude: moved.latitude + 0.0002, longitude: moved.longitude, photoId } },
        'caregiver',
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data.checkIn.status).toBe('IN_SERVICE');
      expect(ok.data.checkIn.visit.checkInDistanceM).toBeLessThan(40);
    } finally {
      s.app.services.clock = () => START;
    }
    const h = await gql(CHANGES, { e: elder.id }, 'worker');
    const coords = h.data.elderChanges.edges[0].node.changes.find((c: any) => c.field === 'coordinates');
    expect(coords).toMatchObject({
      from: `${elder.latitude!.toFixed(6)}, ${elder.longitude!.toFixed(6)}`,
      to: `${moved.latitude.toFixed(6)}, ${moved.longitude.toFixed(6)}`,
    });
  });
});
