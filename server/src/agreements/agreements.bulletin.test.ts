// The district's quarterly bulletin and fund-use report (004 七(三)) from a real server: 环翠区 in 2022 Q4
// with two beds accepted (one clawed back, 五(四)), two agreed visits confirmed and two agreements behind
// the 30-visit pace (三(二)); read back with exceljs and as CSV, every amount checked against the ledger to
// the fen, the A4 page with the mark of 五(五), and only the district's officials may export it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { M, bedWorld } from '../carebeds/carebeds.fixtures.js';
import { ledgerViolations } from '../wallet/index.js';
import { BULLETIN_COLUMNS, FUND_USE_COLUMNS } from './agreements.bulletin.js';
import { visitWorld } from './agreements.fixtures.js';

let now = new Date('2022-11-15T10:00:00+08:00');
let s: TestServer;
let w: Awaited<ReturnType<typeof bedWorld>>;
let elders: string[];
const MARK = '彩票公益金资助—中国福利彩票和中国体育彩票';
const get = (path: string, who: string) =>
  fetch(`${s.url.replace(/\/graphql$/, '')}${path}`, { headers: { authorization: `Bearer ${w.tokens[who]}` } });
const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);

/** What the ledger paid providers for the district's beds (grants and clawbacks) and visits, in fen. */
async function ledgerPaid() {
  const p = s.db.prisma;
  const district = await p.region.findFirstOrThrow({ where: { code: '371002' } });
  const beds = await p.careBed.findMany({ where: { districtRegionId: district.id } });
  const payable = async (where: object) =>
    (
      await p.ledgerEntry.findMany({
        where: { account: { kind: 'PROVIDER_PAYABLE' }, transaction: where },
      })
    ).reduce((sum, e) => sum + Number(e.amount), 0);
  const orders = await p.order.findMany({ where: { elder: { community: { path: { startsWith: district.path } } } } });
  return {
    grants: await payable({ id: { in: beds.flatMap((b) => (b.grantTxId ? [b.grantTxId] : [])) } }),
    clawbacks: await payable({ id: { in: beds.flatMap((b) => (b.clawbackTxId ? [b.clawbackTxId] : [])) } }),
    visits: await payable({ orderId: { in: orders.map((o) => o.id) }, kind: 'CHARGE' }),
  };
}

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  elders = await w.eldersIn('371002001001');
  const v = await visitWorld(s, w, (at) => (now = at));
  // 三(二): one agreement elder with two confirmed visits, another filed agreement without any.
  for (const elder of [elders[2]!, elders[3]!]) {
    await v.enrol(elder, new Date('2022-10-28T10:00:00+08:00'));
    now = new Date('2022-10-28T11:00:00+08:00');
    await v.agree(elder);
  }
  await v.visit(elders[2]!, { at: new Date('2022-11-20T10:00:00+08:00') });
  await v.visit(elders[2]!, { at: new Date('2022-12-05T10:00:00+08:00') });
  // 附件6: two beds accepted in December; the second is clawed back (五(四)).
  now = new Date('2022-12-20T10:00:00+08:00');
  for (const elder of [elders[0]!, elders[1]!]) {
    const id = await w.walk(elder, 'ACCEPTANCE_REQUESTED');
    w.ok(await w.as('wh_acceptance', M.accept, { id, input: await w.acceptance(id) }), 'acceptCareBed');
  }
  const clawed = await s.db.prisma.careBed.findFirstOrThrow({ where: { elderId: elders[1]! } });
  w.ok(await w.as('wh_admin', M.clawBack, { id: clawed.id }), 'clawBackCareBed');
}, 300_000);
afterAll(async () => s?.close());

