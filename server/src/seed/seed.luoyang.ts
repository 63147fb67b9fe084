// Luoyang's home care in the demo (issue 20; 003 三(二), 二(一)3): the registered elders of the urban
// district (老城区) whom LUOYANG_2013's rules accept are enrolled, so the month's allowance run credits
// their hours by self-care level; after that run each gets the month's vouchers (补贴券); the
// operating day-care centre prices its own services at a market and a lower price. Xin'an county keeps
// its suspended centre and no enrolments, so the tests there start from an empty county.
import type { PrismaClient } from '../db/prisma.js';
import { todayInShanghai, monthInShanghai } from '../common/calendar.js';
import { policyDocument } from '../policies/index.js';
import { seedVerdict } from './seed.rows.js';
import { writeVouchers } from '../vouchers/index.js';
import { accountKey } from '../wallet/ledger.service.js';

const DISTRICT_PATH = '410300/410302';

export async function enrolLuoyangElders(prisma: PrismaClient, now: Date) {
  const policy = await prisma.policy.findUnique({ where: { code: 'LUOYANG_2013' } });
  if (!policy) return 0;
  const doc = policyDocument(policy);
  const today = todayInShanghai(now);
  const elders = await prisma.elder.findMany({
    where: { status: 'REGISTERED', community: { path: { startsWith: `${DISTRICT_PATH}/` } } },
    orderBy: { id: 'asc' },
  });
  // The generated registry knows nothing of 二(二)1's facts; as demo data, every elder of the urban
  // district is an urban resident (城镇) and one living alone has no child to care for them.
  // The generator spreads its elders over every community of every programme, so which of them land
  // here (and their random facts) changes whenever a programme adds communities; the first two are
  // therefore 散居"三无" (LY_URBAN_THREE_NO), so the district's demo always has enrolled elders.
  for (const [i, e] of elders.entries()) {
    const extra = [
      'URBAN_RESIDENT',
      ...(e.livingSituation === 'ALONE' ? ['NO_CHILD_CARER'] : []),
      ...(i < 2 ? ['EXTREME_POVERTY', 'SCATTERED_SUPPORT'] : []),
    ];
    e.flags = [...new Set([...e.flags, ...extra])];
    await prisma.elder.update({ where: { id: e.id }, data: { flags: e.flags } });
  }
  const startedOn = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  const rows = elders.flatMap((e) => {
    const verdict = seedVerdict(doc, { ...e, birthDate: e.birthDate.toISOString().slice(0, 10) }, today);
    return verdict.eligible ? [{ elderId: e.id, policyId: policy.id, category: verdict.category, startedOn }] : [];
  });
  await prisma.enrolment.createMany({ data: rows });
  await prisma.elder.updateMany({ where: { id: { in: rows.map((r) => r.elderId) } }, data: { status: 'ENROLLED' } });
  // Zero-balance wallets, as for the other programmes; the monthly run credits the hours.
  const kinds = [
    ...doc.allowance.buckets.map((b) => ({ kind: b.accountKind, unit: b.unit })),
    { kind: 'SELF_PAID' as const, unit: 'FEN' as const },
  ];
  await prisma.ledgerAccount.createMany({
    data: rows.flatMap((r) =>
      kinds.map((k) => ({
        key: accountKey({ elderId: r.elderId }, k.kind),
        kind: k.kind,
        unit: k.unit,
        elderId: r.elderId,
        policyId: policy.id,
      })),
    ),
  });
  return rows.length;
}

/** After the allowance run: this month's vouchers in the district, and the centre's price list. */
export async function seedLuoyangVouchersAndCentre(prisma: PrismaClient, now: Date) {
  const policy = await prisma.policy.findUnique({ where: { code: 'LUOYANG_2013' } });
  if (!policy) return;
  const doc = policyDocument(policy);
  if (doc.vouchers)
    await writeVouchers(
      prisma,
      { policyId: policy.id, doc, month: monthInShanghai(now), regionPath: DISTRICT_PATH },
      now,
      null,
    );
  const centre = await prisma.facility.findFirst({
    where: { policyId: policy.id, kind: 'DAY_CARE_CENTRE', status: 'OPERATING' },
    orderBy: { name: 'asc' },
  });
  if (!centre) return;
  // Demo prices (003 二(一)3 sets the rule, not the figures): the lower price below the market's.
  await prisma.centreService.createMany({
    data: [
      { code: 'LUNCH', name: '午餐', marketPriceFen: 1500, lowPriceFen: 800 },
      { code: 'DAY_CARE', name: '日间托养（半天）', marketPriceFen: 5000, lowPriceFen: 3000 },
      { code: 'MASSAGE', name: '康复理疗', marketPriceFen: 4000, lowPriceFen: 2500 },
    ].map((s) => ({ ...s, facilityId: centre.id })),
  });
}
