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

export interface RegionRow {
  code: string;
  name: string;
  level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';
  parentCode?: string;
  /** Approximate centre, for geofences in demo data (a programme's region file may give it). */
  lat?: number;
  lng?: number;
}

/** Upserts the region tree (parents before children), keeping each row's code path current. */
export async function syncRegions(prisma: PrismaClient, regions: readonly RegionRow[]) {
  const existing = await prisma.region.findMany({
    select: { id: true, code: true, name: true, path: true, parentId: true },
  });
  const byCode = new Map(existing.map((r) => [r.code, r]));
  for (const r of regions) {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    if (r.parentCode && !parent) throw new Error(`region ${r.code}: parent ${r.parentCode} must come first`);
    const path = parent ? `${parent.path}/${r.code}` : r.code;
    const have = byCode.get(r.code);
    if (have && have.name === r.name && have.path === path && have.parentId === (parent?.id ?? null)) continue;
    const row = await prisma.region.upsert({
      where: { code: r.code },
      create: { code: r.code, name: r.name, level: r.level, path, parentId: parent?.id ?? null },
      update: { name: r.name, level: r.level, path, parentId: parent?.id ?? null },
      select: { id: true, code: true, name: true, path: true, parentId: true },
    });
    byCode.set(r.code, row);
  }
}

/** True when a region's code path lies at or under `root`'s. */
export const pathWithin = (path: string, root: string) => path === root || path.startsWith(root + '/');

/** The region's own path and each of its ancestors' (the roots `pathWithin` would accept for it). */
export const pathAndAncestors = (path: string): string[] =>
  path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));

/** A region and everything under it, as a filter on Region (paths are code paths joined by '/'). */
export const subtreeOf = (path: string) => ({ OR: [{ path }, { path: { startsWith: path + '/' } }] });
