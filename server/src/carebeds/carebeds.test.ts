// Family care beds (家庭养老床位) of document 004 on a real server: a bed walked from application to archive
// and clawback, and every refusal of the money and independence rules. The clock is set inside the
// programme (六(二) 组织实施阶段); moving it past 2023-03-31 tests the acceptance deadline (五(二)6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { M, STAGES, application, bedWorld, lines } from './carebeds.fixtures.js';

let now = new Date('2022-11-15T10:00:00+08:00');
let s: TestServer;
let w: Awaited<ReturnType<typeof bedWorld>>;
let huancui: string[];
let wendeng: string[];
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const message = (r: { errors?: { message: string }[] }) => r.errors?.[0]?.message ?? '';
const status = async (id: string) => (await s.db.prisma.careBed.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  huancui = await w.eldersIn('371002001001');
  wendeng = await w.eldersIn('371003001001');
}, 300_000);
afterAll(async () => s?.close());

describe('care beds (004 五(二))', () => {
  it('walks a bed from application to archive, each step with who, when and opinion; one grant', async () => {
    const id = await w.walk(huancui[0]!, 'ACCEPTANCE_REQUESTED');
    const accepted = w.ok(
      await w.as('wh_acceptance', M.accept, { id, input: await w.acceptance(id) }),
      'acceptCareBed',
    );
    expect(accepted).toMatchObject({ status: 'ACCEPTED', totalFen: 190_000, smartFen: 90_000, lotteryFen: 190_000 });
    // 五(一): a warranty of at least two years from completion (2022-12-10).
    expect(accepted.warrantyUntil.slice(0, 10)).toBe('2024-12-10');
    expect(accepted.lines.every((l: any) => l.verified && l.beforePhotoId && l.afterPhotoId)).toBe(true);
    expect(w.ok(await w.as('wh_admin', M.archive, { id }), 'archiveCareBed').status).toBe('ARCHIVED');
    const bed = w.ok(await w.as('wh_admin', M.bed, { id }), 'careBed');
    // The fixture's stages up to the request for acceptance, then acceptance and the archive.
    expect(bed.steps.map((st: any) => st.toStatus)).toEqual([...STAGES, 'ACCEPTED', 'ARCHIVED']);
    expect(bed.steps.every((st: any) => st.actorName && st.actorRole && st.at)).toBe(true);
    expect(bed.steps[1].opinion).toMatch(/中度失能/);
    expect(bed.steps.find((st: any) => st.toStatus === 'ACCEPTED').opinion).toMatch(/区市民政部门意见：同意验收/);
    const grant = await s.db.prisma.ledgerTransaction.findUniqueOrThrow({
      where: { id: bed.grantTxId },
      include: { entries: true },
    });
    expect(grant.kind).toBe('CARE_BED_GRANT');
    expect(grant.entries.map((e) => Number(e.amount)).sort((a, b) => a - b)).toEqual([-190_000, 190_000]);

    // 五(四), 七(二): the clawback reverses the grant in the ledger, once.
    const back = w.ok(await w.as('wh_admin', M.clawBack, { id }), 'clawBackCareBed');
    expect(back.status).toBe('CLAWED_BACK');
    const again = await w.as('wh_admin', M.clawBack, { id });
    expect(code(again)).toBe('INVALID_STATE');
    const reversals = await s.db.prisma.ledgerTransaction.findMany({ where: { reversesId: grant.id } });
    expect(reversals).toHaveLength(1);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('004 三(一), 五(二)2: the street must give a reason for 不同意; each review belongs to its level', async () => {
    const id = w.ok(await w.as('wh_worker', M.apply, { input: application(huancui[1]!) }), 'applyCareBed').id;
    w.ok(await w.as('wh_street', M.assess, { id }), 'recordCareBedAssessment');
    const noReason = await w.as('wh_street', M.review, { id, approved: false });
    expect([code(noReason), message(noReason)]).toEqual(['BAD_USER_INPUT', '选择“不同意”的，须说明理由（附件3）。']);
    expect(code(await w.as('wh_admin', M.review, { id, approved: true }))).toBe('FORBIDDEN');
    expect(code(await w.as('district_admin', M.bed, { id }))).toBe('FORBIDDEN');
    expect(await status(id)).toBe('ASSESSED');
    const no = w.ok(
      await w.as('wh_street', M.review, { id, approved: false, opinion: '房屋已纳入拆迁规划' }),
      'reviewCareBed',
    );
    expect(no.status).toBe('REJECTED');
    // A household renting for less than six months is refused at the application (三(一)).
    const short = await w.as('wh_worker', M.apply, {
      input: application(huancui[1]!, { tenure: 'RESIDENT', residenceMonths: 5 }),
    });
    expect([code(short), message(short)]).toEqual([
      'BAD_USER_INPUT',
      '没有房屋产权的，须在拟改造住房长期居住 6 个月以上（004 三(一)）。',
    ]);
  });

  it('004 四(一): smart lines totalling 1001 元 are refused at design, and nothing is written', async () => {
    const id = await w.walk(huancui[2]!, 'PUBLICISED');
    const r = await w.as('wh_builder', M.design, { id, lines: lines([400, 300, 301]) });
    expect(code(r)).toBe('SMART_CAP_EXCEEDED');
    expect(message(r)).toMatch(/智能化改造合计 1001 元，超过每户 1000 元的上限（004 四\(一\)）/);
    expect(await status(id)).toBe('PUBLICISED');
    expect(await s.db.prisma.careBedLine.count({ where: { careBedId: id } })).toBe(0);
    // 1000 元 exactly is within the cap.
    expect(
      w.ok(await w.as('wh_builder', M.design, { id, lines: lines([400, 300, 300]) }), 'designCareBed').smartFen,
    ).toBe(100_000);
    // 三(一): the three required devices; 附件1: only catalogue items.
    const missing = await w.as('wh_builder', M.design, { id, lines: lines().slice(1) });
    expect([code(missing), message(missing)]).toEqual([
      'BAD_USER_INPUT',
      '家庭养老床位须安装网络连接设备（004 三(一)），请补充后再提交。',
    ]);
    const odd = await w.as('wh_builder', M.design, {
      id,
      lines: [...lines(), { itemCode: 'SAUNA', model: '桑拿房', quantity: 1, estimateFen: 100 }],
    });
    expect(message(odd)).toMatch(/不在建设建议清单（附件1）中/);
  });

  it('004 四(一): the district average may hold a household above 2500 元, not one that lifts it past', async () => {
    const opts = { admin: 'wh_wendeng_admin', street: 'wh_wendeng_street', worker: 'wh_wendeng_street' };
    const a = await w.walk(wendeng[0]!, 'CONFIRMED', { ...opts, design: lines([300, 300, 300], [600, 500]) });
    expect(await status(a)).toBe('CONFIRMED'); // 2000 元
    const b = await w.walk(wendeng[1]!, 'CONFIRMED', { ...opts, design: lines([300, 300, 300], [1500, 600]) });
    expect(await status(b)).toBe('CONFIRMED'); // 3000 元: above 2500 on its own, the average is 2500
    const c = await w.walk(wendeng[2]!, 'DESIGNED', { ...opts, design: lines([300, 300, 300], [1000, 700]) });
    const r = await w.as('wh_wendeng_street', M.confirm, { id: c, accepted: true });
    expect(code(r)).toBe('BED_AVERAGE_EXCEEDED');
    expect(message(r)).toBe(
      '文登区现有 2 户家庭养老床位，户均 2500 元；本户 2600 元计入后户均 2533.33 元，' +
        '超过户均 2500 元的上限（004 四(一)）。请压减本户费用。',
    );
    expect(await status(c)).toBe('DESIGNED');
    // 附件4: the elder may instead decline, which ends the project.
    const declined = w.ok(await w.as('wh_wendeng_street', M.confirm, { id: c, accepted: false }), 'confirmCareBed');
    expect(declined.status).toBe('DECLINED');
  });

  it('004 四(一): a household already adapted gets top-ups only', async () => {
    const id = await w.walk(huancui[3]!, 'PUBLICISED', { apply: { priorAdaptationFen: 120_000 } });
    const r = await w.as('wh_builder', M.design, { id, lines: lines([300, 300, 300], [600, 400]) });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(message(r)).toMatch(/已享受过 1200 元的适老化改造，不重复改造，只能补差.*最多 300 元，现为 1000 元/);
  });

  it('附件5: a completion with a line missing its photos is refused, and nothing changes', async () => {
    const id = await w.walk(huancui[4]!, 'CONSTRUCTION');
    const bed = w.ok(await w.as('wh_builder', M.bed, { id }), 'careBed');
    for (const l of bed.lines.slice(1))
      w.ok(
        await w.as('wh_builder', M.photos, { id, item: l.itemCode, b: await w.photo(), a: await w.photo() }),
        'recordCareBedPhotos',
      );
    w.ok(
      await w.as('wh_builder', M.photos, { id, item: bed.lines[0].itemCode, b: await w.photo() }),
      'recordCareBedPhotos',
    );
    const r = await w.as('wh_builder', M.complete, { id });
    expect(code(r)).toBe('PHOTOS_MISSING');
    expect(message(r)).toMatch(/还有 1 项缺少建设前或建设后照片（附件5）/);
    expect(await status(id)).toBe('CONSTRUCTION');
  });

  it('附件7 二: acceptance by an agency related to the builder is refused; two at once pay once', async () => {
    const id = await w.walk(huancui[5]!, 'ACCEPTANCE_REQUESTED');
    const related = await w.as('wh_related_qa', M.accept, { id, input: await w.acceptance(id) });
    expect(code(related)).toBe('ACCEPTANCE_NOT_INDEPENDENT');
    expect(message(related)).toMatch(/威海市颐和居家养老服务有限公司（同一控股股东）/);
    expect(await status(id)).toBe('ACCEPTANCE_REQUESTED');
    // A failed acceptance goes to rectification and is asked for again.
    const failed = w.ok(
      await w.as('wh_acceptance', M.accept, { id, input: await w.acceptance(id, false) }),
      'acceptCareBed',
    );
    expect(failed.status).toBe('RECTIFY');
    w.ok(await w.as('wh_builder', M.complete, { id }), 'completeCareBed');
    w.ok(await w.as('wh_builder', M.request, { id }), 'requestCareBedAcceptance');
    const input = await w.acceptance(id);
    const both = await Promise.all([1, 2].map(() => w.as('wh_acceptance', M.accept, { id, input })));
    expect(both.filter((r) => r.data?.acceptCareBed?.status === 'ACCEPTED')).toHaveLength(1);
    expect(both.map(code).filter(Boolean)).toEqual(['INVALID_STATE']);
    const grants = await s.db.prisma.ledgerTransaction.findMany({ where: { idempotencyKey: `careBed:${id}:grant` } });
    expect(grants).toHaveLength(1);
    // Two clawbacks at once reverse it once.
    const backs = await Promise.all([1, 2].map(() => w.as('wh_admin', M.clawBack, { id })));
    expect(backs.filter((r) => r.data?.clawBackCareBed).length).toBe(1);
    expect(await s.db.prisma.ledgerTransaction.count({ where: { reversesId: grants[0]!.id } })).toBe(1);
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('004 五(二)6: an acceptance request after 2023-03-31 is refused; one on the day is taken', async () => {
    const late = await w.walk(huancui[6]!, 'COMPLETED');
    const onTime = await w.walk(huancui[7]!, 'COMPLETED');
    now = new Date('2023-03-31T23:30:00+08:00');
    expect(w.ok(await w.as('wh_builder', M.request, { id: onTime }), 'requestCareBedAcceptance').status).toBe(
      'ACCEPTANCE_REQUESTED',
    );
    now = new Date('2023-04-01T08:00:00+08:00');
    const r = await w.as('wh_builder', M.request, { id: late });
    expect(code(r)).toBe('ACCEPTANCE_REQUEST_LATE');
    expect(message(r)).toMatch(/须于 2023-03-31 前提交验收申请（004 五\(二\)6），今天是 2023-04-01/);
    expect(await status(late)).toBe('COMPLETED');
    now = new Date('2022-11-15T10:00:00+08:00');
  });
});
