// The rules every argument and input field is held to before any resolver runs; the edge
// (http/input-validation.ts) applies them by GraphQL type to each operation. Pure: a value in, a
// Chinese message naming the field out. A NUL byte, for one, is refused by PostgreSQL, and Prisma
// batches findUnique across requests, so one such value used to fail other users' queries too.
import { validate as isUuid } from 'uuid';
import { MAX_PAGE } from './pagination.js';

/** Free text is capped here unless the field is listed in MAX_TEXT. */
export const DEFAULT_MAX_TEXT = 2000;
const MAX_TEXT: Record<string, number> = {
  // A third-party evaluator's monthly report is a document, not a note.
  report: 20_000,
  username: 64,
  password: 256,
  phone: 20,
  callerPhone: 20,
  agentPhone: 20,
  idNumber: 32,
  code: 512,
  idempotencyKey: 128,
  serviceNotes: 1000,
  serial: 40,
  deviceSerial: 64,
};
/** Lists (request services, flags, template ids, statuses) are short by nature. */
export const MAX_LIST = 100;
/** DateTime arguments (schedules, filters) live in this window; others are typos or probes. */
export const YEARS = { from: 2000, to: 2100 } as const;
const RANGES: Record<string, readonly [number, number]> = {
  first: [1, MAX_PAGE],
  latitude: [-90, 90],
  longitude: [-180, 180],
  // A care-bed household's living area in m² (004 附件3): a plausibility bound (the service refuses 0 itself).
  livingAreaSqm: [0, 10_000],
  // A centre service's prices in fen (003 二(一)3): up to 10 000 元 a visit; the service checks low < market.
  marketPriceFen: [0, 1_000_000],
  lowPriceFen: [0, 1_000_000],
  // A target's progress as someone tries to type it (002 二(二)4–7): refused anyway, but bounded at the edge.
  value: [0, 1_000_000],
};

