// The permission table's rows for one-tap help from the mini-program (issue 25; 000 四 线上服务表).
import type { Rule } from './permissions.types.js';
import { HOUSEHOLD, STAFF, ELDER_OUT } from './permissions.roles.js';

export const HELP_ROWS = {
  helpDesk: {
    roles: { ...HOUSEHOLD, ...STAFF },
    refusal: '一键呼叫号码给老人、关联家属和社区、热线工作人员查看。',
    outOfScopeMessage: ELDER_OUT,
  },
  // The elder or their family asks for help; staff who take a call record it on the alert itself.
  callForHelp: {
    roles: HOUSEHOLD,
    refusal: '一键求助由老人本人或关联家属发起；工作人员接到求助请在告警中记录处理结果。',
    outOfScopeMessage: ELDER_OUT,
  },
} satisfies Record<string, Rule>;
