// Records kept current (000 九 动态管理; 001 八(一)3): a worker's changes, audited with old and new
// values; the next check-in uses the coordinates entered; joining long-term care insurance makes a
// Yangcheng elder a suggested exit (001 三(三)) that only a worker's confirmation turns into the end
// of service, from the day the programme says (001 八(一), NEXT_MONTH).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { makeIdNumber } from '../testing/ids.js';

let s: TestServer;
let base: string;
const tokens: Record<string, string> = {};
let elder: { id: string; latitude: number | null; longitude: number | null; address: string; phone: string | null };
const START = new Date('2026-11-18T10:00:00+08:00');

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => s.gql<T>(q, v, tokens[who]);
const UPDATE = `mutation($i: UpdateElderInput!) { updateElder(input: $i) { id address latitude longitude phone disabilityGrade flags contacts { kind name phone } } }`;
const CHANGES = `query($e: ID!) { elderChanges(elderId: $e, first: 20) { totalCount edges { node { action actorName changes { field label from to } note } } } }`;
const SUGGESTIONS = `query($e: ID, $st: ExitSuggestionStatus) { exitSuggestions(elderId: $e, status: $st, first: 10) { totalCount edges { node { id reason exclusion source explanation status elder { id } } } } }`;
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('JFIF-records-test'),
  Buffer.from([0xff, 0xd9]),
]);
const PDF = Buffer.from('%PDF-1.4\n% 户口簿扫描件\n%%EOF\n');
const upload = (who: string, body: Buffer, type: string, query = '') =>
  fetch(`${base}/files${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': type },
    body,
  });
const snapshot = async (id: string) => {
  const e = await s.db.prisma.elder.findUniqueOrThrow({ where: { id } });
  return {
    e: { ...e, updatedAt: null },
    audits: await s.db.prisma.auditLog.count({ where: { entityId: id } }),
    suggestions: await s.db.prisma.exitSuggestion.count(),
  };
};

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => START });
  base = s.url.replace(/\/graphql$/, '');
  for (const u of [
    'family',
    'worker',
    'worker2',
    'street_officer',
    'provider_admin',
    'caregiver',
    'yc_worker',
    'yc_street_officer',
    'yc_admin',
  ])
    tokens[u] = await s.login(u);
  const link = await s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  elder = await s.db.prisma.elder.findUniqueOrThrow({ where: { id: link.elderId } });
});
afterAll(async () => s?.close());

describe('updateElder: bad input and scope change nothing', () => {
  it('refuses other roles, other communities, a colliding ID number, coordinates outside China or half a pair', async () => {
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

  it('two workers changing one record at once: each change in the history starts from the value the other left', async () => {
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

describe('exit suggestions (nothing exits silently)', () => {
  let ycElder: { id: string; enrolmentId: string };
  const who = 'yc_worker';
  beforeAll(async () => {
    // An enrolled Yangcheng elder not insured, in the village the demo village cadre covers (the
    // seed's own, or one moved there), so the village and town reviews are the demo accounts'.
    const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_worker' } });
    const pick = (where: object) =>
      s.db.prisma.enrolment.findFirst({
        where: {
          status: 'ACTIVE',
          policy: { code: 'YANGCHENG_2026' },
          elder: { NOT: { flags: { has: 'LONG_TERM_CARE_INSURANCE' } }, ...where },
        },
        orderBy: { id: 'asc' },
      });
    let en = await pick({ communityId: worker.regionId! });
    if (!en) {
      en = (await pick({}))!;
      await s.db.prisma.elder.update({
        where: { id: en.elderId },
        data: { communityId: worker.regionId!, hukouRegionId: worker.regionId! },
      });
    }
    ycElder = { id: en.elderId, enrolmentId: en.id };
  });

  it('joining long-term care insurance suggests the Yangcheng exclusion (001 三(三)); the enrolment stays active until a worker confirms', async () => {
    const r = await gql(
      UPDATE,
      { i: { elderId: ycElder.id, longTermCareInsurance: true, note: '已参加长期护理保险' } },
      who,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.updateElder.flags).toContain('LONG_TERM_CARE_INSURANCE');
    const list = await gql(SUGGESTIONS, { e: ycElder.id }, who);
    expect(list.data.exitSuggestions.totalCount).toBe(1);
    const sug = list.data.exitSuggestions.edges[0].node;
    expect(sug).toMatchObject({
      reason: 'NO_LONGER_ELIGIBLE',
      exclusion: true,
      source: '001 三(三)',
      status: 'OPEN',
      elder: { id: ycElder.id },
    });
    expect(sug.explanation).toContain('长期护理保险');
    expect((await s.db.prisma.enrolment.findUniqueOrThrow({ where: { id: ycElder.enrolmentId } })).status).toBe(
      'ACTIVE',
    );
    // Another change while it waits refreshes the one suggestion, never a second.
    expect((await gql(UPDATE, { i: { elderId: ycElder.id, selfCareAbility: 'PARTIAL' } }, who)).errors).toBeUndefined();
    expect((await gql(SUGGESTIONS, { e: ycElder.id }, who)).data.exitSuggestions.totalCount).toBe(1);
    // Out of Yangcheng, and roles that do not decide exits, are refused and change nothing.
    for (const [caller, want] of [
      ['worker', 'FORBIDDEN'],
      ['family', 'FORBIDDEN'],
      ['provider_admin', 'FORBIDDEN'],
    ] as const) {
      expect(
        code(await gql(`mutation($id: ID!) { confirmExitSuggestion(id: $id) { status } }`, { id: sug.id }, caller)),
      ).toBe(want);
      expect(
        code(
          await gql(
            `mutation($id: ID!) { dismissExitSuggestion(id: $id, reason: "经核实仍符合条件") { status } }`,
            { id: sug.id },
            caller,
          ),
        ),
      ).toBe(want);
    }
    expect(
      code(
        await gql(`mutation($id: ID!) { dismissExitSuggestion(id: $id, reason: " ") { status } }`, { id: sug.id }, who),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await s.db.prisma.exitSuggestion.findUniqueOrThrow({ where: { id: sug.id } })).status).toBe('OPEN');

    // Confirmed: a termination request for 不再符合条件 goes to the village and town reviews (the
    // programme's, assumed from 000 附件3); the elder is served until the town approves.
    const c = await gql(
      `mutation($id: ID!) { confirmExitSuggestion(id: $id, note: "经核实已享受长护险") { status decisionNote } }`,
      { id: sug.id },
      who,
    );
    expect(c.errors).toBeUndefined();
    expect(c.data.confirmExitSuggestion).toEqual({ status: 'CONFIRMED', decisionNote: '经核实已享受长护险' });
    expect(
      code(await gql(`mutation($id: ID!) { confirmExitSuggestion(id: $id) { status } }`, { id: sug.id }, who)),
    ).toBe('INVALID_STATE');
    const request = await s.db.prisma.terminationRequest.findFirstOrThrow({
      where: { enrolmentId: ycElder.enrolmentId },
    });
    expect(request).toMatchObject({ reason: 'NO_LONGER_ELIGIBLE', status: 'PENDING', fastTracked: false });
    expect((await s.db.prisma.enrolment.findUniqueOrThrow({ where: { id: ycElder.enrolmentId } })).status).toBe(
      'ACTIVE',
    );
    const REVIEW = `mutation($id: ID!) { reviewTermination(id: $id, decision: APPROVE, comment: "经核实享受长期护理保险，同意退出") { status stage lastServiceDay } }`;
    const village = await gql(REVIEW, { id: request.id }, 'yc_worker');
    expect(village.errors).toBeUndefined();
    expect((await s.db.prisma.enrolment.findUniqueOrThrow({ where: { id: ycElder.enrolmentId } })).status).toBe(
      'ACTIVE',
    );
    const town = await gql(REVIEW, { id: request.id }, 'yc_street_officer');
    expect(town.errors).toBeUndefined();
    // Service ends as 001 八(一) says: at the end of this month (NEXT_MONTH, assumed there).
    expect(town.data.reviewTermination).toMatchObject({ status: 'APPROVED', lastServiceDay: '2026-11-30' });
    const ended = await s.db.prisma.enrolment.findUniqueOrThrow({ where: { id: ycElder.enrolmentId } });
    expect(ended).toMatchObject({ status: 'TERMINATED', terminationReason: 'NO_LONGER_ELIGIBLE' });
    expect(ended.endedOn!.toISOString().slice(0, 10)).toBe('2026-11-30');
    const h = await gql(CHANGES, { e: ycElder.id }, who);
    expect(h.data.elderChanges.edges.map((e: any) => e.node.action).slice(0, 2)).toEqual([
      'EXIT_SUGGESTION_CONFIRMED',
      'EXIT_SUGGESTED',
    ]);
  });

  it('a hukou moved out of Huangpi suggests the exit for 户籍迁出 (000 附件3), not a silent one', async () => {
    const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
    const en = await s.db.prisma.enrolment.findFirstOrThrow({
      where: {
        status: 'ACTIVE',
        policy: { code: 'HUANGPI_2020' },
        elder: { communityId: worker.regionId!, id: { not: elder.id } },
      },
      orderBy: { id: 'asc' },
    });
    const r = await gql(
      UPDATE,
      { i: { elderId: en.elderId, hukouCommunityCode: '140522100001', note: '户口迁往阳城县' } },
      'worker',
    );
    expect(r.errors).toBeUndefined();
    const sug = (await gql(SUGGESTIONS, { e: en.elderId }, 'worker')).data.exitSuggestions.edges[0].node;
    expect(sug).toMatchObject({ reason: 'MOVED_HUKOU', exclusion: false, source: '000 附件3', status: 'OPEN' });
    expect(sug.explanation).toContain('户籍不在武汉市黄陂区');
    expect((await s.db.prisma.enrolment.findUniqueOrThrow({ where: { id: en.id } })).status).toBe('ACTIVE');
    // The officials of another community neither see nor decide it.
    expect((await gql(SUGGESTIONS, { e: en.elderId }, 'worker2')).data.exitSuggestions.totalCount).toBe(0);
  });

  it('a dismissed suggestion keeps the elder in service; a change back lets an open one lapse', async () => {
    // Two enrolled elders the rules accept today, so taking the insurance back makes them qualify again.
    const candidates = await s.db.prisma.enrolment.findMany({
      where: {
        status: 'ACTIVE',
        policy: { code: 'YANGCHENG_2026' },
        elder: { NOT: { flags: { has: 'LONG_TERM_CARE_INSURANCE' } } },
      },
      orderBy: { id: 'asc' },
      take: 20,
    });
    const eligible = [];
    for (const en of candidates) {
      const r = await gql(
        `query($e: ID!) { checkEligibility(elderId: $e, policyCode: "YANGCHENG_2026") { eligible } }`,
        { e: en.elderId },
        'yc_admin',
      );
      if (r.data?.checkEligibility.eligible) eligible.push(en);
    }
    const [a, b] = eligible;
    expect(b).toBeDefined();
    for (const en of [a!, b!])
      expect(
        (await gql(UPDATE, { i: { elderId: en.elderId, longTermCareInsurance: true } }, 'yc_admin')).errors,
      ).toBeUndefined();
    const sa = (await gql(SUGGESTIONS, { e: a!.elderId }, 'yc_admin')).data.exitSuggestions.edges[0].node;
    const d = await gql(
      `mutation($id: ID!) { dismissExitSuggestion(id: $id, reason: "长护险申请未获批准，录入有误") { status decisionNote } }`,
      { id: sa.id },
      'yc_admin',
    );
    expect(d.data.dismissExitSuggestion).toEqual({ status: 'DISMISSED', decisionNote: '长护险申请未获批准，录入有误' });
    expect((await s.db.prisma.enrolment.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe('ACTIVE');

    expect(
      (await gql(UPDATE, { i: { elderId: b!.elderId, longTermCareInsurance: false } }, 'yc_admin')).errors,
    ).toBeUndefined();
    const lapsed = await gql(SUGGESTIONS, { e: b!.elderId, st: 'LAPSED' }, 'yc_admin');
    expect(lapsed.data.exitSuggestions.totalCount).toBe(1);
    expect((await gql(SUGGESTIONS, { e: b!.elderId }, 'yc_admin')).data.exitSuggestions.totalCount).toBe(0);
    expect((await s.db.prisma.enrolment.findUniqueOrThrow({ where: { id: b!.id } })).status).toBe('ACTIVE');
  });
});

describe('documents on the record', () => {
  const ATTACH = `mutation($i: AttachElderFileInput!) { attachElderFile(input: $i) { id kind url mimeType } }`;
  const LIST = `query($e: ID!) { elderAttachments(elderId: $e) { id kind url mimeType sizeBytes } }`;

  it('a worker attaches a scanned hukou booklet; the family sees it, the provider serving the elder does not', async () => {
    expect((await upload('caregiver', PDF, 'application/pdf', '?purpose=attachment')).status).toBe(403);
    expect((await upload('family', PDF, 'application/pdf', '?purpose=attachment')).status).toBe(403);
    // A visit photo upload stays images only.
    expect((await upload('caregiver', PDF, 'application/pdf')).status).toBe(400);
    expect((await upload('worker', Buffer.from('not a pdf'), 'application/pdf', '?purpose=attachment')).status).toBe(
      400,
    );
    const up = await upload('worker', PDF, 'application/pdf', '?purpose=attachment');
    expect(up.status).toBe(201);
    const fileId = ((await up.json()) as { id: string }).id;

    const before = await s.db.prisma.elderAttachment.count();
    expect(code(await gql(ATTACH, { i: { elderId: elder.id, kind: 'HUKOU_BOOKLET', fileId } }, 'worker2'))).toBe(
      'FORBIDDEN',
    );
    expect(code(await gql(ATTACH, { i: { elderId: elder.id, kind: 'HUKOU_BOOKLET', fileId } }, 'family'))).toBe(
      'FORBIDDEN',
    );
    const photo = ((await (await upload('caregiver', JPEG, 'image/jpeg')).json()) as { id: string }).id;
    expect(code(await gql(ATTACH, { i: { elderId: elder.id, kind: 'ID_CARD', fileId: photo } }, 'worker'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await s.db.prisma.elderAttachment.count()).toBe(before);

    const ok = await gql(ATTACH, { i: { elderId: elder.id, kind: 'HUKOU_BOOKLET', fileId } }, 'worker');
    expect(ok.errors).toBeUndefined();
    expect(ok.data.attachElderFile).toMatchObject({
      kind: 'HUKOU_BOOKLET',
      url: `/files/${fileId}`,
      mimeType: 'application/pdf',
    });
    expect(code(await gql(ATTACH, { i: { elderId: elder.id, kind: 'HUKOU_BOOKLET', fileId } }, 'worker'))).toBe(
      'BAD_USER_INPUT',
    );

    expect((await gql(LIST, { e: elder.id }, 'family')).data.elderAttachments).toHaveLength(1);
    const read = (who: string) =>
      fetch(`${base}/files/${fileId}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    const fam = await read('family');
    expect(fam.status).toBe(200);
    expect(Buffer.from(await fam.arrayBuffer()).equals(PDF)).toBe(true);
    // The provider has an order for this elder (the check-in above) yet never sees the ID documents.
    expect(code(await gql(LIST, { e: elder.id }, 'provider_admin'))).toBe('FORBIDDEN');
    expect((await read('provider_admin')).status).toBe(403);
    expect((await read('caregiver')).status).toBe(403);
    expect((await read('worker2')).status).toBe(403);
  });
});
