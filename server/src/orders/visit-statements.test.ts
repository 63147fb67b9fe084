// How many SQL statements a visit's check-in, check-out and the family's confirmation cost, counted
// at the driver with BEGIN and COMMIT (issue 22 asks for placeOrder's and these in a handful). The
// figures are today's: lower them as the work lands, never raise them without saying why. What runs
// after the commit (the family's notice, the subscribe message) is counted with the request that
// caused it, once the server is quiet again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IN, CHECK_OUT, JPEG, gql, startVisits, upload } from '../testing/visits-fixtures.js';

let c: Awaited<ReturnType<typeof startVisits>>;
beforeAll(async () => {
  c = await startVisits();
}, 300_000);
afterAll(async () => c?.s.close());

/** Waits until no statement has run for 300 ms, so a request's after-commit work is counted with it. */
async function quiet(): Promise<void> {
  let last = -1;
  while (last !== c.s.db.stats.statements) {
    last = c.s.db.stats.statements;
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function statements(q: string, v: Record<string, unknown>, who: string): Promise<number> {
  await quiet();
  const before = c.s.db.stats.statements;
  const r = await gql(q, v, who);
  expect(r.errors).toBeUndefined();
  await quiet();
  return c.s.db.stats.statements - before;
}

describe('statements per visit step', () => {
  it('check-in, check-out and confirm each cost a bounded number of statements', async () => {
    const { s, orderId, qr, elder } = c;
    const start = (await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).scheduledAt;
    s.app.services.clock = () => start;
    const near = { latitude: elder.latitude! + 0.00036, longitude: elder.longitude! };
    const photo = (await (await upload('caregiver', JPEG)).json()) as { id: string };
    const checkIn = await statements(
      CHECK_IN,
      { i: { orderId, qrToken: qr, ...near, photoId: photo.id } },
      'caregiver',
    );
    s.app.services.clock = () => new Date(start.getTime() + 47 * 60_000);
    const second = (await (await upload('caregiver', Buffer.concat([JPEG, Buffer.from('2')]))).json()) as {
      id: string;
    };
    const checkOut = await statements(CHECK_OUT, { i: { orderId, ...near, photoId: second.id } }, 'caregiver');
    const confirm = await statements(
      `mutation($o: ID!) { confirmOrder(orderId: $o) { status } }`,
      { o: orderId },
      'family',
    );
    const order = await s.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe('CONFIRMED');
    // Measured here: 8, 10 and 18. Before: 11, 16 and 20 (and a confirmation 23 before a hold was
    // settled and released in one statement, wallet/balances.store.ts). What went: the elder, the
    // item's name and the visit are read with the order; the programme's rules once per check-in; the
    // family and the elder's own account to tell in one statement (notices' elderAudience);
    // each claim (the conditional status update) returns the order instead of reading it again; the
    // confirmation reads the visit and its holds in one statement, and the ledger inserts a
    // posting's entries with RETURNING instead of reading the transaction back. Of the
    // confirmation's 18, 2 create the provider's payable account on its first use.
    expect(checkIn).toBeLessThanOrEqual(8);
    expect(checkOut).toBeLessThanOrEqual(10);
    expect(confirm).toBeLessThanOrEqual(18);
  });
});
