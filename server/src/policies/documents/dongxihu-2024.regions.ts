// Dongxihu's regions (002): the district and its streets. 二(二)4 names five streets (吴家山、径河、
// 金银湖、将军路、常青花园社管办) and "其他街道"; the rest are the district's other streets. The district
// code is the national one; street codes follow the 420112 0xx pattern and community codes append three
// digits (this project's keys, as for Huangpi). Community names and coordinates are demo data.
import type { RegionRow } from '../../regions/index.js';
export interface DongxihuStreet {
  code: string;
  name: string;
  /** Named in 002 二(二)4 (至少分别设置 1 个综合性养老服务设施). */
  named: boolean;
  /** In the central and eastern built-up area (中东部建成区, 002 二(二)7); which streets it covers is assumed. */
  builtUp: boolean;
  lat: number;
  lng: number;
  communities: [string, number, number][];
}

export const DONGXIHU = { code: '420112', name: '武汉市东西湖区', lat: 30.6199, lng: 114.1369 };

const s = (
  suffix: string,
  name: string,
  named: boolean,
  builtUp: boolean,
  lat: number,
  lng: number,
  communities: [string, number, number][] = [],
): DongxihuStreet => ({ code: `420112${suffix}`, name, named, builtUp, lat, lng, communities });

export const DONGXIHU_STREETS: DongxihuStreet[] = [
  s('001', '吴家山街道', true, true, 30.6245, 114.1442, [
    ['田园社区', 30.6262, 114.1401],
    ['五环社区', 30.6213, 114.1488],
  ]),
  s('002', '将军路街道', true, true, 30.6598, 114.2225, [
    ['石桥社区', 30.6571, 114.2249],
    ['金桥社区', 30.6622, 114.2183],
  ]),
  s('003', '慈惠街道', false, false, 30.6006, 114.1652),
  s('004', '走马岭街道', false, false, 30.6271, 114.0642),
  s('005', '径河街道', true, true, 30.6381, 114.0979, [['径河社区', 30.6398, 114.0955]]),
  s('006', '长青街道', false, false, 30.6688, 114.1251),
  s('007', '辛安渡街道', false, false, 30.6945, 113.9963),
  s('008', '东山街道', false, false, 30.7066, 114.0592),
  s('009', '新沟镇街道', false, false, 30.6453, 113.9851),
  s('010', '金银湖街道', true, true, 30.6562, 114.1793, [
    ['金银湖社区', 30.6548, 114.1771],
    ['银湖社区', 30.6605, 114.1832],
  ]),
  s('011', '柏泉街道', false, false, 30.7512, 114.0912),
  s('012', '常青花园新区街道（常青花园社管办）', true, true, 30.6312, 114.2148, [
    ['常青花园第一社区', 30.6301, 114.2131],
  ]),
];

/** The tree as region rows, parents first (seed/regions.data.ts adds them to the demo tree). */
export function dongxihuRegionRows() {
  const out: RegionRow[] = [{ ...DONGXIHU, level: 'DISTRICT' }];
  for (const st of DONGXIHU_STREETS) {
    out.push({ code: st.code, name: st.name, level: 'STREET', parentCode: DONGXIHU.code, lat: st.lat, lng: st.lng });
    st.communities.forEach(([name, lat, lng], i) =>
      out.push({
        code: `${st.code}${String(i + 1).padStart(3, '0')}`,
        name,
        level: 'COMMUNITY',
        parentCode: st.code,
        lat,
        lng,
      }),
    );
  }
  return out;
}
