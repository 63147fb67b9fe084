// The officials' console in headless Chromium against a real server whose demo seed has last month
// finished. As district_admin: the dashboard's KPIs equal the API's, a visit exception is resolved
// in place with its audit line, the month's statement is regenerated, held with a reason (approval
// refused), released, approved and marked paid, the overdue complaint is closed after a revisit,
// this month's allowance is run, and the per-visit XLSX is downloaded and checked row by row
// against the database (004 附件7 四). As street_officer: only that street. Screenshots of every
// page go to console/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthInShanghai } from '../../server/src/common/calendar.js';
import { previousMonth } from '../../server/src/wallet/month.js';
import { confirmPop, SHOTS, shoot, signIn, startConsole, type ConsoleRig } from './console.harness.js';

let rig: ConsoleRig;
let admin: Page;
let month: string;
let token: string;
const errors: string[] = [];
const gql = <T = any>(q: string, v: Record<string, unknown> = {}, t = token) => rig.s.gql<T>(q, v, t);
const kpi = async (page: Page, key: string) => Number(await page.getByTestId(`kpi-${key}`).getAttribute('data-value'));
// The UI follows the server: give a busy machine's round trip time, not vitest's 1 s default.
// Generous: on a loaded 2-core CI machine a mutation and the table's reload have taken over 30 s.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 90_000, interval: 200 });
const go = async (page: Page, hash: string) => {
  await page.evaluate((h) => (window.location.hash = h), hash);
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  rig = await startConsole();
  month = previousMonth(monthInShanghai(rig.s.app.services.clock()));
  token = await rig.s.login('district_admin');
  admin = await signIn(rig, 'district_admin', month, errors);
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

describe('the console as district_admin', () => {
  it('signs in by username and shows the role and the area', async () => {
    const me = (await gql('{ me { displayName region { name } } }')).data.me;
    await poll(() => admin.getByTestId('who').textContent()).toContain('区（县）民政部门');
    expect(await admin.getByTestId('area').textContent()).toBe(me.region.name);
  });

  it('reads the dashboard: each KPI is the figure the API gives for the month', async () => {
    await admin.getByTestId('kpi-visits').waitFor();
    const api = (
      await gql(
        `query($m: String!) {
          dashboard(month: $m) { stats { enrolledElders visits serviceMinutes spendingFen complaints } }
          visitExceptions(filter: { month: $m }) { totalCount } }`,
        { m: month },
      )
    ).data;
    const stats = api.dashboard.stats;
    // The seeded month has visits, so a match is not two zeros.
    expect(stats.visits).toBeGreaterThan(0);
    for (const k of ['enrolledElders', 'visits', 'serviceMinutes', 'spendingFen', 'complaints'])
      expect.soft(await kpi(admin, k), k).toBe(stats[k]);
    expect(await kpi(admin, 'exceptions')).toBe(api.visitExceptions.totalCount);
    // Money in 元 with separators, minutes as hours and minutes.
    const spending = await admin.getByTestId('kpi-spendingFen').textContent();
    expect(spending).toContain(`${(stats.spendingFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`);
    expect(await admin.getByTestId('kpi-serviceMinutes').textContent()).toContain(
      `${Math.floor(stats.serviceMinutes / 60)} 小时`,
    );
    await admin.locator('canvas').first().waitFor();
    await shoot(admin, 'dashboard');
  });

  it('resolves the short visit in place (000 六·流程3) and the row shows the audit line', async () => {
    await go(admin, '#/exceptions');
    const row = admin.locator('tr', { hasText: '服务时长不足' }).first();
    await row.getByRole('button', { name: /去\s*处\s*理/ }).click();
    await admin.locator('#note').fill('电话回访老人，确认护理员临时有急事提前离开，其余时间次日补足。');
    await shoot(admin, 'exception-resolve');
    await admin.getByRole('button', { name: /确认处理/ }).click();
    await poll(() => row.getByTestId('audit-line').textContent()).toContain('电话回访老人');
    const ex = await rig.s.db.prisma.visitException.findFirstOrThrow({ where: { month } });
    expect(ex.status).toBe('ACCEPTED');
    const logged = await rig.s.db.prisma.auditLog.count({ where: { entity: 'VisitException', entityId: ex.id } });
    expect(logged).toBe(1);
    await shoot(admin, 'exceptions');
  });

  it('regenerates, holds with a reason, releases, approves and marks the statement paid (000 七)', async () => {
    await go(admin, '#/settlement');
    const line = admin.getByTestId('settlements').locator('tbody tr').first();
    await poll(() => line.getByTestId('settlement-status').textContent()).toBe('暂缓');
    // The QA agency's evaluation beside the line (000 七: settlement follows a passing one).
    const ev = await rig.s.db.prisma.qualityEvaluation.findFirstOrThrow({ where: { month } });
    expect(await line.getByTestId('evaluation').textContent()).toContain(`${ev.score} 分 · 合格`);
    await admin.getByRole('button', { name: /生成结算单/ }).click();
    await confirmPop(admin, '生成');
    await poll(() => line.getByTestId('settlement-status').textContent()).toBe('待审核');

    // 暂缓（原因）: no reason, no hold; with one, the line shows it and cannot be approved until released.
    await line.getByRole('button', { name: /^暂\s*缓$/ }).click();
    await admin.getByRole('button', { name: '确认暂缓' }).click();
    await admin.getByText('请填写暂缓原因').waitFor();
    const reason = '待核实第二次上门的服务时长，核实后再审核';
    await admin.locator('#hold-reason').fill(reason);
    await admin.getByRole('button', { name: '确认暂缓' }).click();
    await poll(() => line.getByTestId('manual-hold').textContent()).toContain(`暂缓原因：${reason}`);
    expect(await line.getByRole('button', { name: /审核通过/ }).isDisabled()).toBe(true);
    const held = await rig.s.db.prisma.settlement.findFirstOrThrow({ where: { month } });
    expect([held.status, held.manualHoldReason]).toEqual(['DRAFT', reason]);
    // The API refuses the approval too, naming the reason, whatever the screen shows.
    const refused = await gql(`mutation($id: ID!) { approveSettlement(id: $id) { status } }`, { id: held.id });
    expect(refused.errors?.[0]?.message).toContain(reason);
    // Regenerating keeps the official's hold.
    await admin.getByRole('button', { name: /生成结算单/ }).click();
    await confirmPop(admin, '生成');
    await poll(() => line.getByTestId('manual-hold').textContent()).toContain(reason);
    await shoot(admin, 'settlement-hold');
    await line.getByRole('button', { name: /取消暂缓/ }).click();
    await confirmPop(admin, '取消暂缓');
    await poll(() => line.getByTestId('manual-hold').count()).toBe(0);
    expect(
      (await rig.s.db.prisma.settlement.findUniqueOrThrow({ where: { id: held.id } })).manualHoldReason,
    ).toBeNull();
    const logged = await rig.s.db.prisma.auditLog.findMany({
      where: {
        entity: 'Settlement',
        entityId: held.id,
        action: { in: ['SETTLEMENT_HELD', 'SETTLEMENT_HOLD_RELEASED'] },
      },
      orderBy: { id: 'asc' },
    });
    expect(logged.map((l) => l.action)).toEqual(['SETTLEMENT_HELD', 'SETTLEMENT_HOLD_RELEASED']);

    await line.getByRole('button', { name: /审核通过/ }).click();
    await confirmPop(admin, '审核通过');
    await poll(() => line.getByTestId('settlement-status').textContent()).toBe('已审核');
    await line.getByRole('button', { name: /已付款/ }).click();
    await confirmPop(admin, '已付款');
    await poll(() => line.getByTestId('settlement-status').textContent()).toBe('已付款');
    const s = await rig.s.db.prisma.settlement.findFirstOrThrow({ where: { month } });
    expect([s.status, s.approvedAt !== null, s.paidAt !== null]).toEqual(['PAID', true, true]);
    await admin.getByRole('button', { name: /预览结算报表/ }).click();
    await admin.getByTestId('preview').waitFor();
    await shoot(admin, 'settlement');
  }, 300_000);

  it('downloads the per-visit XLSX with its own token and every row matches the database (004 附件7 四)', async () => {
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: /下载上门服务明细（Excel）/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`居家养老上门服务提供情况-${month}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe('姓名');
    // The database's own record of the month's charged visits: orders, their elders and visits.
    const lines = await rig.s.db.prisma.settlementLine.findMany({ where: { settlement: { month } } });
    expect(lines.length).toBe(6);
    const orders = await rig.s.db.prisma.order.findMany({
      where: { id: { in: lines.map((l) => l.orderId) } },
      include: { elder: true, visit: true },
    });
    const fromDb = orders.map((o) => `${o.elder.name}|${o.visit!.durationMinutes}`).sort();
    const fromFile = rows
      .slice(1)
      .map((r) => `${r[0]}|${r[3]}`)
      .sort();
    expect(fromFile).toEqual(fromDb);
  });

  it('closes the overdue complaint in place after the provider answers (000 六 4), with the revisit note', async () => {
    const complaint = await rig.s.db.prisma.complaint.findFirstOrThrow({
      where: { status: 'OPEN', dueAt: { lt: rig.s.app.services.clock() } },
    });
    await go(admin, '#/exceptions');
    await admin.getByRole('tab', { name: '超期投诉' }).click();
    const row = admin.getByTestId('overdue-complaints').locator('tr', { hasText: complaint.content });
    // Not answered yet: nothing to revisit.
    await poll(() => row.getByRole('button', { name: /去\s*处\s*理/ }).isDisabled()).toBe(true);
    const provider = await rig.s.login('provider_admin');
    const answered = await gql(
      `mutation($id: ID!) { respondToComplaint(id: $id, response: "已更换护理员并上门致歉") { status } }`,
      { id: complaint.id },
      provider,
    );
    expect(answered.data.respondToComplaint.status).toBe('RESPONDED');
    // Back to the page: the overdue list reloads with the answer.
    await go(admin, '#/dashboard');
    await go(admin, '#/exceptions');
    await admin.getByRole('tab', { name: '超期投诉' }).click();
    await row.getByText('已更换护理员并上门致歉').waitFor();
    await row.getByRole('button', { name: /去\s*处\s*理/ }).click();
    const note = '电话回访老人，对更换后的护理员满意';
    await admin.locator('#revisit-note').fill(note);
    await admin.getByRole('button', { name: /确认处理/ }).click();
    // Each look is short, so the poll keeps looking until its own limit rather than one look's.
    await poll(() =>
      row
        .getByTestId('audit-line')
        .textContent({ timeout: 2_000 })
        .catch(() => ''),
    ).toContain(note);
    expect(await row.getByTestId('complaint-status').textContent()).toBe('已办结');
    // Closing it resolved the elder's COMPLAINT alert too, and the alert list above shows that.
    const alert = admin.locator('tr', { hasText: '收到投诉' });
    await poll(() => alert.getByRole('button', { name: /去\s*处\s*理/ }).count()).toBe(0);
    expect(
      await rig.s.db.prisma.alert.count({
        where: { elderId: complaint.elderId, kind: 'COMPLAINT', status: 'RESOLVED' },
      }),
    ).toBeGreaterThan(0);
    const closed = await rig.s.db.prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect([closed.status, closed.revisitNote]).toEqual(['CLOSED', note]);
    const audit = await rig.s.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: 'Complaint', entityId: complaint.id, action: 'COMPLAINT_CLOSED' },
      include: { actor: true },
    });
    expect(audit.actor?.username).toBe('district_admin');
    await shoot(admin, 'complaint-closed');
  }, 300_000);

  it('runs this month’s allowance after a confirmation and shows the count credited', async () => {
    await go(admin, '#/allowance');
    const before = await rig.s.db.prisma.ledgerTransaction.count({
      where: { kind: 'ALLOWANCE', month: monthInShanghai(rig.s.app.services.clock()) },
    });
    await admin.getByRole('button', { name: /发放本月补贴/ }).click();
    await confirmPop(admin, '确认发放');
    await admin.getByTestId('credited').waitFor();
    const credited = Number(await admin.getByTestId('credited').textContent());
    const after = await rig.s.db.prisma.ledgerTransaction.count({
      where: { kind: 'ALLOWANCE', month: monthInShanghai(rig.s.app.services.clock()) },
    });
    expect(credited).toBeGreaterThan(0);
    expect(after - before).toBe(credited);
    await shoot(admin, 'allowance');
  }, 300_000);

  it('shows the lists, an elder with wallet statement and visits, the audit page and the programmes', async () => {
    await go(admin, '#/lists/elders');
    await admin.getByTestId('elders').locator('tbody tr a').first().waitFor();
    await shoot(admin, 'lists-elders');
    await go(admin, '#/lists/orders');
    await admin.getByTestId('orders').locator('tbody tr').first().waitFor();
    await shoot(admin, 'lists-orders');
    await go(admin, '#/lists/elders');
    const served = (await rig.s.db.prisma.settlementLine.findFirstOrThrow()).elderName;
    await admin.getByPlaceholder('姓名、电话或身份证号').fill(served);
    await admin.getByPlaceholder('姓名、电话或身份证号').press('Enter');
    await admin.getByTestId('elders').locator('tbody tr a', { hasText: served }).first().click();
    await admin.locator('[data-testid=elder-detail], .ant-alert-error').first().waitFor();
    expect(await admin.locator('.ant-alert-error').allTextContents()).toEqual([]);
    await admin.getByTestId('elder-detail').getByText('上门记录').waitFor();
    await shoot(admin, 'elder-detail');
    await go(admin, '#/audit');
    // The statement's payment, done above in this session, is in the district's audit log.
    await admin.getByTestId('audit').locator('tbody tr', { hasText: '登记付款' }).first().waitFor();
    await shoot(admin, 'audit');
    await go(admin, '#/policies');
    await admin.getByText('依据条款').first().waitFor();
    await shoot(admin, 'policies');
    expect(errors).toEqual([]);
  }, 300_000);
});

describe('the console as street_officer', () => {
  it('sees only its street: the area, the dashboard and the elder list', async () => {
    const t = await rig.s.login('street_officer');
    const me = (await gql('{ me { region { code name } } }', {}, t)).data.me;
    const page = await signIn(rig, 'street_officer', month, errors);
    expect(await page.getByTestId('area').textContent()).toBe(me.region.name);
    await page.getByTestId('kpi-enrolledElders').waitFor();
    const api = (await gql(`query($m: String!) { dashboard(month: $m) { stats { enrolledElders } } }`, { m: month }, t))
      .data;
    expect(await kpi(page, 'enrolledElders')).toBe(api.dashboard.stats.enrolledElders);
    await go(page, '#/lists/elders');
    const list = page.getByTestId('elders');
    await list.locator('tbody tr a').first().waitFor();
    const streets = await list.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(streets)).toEqual(new Set([me.region.name]));
    await shoot(page, 'street-officer-elders');
    await page.context().close();
  });
});
