// The county rules under LUOYANG_2013 (003 三(二): 各县（市、区）…出台…具体操作办法). They are part of
// the city's document (framework.counties) and validated against it whenever it is parsed
// (policy.framework.ts countyRulesProblems). The seed holds no county's text, so every figure here
// is the framework's default or `pendingSource`.
import type { CountyRulesInput } from '../policy.framework.js';

/** The hourly minimum wage periods: the seed gives no figure, so each is pendingSource. */
const pendingWage = (regionCode: string) => [
  {
    regionCode,
    from: '2013-08-05',
    fenPerHour: null,
    source: '003 三(二)',
    pendingSource: true,
    note: '小时最低工资标准以河南省人民政府公布的标准为准，种子资料中没有',
  },
];

export const LUOYANG_COUNTY_INPUTS: CountyRulesInput[] = [
  {
    parentCode: 'LUOYANG_2013',
    regionCode: '410302',
    name: '老城区居家养老服务具体操作办法',
    issuedOn: '2013-09-30',
    homeCareHours: { bySelfCare: { SELF_CARE: 1, PARTIAL: 2, DISABLED: 3 }, source: '003 三(二)', assumed: true },
    minimumWage: pendingWage('410302'),
    source: '003 三(二)',
  },
  {
    parentCode: 'LUOYANG_2013',
    regionCode: '410323',
    name: '新安县居家养老服务具体操作办法',
    issuedOn: '2013-09-30',
    homeCareHours: { bySelfCare: { SELF_CARE: 1, PARTIAL: 2, DISABLED: 3 }, source: '003 三(二)', assumed: true },
    readings: { MODEL_WORKER_HARDSHIP: 'READING_A' },
    minimumWage: pendingWage('410323'),
    source: '003 三(二)',
  },
];
