// The permission table's rows for facilities and their grants (issue 20; 003 二(一), 三(一); 000 八).
import { ErrorCode } from '../common/errors.js';
import type { Rule } from './permissions.types.js';
import { DISTRICT, STAFF } from './permissions.roles.js';

const VIEW = '养老服务设施由社区、街道、民政部门和热线工作人员查看。';
const MANAGE = '养老服务设施的登记和状态变更由区（县）民政部门办理（003 二(一)2）。';
const GRANTS = '设施补助由区（县）民政会同财政部门验收提出、市级审核拨付（003 三(一)）。';
const OUT = '这个设施不在您的管辖范围内。';

export const FACILITY_ROWS = {
  facility: { roles: STAFF, refusal: VIEW, outOfScope: ErrorCode.NOT_FOUND },
  facilities: { roles: STAFF, refusal: VIEW },
  facilityReport: { roles: STAFF, refusal: VIEW },
  createFacility: { roles: DISTRICT, refusal: MANAGE, outOfScopeMessage: OUT },
  changeFacilityStatus: { roles: DISTRICT, refusal: MANAGE, outOfScopeMessage: OUT },
  proposeStartupGrant: { roles: DISTRICT, refusal: GRANTS, outOfScopeMessage: OUT },
  disburseStartupGrant: { roles: DISTRICT, refusal: GRANTS, outOfScopeMessage: OUT },
  accrueFacilityGrant: { roles: DISTRICT, refusal: GRANTS, outOfScopeMessage: OUT },
} satisfies Record<string, Rule>;
