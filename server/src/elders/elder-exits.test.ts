// Exit suggestions (001 三(三), 001 八(一)) and documents on the record (000 九 动态管理).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../testing/harness.js';
import { CHANGES, code, gql, JPEG, PDF, SUGGESTIONS, UPDATE, upload } from '../testing/elder-records-fixtures.js';
import { startRecords, type RecordElder } from '../testing/elder-records-fixtures.js';

let s: TestServer;
let base: string;
let tokens: Record<string, string>;
let elder: RecordElder;
beforeAll(async () => void ({ s, base, tokens, elder } = await startRecords()));
afterAll(async () => s?.close());

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

  it('insurance suggests the Yangcheng exclusion (001 三(三)); enrolled until a worker confirms', async () => {
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
    const REVIEW = `mutation($id: ID!) {
      reviewTermination(id: $id, decision: APPROVE, comment: "经核实享受长期护理保险，同意退出") { status stage lastServiceDay }
    }`;
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

  it('a worker attaches a scanned hukou booklet; the family sees it, the serving provider does not', async () => {
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
