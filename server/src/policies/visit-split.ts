// 001 三(三) 每月4小时（要分次进行）: the monthly time must be spread over at least
// `minVisitsPerMonth` visits. Enforced per order: one visit may use at most the monthly time minus
// (minVisitsPerMonth - 1) shortest visits, so the rest needs another visit. Pure: the document and
// the order's item and quantity in, a verdict out.
import type { PolicyDocument } from './policy.schema.js';

type Item = PolicyDocument['serviceGuide']['items'][number];

/** The most minutes one visit of this item may book, or null where the programme sets no split. */
export function maxMinutesPerVisit(doc: PolicyDocument, item: Pick<Item, 'mode' | 'unitMinutes'>): number | null {
  const visits = doc.allowance.minVisitsPerMonth;
  const split = doc.allowance.visitSplit;
  if (!visits || visits < 2 || !split || !item.unitMinutes) return null;
  // Only the time bucket is split: it is the one the clause counts in hours.
  const hours = doc.allowance.buckets.find((b) => b.unit === 'MINUTE' && b.pays.includes(item.mode));
  if (!hours) return null;
  return Math.max(split.minVisitMinutes, hours.amount - (visits - 1) * split.minVisitMinutes);
}

export type VisitSplitVerdict =
  { ok: true } | { ok: false; maxMinutes: number; maxQuantity: number; message: string; source: string };

export function checkVisitSplit(
  doc: PolicyDocument,
  item: Pick<Item, 'mode' | 'unitMinutes'>,
  quantity: number,
): VisitSplitVerdict {
  const max = maxMinutesPerVisit(doc, item);
  if (max === null || quantity * item.unitMinutes! <= max) return { ok: true };
  const maxQuantity = Math.floor(max / item.unitMinutes!);
  const hours = (m: number) => (m % 60 === 0 ? `${m / 60} 小时` : `${m} 分钟`);
  const monthly = doc.allowance.buckets.find((b) => b.unit === 'MINUTE')!.amount;
  return {
    ok: false,
    maxMinutes: max,
    maxQuantity,
    source: doc.allowance.visitSplit!.source,
    message:
      `每月 ${hours(monthly)}服务要分 ${doc.allowance.minVisitsPerMonth} 次以上进行` +
      `（${doc.allowance.visitSplit!.source}），一次最多预约 ${hours(max)}，请把数量改为 ${maxQuantity} 以内，其余另约一次。`,
  };
}
