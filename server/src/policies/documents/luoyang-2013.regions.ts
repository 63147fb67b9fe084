// Luoyang's demo regions (003): the city, one urban district and one county, each with a street or
// town and communities. District codes are the national ones; street and community codes are this
// project's keys (district code + 3 digits, then + 3), and the community names are demo data.
import type { RegionRow } from '../../regions/index.js';
export interface LuoyangDistrict {
  code: string;
  name: string;
  /** 003 三(一): urban districts share grants with the city 50/50; counties pay from their own finance. */
  class: 'URBAN_DISTRICT' | 'COUNTY';
  streets: { code: string; name: string; communities: [string, number, number][] }[];
}

export const LUOYANG_CITY = { code: '410300', name: '洛阳市', lat: 34.6197, lng: 112.454 };

export const LUOYANG_DISTRICTS: LuoyangDistrict[] = [
  {
    code: '410302',
    name: '老城区',
    class: 'URBAN_DISTRICT',
    streets: [
      {
        code: '410302001',
        name: '西关街道',
        communities: [
          ['民主街社区', 34.6835, 112.4612],
          ['贴廓巷社区', 34.6851, 112.4668],
        ],
      },
    ],
  },
  {
    code: '410323',
    name: '新安县',
    class: 'COUNTY',
    streets: [{ code: '410323100', name: '城关镇', communities: [['新城社区', 34.7281, 112.1324]] }],
  },
];

/** The tree as region rows, parents first (seed/regions.data.ts adds them to the demo tree). */
export function luoyangRegionRows() {
  const out: RegionRow[] = [{ ...LUOYANG_CITY, level: 'CITY' }];
  for (const d of LUOYANG_DISTRICTS) {
    out.push({ code: d.code, name: `洛阳市${d.name}`, level: 'DISTRICT', parentCode: LUOYANG_CITY.code });
    for (const s of d.streets) {
      out.push({ code: s.code, name: s.name, level: 'STREET', parentCode: d.code });
      s.communities.forEach(([name, lat, lng], i) =>
        out.push({
          code: `${s.code}${String(i + 1).padStart(3, '0')}`,
          name,
          level: 'COMMUNITY',
          parentCode: s.code,
          lat,
          lng,
        }),
      );
    }
  }
  return out;
}
