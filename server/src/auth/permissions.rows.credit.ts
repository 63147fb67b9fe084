// The permission table's rows for credit records (信用体系, 002 二(三)10; issue 21 part B).
import type { Rule } from './permissions.types.js';
import { DISTRICT, PUBLIC, STAFF } from './permissions.roles.js';

const SUBJECTS = { ELDER: 'SELF', CAREGIVER: 'OWN_ACCOUNT', PROVIDER_ADMIN: 'PROVIDER' } as const;
const READ = '信用档案由当事人（老人本人、护理员本人、服务机构）和辖区的社区、街道、民政部门及热线查看。';
const APPEAL = '信用记录只能由当事人（老人本人、护理员本人或服务机构）申诉。';
const RECORD = '信用事件由街道或区（县）民政部门登记（002 二(三)10）。';
const DECIDE = '信用申诉由区（县）民政部门处理（002 二(三)10）。';

export const CREDIT_ROWS = {
  creditRecord: { roles: { ...SUBJECTS, ...STAFF }, refusal: READ },
  // 红黑名单 are public (002 二(三)10 及时公布): providers' names and scores only.
  creditPublicList: PUBLIC,
  creditAppeals: { roles: DISTRICT, refusal: DECIDE },
  recordCreditEvent: { roles: { STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' }, refusal: RECORD },
  appealCreditEvent: { roles: SUBJECTS, refusal: APPEAL },
  decideCreditAppeal: { roles: DISTRICT, refusal: DECIDE },
} satisfies Record<string, Rule>;
