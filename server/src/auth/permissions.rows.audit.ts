// The permission table's row for reading the audit log (issue 24: the console's 审计 page).
import type { Rule } from './permissions.types.js';
import { DISTRICT } from './permissions.roles.js';

export const AUDIT_ROWS = {
  // The district answers for what was done in its area: entries by accounts of its region.
  auditLog: { roles: DISTRICT, refusal: '审计日志由区（县）民政部门查看。' },
} satisfies Record<string, Rule>;
