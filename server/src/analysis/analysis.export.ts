// The analysis as an XLSX sheet (002 二(五)13): one row per area and month, through common/table-stream.ts.
import type { Writable } from 'node:stream';
import type { Actor } from '../auth/index.js';
import type { PrismaClient } from '../db/prisma.js';
import { streamTable } from '../common/table-stream.js';
import { METRICS, METRIC_LABELS, areaAnalysis } from './analysis.service.js';

export async function analysisHeader(
  prisma: PrismaClient,
  actor: Actor,
  input: { regionCode?: string | null; fromMonth: string; toMonth: string },
  now: Date,
) {
  // Computed (and refused) before the response starts, so a refusal is still a JSON error.
  return areaAnalysis(prisma, actor, input, now);
}

export async function writeAnalysisXlsx(analysis: Awaited<ReturnType<typeof areaAnalysis>>, out: Writable) {
  const header = ['地区代码', '地区', '月份', ...METRICS.map((m) => METRIC_LABELS[m]), '支出占预算（%）', '平均评分'];
  const rows = analysis.areas.flatMap((a) =>
    a.months.map((m) => [
      a.regionCode,
      a.name,
      m.month,
      ...METRICS.map((k) => m[k]),
      m.spendingPercent ?? '',
      m.averageStars ?? '',
    ]),
  );
  await streamTable('xlsx', out, '大数据分析', rows, header);
}
