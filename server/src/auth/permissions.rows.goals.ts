// The permission table's rows for targets and their records (issue 21; 002 二(二)4–7, 二(四)11, 二(五)15, 二(七)22).
import type { Rule } from './permissions.types.js';
import { ELDER_OUT, OFFICIALS, STAFF } from './permissions.roles.js';

const VIEW = '目标任务进度由社区、街道、民政部门和热线工作人员查看。';
const SET = '目标任务进度由平台根据业务记录计算，只有民政部门和街道工作人员可以查看和登记相关记录。';
const RECORD = '养老顾问和健康管理记录由社区、街道和民政部门工作人员登记。';
const OUT = '这个社区不在您的管辖范围内。';

export const GOAL_ROWS = {
  programmeGoals: { roles: STAFF, refusal: VIEW },
  setGoalProgress: { roles: OFFICIALS, refusal: SET },
  appointCareAdvisor: { roles: OFFICIALS, refusal: RECORD, outOfScopeMessage: OUT },
  recordHealthManagement: { roles: OFFICIALS, refusal: RECORD, outOfScopeMessage: ELDER_OUT },
} satisfies Record<string, Rule>;
