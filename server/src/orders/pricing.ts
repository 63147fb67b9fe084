// How an order is paid: subsidy first from the bucket that pays for the item's mode, the rest
// self-paid (000 四: 超出政府补贴额度的服务费用需老人自行支付; 001 三(三): 4 hours a month at no
// more than 35 元 an hour). The item's price is the provider's own where it has a price list
// (001 五(二)2): 35 元 is the subsidy's ceiling, so a price above it is split, the subsidy paying
// up to the cap and the elder the rest. Pure: the service reads balances, this decides the split.
import type { PolicyDocument } from '../policies/index.js';

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
export function priceOrder(
  doc: PolicyDocument,
  item: Item,
  quantity: number,
  available: Partial<Record<string, number>>,
): Split {
  const unitPrice = item.priceFen ?? 0;
  const amountFen = unitPrice * quantity;
  const bucket = doc.allowance.buckets.find((b) => b.pays.includes(item.mode));
  const split: Split = {
    amountFen,
    subsidyFen: 0,
    subsidyMinutes: 0,
    subsidyMinutesValueFen: 0,
    selfPaidFen: 0,
    holds: [],
    shortFen: 0,
  };
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

export interface HeldPart {
  holdId: string;
  kind: Bucket['accountKind'] | 'SELF_PAID';
  unit: 'FEN' | 'MINUTE';
  amount: number;
}

export interface VisitCharge {
  /** Hourly items: the minutes paid for (measured, rounded up to the programme's step, never above the booking). */
  payableMinutes: number | null;
  /** What the visit costs in money, with subsidy minutes at their value. */
  chargedFen: number;
  /** How much of each hold is charged; the rest of each is freed. */
  parts: { holdId: string; amount: number }[];
}

const HOURLY = ['PER_HOUR', 'PER_60_MIN'];

/**
 * What a confirmed visit charges. An item sold per visit, meal or month charges its holds in full.
 * An hourly item charges measured time (000 七 按实际服务情况据实结算; 001 三(三) hours): the subsidy
 * pays first, as it did at booking, so a visit shorter than booked frees self-paid money first.
 */
export function chargeForVisit(
  doc: PolicyDocument,
  item: Item,
  order: { quantity: number; amountFen: number },
  holds: HeldPart[],
  measuredMinutes: number | null,
): VisitCharge {
  if (!HOURLY.includes(item.unit) || !item.unitMinutes || measuredMinutes === null) {
    return {
      payableMinutes: null,
      chargedFen: order.amountFen,
      parts: holds.map((h) => ({ holdId: h.holdId, amount: h.amount })),
    };
  }
  const booked = item.unitMinutes * order.quantity;
  const step = doc.visits.hourlyChargeStepMinutes;
  const payableMinutes = Math.min(booked, Math.ceil(Math.max(1, measuredMinutes) / step) * step);
  const chargedFen = Math.round((order.amountFen * payableMinutes) / booked);
  const bucket = doc.allowance.buckets.find((b) => b.pays.includes(item.mode));
  // The order's own unit price (the provider's price list, 001 五(二)2), capped as at booking.
  const unitPrice = order.quantity > 0 ? Math.round(order.amountFen / order.quantity) : (item.priceFen ?? 0);
  const perHour = Math.min(unitPrice, bucket?.maxRateFenPerHour ?? unitPrice);
  let minutesLeft = payableMinutes;
  let fenLeft = chargedFen;
  const ordered = [...holds.filter((h) => h.kind !== 'SELF_PAID'), ...holds.filter((h) => h.kind === 'SELF_PAID')];
  const parts = ordered.map((h) => {
    if (h.unit === 'MINUTE') {
      const used = Math.min(h.amount, minutesLeft);
      minutesLeft -= used;
      fenLeft -= Math.round((used * perHour) / 60);
      return { holdId: h.holdId, amount: used };
    }
    const used = Math.min(h.amount, Math.max(0, fenLeft));
    fenLeft -= used;
    return { holdId: h.holdId, amount: used };
  });
  return { payableMinutes, chargedFen, parts };
}

/**
 * A visit under a home-visit agreement (004 三(二), 五(二)3): the agreed price, paid in full by the project
 * once confirmed (五(五)); nothing is held in the elder's wallet and nothing is self-paid.
 */
export function agreementSplit(priceFen: number, quantity: number): Split {
  const amountFen = priceFen * quantity;
  return {
    amountFen,
    subsidyFen: amountFen,
    subsidyMinutes: 0,
    subsidyMinutesValueFen: 0,
    selfPaidFen: 0,
    holds: [],
    shortFen: 0,
  };
}
