// The permission table's rows for the 12349 hotline, inspections and supervision (issue 20; 003 二(二)2,
// 三(三), 四(一), 四(三)).
import type { Rule } from './permissions.types.js';
import { DISTRICT, OFFICIALS, STAFF } from './permissions.roles.js';

const HOTLINE = '热线来电由 12349 热线坐席登记。';
const HOTLINE_VIEW = '热线来电由热线坐席和社区、街道、民政部门查看。';
const HOTLINE_OUT = '这通来电不在您这一级热线的辖区内。';
const INSPECT = '设施检查和整改由区（县）民政部门登记（003 四(一)、四(三)）。';
const OUT = '这个设施不在您的管辖范围内。';
const SUPERVISE = '星级评定、通报批评、取消服务资格和表彰由民政部门办理（003 四(三)）。';

export const SUPERVISION_ROWS = {
  recordHotlineCall: { roles: { OPERATOR: 'REGION' }, refusal: HOTLINE, outOfScopeMessage: HOTLINE_OUT },
  hotlineCalls: { roles: STAFF, refusal: HOTLINE_VIEW },
  hotlineReport: { roles: STAFF, refusal: HOTLINE_VIEW },
  inspectFacility: { roles: DISTRICT, refusal: INSPECT, outOfScopeMessage: OUT },
  recordRectification: { roles: DISTRICT, refusal: INSPECT, outOfScopeMessage: OUT },
  starRatings: { roles: STAFF, refusal: SUPERVISE },
  // 通报批评 is published (003 四(三) 将结果定期通报): the provider sees its own records.
  supervisionRecords: { roles: { ...OFFICIALS, OPERATOR: 'REGION', PROVIDER_ADMIN: 'PROVIDER' }, refusal: SUPERVISE },
  recordSupervision: { roles: DISTRICT, refusal: SUPERVISE, outOfScopeMessage: '这家机构或设施不在您的管辖范围内。' },
} satisfies Record<string, Rule>;
