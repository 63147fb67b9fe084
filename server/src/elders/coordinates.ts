// Where an elder's home coordinates may lie when a worker enters them or picks them on a map.

/**
 * Mainland China and its islands (a box around 18–54°N, 73–136°E). Assumed: the sources give no
 * bounds and the registry's regions carry no geometry, so a point in the wrong province passes
 * here and is caught by the caregiver's geofence at the first check-in.
 */
export const CHINA_BOUNDS = { south: 18, north: 54, west: 73, east: 136 } as const;

/** Why a pair of coordinates cannot be a home in the registry, or null when it can. */
export function coordinatesProblem(lat: number | null | undefined, lng: number | null | undefined): string | null {
  if ((lat == null) !== (lng == null)) return '经纬度须同时填写，或都不填。';
  if (lat == null || lng == null) return null;
  const b = CHINA_BOUNDS;
  if (lat < b.south || lat > b.north || lng < b.west || lng > b.east) return '定位不在中国境内，可能把经度和纬度填反了，请在地图上重新选点。';
  return null;
}
