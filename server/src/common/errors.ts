import { GraphQLError } from 'graphql';

/**
 * The stable `extensions.code` values of the API (docs/ARCHITECTURE.md, "API conventions").
 * Clients and the bot switch on these.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  INVALID_STATE = 'INVALID_STATE',
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  PROVIDER_SUSPENDED = 'PROVIDER_SUSPENDED',
  OUT_OF_ZONE = 'OUT_OF_ZONE',
  GEOFENCE_VIOLATION = 'GEOFENCE_VIOLATION',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  /** A check-in outside the programme's window around the booked time. */
  OUTSIDE_VISIT_WINDOW = 'OUTSIDE_VISIT_WINDOW',
  /** A home visit booked to start outside the programme's hours (`visits.bookingHours`), night care excepted. */
  OUTSIDE_BOOKING_HOURS = 'OUTSIDE_BOOKING_HOURS',
  /** More units in one visit than the item allows (`perVisit.maxQuantity`); the rest is another visit. */
  OVER_VISIT_MAXIMUM = 'OVER_VISIT_MAXIMUM',
  /** A caregiver or provider vouching for its own visit. */
  SELF_CONFIRMATION = 'SELF_CONFIRMATION',
  /** A kind of confirmation the elder's programme does not accept. */
  EVIDENCE_NOT_ACCEPTED = 'EVIDENCE_NOT_ACCEPTED',
  /** A caregiver without a valid certificate the programme requires for the item (000 五). */
  CAREGIVER_NOT_CERTIFIED = 'CAREGIVER_NOT_CERTIFIED',
  /** Reinstating a suspended provider before a rectification was verified (001 八(二)1; 000 七). */
  RECTIFICATION_NOT_VERIFIED = 'RECTIFICATION_NOT_VERIFIED',
  /** An enrolment that would start after its programme's last day, with no successor to carry it. */
  PROGRAMME_ENDED = 'PROGRAMME_ENDED',
  /**
   * A visit verified at the wrong kind of place: a canteen meal at home, or a home visit with a canteen code (000
   * 六·流程3).
   */
  WRONG_VERIFICATION_SITE = 'WRONG_VERIFICATION_SITE',
  /** Smart devices on a care bed above the programme's cap per household (004 四(一)). */
  SMART_CAP_EXCEEDED = 'SMART_CAP_EXCEEDED',
  /** A care bed that would lift the district's average above the programme's cap (004 四(一)). */
  BED_AVERAGE_EXCEEDED = 'BED_AVERAGE_EXCEEDED',
  /** An acceptance agency that is the design agency or builder, or related to them (004 附件7 二). */
  ACCEPTANCE_NOT_INDEPENDENT = 'ACCEPTANCE_NOT_INDEPENDENT',
  /** An acceptance request after the programme's deadline (004 五(二)6). */
  ACCEPTANCE_REQUEST_LATE = 'ACCEPTANCE_REQUEST_LATE',
  /** A completion with a design line missing its before or after photo (004 附件5). */
  PHOTOS_MISSING = 'PHOTOS_MISSING',
  /** A home-visit agreement shorter than the programme's minimum term (004 三(二)). */
  AGREEMENT_TERM_TOO_SHORT = 'AGREEMENT_TERM_TOO_SHORT',
  /** A project visit agreement for an elder whose care bed was accepted (004 三(二)). */
  HAS_ACCEPTED_CARE_BED = 'HAS_ACCEPTED_CARE_BED',
  /** A device event whose signature, timestamp or device does not check out. */
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  /** A start-up grant before acceptance and the months of operation the programme requires (003 三(一)). */
  GRANT_TOO_EARLY = 'GRANT_TOO_EARLY',
  /** A grant amount outside the programme's range (003 三(一): 5–20 万元). */
  GRANT_OUT_OF_RANGE = 'GRANT_OUT_OF_RANGE',
  /** A grant or subsidy for a facility that is not operating (suspended, closed, not yet open). */
  FACILITY_NOT_OPERATING = 'FACILITY_NOT_OPERATING',
  /** 取消服务资格 (003 四(三)): the provider takes no new orders or assignments and its facilities no grants. */
  PROVIDER_DISQUALIFIED = 'PROVIDER_DISQUALIFIED',
  /** A credit event (002 二(三)10) recorded without its evidence. */
  CREDIT_EVIDENCE_REQUIRED = 'CREDIT_EVIDENCE_REQUIRED',
  /** An appeal against a credit event by someone other than its subject. */
  CREDIT_NOT_SUBJECT = 'CREDIT_NOT_SUBJECT',
  /** A caregiver whose credit score is below the programme's floor for dispatch. */
  CREDIT_DISPATCH_BARRED = 'CREDIT_DISPATCH_BARRED',
  /** A voucher (补贴券, 003 三(二)) already redeemed by a visit. */
  VOUCHER_REDEEMED = 'VOUCHER_REDEEMED',
  /** A voucher past its last valid day, or a visit after it. */
  VOUCHER_EXPIRED = 'VOUCHER_EXPIRED',
  /** A voucher another elder's, or a visit not yet verified, not in the voucher's month, or that already used one. */
  VOUCHER_NOT_FOR_VISIT = 'VOUCHER_NOT_FOR_VISIT',
  /** A target's progress typed in: it is computed from the records (002 二(二)4–7; goals). */
  GOAL_PROGRESS_COMPUTED = 'GOAL_PROGRESS_COMPUTED',
  /** A record for an elder who lives outside the programme's region (a training record, 002 二(二)6). */
  ELDER_OUTSIDE_PROGRAMME = 'ELDER_OUTSIDE_PROGRAMME',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Default messages, written for a community worker: what happened and what to do next. */
