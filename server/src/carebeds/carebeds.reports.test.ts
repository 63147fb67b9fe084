// The 金民 reports of 004 附件7 二 and 三, streamed from a real server and read back with a real XLSX
// parser (exceljs) and as CSV: the source's columns, an accepted bed's row, the district's target from 附件2.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { M, bedWorld, rawCodes } from './carebeds.fixtures.js';
import { BED_COLUMNS, SUMMARY_COLUMNS } from './carebeds.reports.js';

const now = new Date('2022-12-20T10:00:00+08:00');
let s: TestServer;
let w: Awaited<ReturnType<typeof bedWorld>>;
let elderName: string;
const get = (path: string, who: string) =>
  fetch(`${s.url.replace(/\/graphql$/, '')}${path}`, { headers: { authorization: `Bearer ${w.tokens[who]}` } });

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  const elderId = (await w.eldersIn('371002001001'))[0]!;
  elderName = (await s.db.prisma.elder.findUniqueOrThrow({ where: { id: elderId } })).name;
  const id = await w.walk(elderId, 'ACCEPTANCE_REQUESTED');
  w.ok(await w.as('wh_acceptance', M.accept, { id, input: await w.acceptance(id) }), 'acceptCareBed');
}, 300_000);
afterAll(async () => s?.close());

describe('金民 reports (004 附件7)', () => {
  it("附件7 二: per bed, as XLSX, with the reviewers' opinions and the agencies", async () => {
    const res = await get('/exports/carebeds/beds.xlsx', 'wh_admin');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.getWorksheet('家庭养老床位建设情况')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(BED_COLUMNS);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toBe(elderName);
    // 附件7 二 失能等级 in the source's words (附件3: 中度失能), and no other raw code in the row.
    expect(row[3]).toBe('中度失能');
    expect(rawCodes(row)).toEqual([]);
    expect(row[1]).toMatch(/^\d{4}\*+\d{4}$/);
    expect(row[7]).toMatch(/孙主任：同意/);
    expect(row).toEqual(
      expect.arrayContaining(['威海市颐和居家养老服务有限公司', '威海市家庭养老床位验收中心', '1900.00', '满意']),
    );
  });

  it('附件7 三: the regional summary as CSV: 环翠区 task 305 (附件2), one bed built, 1900 元', async () => {
    const res = await get('/exports/carebeds/summary.csv', 'wh_admin');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(SUMMARY_COLUMNS.join(','));
    expect(lines.slice(1)).toEqual(['环翠区,2022-12-20,305,1,1900.00,1900.00']);
    const xlsx = await get('/exports/carebeds/summary.xlsx', 'wh_admin');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.getWorksheet('家庭养老床位建设情况汇总')!.rowCount).toBe(2);
  });

  it('附件4–6 print on A4 with the mark of 五(五)', async () => {
    const bed = await s.db.prisma.careBed.findFirstOrThrow({ where: { status: 'ACCEPTED' } });
    const res = await get(`/exports/carebeds/${bed.id}/forms.html`, 'wh_admin');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('家庭养老床位验收表');
    expect(html).toContain('彩票公益金资助—中国福利彩票和中国体育彩票');
    expect(html).toContain(elderName);
    // 附件3 with the assessment and both reviews, and 附件5 with each line's two photos; every form carries the mark.
    expect(html).toContain('威海市家庭养老床位建设申请审批表');
    expect(html).toMatch(/经评估，该申请人为中度失能老年人/);
    expect(html).toMatch(/鲸园街道 孙主任：同意/);
    expect(html).toContain('家庭养老床位建设前后对比电子档案');
    const lines = await s.db.prisma.careBedLine.findMany({ where: { careBedId: bed.id } });
    // 附件5: each photo printed as an image (embedded) that links to its file route, never as its id; the
    // district's official may open the route, another district's may not.
    for (const l of lines)
      for (const id of [l.beforePhotoId!, l.afterPhotoId!]) {
        expect(html).toMatch(
          new RegExp(`<a href="http://[^"]+/files/${id}"><img class="photo" src="data:image/jpeg;base64,`),
        );
        expect(html).not.toContain(`照片 ${id}`);
        const photo = await get(`/files/${id}`, 'wh_admin');
        expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      }
    expect((await get(`/files/${lines[0]!.beforePhotoId}`, 'wh_wendeng_admin')).status).toBe(403);
    // 附件3–6 print the source's words, never a code (附件7 二: 轻度/中度/重度失能).
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(rawCodes([text])).toEqual([]);
    expect(html.split('彩票公益金资助—中国福利彩票和中国体育彩票').length - 1).toBe(4);
    expect((await get(`/exports/carebeds/${bed.id}/forms.html`, 'district_admin')).status).toBe(403);
  });

  it('a community worker may not export (FORBIDDEN)', async () => {
    const res = await get('/exports/carebeds/beds.csv', 'wh_worker');
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).errors[0].message).toBe('金民报表由街道（镇）或区市民政部门导出。');
  });
});
