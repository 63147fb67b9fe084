// The exports read a statement's lines a bounded page at a time (a server-side cursor on PostgreSQL, keyset
// pages on PGlite), in id order, and stop reading while the client is not taking the file (issue 22: a month of
// 400,000 visits exported in flat memory).
import 'reflect-metadata';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresPool } from '../db/database.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { EXPORT_PAGE, writeVisitsCsv } from './exports.js';
import { streamLines } from './settlement.store.js';

let s: TestServer;
let settlementId: string;
const LINES = EXPORT_PAGE * 4 + 3;

beforeAll(async () => {
  s = await startTestServer();
  const p = s.db.prisma;
  const provider = await p.provider.findFirstOrThrow();
  const elder = await p.elder.findFirstOrThrow();
  settlementId = (await p.settlement.create({ data: { providerId: provider.id, month: '2020-01' } })).id;
  // A month of lines straight into the table: what is read back, not how it was built, is under test.
  await p.$executeRaw`
    INSERT INTO "SettlementLine" (id, "settlementId", "orderId", "elderId", "elderName", "idNumberEnc",
      "communityName", "serviceCode", "serviceName", category, mode, "visitDate", "durationMinutes", "amountFen",
      "subsidyFen", "subsidyMinutes", "hoursValueFen", "selfPaidFen", "caregiverName")
    SELECT gen_random_uuid()::text, ${settlementId}, 'o-' || i, ${elder.id}, '老人', 'enc-' || i, '社区',
           'S', '服务', '类别', 'OFFLINE', '2020-01-15', 60, 3000, 3000, 0, 0, 0, '护理员'
      FROM generate_series(1, ${LINES}) i`;
}, 120_000);
afterAll(async () => s?.close());

describe('export streaming', () => {
  it('reads every line once, in id order, never more than a page at a time', async () => {
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of streamLines(s.db.prisma, settlementId, 7)) {
      pages.push(page.length);
      ids.push(...page.map((l) => l.id));
      if (pages.length === 3) break;
    }
    expect(pages).toEqual([7, 7, 7]);
    // Stopping early returned the connection: a full read afterwards still works and sees every line.
    const all: string[] = [];
    let largest = 0;
    for await (const page of streamLines(s.db.prisma, settlementId, 1000)) {
      largest = Math.max(largest, page.length);
      all.push(...page.map((l) => l.id));
    }
    expect(largest).toBe(1000);
    expect(all.length).toBe(LINES);
    const sorted = await s.db.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "SettlementLine" WHERE "settlementId" = ${settlementId} ORDER BY id`;
    expect(all).toEqual(sorted.map((r) => r.id));
    expect(ids).toEqual(all.slice(0, 21));
    const pool = postgresPool(s.db.prisma);
    if (s.db.backend === 'postgres') expect(pool!.waitingCount).toBe(0);
    else expect(pool).toBeUndefined();
  });

  it('stops reading lines while the client takes nothing, and finishes once it reads again', async () => {
    let release: (() => void) | null = null;
    let reading = false;
    let bytes = 0;
    // A client that has stopped reading: nothing written is acknowledged until it reads again.
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _e, cb) {
        bytes += chunk.length;
        if (reading) cb();
        else release = cb;
      },
    });
    const actor = { userId: (await s.db.prisma.user.findFirstOrThrow()).id, role: 'DISTRICT_ADMIN' as const };
    const settlement = await s.db.prisma.settlement.findUniqueOrThrow({ where: { id: settlementId } });
    const ctx = {
      settlements: [{ ...settlement, provider: null }] as never,
      providers: new Map(),
      evaluationOf: new Map(),
      providerOf: new Map(),
    };
    // Each line has its own ciphertext, so the decryptions count the lines read so far.
    let read = 0;
    const vault = { decrypt: () => (read++, '420116194001010011') } as never;
    // CSV, not XLSX: a workbook of identical rows deflates to a few kilobytes, which never fills the
    // client's buffer, so only the uncompressed file shows the stall.
    const done = writeVisitsCsv(s.db.prisma, vault, actor as never, '2020-01', ctx, slow);
    await new Promise((r) => setTimeout(r, 1500));
    // At most the page being written and the one fetched behind it, not the month.
    expect(read).toBeLessThanOrEqual(2 * EXPORT_PAGE);
    expect(read).toBeGreaterThan(0);
    const stalledAt = read;
    reading = true;
    (release as (() => void) | null)?.();
    await done;
    expect(read).toBe(LINES);
    expect(read).toBeGreaterThan(stalledAt);
    expect(bytes).toBeGreaterThan(0);
  }, 60_000);
});