const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先登录后再操作。',
  FORBIDDEN: '您没有权限查看或办理这项业务。',
  BAD_USER_INPUT: '填写的信息有误，请检查后重新提交。',
  NOT_FOUND: '没有找到相关记录，请核对后再试。',
  NOT_ELIGIBLE: '该老人不符合服务条件。',
  INVALID_STATE: '当前状态下不能办理这项操作。',
  INSUFFICIENT_BALANCE: '余额不足。',
  IDEMPOTENCY_CONFLICT: '这笔请求的编号已被用于另一笔不同的业务，请勿重复提交。',
  PROVIDER_SUSPENDED: '该服务机构已被暂停接单。',
  OUT_OF_ZONE: '该地址不在服务机构的服务片区内。',
  GEOFENCE_VIOLATION: '签到位置离老人家太远。',
  RATE_LIMITED: '操作太频繁，请稍后再试。',
  PAYMENT_FAILED: '微信支付暂时无法下单，请稍后再试；钱没有被扣。',
  OUTSIDE_VISIT_WINDOW: '现在不在预约的服务时间内，不能签到。',
  OUTSIDE_BOOKING_HOURS: '这个时间不在上门服务时段内（夜间只能约夜间照护类服务），请改约白天的时间。',
  OVER_VISIT_MAXIMUM: '一次上门服务的数量超过了上限，请减少数量，其余另约一次。',
  SELF_CONFIRMATION: '服务须由老人、家属或回访人员确认，服务机构和护理员不能自己确认。',
  EVIDENCE_NOT_ACCEPTED: '老人所属项目不接受这种确认方式。',
  CAREGIVER_NOT_CERTIFIED: '这位护理员没有有效的健康证明或所需的技能证书，不能派单。',
  RECTIFICATION_NOT_VERIFIED: '这家机构的整改还没有经民政部门核查合格，不能恢复接单和结算。',
  PROGRAMME_ENDED: '本期项目已到期，不能再纳入新的服务对象；请等新一期项目下达后再办理。',
  WRONG_VERIFICATION_SITE: '核验地点不对：集中就餐须在助餐点扫助餐点的二维码，上门服务须在老人家中扫老人家的二维码。',
  SMART_CAP_EXCEEDED: '智能化改造费用超过每户上限，请调整智能化设备后再提交。',
  BED_AVERAGE_EXCEEDED: '本区市家庭养老床位的户均建设费用将超过上限，请压减本户费用后再确认。',
  ACCEPTANCE_NOT_INDEPENDENT: '验收机构不得与评估设计机构、建设单位为同一家机构或存在利益关系，请由其他验收机构验收。',
  ACCEPTANCE_REQUEST_LATE: '已过提交验收申请的截止日期，不能再提交验收申请；请联系区市民政部门。',
  PHOTOS_MISSING: '还有建设项目缺少建设前或建设后照片，请补齐后再竣工。',
  AGREEMENT_TERM_TOO_SHORT: '服务协议期限不足，请按方案要求的最短签约期限签订。',
  HAS_ACCEPTED_CARE_BED: '这位老人已建成家庭养老床位，不再签订居家上门服务项目协议。',
  BAD_SIGNATURE: '设备签名校验失败，事件未被接收。',
  GRANT_TOO_EARLY: '设施须经验收并运营满规定月数后才能申请一次性开办补助。',
  GRANT_OUT_OF_RANGE: '补助金额不在政策规定的范围内，请按项目规模重新核定。',
  FACILITY_NOT_OPERATING: '这个设施当前不在运营，不能拨付运行补贴；请恢复运营后再办理。',
  PROVIDER_DISQUALIFIED: '该服务机构已被取消服务资格，不能接单、派单或领取设施补助，请联系民政部门。',
  CREDIT_EVIDENCE_REQUIRED: '记录信用事件须附证据（检查记录、照片或文件编号），请补充后再提交。',
  CREDIT_NOT_SUBJECT: '只有信用记录的当事人（本人或本机构）可以对这条记录申诉。',
  CREDIT_DISPATCH_BARRED: '这位护理员的信用分低于派单下限，暂不能派单，请换一位护理员。',
  VOUCHER_REDEEMED: '这张补贴券已经使用过了，一张券只能抵一次服务；请换一张未使用的券。',
  VOUCHER_EXPIRED: '这张补贴券已过有效期（当月有效，不能跨月使用），请使用本月的券。',
  VOUCHER_NOT_FOR_VISIT: '这张补贴券不能用于这次服务：请确认是这位老人本人的券、服务已经确认完成且还没有用过券。',
  GOAL_PROGRESS_COMPUTED: '目标进度由平台根据业务记录自动计算，不能手工填写；请登记相应的业务记录。',
  ELDER_OUTSIDE_PROGRAMME: '这位老人不在本项目的区域内，不能登记；请核对老人的居住社区。',
  INTERNAL_SERVER_ERROR: '系统出了点问题，请稍后再试；如仍不行，请联系平台客服。',
};

/**
 * A domain error: safe to show to the user as it is. Anything else thrown is masked by the server
 * as INTERNAL_SERVER_ERROR, so internals never reach a client.
 */
export class DomainError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? DEFAULT_MESSAGES[code], { extensions: { code, ...(details ? { details } : {}) } });
    this.code = code;
  }
}

export const fail = (code: ErrorCode, message?: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, details);
};

export const defaultMessage = (code: ErrorCode): string => DEFAULT_MESSAGES[code];

/** A field-level input problem, reported with the field so forms can point at it. */
export const badInput = (field: string, message: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });

/** A write refused by a unique index (Prisma's P2002): the record, or the key's first use, already exists. */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'P2002';

/** Prisma's answer when an update or delete found no row matching its where (P2025). */
export const isRecordNotFound = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'P2025';
