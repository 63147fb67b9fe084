// The permission table's rows for family care beds (家庭养老床位, 004 五(二)) and home-visit agreements.
import type { Rule } from './permissions.types.js';

const OFFICIALS = { COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' } as const;
const STREET_AND_DISTRICT = { STREET_OFFICER: 'REGION', DISTRICT_ADMIN: 'REGION' } as const;
const DISTRICT = { DISTRICT_ADMIN: 'REGION' } as const;
const BUILDER = { PROVIDER_ADMIN: 'PROVIDER' } as const;
const BED_OUT = '这张家庭养老床位不在您的办理范围内。';
const BUILDERS = '评估设计、施工和前后对比档案由区市确定的家庭养老床位建设服务机构办理。';

export const CAREBED_ROWS = {
  careBeds: {
    roles: { ...OFFICIALS, PROVIDER_ADMIN: 'PROVIDER', QA_AGENCY: 'QA_AGENCY' },
    refusal: '家庭养老床位由社区、街道、区市民政部门、建设服务机构和验收机构查看。',
  },
  careBed: {
    roles: { ...OFFICIALS, PROVIDER_ADMIN: 'PROVIDER', QA_AGENCY: 'QA_AGENCY' },
    refusal: '家庭养老床位由社区、街道、区市民政部门、建设服务机构和验收机构查看。',
    outOfScopeMessage: BED_OUT,
  },
  // 五(二)2: 老年人向所在街道（镇）提出申请; the community or street files 附件3 for them.
  applyCareBed: {
    roles: { COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION' },
    refusal: '家庭养老床位建设申请由社区（村）或街道（镇）受理。',
  },
  recordCareBedAssessment: {
    roles: STREET_AND_DISTRICT,
    refusal: '能力评估结果由街道（镇）或区市民政部门录入。',
    outOfScopeMessage: BED_OUT,
  },
  reviewCareBed: {
    roles: STREET_AND_DISTRICT,
    refusal: '家庭养老床位由街道（镇）初审、区市民政部门审核备案。',
    outOfScopeMessage: BED_OUT,
  },
  publishCareBed: {
    roles: DISTRICT,
    refusal: '公示和确定建设服务机构由区市民政部门办理。',
    outOfScopeMessage: BED_OUT,
  },
  designCareBed: { roles: BUILDER, refusal: BUILDERS, outOfScopeMessage: BED_OUT },
  // 附件4: the elder or guardian and a family member sign; the community records the signed form.
  confirmCareBed: {
    roles: { COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION' },
    refusal: '建设项目确认表由社区（村）或街道（镇）工作人员录入老人和家属的签字结果。',
    outOfScopeMessage: BED_OUT,
  },
  startCareBedConstruction: { roles: BUILDER, refusal: BUILDERS, outOfScopeMessage: BED_OUT },
  recordCareBedPhotos: { roles: BUILDER, refusal: BUILDERS, outOfScopeMessage: BED_OUT },
  completeCareBed: { roles: BUILDER, refusal: BUILDERS, outOfScopeMessage: BED_OUT },
  requestCareBedAcceptance: { roles: BUILDER, refusal: BUILDERS, outOfScopeMessage: BED_OUT },
  // 五(二)6: 市级民政部门统一组织第三方机构验收.
  acceptCareBed: {
    roles: { QA_AGENCY: 'QA_AGENCY' },
    refusal: '家庭养老床位由市级民政部门组织的第三方机构验收。',
    outOfScopeMessage: BED_OUT,
  },
  archiveCareBed: { roles: DISTRICT, refusal: '一户一档由区市民政部门归档。', outOfScopeMessage: BED_OUT },
  // 五(四)、七(二): 收回已发放的项目资金.
  clawBackCareBed: { roles: DISTRICT, refusal: '收回项目资金由区市民政部门办理。', outOfScopeMessage: BED_OUT },
  // 004 三(一): the builder installs the smart devices; the district may register or replace their secret.
  registerCareBedDevice: {
    roles: { ...BUILDER, ...DISTRICT },
    refusal: '智能设备由床位的建设服务机构或区市民政部门登记。',
    outOfScopeMessage: BED_OUT,
  },
  rotateCareBedDeviceSecret: {
    roles: { ...BUILDER, ...DISTRICT },
    refusal: '智能设备密钥由床位的建设服务机构或区市民政部门更换。',
    outOfScopeMessage: BED_OUT,
  },
  // 004 五(二)3: the agreement is recorded by the community or street, reviewed by the street, filed by the district.
  visitAgreements: {
    roles: { ...OFFICIALS, PROVIDER_ADMIN: 'PROVIDER' },
    refusal: '服务协议由社区、街道、区市民政部门和承接的服务机构查看。',
    outOfScopeMessage: '这位老人不在您的服务范围内。',
  },
  signVisitAgreement: {
    roles: { COMMUNITY_WORKER: 'REGION', STREET_OFFICER: 'REGION' },
    refusal: '服务协议由社区（村）或街道（镇）工作人员录入。',
    outOfScopeMessage: '这位老人不在您的服务范围内。',
  },
  reviewVisitAgreement: {
    roles: STREET_AND_DISTRICT,
    refusal: '服务协议由街道（镇）审查、区市民政部门核定备案。',
    outOfScopeMessage: '这位老人不在您的服务范围内。',
  },
  // 004 七(三), 附件7: the 金民 reports, for the district (and the street for its own beds).
  'GET /exports/carebeds': { roles: STREET_AND_DISTRICT, refusal: '金民报表由街道（镇）或区市民政部门导出。' },
} satisfies Record<string, Rule>;
