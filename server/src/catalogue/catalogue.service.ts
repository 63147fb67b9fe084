import { ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import {
  bookingHoursFor,
  loadPolicy,
  maxQuantityPerVisit,
  type PolicyDocument,
  policyDocument,
  type StoredPolicy,
} from '../policies/index.js';

const toDay = (d: Date) => d.toISOString().slice(0, 10);

/** The GraphQL view of a policy row: identity plus the parts of its document people read. */
function toPolicyView(row: StoredPolicy & { name: string; regionId: string; effectiveFrom: Date }) {
  const doc = policyDocument(row);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    regionId: row.regionId,
    version: row.version,
    effectiveFrom: toDay(row.effectiveFrom),
    categories: doc.eligibility.categories.map((c) => ({ code: c.code, name: c.name, source: c.source ?? null })),
    allowances: doc.allowance.buckets.map((b) => ({
      kind: b.accountKind,
      unit: b.unit,
      amount: b.amount,
      maxRateFenPerHour: b.maxRateFenPerHour ?? null,
      source: b.source,
    })),
  };
}

export async function listPolicies(prisma: PrismaClient) {
  const rows = await prisma.policy.findMany({ where: { active: true }, orderBy: { code: 'asc' } });
  return rows.map(toPolicyView);
}

export async function policiesByIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.policy.findMany({ where: { id: { in: [...ids] } } });
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    return row ? toPolicyView(row) : null;
  });
}

/**
 * The service guide of a programme, optionally one category; NOT_FOUND for an unknown programme.
 * Each item carries the windows a visit may start in (its own `perVisit.slots`, else the document's
 * `visits.bookingHours`, open for night-care items and where the programme sets no hours) and the
 * most one visit may book, the same rules placeOrder enforces.
 */
export async function serviceGuide(prisma: PrismaClient, policyCode: string, category?: string | null) {
  const loaded = await loadPolicy(prisma, { code: policyCode });
  if (!loaded) fail(ErrorCode.NOT_FOUND, `没有找到项目“${policyCode}”，请从项目列表中选择。`);
  const { policy, doc } = loaded!;
  const rows = await prisma.serviceItem.findMany({
    where: { policyId: policy.id, active: true, ...(category ? { category } : {}) },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  return rows.map((row) => {
    const item = doc.serviceGuide.items.find((i) => i.code === row.code);
    const hours = bookingHoursFor(doc, item);
    return {
      ...row,
      bookableFromMinute: hours?.fromMinute ?? null,
      bookableUntilMinute: hours?.untilMinute ?? null,
      bookableSlots: hours?.slots ?? [],
      maxQuantityPerVisit: item ? maxQuantityPerVisit(doc, item) : null,
    };
  });
}

/**
 * Loads the validated policy documents into the database: the policy row (document kept whole),
 * its service items and its zones. Items dropped from a document are deactivated, never deleted,
 * because orders refer to them. Regions named by the documents must already exist.
 */
export async function syncPolicies(prisma: PrismaClient, docs: readonly PolicyDocument[]) {
  for (const doc of docs) {
    const region = await prisma.region.findUnique({ where: { code: doc.region.code } });
    if (!region) throw new Error(`policy ${doc.code}: region ${doc.region.code} is not loaded`);
    const policy = await prisma.policy.upsert({
      where: { code: doc.code },
      create: {
        code: doc.code,
        name: doc.name,
        regionId: region.id,
        document: doc as never,
        effectiveFrom: new Date(`${doc.effective.from}T00:00:00Z`),
        effectiveTo: doc.effective.to ? new Date(`${doc.effective.to}T00:00:00Z`) : null,
      },
      update: { name: doc.name, regionId: region.id, document: doc as never },
    });
    const items = doc.serviceGuide.items;
    for (const [i, item] of items.entries()) {
      const data = {
        name: item.name,
        category: item.category,
        mode: item.mode,
        unit: item.unit,
        unitMinutes: item.unitMinutes ?? null,
        priceFen: item.priceFen ?? null,
        description: item.description,
        standard: item.standard ?? null,
        sortOrder: i,
        active: true,
      };
      await prisma.serviceItem.upsert({
        where: { policyId_code: { policyId: policy.id, code: item.code } },
        create: { policyId: policy.id, code: item.code, ...data },
        update: data,
      });
    }
    await prisma.serviceItem.updateMany({
      where: { policyId: policy.id, code: { notIn: items.map((i) => i.code) } },
      data: { active: false },
    });
    for (const zone of doc.zones) {
      const z = await prisma.serviceZone.upsert({
        where: { policyId_code: { policyId: policy.id, code: zone.code } },
        create: { policyId: policy.id, code: zone.code, name: zone.name },
        update: { name: zone.name },
      });
      const regions = await prisma.region.findMany({ where: { code: { in: zone.regionCodes } }, select: { id: true } });
      if (regions.length !== zone.regionCodes.length)
        throw new Error(`policy ${doc.code}: zone ${zone.code} names unknown regions`);
      await prisma.serviceZoneRegion.deleteMany({ where: { zoneId: z.id } });
      await prisma.serviceZoneRegion.createMany({ data: regions.map((r) => ({ zoneId: z.id, regionId: r.id })) });
    }
  }
}
