// Deterministic, realistic Chinese demo data: same seed, same people. No external generator: a
// small PRNG and name lists typical of people born in the 1930s–1960s.
import { checksumChar } from '../elders/id-number.js';
import { ageOn } from '../common/calendar.js';

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武';
const FEMALE_GIVEN = [
  '桂兰',
  '秀英',
  '淑珍',
  '玉兰',
  '凤英',
  '秀兰',
  '桂英',
  '春兰',
  '翠花',
  '淑英',
  '玉珍',
  '素珍',
  '桂芳',
  '秀珍',
  '金凤',
  '月娥',
  '菊英',
  '冬梅',
  '丽华',
  '凤兰',
  '美兰',
  '爱华',
  '秀芳',
  '玉梅',
];
const MALE_GIVEN = [
  '建国',
  '国华',
  '德明',
  '建华',
  '志强',
  '国强',
  '振华',
  '德福',
  '保国',
  '文华',
  '庆山',
  '长林',
  '有才',
  '正义',
  '永福',
  '学文',
  '福生',
  '立新',
  '明德',
  '春生',
  '胜利',
  '卫东',
  '贵生',
  '家福',
];
const ROADS = [
  '幸福路',
  '解放大道',
  '百秀街',
  '人民路',
  '文化路',
  '建设街',
  '新华路',
  '中山路',
  '向阳巷',
  '和平街',
  '东风路',
  '兴业路',
];
const RELATIONS_CHILD = [
  ['儿子', 'MALE'],
  ['女儿', 'FEMALE'],
  ['孙子', 'MALE'],
  ['孙女', 'FEMALE'],
  ['侄子', 'MALE'],
] as const;
const INCOME = ['无收入', '退休金', '养老保险', '子女供养', '其他'];
const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '155',
  '158',
  '177',
  '180',
  '186',
  '187',
  '189',
  '199',
];

export interface CommunityRef {
  code: string;
  name: string;
  streetName: string;
  districtCode: string;
  lat: number;
  lng: number;
}

export interface GeneratedFamilyMember {
  name: string;
  relation: string;
  phone: string;
}

