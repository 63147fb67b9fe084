// The 金民 reports of 004 附件7 一, 四, 五 and 六, streamed from a real server and read back with a real
// XLSX parser (exceljs) and as CSV: the source's columns in its order, and the figures of two elders'
// confirmed visits. One elder has a filed visit agreement (street review and district filing through
// the API) and two visits, one of them 巡访关爱 (reported as 其他 with the service named, 附件7 四); the
// other has an accepted care bed and one visit. The visits are written as confirmed orders with their
// check-in and duration in the database: what is tested is what the reports make of them.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, bedWorld, rawCodes } from '../carebeds/carebeds.fixtures.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ELDER_COLUMNS, VISIT_COLUMNS, VISIT_REGION_COLUMNS, VISIT_SUMMARY_COLUMNS } from './agreements.reports.js';

const now = new Date('2022-12-20T10:00:00+08:00');
let s: TestServer;
let w: Awaited<ReturnType<typeof bedWorld>>;
let caregiverName = '';
const elder = { agreement: { id: '', name: '', masked: '' }, bed: { id: '', name: '' } };
const get = (path: string, who = 'wh_admin') =>
  fetch(`${s.url.replace(/\/graphql$/, '')}${path}`, { headers: { authorization: `Bearer ${w.tokens[who]}` } });
