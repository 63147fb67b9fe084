import DataLoader from 'dataloader';
import { statsForRegions, type RegionStats } from '../settlement/dashboard.service.js';
import { caregiversByIds, providersByIds } from '../providers/providers.loaders.js';
import { followUpsByOrderIds, ratingsByOrderIds, visitsByOrderIds } from '../orders/orders.loaders.js';
import { policiesByIds } from '../catalogue/catalogue.service.js';
import type { CatalogueCache } from '../catalogue/index.js';
import type { PrismaClient } from '../db/prisma.js';
import { elderByIds, enrolmentByElderIds, familyByElderIds } from '../elders/elders.loaders.js';
import { objectionsByApplicationIds, reviewsByApplicationIds } from '../enrolment/enrolment.service.js';
import { regionsByIds } from '../regions/regions.service.js';
import { accountsByElderIds } from '../wallet/wallet.service.js';

/** One set per request, so a page of N elders costs a fixed number of statements, not N. */
export function createLoaders(prisma: PrismaClient, catalogue: CatalogueCache) {
  return {
    regionById: new DataLoader((ids: readonly string[]) => regionsByIds(prisma, ids)),
    policyById: new DataLoader((ids: readonly string[]) =>
      catalogue.policiesByIds(ids, async (missing) => (await policiesByIds(prisma, missing)).filter((p) => !!p)),
    ),
    userById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    elderById: new DataLoader((ids: readonly string[]) => elderByIds(prisma, ids)),
    reviewsByApplicationId: new DataLoader((ids: readonly string[]) => reviewsByApplicationIds(prisma, ids)),
    objectionsByApplicationId: new DataLoader((ids: readonly string[]) => objectionsByApplicationIds(prisma, ids)),
    familyByElderId: new DataLoader((ids: readonly string[]) => familyByElderIds(prisma, ids)),
    enrolmentByElderId: new DataLoader((ids: readonly string[]) => enrolmentByElderIds(prisma, ids)),
    accountsByElderId: new DataLoader((ids: readonly string[]) => accountsByElderIds(prisma, ids)),
    serviceItemById: new DataLoader((ids: readonly string[]) => catalogue.itemsByIds(prisma, ids)),
    providerById: new DataLoader((ids: readonly string[]) => providersByIds(prisma, ids)),
    caregiverById: new DataLoader((ids: readonly string[]) => caregiversByIds(prisma, ids)),
    visitByOrderId: new DataLoader((ids: readonly string[]) => visitsByOrderIds(prisma, ids)),
    ratingByOrderId: new DataLoader((ids: readonly string[]) => ratingsByOrderIds(prisma, ids)),
    followUpByOrderId: new DataLoader((ids: readonly string[]) => followUpsByOrderIds(prisma, ids)),
    // Keys are "YYYY-MM|region path"; one batch of statements per month for all regions asked.
    dashboardStats: new DataLoader(async (keys: readonly string[]) => {
      const byMonth = new Map<string, string[]>();
      for (const k of keys) {
        const [month, path] = k.split('|') as [string, string];
        byMonth.set(month, [...(byMonth.get(month) ?? []), path]);
      }
      const results = new Map<string, RegionStats>();
      for (const [month, paths] of byMonth)
        (await statsForRegions(prisma, month, paths)).forEach((s, i) => results.set(`${month}|${paths[i]}`, s));
      return keys.map((k) => results.get(k)!);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