describe('quarterly bulletin and fund-use report (004 七(三))', () => {
  it('七(三) 季度通报: 2022 Q4 for 环翠区 as XLSX, figures from the records and the ledger', async () => {
    const res = await get('/exports/carebeds/bulletin/371002/2022-Q4.xlsx', 'wh_admin');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.getWorksheet('项目实施情况季度通报')!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(BULLETIN_COLUMNS);
    const paid = await ledgerPaid();
    // 附件2: 环翠区's targets are 305 beds and 444 visits; the clawed-back bed no longer counts.
    expect(rows[1]).toEqual(['家庭养老床位建设完成数量（张）', 1, 1, 305, '0.3%']);
    expect(rows[2]).toEqual(['居家养老上门服务完成数量（人次）', 2, 2, 444, '0.5%']);
    expect(fen(rows[3]![1])).toBe(paid.grants + paid.clawbacks);
    expect(fen(rows[3]![1])).toBe(190_000);
    expect(fen(rows[4]![1])).toBe(paid.visits);
    expect(fen(rows[4]![1])).toBe(10_000);
    // 五(五): the lottery fund's share (100 %, assumed) of the bed net of its clawback and of the visits.
    expect(fen(rows[5]![1])).toBe(200_000);
    expect(rows[6]!.slice(0, 3)).toEqual(['服务老年人数（人）', 2, 2]);
    // 三(二): by 2022-12-20 an even pace to 30 visits by 2023-06-30 is 6; both agreements are behind.
    expect([rows[7]![0], rows[7]![2]]).toEqual(['30 次上门服务进度预警的服务协议（份，截至 2022-12-20）', 2]);
    expect(
      rows
        .slice(8, 10)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['已确认 0 次', '已确认 2 次']);
    expect(rows[8]![2]).toBe('按进度应达 6 次');
    expect([rows.at(-1)![0], rows.at(-1)![4]]).toEqual([MARK, '004 五(五)']);
    // The next quarter has nothing of its own yet; the totals carry on.
    const q1 = await get('/exports/carebeds/bulletin/371002/2023-Q1.csv', 'wh_admin');
    const lines = (await q1.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(BULLETIN_COLUMNS.join(','));
    expect(lines[1]).toBe('家庭养老床位建设完成数量（张）,0,1,305,0.3%');
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('七(三) 资金使用情况: grants, clawbacks and agreed visits to the fen, as CSV and XLSX', async () => {
    const res = await get('/exports/carebeds/fund-use/371002/2022-Q4.csv', 'wh_admin');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual(FUND_USE_COLUMNS);
    const paid = await ledgerPaid();
    const by = (name: string) => rows.find((r) => r[0] === name)!;
    expect(fen(by('家庭养老床位建设补贴（验收合格）')[1])).toBe(paid.grants);
    expect(fen(by('收回项目资金')[1])).toBe(paid.clawbacks);
    expect(fen(by('居家养老上门服务（按服务协议）')[1])).toBe(paid.visits);
    expect(fen(by('合计')[1])).toBe(paid.grants + paid.clawbacks + paid.visits);
    expect(fen(by('合计')[3])).toBe(paid.grants + paid.clawbacks + paid.visits);
    expect(by('合计')[1]).toBe('2000.00');
    const parts = ['其中：适老化改造', '其中：智能化改造', '其中：老年用品配备'].map((n) => fen(by(n)[1]));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(paid.grants);
    const xlsx = await get('/exports/carebeds/fund-use/371002/2022-Q4.xlsx', 'wh_admin');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('项目资金使用情况')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(FUND_USE_COLUMNS);
    expect(sheet.rowCount).toBe(rows.length);
  });

  it('五(五): the A4 page carries both reports and the mark under each', async () => {
    const res = await get('/exports/carebeds/bulletin/371002/2022-Q4.html', 'wh_admin');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('环翠区居家和社区基本养老服务提升行动项目实施情况通报（2022年第四季度）');
    expect(html).toContain('资金使用情况（2022年第四季度）');
    expect(html.split(MARK).length - 1).toBe(2);
  });

  it("only the district's officials (or above) export it; a bad quarter or district is refused", async () => {
    const refused = async (path: string, who: string, status: number, pattern: RegExp) => {
      const r = await get(path, who);
      expect(r.status).toBe(status);
      expect(((await r.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(pattern);
    };
    await refused('/exports/carebeds/bulletin/371002/2022-Q4.xlsx', 'wh_wendeng_admin', 403, /由本区市（或上级）/);
    await refused('/exports/carebeds/bulletin/371002/2022-Q4.csv', 'wh_street', 403, /由本区市（或上级）/);
    await refused('/exports/carebeds/fund-use/371002/2022-Q4.html', 'wh_worker', 403, /金民报表由街道/);
    await refused('/exports/carebeds/bulletin/371002/2022-Q5.xlsx', 'wh_admin', 400, /季度格式应为 YYYY-Qn/);
    await refused('/exports/carebeds/bulletin/999999/2022-Q4.xlsx', 'wh_admin', 404, /没有找到这个区市/);
  });
});
