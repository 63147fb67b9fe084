// 分析与目标 and the public 养老服务机构名录 in the console (issue 21; 002 二(二)4–7, 二(三)10, 二(五)13),
// headless Chromium against a real server with the demo seed. As Dongxihu's official (dx_admin): every
// target's progress on screen is the API's, at least one is above zero from the seeded records, the
// statuses read in words, the analysis table equals areaAnalysis month by month, the charts draw on
// their canvases and the XLSX export downloads with the console's token and holds the API's rows.
// Without a session: #/directory shows a seeded facility and provider and searches by name.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseContext, settleAnimations } from '../browser/harness.js';
import { SHOTS, signIn, startConsole, type ConsoleRig } from './console.harness.js';

const POLICY = 'DONGXIHU_2024';
let rig: ConsoleRig;
let page: Page;
let token: string;
let month: string;
let thisMonth: string;
let dxRegion: string;
const errors: string[] = [];
const gql = async <T = any>(q: string, v: Record<string, unknown> = {}, t: string | null = token): Promise<T> => {
  const r = await rig.s.gql<T>(q, v, t ?? undefined);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });
const addMonths = (m: string, d: number) => {
  const x = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + d, 1));
  return x.toISOString().slice(0, 7);
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  rig = await startConsole();
  token = await rig.s.login('dx_admin');
  const t = await gql('{ serverTime { month lastMonth } me { region { code } } }');
  month = t.serverTime.lastMonth;
  thisMonth = t.serverTime.month;
  dxRegion = t.me.region.code;
  page = await signIn(rig, 'dx_admin', month, errors);
  await page.evaluate(() => (window.location.hash = '#/analysis'));
}, 300_000);

afterAll(async () => {
  await rig?.close();
});

describe('分析与目标 as Dongxihu’s district official', () => {
  it('shows every target with the progress the API computes from records, and the at-risk ones in words', async () => {
    const api = (
      await gql(
        `query($p: String!) { programmeGoals(policyCode: $p, months: 12) {
          atRisk { code } goals { code name status value progressPercent deadline source unit target } } }`,
        { p: POLICY },
      )
    ).programmeGoals;
    expect(api.goals.length).toBeGreaterThan(3);
    await page.getByTestId(`goal-${api.goals[0].code}`).waitFor();
    expect(await page.locator('tr[data-testid^="goal-"]').count()).toBe(api.goals.length);
    const words: Record<string, string> = {
      MET: '已完成',
      ON_TRACK: '进度正常',
      AT_RISK: '有延期风险',
      MISSED: '逾期未完成',
    };
    for (const g of api.goals) {
      const row = page.getByTestId(`goal-${g.code}`);
      expect.soft(Number(await row.getAttribute('data-percent')), g.code).toBeCloseTo(g.progressPercent, 6);
      expect.soft(Number(await row.getAttribute('data-value')), g.code).toBeCloseTo(g.value, 6);
      const text = (await row.textContent()) ?? '';
      expect.soft(text, g.code).toContain(g.deadline);
      expect.soft(text, g.code).toContain(g.source);
      expect.soft(text, g.code).toContain(words[g.status]);
      // No enumeration code on screen.
      expect.soft(text, g.code).not.toMatch(/AT_RISK|ON_TRACK|PERCENT|COUNT|FACILITIES_/);
    }
    // The seed has accepted facilities, advisors, health management and training: some target has
    // progress, and the page shows that value (a count or a share computed from those records).
    const moving = api.goals.filter((g: any) => g.value > 0);
    expect(moving.length).toBeGreaterThan(0);
    const g = moving[0];
    const shown = await page.getByTestId(`goal-value-${g.code}`).textContent();
    expect(shown).toContain(g.unit === 'PERCENT' ? `${g.value.toFixed(1)}%` : g.value.toLocaleString('zh-CN'));
    const atRisk = api.goals.filter((x: any) => x.status === 'AT_RISK');
    for (const r of atRisk) expect(await page.getByTestId(`goal-${r.code}`).textContent()).toContain('有延期风险');
    expect(await page.getByTestId('at-risk-count').textContent()).toContain(
      api.atRisk.length ? `${api.atRisk.length} 项` : '没有',
    );

    // A target by street and community: expanding the row lists the API's streets.
    const full = (
      await gql(
        `query($p: String!) { programmeGoals(policyCode: $p) { goals { code streets { name achieved percent } } } }`,
        { p: POLICY },
      )
    ).programmeGoals.goals.find((x: any) => x.streets.length);
    expect(full).toBeTruthy();
    await page.getByTestId(`goal-${full.code}`).locator('.ant-table-row-expand-icon').click();
    const units = page.getByTestId(`goal-units-${full.code}`);
    await units.waitFor();
    for (const s of full.streets) expect(await units.textContent()).toContain(s.name);
    await settleAnimations(page);
    await page
      .locator('.ant-card', { hasText: '目标任务' })
      .first()
      .screenshot({ path: path.join(SHOTS, 'goals.png') });
  });

  it('shows the analysis month by month as areaAnalysis gives it, with the charts drawn', async () => {
    const from = addMonths(thisMonth, -5);
    const api = (
      await gql(
        `query($f: String!, $t: String!, $r: String) { areaAnalysis(fromMonth: $f, toMonth: $t, regionCode: $r) {
          name areas { own name months { month enrolledElders orders visits serviceMinutes spendingFen budgetFen
            complaints alerts exceptions targetsMetPercent } } comparison { metric areas { name value } } } }`,
        { f: from, t: thisMonth, r: dxRegion },
      )
    ).areaAnalysis;
    const own = api.areas.find((a: any) => a.own);
    expect(own.months).toHaveLength(6);
    // Dongxihu's demo buys no visits (the programme sets targets, not prices), so its service figures
    // may all be zero; the targets' mean progress this month comes from the seeded records and is not.
    const last = own.months[own.months.length - 1];
    expect(last.month).toBe(thisMonth);
    expect(last.targetsMetPercent).toBeGreaterThan(0);
    const table = page.getByTestId('analysis-figures');
    await table.waitFor();
    const keys = [
      'enrolledElders',
      'orders',
      'visits',
      'serviceMinutes',
      'spendingFen',
      'budgetFen',
      'complaints',
      'alerts',
      'exceptions',
    ];
    for (const m of own.months) {
      const row = table.locator(`tr[data-month="${m.month}"]`);
      for (const k of keys)
        expect.soft(Number(await row.getByTestId(`fig-${k}`).getAttribute('data-value')), `${m.month} ${k}`).toBe(m[k]);
      if (m.targetsMetPercent === null)
        expect.soft(await row.getByTestId('fig-targetsMetPercent').textContent()).toBe('—');
      else
        expect
          .soft(Number(await row.getByTestId('fig-targetsMetPercent').getAttribute('data-value')), `${m.month} targets`)
          .toBeCloseTo(m.targetsMetPercent, 6);
      const money = await row.getByTestId('fig-budgetFen').textContent();
      expect.soft(money).toBe(`${(m.budgetFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`);
    }
    // The comparison between the district's streets, as a bar chart.
    const visits = api.comparison.find((c: any) => c.metric === 'visits');
    expect(visits.areas.length).toBeGreaterThan(1);
    // Every chart has drawn something on its canvas (not a blank bitmap).
    await poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(9);
    await poll(() =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('canvas')].filter((c) => {
            const ctx = c.getContext('2d');
            if (!ctx || !c.width || !c.height) return false;
            const d = ctx.getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4 * 37) if (d[i]) return true;
            return false;
          }).length,
      ),
    ).toBeGreaterThanOrEqual(9);
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    await settleAnimations(page);
    await page.screenshot({ path: path.join(SHOTS, 'analysis.png'), fullPage: true });
  });

  it('downloads the analysis XLSX with the console’s own token: a row per area and month as the API says', async () => {
    const from = addMonths(thisMonth, -5);
    const api = (
      await gql(
        `query($f: String!, $t: String!, $r: String) { areaAnalysis(fromMonth: $f, toMonth: $t, regionCode: $r) {
          areas { regionCode name months { month visits enrolledElders } } } }`,
        { f: from, t: thisMonth, r: dxRegion },
      )
    ).areaAnalysis;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('analysis-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^养老服务大数据分析-.+\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const rows = ws.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    const expected = api.areas.flatMap((a: any) => a.months.map((m: any) => ({ ...m, code: a.regionCode })));
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(6);
    const col = (name: string) => header.indexOf(name) + 1;
    for (const e of expected) {
      const r = rows.find((x) => String(x[col('地区代码')]) === e.code && String(x[col('月份')]) === e.month);
      expect.soft(r, `${e.code} ${e.month}`).toBeTruthy();
      expect.soft(Number(r?.[col('上门服务（次）')]), `${e.code} ${e.month}`).toBe(e.visits);
      expect.soft(Number(r?.[col('服务对象（人）')]), `${e.code} ${e.month}`).toBe(e.enrolledElders);
    }
    expect(errors).toEqual([]);
  });
});

