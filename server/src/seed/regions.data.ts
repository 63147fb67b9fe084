// The region tree the demo and the programmes run on: districts (区/县), streets and towns
// (街道/乡/镇) and communities and villages (社区/村). Names are real; Huangpi's street codes follow
// the 420116 0xx pattern of the national division codes, Yangcheng's town codes the order of its
// 附件2 (see policies/documents/yangcheng-2026.ts). Community codes append three digits.
import { YANGCHENG_TOWNS } from '../policies/documents/yangcheng-2026.js';
import { luoyangRegionRows } from '../policies/documents/luoyang-2013.regions.js';
import { WEIHAI_DISTRICTS } from '../policies/documents/weihai-2022.beds.js';
import { dongxihuRegionRows } from '../policies/documents/dongxihu-2024.regions.js';
import type { RegionRow } from '../regions/index.js';

export type RegionSeed = RegionRow;

const HUANGPI_STREETS: [string, string][] = [
  ['001', '前川街道'],
  ['002', '祁家湾街道'],
  ['003', '横店街道'],
  ['004', '罗汉寺街道'],
  ['005', '滠口街道'],
  ['006', '六指街道'],
  ['007', '天河街道'],
  ['008', '王家河街道'],
  ['009', '长轩岭街道'],
  ['010', '李家集街道'],
  ['011', '姚家集街道'],
  ['012', '蔡家榨街道'],
  ['013', '三里桥街道'],
  ['014', '武湖街道'],
  ['015', '蔡店街道'],
  ['200', '木兰乡'],
];

// Communities under a few streets and every Yangcheng town, with approximate coordinates.
const COMMUNITIES: Record<string, [string, number, number][]> = {
  '420116001': [
    ['百秀社区', 30.8745, 114.3712],
    ['双凤社区', 30.8821, 114.3805],
    ['城关社区', 30.8802, 114.3653],
  ],
  '420116003': [
    ['横店社区', 30.8092, 114.2986],
    ['临空社区', 30.8015, 114.3041],
  ],
  '420116005': [
    ['滠口社区', 30.7243, 114.3651],
    ['叶店村', 30.7338, 114.3782],
  ],
  '420116014': [
    ['沙口社区', 30.7466, 114.4521],
    ['黄花涝村', 30.7351, 114.4233],
  ],
  '140522100': [
    ['南关社区', 35.4812, 112.4163],
    ['西关社区', 35.4855, 112.4071],
  ],
  '140522101': [['河北村', 35.5231, 112.3512]],
  '140522102': [['蟒河村', 35.2732, 112.3826]],
  '140522103': [['东冶村', 35.3401, 112.3015]],
  '140522104': [
    ['北留村', 35.4972, 112.5633],
    ['郭峪村', 35.4933, 112.5428],
  ],
  '140522105': [['润城村', 35.4712, 112.5386]],
  '140522106': [['町店村', 35.4011, 112.4512]],
  '140522107': [['寺头村', 35.6021, 112.3351]],
  '140522108': [['芹池村', 35.6145, 112.4426]],
  '140522109': [['白桑村', 35.5562, 112.2613]],
  '140522110': [['西河村', 35.5211, 112.2231]],
  '140522111': [['次营村', 35.4402, 112.2912]],
  '140522112': [['董封村', 35.3812, 112.1983]],
  '140522113': [['横河村', 35.3015, 112.1612]],
  '140522114': [['演礼村', 35.5512, 112.3812]],
  // Weihai (004): one demo street per district with care beds in the seed; street and community
  // codes are this project's keys (district code + 3 digits), not official ones.
  '371002001': [['鲸园社区', 37.5128, 122.1201]],
  '371003001': [['龙山社区', 37.1934, 122.0571]],
  '371083001': [['城区社区', 36.9191, 121.5397]],
};

/** Weihai's demo streets (004 附件2 districts), one per district that the demo seed uses. */
const WEIHAI_STREETS: [string, string][] = [
  ['371002001', '鲸园街道'],
  ['371003001', '龙山街道'],
  ['371083001', '城区街道'],
];

function build(): RegionSeed[] {
  const out: RegionSeed[] = [
    { code: '420116', name: '武汉市黄陂区', level: 'DISTRICT', lat: 30.8819, lng: 114.3752 },
    { code: '140522', name: '晋城市阳城县', level: 'DISTRICT', lat: 35.4861, lng: 112.4147 },
    { code: '371000', name: '威海市', level: 'CITY', lat: 37.5131, lng: 122.1204 },
    ...WEIHAI_DISTRICTS.map((d) => ({ code: d.code, name: d.name, level: 'DISTRICT' as const, parentCode: '371000' })),
  ];
  for (const [code, name] of WEIHAI_STREETS) out.push({ code, name, level: 'STREET', parentCode: code.slice(0, 6) });
  for (const [suffix, name] of HUANGPI_STREETS)
    out.push({ code: `420116${suffix}`, name, level: 'STREET', parentCode: '420116' });
  for (const t of YANGCHENG_TOWNS) out.push({ code: t.code, name: t.name, level: 'STREET', parentCode: '140522' });
  for (const [street, list] of Object.entries(COMMUNITIES)) {
    list.forEach(([name, lat, lng], i) =>
      out.push({
        code: `${street}${String(i + 1).padStart(3, '0')}`,
        name,
        level: 'COMMUNITY',
        parentCode: street,
        lat,
        lng,
      }),
    );
  }
  // Luoyang (003): the city, an urban district and a county (policies/documents/luoyang-2013.regions.ts).
  out.push(...luoyangRegionRows());
  // Dongxihu (002): the district, its streets and demo communities (policies/documents/dongxihu-2024.regions.ts).
  out.push(...dongxihuRegionRows());
  return out;
}

export const REGIONS: readonly RegionSeed[] = build();

/**
 * Demo canteens (幸福食堂 / 街道助餐点, 000 四 集中就餐, 000 八) on Huangpi's demo streets: street
 * code, name, and a position about a kilometre north of a community centre (invented for the demo).
 */
export const CANTEENS: { streetCode: string; name: string; lat: number; lng: number }[] = [
  { streetCode: '420116001', name: '前川街道百秀社区幸福食堂', lat: 30.8835, lng: 114.3712 },
  { streetCode: '420116003', name: '横店街道助餐点', lat: 30.8182, lng: 114.2986 },
  { streetCode: '420116005', name: '滠口街道幸福食堂', lat: 30.7333, lng: 114.3651 },
  { streetCode: '420116014', name: '武湖街道助餐点', lat: 30.7556, lng: 114.4521 },
];
