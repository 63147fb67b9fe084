import type { PrismaClient } from '../db/prisma.js';

export async function regionsByIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.region.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Children of a region (or the roots), for pickers in forms. Public administrative data. */
export async function listRegions(prisma: PrismaClient, parentCode?: string | null) {
  if (!parentCode) return prisma.region.findMany({ where: { parentId: null }, orderBy: { code: 'asc' } });
  return prisma.region.findMany({ where: { parent: { code: parentCode } }, orderBy: { code: 'asc' } });
}

export const findRegionByCode = (prisma: PrismaClient, code: string) => prisma.region.findUnique({ where: { code } });
