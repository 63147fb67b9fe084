// The permission table's rows for Luoyang's home-care hours, vouchers and centre pricing (issue 20;
// 003 三(二) 补贴券、小时最低工资标准, 二(一)3 无偿、低偿、有偿).
import type { Rule } from './permissions.types.js';
import { DISTRICT, ELDER_OUT, HOUSEHOLD, OFFICIALS, ORDER_OUT, STAFF } from './permissions.roles.js';

const VOUCHERS = '补贴券由老人本人、家属和社区、街道、民政、热线工作人员查看。';
const ISSUE = '补贴券由县（市、区）民政部门按月发放（003 三(二)）。';
const REDEEM = '补贴券由上门服务的护理员、承接的服务机构或社区工作人员在服务确认后扫码使用。';
const REPORT = '服务时长和补贴券报表由社区、街道、民政部门和热线工作人员查看。';
const CENTRE = '日间照料中心的服务项目和收费由县（市、区）民政部门核定（003 二(一)3）。';
const ATTEND = '日间照料中心的服务登记由社区、街道和民政部门工作人员办理。';
const FACILITY_OUT = '这个设施不在您的管辖范围内。';

export const HOMECARE_ROWS = {
  elderVouchers: { roles: { ...STAFF, ...HOUSEHOLD }, refusal: VOUCHERS, outOfScopeMessage: ELDER_OUT },
  homeCareReport: { roles: STAFF, refusal: REPORT },
  issueVouchers: { roles: DISTRICT, refusal: ISSUE },
  redeemVoucher: {
    roles: { CAREGIVER: 'OWN_VISITS', PROVIDER_ADMIN: 'PROVIDER', COMMUNITY_WORKER: 'REGION' },
    refusal: REDEEM,
    outOfScopeMessage: ORDER_OUT,
  },
  setCentreService: { roles: DISTRICT, refusal: CENTRE, outOfScopeMessage: FACILITY_OUT },
  recordCentreAttendance: { roles: OFFICIALS, refusal: ATTEND, outOfScopeMessage: FACILITY_OUT },
  centreAttendance: { roles: STAFF, refusal: ATTEND, outOfScopeMessage: FACILITY_OUT },
} satisfies Record<string, Rule>;
