// Home's 本月作废日 (issue 25): Wallet.lapse from the programme's buckets. Yangcheng's hours are used in
// the month, no rollover (001 三(三)), so they lapse after the month's last day on the Beijing
// calendar; Huangpi's money is kept until a clearing event (UNTIL_CLEARING), so nothing lapses monthly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let s: TestServer;
// The last evening of November in Beijing is already 30 November 16:00 UTC: the day must be Beijing's.
let now = new Date('2026-11-30T23:30:00+08:00');
const LAPSE = `query($id: ID!) { elder(id: $id) { wallet { lapse { on accounts source } } } }`;
type Lapse = { elder: { wallet: { lapse: { on: string; accounts: string[]; source: string } | null } } };

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
});
afterAll(async () => s?.close());

type Doc = { allowance: { buckets: { accountKind: string; rollover: string; source: string }[] } };
const enrolled = (code: string) =>
  s.db.prisma.enrolment.findFirstOrThrow({ where: { status: 'ACTIVE', policy: { code } }, include: { policy: true } });

describe('Wallet.lapse', () => {
  it("gives the month's last Beijing day and the lapsing accounts where the programme lapses monthly", async () => {
    const e = await enrolled('YANGCHENG_2026');
    const id = e.elderId;
    const lapsing = (e.policy.document as Doc).allowance.buckets.filter((k) => k.rollover === 'NONE');
    expect(lapsing.length).toBeGreaterThan(0);
    const yc = await s.gql<Lapse>(LAPSE, { id }, await s.login('yc_admin'));
    expect(yc.errors).toBeUndefined();
    expect(yc.data!.elder.wallet.lapse).toEqual({
      on: '2026-11-30',
      accounts: lapsing.map((k) => k.accountKind),
      source: lapsing[0]!.source,
    });
    now = new Date('2026-12-01T00:30:00+08:00');
    const next = await s.gql<Lapse>(LAPSE, { id }, await s.login('yc_admin'));
    expect(next.data!.elder.wallet.lapse!.on).toBe('2026-12-31');
    now = new Date('2026-11-30T23:30:00+08:00');
  });

  it('is null where the money is kept until clearing (Huangpi)', async () => {
    const family = await s.login('family');
    const user = await s.db.prisma.user.findUniqueOrThrow({
      where: { username: 'family' },
      include: { familyLinks: true },
    });
    const r = await s.gql<Lapse>(LAPSE, { id: user.familyLinks[0]!.elderId }, family);
    expect(r.errors).toBeUndefined();
    expect(r.data!.elder.wallet.lapse).toBeNull();
  });
});
