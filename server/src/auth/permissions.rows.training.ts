// The permission table's rows for training and education (issue 21; 002 二(二)6, 二(五)15, 二(七)22).
import type { Rule } from './permissions.types.js';
import { ELDER_OUT, OFFICIALS } from './permissions.roles.js';

const TRAINING = '培训和宣传教育活动由社区、街道和民政部门工作人员登记。';
const OUT = '这个社区不在您的管辖范围内。';

export const TRAINING_ROWS = {
  createTrainingSession: { roles: OFFICIALS, refusal: TRAINING, outOfScopeMessage: OUT },
  recordTrainingAttendance: { roles: OFFICIALS, refusal: TRAINING, outOfScopeMessage: OUT },
  announceTrainingSession: { roles: OFFICIALS, refusal: TRAINING, outOfScopeMessage: OUT },
  recordCarerTraining: { roles: OFFICIALS, refusal: TRAINING, outOfScopeMessage: ELDER_OUT },
} satisfies Record<string, Rule>;
