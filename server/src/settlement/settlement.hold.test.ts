// An official's hold on a statement line (暂缓（原因）, issue 24): refused without a reason, from a
// street officer, out of the district, on a paid line; kept through a rebuild (the recomputed
// heldReason of 000 七 is not it); it stops approval and payment until released; a retried hold is
// one hold; against a concurrent approval or payment the database's order decides, never both halves.
import 'reflect-metadata';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerViolations } from '../wallet/ledger.service.js';
import { s, t, month, now, gql, code, setup } from './settlement.fixtures.js';

beforeAll(async () => {
  await setup();
  t.yc_street_officer = await s.login('yc_street_officer');
}, 240_000);
afterAll(async () => s?.close());

const FIELDS = `id status heldReason manualHoldReason manualHeldAt manualHeldByName provider { name }`;
const RUN = `mutation($m: String!) { runSettlement(month: $m) { ${FIELDS} } }`;
const HOLD = `mutation($id: ID!, $r: String!) { holdSettlement(id: $id, reason: $r) { ${FIELDS} } }`;
const RELEASE = `mutation($id: ID!) { releaseSettlementHold(id: $id) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveSettlement(id: $id) { status } }`;
const PAY = `mutation($id: ID!) { markSettlementPaid(id: $id) { status } }`;
type Line = {
  id: string;
  status: string;
  heldReason: string | null;
  manualHoldReason: string | null;
  manualHeldAt: string | null;
  manualHeldByName: string | null;
};
const message = (r: { errors?: { message: string }[] }) => r.errors?.[0]?.message ?? '';
const audits = (entityId: string, action: string) =>
  s.db.prisma.auditLog.count({ where: { entity: 'Settlement', entityId, action } });
const row = (id: string) => s.db.prisma.settlement.findUniqueOrThrow({ where: { id } });

let lines: Line[];
beforeAll(async () => {
  lines = (await gql<{ runSettlement: Line[] }>(RUN, { m: month }, 'yc_admin')).data!.runSettlement;
});

describe('holdSettlement refusals change nothing', () => {
  it('needs a reason of 2 to 200 characters, the district of the line, and a district official', async () => {
    const line = lines[0]!;
    const before = await row(line.id);
    for (const [reason, pattern] of [
      ['', /请填写暂缓原因/],
      ['   ', /请填写暂缓原因/],
      ['缓', /至少 2 个字/],
      ['核'.repeat(201), /最多 200 个字/],
    ] as const) {
      const r = await gql(HOLD, { id: line.id, r: reason }, 'yc_admin');
      expect(code(r), JSON.stringify(reason)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions).toMatchObject({ details: { field: 'reason' } });
      expect(message(r)).toMatch(pattern);
    }
    const street = await gql(HOLD, { id: line.id, r: '待核实本月上门记录' }, 'yc_street_officer');
    expect(code(street)).toBe('FORBIDDEN');
    expect(message(street)).toMatch(/区（县）民政部门/);
    expect(code(await gql(HOLD, { id: line.id, r: '待核实本月上门记录' }, 'worker'))).toBe('FORBIDDEN');
    // Huangpi's official cannot see Yangcheng's line at all.
    expect(code(await gql(HOLD, { id: line.id, r: '待核实本月上门记录' }, 'district_admin'))).toBe('NOT_FOUND');
    expect(code(await gql(RELEASE, { id: line.id }, 'yc_street_officer'))).toBe('FORBIDDEN');
    expect(code(await gql(RELEASE, { id: line.id }, 'district_admin'))).toBe('NOT_FOUND');
    expect(await row(line.id)).toEqual(before);
    expect(await s.db.prisma.auditLog.count({ where: { entityId: line.id, action: { contains: 'HOLD' } } })).toBe(0);
  });
});

