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

const UNIT_WORD: Record<string, string> = { PER_HOUR: '小时', PER_60_MIN: '小时', PER_MEAL: '份', PER_VISIT: '次' };

/**
 * The most units one visit may book (issue 25: 20 hours in one visit was accepted): the item's own
 * `perVisit.maxQuantity`, and where the programme splits its monthly hours, what the split leaves.
 */
export function maxQuantityPerVisit(
  doc: PolicyDocument,
  item: Pick<Item, 'mode' | 'unitMinutes' | 'perVisit'>,
): number | null {
  const split = maxMinutesPerVisit(doc, item);
  const limits = [item.perVisit?.maxQuantity, split === null ? undefined : Math.floor(split / item.unitMinutes!)];
  const set = limits.filter((n): n is number => n !== undefined);
  return set.length ? Math.min(...set) : null;
}

export type VisitMaximumVerdict = { ok: true } | { ok: false; maxQuantity: number; source: string; message: string };

/** Whether `quantity` units fit in one visit of `item` by the item's own maximum (`perVisit.maxQuantity`). */
export function checkVisitMaximum(
  item: Pick<Item, 'name' | 'unit' | 'perVisit'>,
  quantity: number,
): VisitMaximumVerdict {
  const max = item.perVisit?.maxQuantity;
  if (max === undefined || quantity <= max) return { ok: true };
  const source = item.perVisit!.source;
  return {
    ok: false,
    maxQuantity: max,
    source,
    message:
      `${item.name}一次最多预约 ${max} ${UNIT_WORD[item.unit] ?? '份'}（${source}），` +
      `请把数量改为 ${max} 以内，其余另约一次。`,
  };
}
