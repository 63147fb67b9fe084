// Chinese names for the API's enumerations, as officials say them.
export const ROLE: Record<string, string> = {
  DISTRICT_ADMIN: '区（县）民政部门',
  STREET_OFFICER: '街道（乡镇）',
  COMMUNITY_WORKER: '社区（村）工作人员',
  OPERATOR: '呼叫中心',
  PROVIDER_ADMIN: '服务机构',
  QA_AGENCY: '第三方评估机构',
  CAREGIVER: '护理员',
  ELDER: '老人',
  FAMILY: '家属',
  BOT: '群机器人',
};

export const ELDER_STATUS: Record<string, string> = {
  REGISTERED: '已登记',
  ENROLLED: '在册',
  TERMINATED: '已终止',
  DECEASED: '已故',
};

export const ORDER_STATUS: Record<string, string> = {
  PLACED: '待派单',
  ASSIGNED: '已派单',
  IN_SERVICE: '服务中',
  COMPLETED: '待确认',
  CONFIRMED: '已确认',
  CANCELLED: '已取消',
};

export const EXCEPTION_REASON: Record<string, string> = {
  SHORT_VISIT: '服务时长不足',
  PHOTO_REUSED: '照片重复使用',
  LOCATION_REPEATED: '多次同一位置打卡',
  QUICK_SAME_POINT: '短时间同点打卡',
  CAREGIVER_OVERLAP: '护理员时间重叠',
  OUTSIDE_WINDOW: '不在预约时段',
};

export const EXCEPTION_STATUS: Record<string, string> = {
  OPEN: '待复核',
  ACCEPTED: '已认可',
  ADJUSTED: '已核减',
  REJECTED: '已核销',
};

export const ALERT_KIND: Record<string, string> = {
  NO_RECENT_ORDER: '长期无服务',
  MISSED_CONTACT: '关爱电话未接通',
  LOW_BALANCE: '余额不足',
  COMPLAINT: '投诉',
  SLA_BREACH: '超时未处理',
  HELP_CALL: '一键求助',
  DEVICE_EVENT: '智能床位设备报警',
  VISIT_PACE: '上门服务进度落后',
};

export const ALERT_STATUS: Record<string, string> = { RAISED: '待处理', ACKNOWLEDGED: '已签收', RESOLVED: '已处理' };
export const COMPLAINT_STATUS: Record<string, string> = { OPEN: '待答复', RESPONDED: '已答复', CLOSED: '已办结' };
export const CALL_STATUS: Record<string, string> = {
  PENDING: '待拨打',
  DONE: '已完成',
  UNREACHED: '未接通',
  CANCELLED: '已取消',
};

export const SETTLEMENT_STATUS: Record<string, string> = {
  DRAFT: '待审核',
  HELD: '暂缓',
  APPROVED: '已审核',
  PAID: '已付款',
};

export const PROVIDER_STATUS: Record<string, string> = { ACTIVE: '正常', SUSPENDED: '暂停', TERMINATED: '已终止' };

export const ACCOUNT: Record<string, string> = {
  SUBSIDY_OFFLINE: '线下服务补贴',
  SUBSIDY_ONLINE: '线上服务补贴',
  SUBSIDY_HOURS: '服务时长补贴',
  SELF_PAID: '自费账户',
};

export const TRANSACTION: Record<string, string> = {
  ALLOWANCE: '补贴发放',
  CHARGE: '服务扣款',
  CLEARING: '清零',
  EXPIRY: '到期',
  REFUND: '退款',
  REVERSAL: '冲正',
  TOP_UP: '充值',
};

export const GENDER: Record<string, string> = { MALE: '男', FEMALE: '女' };
export const label = (map: Record<string, string>, key: string | null | undefined) => (key ? (map[key] ?? key) : '—');

// 分析与目标 (issue 21): how a target's status, unit, scope and metric read on screen.
export const GOAL_STATUS: Record<string, string> = {
  MET: '已完成',
  ON_TRACK: '进度正常',
  AT_RISK: '有延期风险',
  MISSED: '逾期未完成',
};
export const GOAL_UNIT: Record<string, string> = { COUNT: '个（人）', PERCENT: '%' };
export const GOAL_PER: Record<string, string> = { DISTRICT: '全区', STREET: '每个街道', COMMUNITY: '每个社区' };
export const GOAL_METRIC: Record<string, string> = {
  FACILITIES_ACCEPTED: '设施建成验收',
  FACILITY_COVERAGE: '社区设施覆盖率',
  MEAL_COVERAGE: '助餐服务覆盖率',
  FACILITIES_GRADED: '设施等级评定',
  GRADING_PASS_RATE: '等级评定达标率',
  ADVISOR_COVERAGE: '养老顾问覆盖率',
  HEALTH_MANAGEMENT_SHARE: '65 岁及以上老年人健康管理率',
  ELDERS_TRAINED: '智能技术培训人数',
};
/** Like label(), but an unknown code shows as 其他 rather than the code itself. */
export const word = (map: Record<string, string>, key: string | null | undefined) => (key ? (map[key] ?? '其他') : '—');