describe('hold → regenerate keeps it → approval refused → release → approve', () => {
  it('holds with the trimmed reason, once, and says who and when', async () => {
    const line = lines.find((l) => l.status === 'DRAFT')!;
    const admin = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'yc_admin' } });
    const held = (
      await gql<{ holdSettlement: Line }>(HOLD, { id: line.id, r: '  待核实 11 月两次上门记录  ' }, 'yc_admin')
    ).data!.holdSettlement;
    expect(held).toMatchObject({
      status: 'DRAFT',
      manualHoldReason: '待核实 11 月两次上门记录',
      manualHeldByName: admin.displayName,
      manualHeldAt: now.toISOString(),
    });
    // A retried click: the same hold, one audit line.
    const again = (
      await gql<{ holdSettlement: Line }>(HOLD, { id: line.id, r: '待核实 11 月两次上门记录' }, 'yc_admin')
    ).data!.holdSettlement;
    expect(again).toEqual(held);
    expect(await audits(line.id, 'SETTLEMENT_HELD')).toBe(1);
    // Another reason over a standing hold is refused, naming the one that stands.
    const other = await gql(HOLD, { id: line.id, r: '机构材料不全' }, 'yc_admin');
    expect(code(other)).toBe('INVALID_STATE');
    expect(message(other)).toContain('待核实 11 月两次上门记录');
    expect((await row(line.id)).manualHoldReason).toBe('待核实 11 月两次上门记录');
  });

  it('regenerating the month keeps the hold; approval is refused naming the reason, and posts nothing', async () => {
    const line = lines.find((l) => l.status === 'DRAFT')!;
    const rebuilt = (await gql<{ runSettlement: Line[] }>(RUN, { m: month }, 'yc_admin')).data!.runSettlement.find(
      (l) => l.id === line.id,
    )!;
    expect(rebuilt).toMatchObject({ status: 'DRAFT', heldReason: null, manualHoldReason: '待核实 11 月两次上门记录' });
    const fees = await s.db.prisma.ledgerTransaction.count({ where: { kind: 'PLATFORM_FEE' } });
    const refused = await gql(APPROVE, { id: line.id }, 'yc_admin');
    expect(code(refused)).toBe('INVALID_STATE');
    expect(message(refused)).toMatch(/已暂缓：待核实 11 月两次上门记录.*取消暂缓/);
    expect((await row(line.id)).status).toBe('DRAFT');
    expect(await s.db.prisma.ledgerTransaction.count({ where: { kind: 'PLATFORM_FEE' } })).toBe(fees);
  });

  it('the statement file shows the official’s reason in 暂缓原因', async () => {
    const base = s.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/exports/settlement/${month}.xlsx`, {
      headers: { authorization: `Bearer ${t.yc_admin}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows: unknown[][] = [];
    sheet.eachRow((r, i) => i > 1 && rows.push((r.values as unknown[]).slice(1)));
    const name = (await s.db.prisma.settlement.findUniqueOrThrow({
      where: { id: lines.find((l) => l.status === 'DRAFT')!.id },
      include: { provider: true },
    }))!.provider.name;
    const held = rows.find((r) => r[0] === name)!;
    expect(held[header.indexOf('结算状态')]).toBe('暂缓结算');
    expect(held[header.indexOf('暂缓原因')]).toBe('人工暂缓：待核实 11 月两次上门记录');
    // The other lines are held by nothing: their cell is empty (ExcelJS reads an empty string back as no value).
    expect(rows.filter((r) => r[0] !== name).map((r) => r[header.indexOf('暂缓原因')] ?? '')).toEqual(['', '']);
  });

  it('release clears the hold once (a second release changes nothing), then the line is approved', async () => {
    const line = lines.find((l) => l.status === 'DRAFT')!;
    const released = (await gql<{ releaseSettlementHold: Line }>(RELEASE, { id: line.id }, 'yc_admin')).data!
      .releaseSettlementHold;
    expect(released).toMatchObject({ manualHoldReason: null, manualHeldAt: null, manualHeldByName: null });
    expect((await gql(RELEASE, { id: line.id }, 'yc_admin')).data.releaseSettlementHold.manualHoldReason).toBeNull();
    expect(await audits(line.id, 'SETTLEMENT_HOLD_RELEASED')).toBe(1);
    expect((await gql(APPROVE, { id: line.id }, 'yc_admin')).data.approveSettlement.status).toBe('APPROVED');
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('a hold on an approved line stops payment; a paid line cannot be held', async () => {
    const line = lines.find((l) => l.status === 'DRAFT')!;
    await gql(HOLD, { id: line.id, r: '财政核对中' }, 'yc_admin');
    const refused = await gql(PAY, { id: line.id }, 'yc_admin');
    expect(code(refused)).toBe('INVALID_STATE');
    expect(message(refused)).toContain('财政核对中');
    expect((await row(line.id)).status).toBe('APPROVED');
    await gql(RELEASE, { id: line.id }, 'yc_admin');
    expect((await gql(PAY, { id: line.id }, 'yc_admin')).data.markSettlementPaid.status).toBe('PAID');
    const paid = await gql(HOLD, { id: line.id, r: '财政核对中' }, 'yc_admin');
    expect(code(paid)).toBe('INVALID_STATE');
    expect(message(paid)).toMatch(/已经付款/);
    expect((await row(line.id)).manualHoldReason).toBeNull();
  });
});