const sheetOf = async (path: string, name: string) => {
  const res = await get(path);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheet = book.getWorksheet(name)!;
  const rows: unknown[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
};
const csvOf = async (path: string) =>
  (await (await get(path)).text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');

const SIGN = `mutation($p: ID!, $input: SignVisitAgreementInput!) {
  signVisitAgreement(providerId: $p, input: $input) { id } }`;
const REVIEW = `mutation($id: ID!) { reviewVisitAgreement(id: $id, approved: true) { status } }`;

/** A confirmed visit: the order, the caregiver's check-in and its minutes, and the follow-up call. */
async function confirmedVisit(elderId: string, code: string, at: string, minutes: number, fen: number) {
  const p = s.db.prisma;
  const item = await p.serviceItem.findFirstOrThrow({ where: { code } });
  const provider = await p.provider.findUniqueOrThrow({ where: { code: 'WH-P02' } });
  const caregiver =
    (await p.caregiver.findFirst({ where: { providerId: provider.id } })) ??
    (await p.caregiver.create({
      data: { providerId: provider.id, name: '丛护理', phone: '13906319999', skills: [] },
    }));
  caregiverName = caregiver.name;
  const user = await p.user.findUniqueOrThrow({ where: { username: 'wh_worker' } });
  const checkIn = new Date(at);
  const order = await p.order.create({
    data: {
      elderId,
      serviceItemId: item.id,
      providerId: provider.id,
      caregiverId: caregiver.id,
      quantity: 1,
      scheduledAt: checkIn,
      channel: 'WORKER',
      placedById: user.id,
      status: 'CONFIRMED',
      amountFen: fen,
      chargedFen: fen,
      idempotencyKey: `jinmin-report-test:${elderId}:${at}`,
      requestHash: 'test',
      confirmedAt: new Date(checkIn.getTime() + (minutes + 5) * 60_000),
      evidence: 'FOLLOW_UP_CALL',
    },
  });
  await p.visit.create({
    data: {
      orderId: order.id,
      caregiverId: caregiver.id,
      checkInAt: checkIn,
      checkOutAt: new Date(checkIn.getTime() + minutes * 60_000),
      durationMinutes: minutes,
    },
  });
  await p.followUp.create({
    data: { orderId: order.id, satisfaction: 'SATISFIED', operatorId: user.id, dueAt: checkIn, at: checkIn },
  });
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  const [a, b] = await w.eldersIn('371002001001');
  const rows = await s.db.prisma.elder.findMany({ where: { id: { in: [a!, b!] } } });
  const row = (id: string) => rows.find((r) => r.id === id)!;
  elder.agreement = { id: a!, name: row(a!).name, masked: row(a!).idNumberMasked };
  elder.bed = { id: b!, name: row(b!).name };
  await s.db.prisma.elder.update({ where: { id: a! }, data: { monthlyIncomeFen: 86_000 } });
  const provider = await s.db.prisma.provider.findUniqueOrThrow({ where: { code: 'WH-P02' } });
  const input = {
    elderId: a!,
    items: ['WH_CLEANING', 'WH_VISITING'],
    method: '上门服务，每周一次',
    priceFen: 5000,
    startsOn: '2022-11-01',
    termMonths: 24,
  };
  const { id } = w.ok(await w.as('wh_worker', SIGN, { p: provider.id, input }), 'signVisitAgreement');
  w.ok(await w.as('wh_street', REVIEW, { id }), 'reviewVisitAgreement');
  w.ok(await w.as('wh_admin', REVIEW, { id }), 'reviewVisitAgreement');
  await confirmedVisit(a!, 'WH_CLEANING', '2022-11-08T09:00:00+08:00', 45, 5000);
  await confirmedVisit(a!, 'WH_VISITING', '2022-11-15T09:30:00+08:00', 60, 4000);
  const bed = await w.walk(b!, 'ACCEPTANCE_REQUESTED');
  w.ok(await w.as('wh_acceptance', M.accept, { id: bed, input: await w.acceptance(bed) }), 'acceptCareBed');
  await confirmedVisit(b!, 'WH_MEAL', '2022-12-01T11:00:00+08:00', 30, 5000);
}, 300_000);
afterAll(async () => s?.close());

describe('金民 reports of elders and home visits (004 附件7 一, 四, 五, 六)', () => {
  it('附件7 一: the elders 60 and over with income and disability level, the served marked ＊', async () => {
    const rows = await sheetOf('/exports/carebeds/elders.xlsx', '老年人基本情况');
    expect(rows[0]).toEqual(ELDER_COLUMNS);
    const served = rows.filter((r) => String(r[0]).startsWith('＊'));
    // The filed agreement and the accepted bed; no other elder of 环翠区 is served.
    expect(served.map((r) => r[0]).sort()).toEqual([`＊${elder.agreement.name}`, `＊${elder.bed.name}`].sort());
    expect(served.find((r) => r[0] === `＊${elder.agreement.name}`)!.slice(1, 3)).toEqual([
      elder.agreement.masked,
      '860.00',
    ]);
    // The bed's assessment (MODERATE) is reported by its label (附件3 失能等级), its income from the application.
    expect(served.find((r) => r[0] === `＊${elder.bed.name}`)!.slice(2)).toEqual(['980.00', '中度失能']);
    // Every elder of the report is in the admin's district, and none is in another programme's region.
    const inDistrict = await s.db.prisma.elder.count({
      where: { community: { path: { startsWith: '371000/371002/' } } },
    });
    expect(rows.length - 1).toBeLessThanOrEqual(inDistrict);
    expect(rows.length - 1).toBeGreaterThan(2);
    const csv = await csvOf('/exports/carebeds/elders.csv');
    expect(csv[0]).toBe(ELDER_COLUMNS.join(','));
    expect(csv.length).toBe(rows.length);
  });

  it('附件7 四: per visit, with income, level, bed flag, address, reviewers, content code and lottery share', async () => {
    const rows = await sheetOf('/exports/carebeds/visits.xlsx', '居家养老上门服务提供情况');
    expect(rows[0]).toEqual(VISIT_COLUMNS);
    const col = (r: unknown[], name: string) => r[VISIT_COLUMNS.indexOf(name)];
    const mine = rows.slice(1).filter((r) => r[0] === elder.agreement.name);
    expect(mine).toHaveLength(2);
    const [cleaning, visiting] = mine;
    expect(col(cleaning!, '身份证号')).toBe(elder.agreement.masked);
    expect(col(cleaning!, '平均可支配月收入（元）')).toBe('860.00');
    expect(col(cleaning!, '是否已获得项目支持建设家庭养老床位')).toBe('否');
    expect(col(cleaning!, '街道（乡镇）审核人及意见')).toBe('鲸园街道 孙主任：同意');
    expect(col(cleaning!, '县级民政部门审批人及意见')).toBe('环翠区民政局 刘科长：同意备案');
    expect(col(cleaning!, '服务日期')).toBe('2022-11-08');
    expect(col(cleaning!, '服务时长（分钟）')).toBe(45);
    expect(col(cleaning!, '服务内容')).toBe('清洁');
    expect(col(cleaning!, '服务质量标准')).toBe('养老护理员国家职业技能标准（2019年版）');
    expect(col(cleaning!, '订单总金额（元）')).toBe('50.00');
    // 004 五(五): the lottery fund's share of a visit is not stated; the document takes the whole amount.
    expect(col(cleaning!, '中央专项彩票公益金支持额度（元）')).toBe('50.00');
    expect(col(cleaning!, '服务提供机构')).toBe('威海市福寿康养老服务中心');
    expect(col(cleaning!, '服务人员姓名')).toBe(caregiverName);
    expect(col(cleaning!, '老年人满意度')).toBe('满意');
    // 附件7 四: 如选“其他”，请注明具体服务内容.
    expect(col(visiting!, '服务内容')).toBe('其他（巡访关爱）');
    expect(col(visiting!, '服务时长（分钟）')).toBe(60);
    const meal = rows.find((r) => r[0] === elder.bed.name)!;
    expect([col(meal, '是否已获得项目支持建设家庭养老床位'), col(meal, '服务内容'), col(meal, '失能等级')]).toEqual([
      '是',
      '饮食',
      '中度失能',
    ]);
    expect(rows).toHaveLength(4);
    const csv = await csvOf('/exports/carebeds/visits.csv');
    expect(csv[0]).toBe(VISIT_COLUMNS.join(','));
    expect(csv).toHaveLength(4);
  });

  it("附件7 五: each elder's visits numbered, with minutes and amounts, and the elder's total", async () => {
    const rows = await sheetOf('/exports/carebeds/visit-summary.xlsx', '居家养老上门服务提供情况汇总');
    expect(rows[0]).toEqual(VISIT_SUMMARY_COLUMNS);
    const mine = rows.filter((r) => r[0] === elder.agreement.name);
    expect(mine).toEqual([
      [elder.agreement.name, '第 1 次', '2022-11-08', '清洁', 45, '50.00', '50.00'],
      [elder.agreement.name, '第 2 次', '2022-11-15', '其他（巡访关爱）', 60, '40.00', '40.00'],
      [elder.agreement.name, '合计 2 次', undefined, undefined, 105, '90.00', '90.00'],
    ]);
    const csv = await csvOf('/exports/carebeds/visit-summary.csv');
    expect(csv[0]).toBe(VISIT_SUMMARY_COLUMNS.join(','));
    expect(csv).toContain(`${elder.bed.name},合计 1 次,,,30,50.00,50.00`);
  });

  it('附件7 六: 环翠区 task 444 visits (附件2), 3 confirmed, 140 元; a city account sees every district', async () => {
    const csv = await csvOf('/exports/carebeds/visit-regions.csv');
    expect(csv).toEqual([VISIT_REGION_COLUMNS.join(','), '环翠区,2022-12-20,444,3,140.00,140.00']);
    const rows = await sheetOf('/exports/carebeds/visit-regions.xlsx', '居家养老上门服务提供情况（地区）');
    expect(rows).toEqual([VISIT_REGION_COLUMNS, ['环翠区', '2022-12-20', 444, 3, '140.00', '140.00']]);
    // Another district's admin sees only their own district, with none of 环翠区's visits.
    const wendeng = await (await get('/exports/carebeds/visit-regions.csv', 'wh_wendeng_admin')).text();
    expect(wendeng.trim().split('\n').slice(1)).toEqual(['文登区,2022-12-20,2835,0,0.00,0.00']);
  });

  it('附件7 一–六 and 七(三): no report row prints a raw code (levels, satisfaction, statuses in Chinese)', async () => {
    const reports = [
      ['beds', '家庭养老床位建设情况'],
      ['summary', '家庭养老床位建设情况汇总'],
      ['elders', '老年人基本情况'],
      ['visits', '居家养老上门服务提供情况'],
      ['visit-summary', '居家养老上门服务提供情况汇总'],
      ['visit-regions', '居家养老上门服务提供情况（地区）'],
      ['bulletin/371002/2022-Q4', '项目实施情况季度通报'],
      ['fund-use/371002/2022-Q4', '项目资金使用情况'],
    ];
    for (const [path, name] of reports) {
      const rows = await sheetOf(`/exports/carebeds/${path}.xlsx`, name!);
      expect(rows.length, path).toBeGreaterThan(1);
      expect(rawCodes(rows.flat()), path).toEqual([]);
    }
  });

  it("a community worker may not export, and another programme's official sees no Weihai visit", async () => {
    expect((await get('/exports/carebeds/visits.csv', 'wh_worker')).status).toBe(403);
    const other = await get('/exports/carebeds/visits.csv', 'district_admin');
    expect(other.status).toBe(200);
    expect(
      (await other.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([VISIT_COLUMNS.join(',')]);
  });
});
