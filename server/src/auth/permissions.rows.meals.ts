// The permission table's rows for meal service, its subsidy and food safety (issue 21; 002 二(二)7, 二(七)22).
import type { Rule } from './permissions.types.js';
import { DISTRICT, STAFF } from './permissions.roles.js';

const MEALS = '助餐登记由社区、街道工作人员和运营食堂的服务机构办理。';
const SUMMARY = '助餐情况由社区、街道、民政部门、热线工作人员和运营食堂的服务机构查看。';
const SAFETY = '食品安全检查、整改和明厨亮灶由区民政部门会同市场监管部门登记（002 二(七)22）。';
const SUBSIDY = '老年助餐运营补助由区民政会同财政部门核拨（002 二(二)7）。';
const OUT = '这个设施不在您的管辖范围内。';

export const MEAL_ROWS = {
  recordMeal: {
    roles: { COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION', PROVIDER_ADMIN: 'PROVIDER' },
    refusal: MEALS,
    outOfScopeMessage: OUT,
  },
  mealSummary: { roles: { ...STAFF, PROVIDER_ADMIN: 'PROVIDER' }, refusal: SUMMARY, outOfScopeMessage: OUT },
  inspectFoodSafety: { roles: DISTRICT, refusal: SAFETY, outOfScopeMessage: OUT },
  recordFoodSafetyFix: { roles: DISTRICT, refusal: SAFETY, outOfScopeMessage: OUT },
  setKitchenCamera: { roles: DISTRICT, refusal: SAFETY, outOfScopeMessage: OUT },
  accrueMealSubsidy: { roles: DISTRICT, refusal: SUBSIDY, outOfScopeMessage: OUT },
} satisfies Record<string, Rule>;