describe('a hold racing an approval or a payment', () => {
  it('hold and approve at once: the approval happens only if it committed before the hold', async () => {
    const line = lines.filter((l) => l.status === 'DRAFT')[1]!;
    const [held, approved] = await Promise.all([
      gql(HOLD, { id: line.id, r: '核对上门照片' }, 'yc_admin'),
      gql(APPROVE, { id: line.id }, 'yc_admin'),
    ]);
    // A hold is allowed on an approved line (it stops payment), so the hold always lands.
    expect(held.errors).toBeUndefined();
    const after = await row(line.id);
    expect(after.manualHoldReason).toBe('核对上门照片');
    const log = await s.db.prisma.auditLog.findMany({
      where: { entityId: line.id, action: { in: ['SETTLEMENT_HELD', 'SETTLEMENT_APPROVED'] } },
      orderBy: { id: 'asc' },
    });
    if (approved.errors) {
      expect(code(approved)).toBe('INVALID_STATE');
      expect(message(approved)).toContain('核对上门照片');
      expect(after.status).toBe('DRAFT');
      expect(log.map((l) => l.action)).toEqual(['SETTLEMENT_HELD']);
    } else {
      expect(after.status).toBe('APPROVED');
      expect(log.map((l) => l.action)).toEqual(['SETTLEMENT_APPROVED', 'SETTLEMENT_HELD']);
    }
    expect(await ledgerViolations(s.db.prisma)).toEqual([]);
  });

  it('hold and payment at once on an approved line: exactly one wins', async () => {
    const line = lines.filter((l) => l.status === 'DRAFT')[2] ?? lines.filter((l) => l.status === 'DRAFT')[1]!;
    await gql(RELEASE, { id: line.id }, 'yc_admin');
    if ((await row(line.id)).status === 'DRAFT') await gql(APPROVE, { id: line.id }, 'yc_admin');
    expect((await row(line.id)).status).toBe('APPROVED');
    const [held, paid] = await Promise.all([
      gql(HOLD, { id: line.id, r: '财政复核' }, 'yc_admin'),
      gql(PAY, { id: line.id }, 'yc_admin'),
    ]);
    expect([held.errors === undefined, paid.errors === undefined].filter(Boolean)).toHaveLength(1);
    const after = await row(line.id);
    if (paid.errors) {
      expect(code(paid)).toBe('INVALID_STATE');
      expect([after.status, after.manualHoldReason]).toEqual(['APPROVED', '财政复核']);
    } else {
      expect(code(held)).toBe('INVALID_STATE');
      expect([after.status, after.manualHoldReason]).toEqual(['PAID', null]);
    }
  });
});
