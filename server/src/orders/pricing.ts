// How an order is paid: subsidy first from the bucket that pays for the item's mode, the rest
// self-paid (000 四: 超出政府补贴额度的服务费用需老人自行支付; 001 三(三): 4 hours a month at no
// more than 35 元 an hour). Pure: the service reads balances, this decides the split.
import type { PolicyDocument } from '../policies/policy.schema.js';

type Item = PolicyDocument['serviceGuide']['items'][number];
type Bucket = PolicyDocument['allowance']['buckets'][number];

export interface Split {
  amountFen: number;
  /** Money taken from a FEN subsidy bucket. */
  subsidyFen: number;
  /** Minutes taken from a MINUTE bucket (Yangcheng hours). */
  subsidyMinutes: number;
  /** What the subsidy minutes are worth at the programme's hourly cap, for settlement. */
  subsidyMinutesValueFen: number;
  selfPaidFen: number;
  holds: { kind: Bucket['accountKind'] | 'SELF_PAID'; amount: number }[];
  /** Set when the elder cannot pay: how much self-paid money is missing, in fen. */
  shortFen: number;
}

/** available: what each of the elder's accounts has free now (balance − held). */
export function priceOrder(doc: PolicyDocument, item: Item, quantity: number, available: Partial<Record<string, number>>): Split {
  const unitPrice = item.priceFen ?? 0;
  const amountFen = unitPrice * quantity;
  const bucket = doc.allowance.buckets.find((b) => b.pays.includes(item.mode));
  const split: Split = { amountFen, subsidyFen: 0, subsidyMinutes: 0, subsidyMinutesValueFen: 0, selfPaidFen: 0, holds: [], shortFen: 0 };
  let rest = amountFen;
  if (bucket && bucket.unit === 'FEN') {
    const take = Math.min(rest, Math.max(0, available[bucket.accountKind] ?? 0));
    if (take > 0) split.holds.push({ kind: bucket.accountKind, amount: take });
    split.subsidyFen = take;
    rest -= take;
  } else if (bucket && bucket.unit === 'MINUTE' && item.unitMinutes) {
    // Hours are paid in minutes; each subsidised hour is worth at most the programme's cap and
    // anything the item costs above the cap is the elder's (001 三(三)).
    const minutes = Math.min(item.unitMinutes * quantity, Math.max(0, available[bucket.accountKind] ?? 0));
    if (minutes > 0) split.holds.push({ kind: bucket.accountKind, amount: minutes });
    const perHour = Math.min(unitPrice, bucket.maxRateFenPerHour ?? unitPrice);
    split.subsidyMinutes = minutes;
    split.subsidyMinutesValueFen = Math.round((minutes * perHour) / 60);
    rest -= split.subsidyMinutesValueFen;
  }
  if (rest > 0) {
    if (!doc.allowance.overagePaidByElder) {
      split.shortFen = rest;
      return split;
    }
    const own = Math.max(0, available.SELF_PAID ?? 0);
    split.selfPaidFen = rest;
    if (own < rest) split.shortFen = rest - own;
    else split.holds.push({ kind: 'SELF_PAID', amount: rest });
  }
  return split;
}
