// Where an elder's home coordinates may lie when a worker enters them or picks them on a map:
// inside the box of every programme whose region holds the home (the policy document's
// region.bounds), or, where no programme covers the home, inside China.
import type { PrismaClient } from '../db/prisma.js';
import { policyDocument } from '../policies/index.js';
import { pathWithin } from '../regions/index.js';

/**
 * Mainland China and its islands (a box around 18–54°N, 73–136°E), for homes no programme covers.
 * Assumed: the registry's regions carry no geometry of their own.
 */
export const CHINA_BOUNDS = { south: 18, north: 54, west: 73, east: 136 } as const;

type Box = { south: number; north: number; west: number; east: number };
const inside = (b: Box, lat: number, lng: number) => lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;

/** Why a pair of coordinates cannot be this home's, or null when it can (or none is given). */
export async function coordinatesProblem(
  prisma: PrismaClient,
  communityPath: string,
  lat: number | null | undefined,
  lng: number | null | undefined,
): Promise<string | null> {
  if ((lat == null) !== (lng == null)) return '经纬度须同时填写，或都不填。';
  if (lat == null || lng == null) return null;
  const covering = (await prisma.policy.findMany({ where: { active: true } }))
    .map(policyDocument)
    .filter((d) => d.region.bounds && pathWithin(communityPath, d.region.code));
  const outside = covering.find((d) => !inside(d.region.bounds!, lat, lng));
  if (outside) return `定位不在${outside.region.name}范围内，可能把经度和纬度填反了，请在地图上重新选点。`;
  if (!covering.length && !inside(CHINA_BOUNDS, lat, lng))
    return '定位不在中国境内，可能把经度和纬度填反了，请在地图上重新选点。';
  return null;
}
