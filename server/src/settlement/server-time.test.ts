// serverTime: the app clock as Beijing dates, which the officials' console takes its default month
// from instead of the browser's clock (issue 24). Month and year edges are where the two differ.
import 'reflect-metadata';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
let now = new Date('2026-11-18T10:00:00+08:00');
const Q = `{ serverTime { now today month lastMonth } }`;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
}, 240_000);
afterAll(async () => s?.close());

it('answers the app clock in Beijing time, signed in or not', async () => {
  expect((await s.gql(Q, {})).data!.serverTime).toEqual({
    now: now.toISOString(),
    today: '2026-11-18',
    month: '2026-11',
    lastMonth: '2026-10',
  });
  // 00:30 on 1 December in Beijing is still 30 November in UTC: the month is December's.
  now = new Date('2026-12-01T00:30:00+08:00');
  const t = await s.login('district_admin');
  expect((await s.gql(Q, {}, t)).data!.serverTime).toMatchObject({
    today: '2026-12-01',
    month: '2026-12',
    lastMonth: '2026-11',
  });
  now = new Date('2027-01-01T07:00:00+08:00');
  expect((await s.gql(Q, {})).data!.serverTime).toMatchObject({ month: '2027-01', lastMonth: '2026-12' });
});