export interface GeneratedElder {
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  idNumber: string;
  phone: string;
  communityCode: string;
  address: string;
  latitude: number;
  longitude: number;
  livingSituation: 'ALONE' | 'WITH_SPOUSE' | 'WITH_CHILDREN' | 'OTHER';
  incomeSource: string;
  selfCareAbility: 'SELF_CARE' | 'PARTIAL' | 'DISABLED';
  flags: string[];
  family: GeneratedFamilyMember[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function generateElders(
  count: number,
  opts: { seed: number; communities: readonly CommunityRef[]; today: string; focus?: readonly string[] },
): GeneratedElder[] {
  if (!opts.communities.length) throw new Error('generateElders needs communities');
  const r = prng(opts.seed);
  const usedIds = new Set<string>();
  const phone = () => r.pick(MOBILE_PREFIXES) + pad(r.int(0, 99_999_999), 8);
  const [ty, tm, td] = opts.today.split('-').map(Number);
  const out: GeneratedElder[] = [];
  for (let i = 0; i < count; i++) {
    // Every community gets some elders; the focus communities (where the demo accounts work) get
    // two in five, so their pages are not empty.
    const focus = opts.focus ?? [];
    const community =
      focus.length && i % 5 < 2
        ? (opts.communities.find((c) => c.code === focus[i % focus.length]) ?? opts.communities[0])
        : opts.communities[i % opts.communities.length];
    const gender = r.chance(0.55) ? 'FEMALE' : 'MALE';
    const surname = r.pick([...SURNAMES]);
    const name = surname + r.pick(gender === 'FEMALE' ? FEMALE_GIVEN : MALE_GIVEN);
    // Ages 60–98, about a third 80 and over.
    const age = r.chance(0.35) ? r.int(80, 98) : r.int(60, 79);
    let birth: string;
    for (;;) {
      const month = r.int(1, 12);
      const dayOfMonth = r.int(1, 28);
      birth = `${ty - age}-${pad(month)}-${pad(dayOfMonth)}`;
      if (ageOn(birth, opts.today) === age || (month === tm && dayOfMonth === td)) break;
    }
    let idNumber: string;
    do {
      // Sequence code: odd for men, even for women (GB 11643-1999).
      const seq = r.int(0, 499) * 2 + (gender === 'MALE' ? 1 : 0);
      const body = `${community.districtCode}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
      idNumber = body + checksumChar(body);
    } while (usedIds.has(idNumber));
    usedIds.add(idNumber);

    const flags: string[] = [];
    const poverty = r.next();
    if (poverty < 0.25) flags.push('LOW_INCOME');
    else if (poverty < 0.37) {
      flags.push('EXTREME_POVERTY');
      if (r.chance(0.7)) flags.push('SCATTERED_SUPPORT');
    }
    if (r.chance(0.04)) flags.push(r.chance(0.5) ? 'LOST_ONLY_CHILD' : 'ONLY_CHILD_DISABLED_GRADE_2_PLUS');
    if (r.chance(0.07)) flags.push('DISABILITY_GRADE_1_2');
    if (r.chance(0.03)) flags.push('LONG_TERM_CARE_INSURANCE');
    const selfCare = r.next();
    const selfCareAbility = selfCare < 0.6 ? 'SELF_CARE' : selfCare < 0.85 ? 'PARTIAL' : 'DISABLED';
    const lost = flags.includes('LOST_ONLY_CHILD');
    const living = lost
      ? r.pick(['ALONE', 'WITH_SPOUSE'] as const)
      : r.pick(['ALONE', 'WITH_SPOUSE', 'WITH_CHILDREN', 'OTHER'] as const);

    const family: GeneratedFamilyMember[] = [];
    const kids = lost ? 0 : r.int(0, 2);
    for (let k = 0; k < kids; k++) {
      const [relation, g] = r.pick(RELATIONS_CHILD);
      const familyName =
        relation === '女儿' || relation === '孙女'
          ? surname + r.pick(['丽', '敏', '静', '娟', '芳', '霞', '燕', '红'])
          : surname + r.pick(['伟', '强', '军', '磊', '勇', '涛', '斌', '杰']);
      family.push({ name: g === 'FEMALE' || g === 'MALE' ? familyName : familyName, relation, phone: phone() });
    }
    out.push({
      name,
      gender,
      birthDate: birth,
      idNumber,
      phone: phone(),
      communityCode: community.code,
      address:
        `${community.streetName}${community.name}${r.pick(ROADS)}${r.int(1, 188)}号` +
        `${r.int(1, 12)}栋${r.int(1, 6)}0${r.int(1, 4)}室`,
      latitude: Number((community.lat + (r.next() - 0.5) * 0.01).toFixed(6)),
      longitude: Number((community.lng + (r.next() - 0.5) * 0.01).toFixed(6)),
      livingSituation: living,
      incomeSource:
        flags.includes('LOW_INCOME') || flags.includes('EXTREME_POVERTY')
          ? r.pick(['无收入', '子女供养', '其他'])
          : r.pick(INCOME),
      selfCareAbility,
      flags,
      family,
    });
  }
  return out;
}

export interface GeneratedProvider {
  code: string;
  name: string;
  policyCode: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
}

/** Huangpi: one provider for the district; Yangcheng: three, one per 片区 (001 五(二)); Weihai: two. */
export function generateProviders(): GeneratedProvider[] {
  return [
    {
      code: 'HP-P01',
      name: '黄陂区颐康居家养老服务中心',
      policyCode: 'HUANGPI_2020',
      creditCode: '52420116MJH000001X',
      contactName: '孙涛',
      contactPhone: '027-61001234',
    },
    {
      code: 'YC-P01',
      name: '阳城县凤城康乐养老服务有限公司',
      policyCode: 'YANGCHENG_2026',
      creditCode: '91140522MA0K00001A',
      contactName: '李文斌',
      contactPhone: '0356-4201001',
    },
    {
      code: 'YC-P02',
      name: '阳城县皇城相府颐养服务中心',
      policyCode: 'YANGCHENG_2026',
      creditCode: '52140522MJY000002B',
      contactName: '张慧敏',
      contactPhone: '0356-4201002',
    },
    {
      code: 'YC-P03',
      name: '阳城县析城山居家养老服务有限公司',
      policyCode: 'YANGCHENG_2026',
      creditCode: '91140522MA0K00003C',
      contactName: '王国庆',
      contactPhone: '0356-4201003',
    },
    // Dongxihu (002 二(二)6–7): a home-care company and a meal provider for the district's streets.
    {
      code: 'DX-P01',
      name: '东西湖区颐心居家养老服务有限公司',
      policyCode: 'DONGXIHU_2024',
      creditCode: '91420112MA4K00001E',
      contactName: '陈立',
      contactPhone: '027-83201001',
    },
    {
      code: 'DX-P02',
      name: '东西湖区金银湖助老餐饮服务中心',
      policyCode: 'DONGXIHU_2024',
      creditCode: '52420112MJD000002F',
      contactName: '周敏',
      contactPhone: '027-83201002',
    },
    // Weihai (004 五(一)): a care-bed builder that also designs, and a home-visit provider.
    {
      code: 'WH-P01',
      name: '威海市颐和居家养老服务有限公司',
      policyCode: 'WEIHAI_2022',
      creditCode: '91371000MA3C00001D',
      contactName: '于海涛',
      contactPhone: '0631-5201001',
    },
    {
      code: 'WH-P02',
      name: '威海市福寿康养老服务中心',
      policyCode: 'WEIHAI_2022',
      creditCode: '52371000MJW000002E',
      contactName: '丛丽娜',
      contactPhone: '0631-5201002',
    },
    // Luoyang (003 二(一)3(2)): home-care companies that also run day-care centres, one per county zone.
    {
      code: 'LY-P01',
      name: '洛阳市老城区颐家居家养老服务有限公司',
      policyCode: 'LUOYANG_2013',
      creditCode: '91410302MA4F00001G',
      contactName: '郭建军',
      contactPhone: '0379-6301001',
    },
    {
      code: 'LY-P02',
      name: '新安县康宁居家养老服务中心',
      policyCode: 'LUOYANG_2013',
      creditCode: '52410323MJL000002H',
      contactName: '贾红梅',
      contactPhone: '0379-6701002',
    },
  ];
}

const SKILLS = ['助洁', '助餐', '助浴', '理发', '陪同就医', '理疗', '陪聊', '代办'];

export function generateCaregivers(providerCode: string, count: number, seed: number) {
  let h = seed;
  for (const ch of providerCode) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  const r = prng(h);
  return Array.from({ length: count }, () => {
    const female = r.chance(0.8);
    const skills = SKILLS.filter(() => r.chance(0.4));
    return {
      name:
        r.pick([...SURNAMES]) +
        r.pick(female ? ['丽', '红梅', '秀娟', '晓燕', '春花', '玲', '桂香'] : ['军', '海波', '建平', '小兵', '志刚']),
      phone: r.pick(MOBILE_PREFIXES) + pad(r.int(0, 99_999_999), 8),
      skills: skills.length ? skills : ['助洁'],
    };
  });
}