/** The name a form shows for each argument or input field; `parent.field` wins over `field`. */
const LABELS: Record<string, string> = {
  after: '分页游标',
  first: '每页条数',
  id: '编号',
  ref: '短编号',
  search: '搜索内容',
  status: '状态',
  kind: '类型',
  stage: '环节',
  since: '起始时间',
  from: '开始时间',
  to: '结束时间',
  month: '月份',
  category: '类别',
  policyCode: '项目代码',
  communityCode: '社区代码',
  regionCode: '地区代码',
  // Facilities (issue 20).
  facilityId: '设施编号',
  floorAreaM2: '建筑面积',
  contractedAreaM2: '协议服务用房面积',
  premisesSource: '用房来源',
  operatingMode: '运营方式',
  operatorId: '运营机构编号',
  funder: '出资方',
  parentId: '所属日间照料中心',
  newEstate: '是否新建住宅小区',
  elderCount: '老年人口统计数',
  elderCountOn: '统计日期',
  rooms: '功能用房',
  present: '是否具备',
  areaM2: '面积',
  scaleNote: '项目规模说明',
  // The 12349 hotline, inspections and supervision (issue 20; 003 二(二)2, 四(三)).
  inspectedOn: '检查日期',
  findings: '检查发现的问题',
  rectifyBy: '整改期限',
  grade: '检查等次',
  inspectionId: '检查编号',
  rectifiedOn: '整改完成日期',
  callerName: '来电人姓名',
  callerPhone: '来电号码',
  need: '来电需求',
  referralTo: '转介去向',
  personName: '受表彰人员姓名',
  award: '表彰项目',
  // Luoyang vouchers and centre pricing (issue 20; 003 三(二), 二(一)3).
  serial: '券号',
  marketPriceFen: '市场价格',
  lowPriceFen: '低偿价格',
  attendedAt: '服务时间',
  'CentreServiceInput.code': '服务项目代码',
  'CentreServiceInput.name': '服务项目名称',
  parentCode: '上级地区代码',
  hukouCommunityCode: '户籍社区代码',
  elderId: '老人编号',
  orderId: '工单编号',
  providerId: '服务机构编号',
  caregiverId: '护理员编号',
  staffNo: '工号',
  photoFileId: '照片',
  callTaskId: '电话任务编号',
  objectionId: '异议编号',
  photoId: '照片编号',
  signatureFileId: '老人签名图片编号',
  serviceNotes: '服务记录',
  alertId: '告警编号',
  serviceCode: '服务编码',
  quantity: '数量',
  scheduledAt: '预约时间',
  startAt: '新的上门时间',
  note: '备注',
  username: '用户名',
  password: '密码',
  code: '验证码',
  phone: '手机号',
  relation: '关系',
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  idNumber: '身份证号',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  ethnicity: '民族',
  incomeSource: '收入情况',
  livingSituation: '居住情况',
  selfCareAbility: '自理能力',
  flags: '老人情况',
  requestedServices: '申请服务内容',
  agentName: '代理人姓名',
  agentRelation: '代理人与老人关系',
  agentPhone: '代理人电话',
  comment: '意见',
  decision: '审核结果',
  reason: '原因',
  agency: '评估机构',
  assessorName: '评估人',
  assessedOn: '评估日期',
  score: '分数',
  amountFen: '充值金额',
  idempotencyKey: '请求编号',
  stars: '星级',
  satisfaction: '满意度',
  content: '投诉内容',
  response: '答复内容',
  templateIds: '消息模板',
  outcome: '处理结果',
  answered: '是否接通',
  passed: '是否合格',
  report: '评估报告',
  resolution: '处理结果',
  'ResolveVisitExceptionInput.amountFen': '退回金额',
  'RectificationInput.report': '整改报告',
  purpose: '用途',
  topic: '群名称',
  roomId: '群编号',
  contactId: '联系人编号',
  contactName: '联系人名称',
  qrToken: '二维码内容',
  rotate: '是否换码',
  unreadOnly: '只看未读',
  overdueOnly: '只看超时',
  mine: '只看我的',
  providerAtFault: '是否机构责任',
  satisfied: '是否满意',
  filter: '筛选条件',
  input: '填写内容',
  creditCode: '统一社会信用代码',
  qualifications: '资质',
  contactPhone: '联系电话',
  startsOn: '合同开始日期',
  endsOn: '合同结束日期',
  quality: '服务质量要求',
  settlementMethod: '资金结算方式',
  liability: '违约责任',
  zoneCode: '服务片区代码',
  priceFen: '价格',
  skills: '技能',
  expiresOn: '有效期至',
  number: '证书编号',
  course: '培训内容',
  hours: '培训学时',
  completedOn: '完成日期',
  notes: '约谈情况',
  requirement: '整改要求',
  ground: '终止情形',
  successorProviderId: '接替机构编号',
  sanctionId: '整改编号',
  'RegisterProviderInput.code': '机构编号',
  'ProviderContractInput.quantity': '服务数量',
  'CaregiverCertificateInput.kind': '证件类型',
  fileId: '材料编号',
  applicationId: '申请编号',
  contacts: '监护人和紧急联系人',
  disabilityGrade: '残疾等级',
  householdSize: '家庭人口',
  monthlyIncomeFen: '家庭人均月收入',
  longTermCareInsurance: '是否享受长护险',
  'confirmExitSuggestion.id': '退出建议编号',
  'dismissExitSuggestion.id': '退出建议编号',
  'linkElder.code': '关联码',
  'bindBotWorker.code': '绑定码',
  'bindBotRoom.code': '绑定码',
  'wechatLogin.code': '微信登录凭证',
  'rateOrder.comment': '评价内容',
  'reviewApplication.comment': '审核意见',
  'serviceGuide.category': '服务类别',
  'SubmitApplicationInput.category': '服务对象类别',
  'elder.id': '老人编号',
  'order.id': '工单编号',
  'application.id': '申请编号',
  'reviewApplication.id': '申请编号',
  'objectToApplication.id': '申请编号',
  'topUp.id': '充值单编号',
  'sandboxPayTopUp.id': '充值单编号',
  'markNoticeRead.id': '通知编号',
  'acknowledgeAlert.id': '告警编号',
  'resolveAlert.id': '告警编号',
  'approveSettlement.id': '结算单编号',
  'markSettlementPaid.id': '结算单编号',
  'holdSettlement.id': '结算单编号',
  'holdSettlement.reason': '暂缓原因',
  'releaseSettlementHold.id': '结算单编号',
  'respondToComplaint.id': '投诉编号',
  'closeComplaint.id': '投诉编号',
  'closeComplaint.note': '回访情况',
  'ElderFilter.category': '服务对象类别',
  // Care beds (004 附件3–6).
  items: '服务项目',
  'SignVisitAgreementInput.startsOn': '协议开始日期',
  'SignVisitAgreementInput.priceFen': '服务价格',
  method: '服务方式',
  termMonths: '签约期限（月）',
  elderClass: '老年人类别',
  level: '失能等级',
  approved: '是否同意',
  opinion: '意见',
  designAgencyId: '评估设计机构编号',
  builderId: '建设单位编号',
  lines: '建设项目',
  itemCode: '清单项目代码',
  model: '建设项目及设备型号',
  estimateFen: '预计费用',
  accepted: '是否认同',
  signedBy: '老年人或监护人签名',
  familyMember: '家庭成员签名',
  startedOn: '开工日期',
  beforePhotoId: '建设前照片编号',
  afterPhotoId: '建设后照片编号',
  documents: '验收资料',
  streetOpinion: '镇/街道意见',
  districtOpinion: '区市民政部门意见',
  remarks: '备注',
  verified: '是否核实',
  actualFen: '执行金额',
  archiveNo: '档案编号',
  deviceSerial: '设备编号',
  careBedId: '家庭养老床位',
  livingAreaSqm: '房屋建筑面积',
  tenure: '住房产权情况',
  residenceMonths: '已居住月数',
  housingSafe: '住房符合质量安全标准',
  housingAdaptable: '具备基础改造条件',
  notDueForDemolition: '未纳入拆迁规划',
  ownerName: '产权人姓名',
  priorAdaptationFen: '已享受改造资金',
  priorAdaptationNote: '已享受改造情况',
  guardianName: '监护人姓名',
  guardianRelation: '监护人与申请人关系',
  guardianPhone: '监护人电话',
  // The audit log's filter (auditLog) and a caregiver's step queued offline (checkIn, checkOut).
  action: '操作',
  entity: '对象类型',
  entityId: '对象编号',
  until: '截止时间',
  repeat: '重复方式',
  recordedAt: '手机记录时间',
  // Targets and their records (002 二(二)4–7, 二(四)11).
  goalCode: '目标代码',
  value: '进度值',
  months: '趋势月数',
  institution: '医疗卫生机构',
  // Meals and food safety (002 二(二)7, 二(七)22).
  meal: '餐次',
  site: '登记地点',
  fix: '整改措施',
  fixedOn: '整改完成日期',
  online: '是否上线',
  // Training (002 二(二)6, 二(五)15, 二(七)22).
  title: '名称',
  heldOn: '举办日期',
  minutes: '时长（分钟）',
  sessionId: '培训编号',
  elderIds: '老人',
  traineeName: '参训家属姓名',
  traineePhone: '参训家属电话',
  certificateNo: '证书编号',
  // Credit records (002 二(三)10) and the analysis by area (002 二(五)13).
  subjectType: '信用主体类型',
  subjectId: '信用主体',
  eventId: '信用记录',
  appealId: '申诉',
  uphold: '申诉是否成立',
  pendingOnly: '只看待处理',
  evidence: '证据',
  fromMonth: '起始月份',
  toMonth: '截止月份',
};

