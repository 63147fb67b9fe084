// Document 003's hotline and supervision: the 12349 line (二(二)2 通过拨打 12349 服务热线或网络预约等方式对接
// 老年人服务需求; 三(三) 市、县（市、区）、乡（街道）、村（社区）四级“12349”居家养老服务网络和呼叫平台互联互通，
// 统一服务受理号码), the star rating (四(三) 开展行业星级评定创建活动，建立健全科学量化的考评机制) and the
// 10-minute service circle (二(二)2 努力打造 10 分钟社区服务圈). The text gives the number and the four
// levels; the rating criteria, their points and the walking distance are ours, marked `assumed`.
import type { CallsPolicy } from '../policy.calls.js';
import type { OversightPolicy } from '../policy.oversight.js';

export const LUOYANG_2013_CALLS: CallsPolicy = {
  lines: [
    {
      kind: 'HOTLINE',
      name: '12349 居家养老服务热线',
      phone: '12349',
      for: ['SOS', 'LOCATE'],
      source: '003 三(三)',
      assumed: true,
      note: '号码和四级呼叫平台见原文；由热线受理紧急求助和定位查询是假定（原文“呼叫平台”“老年呼叫器”）',
    },
  ],
  actions: [],
  hotline: {
    phone: '12349',
    name: '12349 居家养老服务热线',
    levels: ['CITY', 'COUNTY', 'STREET', 'COMMUNITY'],
    source: '003 三(三)',
  },
};

export const LUOYANG_2013_OVERSIGHT: OversightPolicy = {
  starRating: {
    // 六有 (二(一)1) 10 points a room, the area tier (二(一)2) 20, no overdue rectification 20: 100 in all.
    facility: { perRoomPresent: 10, tierCompliant: 20, noOverdueRectification: 20, perOverdueRectification: 10 },
    // 对服务不达标、群众不满意的服务单位给予通报批评 (四(三)): each criticism and verified complaint costs points.
    provider: { base: 80, perPublicCriticism: 20, perVerifiedComplaint: 5, windowMonths: 12 },
    stars: [
      { stars: 5, minScore: 90 },
      { stars: 4, minScore: 75 },
      { stars: 3, minScore: 60 },
      { stars: 2, minScore: 40 },
      { stars: 1, minScore: 0 },
    ],
    source: '003 四(三)',
    assumed: true,
    note: '原文只要求“星级评定”“科学量化的考评机制”，未给指标和分值；各项分值和星级分数线均为假定',
  },
  // 对服务不达标、群众不满意的服务单位给予通报批评，情形严重的将给予取消服务资格.
  sanctions: { source: '003 四(三)' },
  // 开展示范性社区老年人日间照料中心、满意居家养老服务组织和优秀为老服务人员评选.
  awards: [
    {
      code: 'MODEL_DAY_CARE_CENTRE',
      name: '示范性社区老年人日间照料中心',
      subject: 'FACILITY',
      facilityKinds: ['DAY_CARE_CENTRE'],
      source: '003 四(三)',
    },
    { code: 'SATISFACTORY_PROVIDER', name: '满意居家养老服务组织', subject: 'PROVIDER', source: '003 四(三)' },
    { code: 'OUTSTANDING_WORKER', name: '优秀为老服务人员', subject: 'PERSON', source: '003 四(三)' },
  ],
  serviceCircle: {
    minutes: 10,
    walkMeters: 800,
    source: '003 二(二)2',
    assumed: true,
    note: '原文“10 分钟社区服务圈”未给距离；按老年人步行每分钟约 80 米、直线距离 800 米计为假定',
  },
};
