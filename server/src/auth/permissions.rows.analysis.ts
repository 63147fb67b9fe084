// The permission table's rows for the public directory (002 二(三)10) and the analysis by area (002 二(五)13).
import type { Rule } from './permissions.types.js';
import { OFFICIALS, PUBLIC } from './permissions.roles.js';

const ANALYSIS = '大数据分析由社区、街道和区（县）民政部门查看本辖区（002 二(五)13）。';

export const ANALYSIS_ROWS = {
  // 信息公开: facilities, providers and their duties, procedures and standards, for anyone.
  publicDirectory: PUBLIC,
  areaAnalysis: { roles: OFFICIALS, refusal: ANALYSIS, outOfScopeMessage: '这个地区不在您的辖区内。' },
  'GET /exports/analysis': { roles: OFFICIALS, refusal: ANALYSIS, outOfScopeMessage: '这个地区不在您的辖区内。' },
} satisfies Record<string, Rule>;