export const labelFor = (name: string, owner?: string): string =>
  (owner && LABELS[`${owner}.${name}`]) || LABELS[name] || name;
export const hasLabel = (name: string): boolean => name in LABELS;

const maxText = (name: string) => MAX_TEXT[name] ?? DEFAULT_MAX_TEXT;
// C0 and C1 control characters, DEL included; newline and tab are ordinary in notes.
const CONTROL = /[^\P{Cc}\n\t]/u;
// Half of a UTF-16 surrogate pair: not a character, and PostgreSQL cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text value, or null. Lengths count characters, not UTF-16 units. */
export function textProblem(name: string, label: string, value: string): string | null {
  if (CONTROL.test(value)) return `「${label}」含有不可见字符，请删除后重新输入。`;
  if (LONE_SURROGATE.test(value)) return `「${label}」含有无法识别的字符（可能是复制时出错），请重新输入。`;
  const max = maxText(name);
  if (value.length > max && [...value].length > max) return `「${label}」太长了，最多 ${max} 个字。`;
  return null;
}

/** Every id the API hands out is a UUID (uuid v7 in the database). */
export const idProblem = (label: string, value: string): string | null =>
  isUuid(value) ? null : `「${label}」格式不对，请从列表中重新选择或核对后再试。`;

export function dateTimeProblem(label: string, value: Date): string | null {
  const year = value.getUTCFullYear();
  return Number.isNaN(year) || year < YEARS.from || year > YEARS.to
    ? `「${label}」须在 ${YEARS.from} 年到 ${YEARS.to} 年之间。`
    : null;
}

export function numberProblem(name: string, label: string, value: number): string | null {
  const range = RANGES[name];
  if (!Number.isFinite(value)) return `「${label}」不是有效的数字。`;
  return range && (value < range[0] || value > range[1]) ? `「${label}」须在 ${range[0]} 到 ${range[1]} 之间。` : null;
}

export const listProblem = (label: string, value: readonly unknown[]): string | null =>
  value.length > MAX_LIST ? `「${label}」最多 ${MAX_LIST} 项。` : null;