describe('养老服务机构名录 without a session', () => {
  it('opens #/directory with no login, finds a seeded facility and provider and searches by name', async () => {
    const dir = (
      await gql(
        `query($p: String!) { publicDirectory(policyCode: $p) { facilities { name } providers { name } } }`,
        { p: POLICY },
        null,
      )
    ).publicDirectory;
    expect(dir.facilities.length).toBeGreaterThan(1);
    const context = await chineseContext(rig.browser, { viewport: { width: 1440, height: 900 } });
    const anon = await context.newPage();
    const anonErrors: string[] = [];
    anon.on('pageerror', (e) => anonErrors.push(e.message));
    // From the login page, as a citizen who lands on the console.
    await anon.goto(`${rig.origin}/console/`);
    await anon.getByTestId('to-directory').click();
    expect(await anon.evaluate(() => localStorage.getItem('yilian.console.token'))).toBeNull();
    // Choose Dongxihu's programme.
    await anon.getByTestId('directory-programme').click();
    await anon.locator('.ant-select-item-option', { hasText: '东西湖' }).first().click();
    const facilities = anon.getByTestId('directory-facilities');
    const first = dir.facilities[0].name;
    await poll(() => facilities.textContent()).toContain(first);
    if (dir.providers.length)
      expect(await anon.getByTestId('directory-providers').textContent()).toContain(dir.providers[0].name);
    // Searching by another facility's name leaves that one and hides the first.
    const other = dir.facilities.find((f: any) => !f.name.includes(first) && !first.includes(f.name)).name;
    await anon.getByTestId('directory-search').locator('input').fill(other);
    await poll(() => facilities.textContent()).toContain(other);
    expect(await facilities.textContent()).not.toContain(first);
    expect(anonErrors).toEqual([]);
    await context.close();
  });
});
