// The home-care report (003 三(二)): by county and month, the minutes credited, the minutes verified
// visits used, the vouchers issued and redeemed, and what the used minutes cost at the county's
// hourly minimum wage in force on each visit's day. A day whose wage the seed does not give
// (pendingSource) is counted apart and leaves the cost empty rather than guessed.
import { ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { type Actor, authorize } from '../auth/index.js';
import { countyFor, loadPolicy, valueAtMinimumWage } from '../policies/index.js';
import { monthBounds, parseMonth } from '../wallet/index.js';
import { minutesCredited, minutesUsedByDay, voucherCounts } from './vouchers.store.js';

export async function homeCareReport(prisma: PrismaClient, actor: Actor, input: { policyCode: string; month: string }) {
  const grant = authorize(actor, 'homeCareReport');
  parseMonth(input.month);
  const loaded = await loadPolicy(prisma, { code: input.policyCode });
  if (!loaded) return fail(ErrorCode.NOT_FOUND, '没有找到这个项目。');
  const { policy, doc } = loaded;
  if (!doc.homeCareHours) return fail(ErrorCode.INVALID_STATE, `${doc.name}没有按日服务时长的规定（003 三(二)）。`);
  const scope = grant.actor.regionPath!;
  const { first, last } = monthBounds(input.month);
  const window = { start: new Date(first.getTime() - 8 * 3600_000), end: new Date(last.getTime() + 16 * 3600_000) };
  const [credited, used, vouchers] = await Promise.all([
    minutesCredited(prisma, policy.id, input.month, scope),
    minutesUsedByDay(prisma, policy.id, window, scope),
    voucherCounts(prisma, policy.id, input.month, scope),
  ]);
  const districts = doc.facilities?.funding.districts ?? [];
  const districtOf = (path: string) => districts.find((d) => path.split('/').includes(d.regionCode));
  type Row = {
    regionCode: string;
    regionName: string;
    month: string;
    minutesCredited: number;
    minutesUsed: number;
    vouchersIssued: number;
    vouchersRedeemed: number;
    costFen: number | null;
    minutesWithoutWage: number;
    source: string;
  };
  const rows = new Map<string, Row>();
  const row = (path: string) => {
    const d = districtOf(path);
    const key = d?.regionCode ?? path.split('/').slice(0, 2).join('/');
    if (!rows.has(key))
      rows.set(key, {
        regionCode: key,
        regionName: d?.name ?? key,
        month: input.month,
        minutesCredited: 0,
        minutesUsed: 0,
        vouchersIssued: 0,
        vouchersRedeemed: 0,
        costFen: 0,
        minutesWithoutWage: 0,
        source: doc.homeCareHours!.source,
      });
    return rows.get(key)!;
  };
  for (const c of credited) row(c.communityPath).minutesCredited += Number(c.minutes);
  for (const v of vouchers) {
    const r = row(v.communityPath);
    r.vouchersIssued += Number(v.issued);
    r.vouchersRedeemed += Number(v.redeemed);
  }
  for (const u of used) {
    const r = row(u.communityPath);
    const minutes = Number(u.minutes);
    r.minutesUsed += minutes;
    const county = countyFor(doc, u.communityPath);
    const value = county ? valueAtMinimumWage(county, u.day, minutes) : null;
    if (!value || value.fen === null) r.minutesWithoutWage += minutes;
    else r.costFen! += value.fen;
  }
  for (const r of rows.values()) if (r.minutesWithoutWage > 0) r.costFen = null;
  return [...rows.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}
