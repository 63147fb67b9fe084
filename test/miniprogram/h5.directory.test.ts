// 养老服务机构名录 on the H5 build (002 二(三)10 信息公开) in Chromium with a phone's mobile emulation,
// with no session: the login page links to it, it shows the facilities and providers the API publishes
// for a programme, searches them by name, and never sends the visitor back to log in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onScreen, startH5, type H5 } from './h5.harness.js';

const POLICY = 'DONGXIHU_2024';
let h: H5;
const { $, open, field, loginAsFamily } = onScreen(() => h);
let dir: { name: string; facilities: { name: string }[]; providers: { name: string }[] };
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });
const facilityNames = () => $('.facility .title').allTextContents();

beforeAll(async () => {
  h = await startH5({ mobile: true });
  // Anonymous: the directory is public, no token.
  const r = await h.s.gql<{ publicDirectory: typeof dir }>(
    `query($p: String!) { publicDirectory(policyCode: $p) { name facilities { name } providers { name } } }`,
    { p: POLICY },
  );
  expect(r.errors).toBeUndefined();
  dir = r.data!.publicDirectory;
});
afterAll(async () => {
  await h?.close();
});

describe('the H5 mini-program: 养老服务机构名录 without login', () => {
  it('is linked from the login page and opens without a session', async () => {
    await open('/pages/login/index');
    expect(await h.page.evaluate(() => localStorage.getItem('yilian.state.v1') ?? '')).not.toContain('token":"');
    await $('#to-directory').click();
    await poll(() => h.page.url()).toContain('/pages/directory/index');
    await poll(() => $('.title', { hasText: '养老服务机构名录' }).count()).toBeGreaterThan(0);
  });

  it("shows a programme's seeded facilities and providers from the API and searches them by name", async () => {
    expect(dir.facilities.length).toBeGreaterThan(1);
    await open(`/pages/directory/index?policy=${POLICY}`);
    await poll(facilityNames).toEqual(dir.facilities.map((f) => f.name));
    if (dir.providers.length)
      expect(await $('.provider .title').allTextContents()).toEqual(dir.providers.map((p) => p.name));
    const wanted = dir.facilities[dir.facilities.length - 1]!.name;
    await field('directory-search').fill(wanted);
    await poll(facilityNames).toEqual(dir.facilities.filter((f) => f.name.includes(wanted)).map((f) => f.name));
    await field('directory-search').fill('不存在的机构名称');
    await $('#facilities-empty').waitFor();
    // On a phone the page fits the screen: nothing scrolls sideways.
    expect(await h.page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
    // Still the directory: a public page does not send the visitor to log in.
    expect(h.page.url()).toContain('/pages/directory/index');
    expect(h.pageErrors).toEqual([]);
  });

  it("is linked from the signed-in family's service guide, on their elder's programme", async () => {
    const { elderId } = await loginAsFamily();
    const family = await h.s.login('family');
    const code = (
      await h.s.gql<{ elder: { enrolment: { policy: { code: string } } } }>(
        `query($id: ID!) { elder(id: $id) { enrolment { policy { code } } } }`,
        { id: elderId },
        family,
      )
    ).data!.elder.enrolment.policy.code;
    const published = (
      await h.s.gql<{ publicDirectory: typeof dir }>(
        `query($p: String!) { publicDirectory(policyCode: $p) { name facilities { name } providers { name } } }`,
        { p: code },
      )
    ).data!.publicDirectory;
    expect(published.facilities.length).toBeGreaterThan(0);
    await open('/pages/guide/index');
    await $('#to-directory').click();
    await poll(() => h.page.url()).toContain(`/pages/directory/index?policy=${code}`);
    await poll(facilityNames).toEqual(published.facilities.map((f) => f.name));
  });
});
