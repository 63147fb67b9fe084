// The care-bed money rules, pure: every figure comes from the programme's `careBeds` section (004 四(一),
// 三(一), 附件1), so no rule here names a programme.
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PolicyDocument } from '../policies/index.js';
import { yuanText as yuan } from '../common/money.js';

type CareBeds = NonNullable<PolicyDocument['careBeds']>;
export interface DesignLine {
  itemCode: string;
  model: string;
  quantity: number;
  estimateFen: number;
}
export interface PricedLine extends DesignLine {
  itemNo: number;
  kind: 'ADAPTATION' | 'AID' | 'SMART';
}

/** 附件6 家庭代表意见, in the form's words. */
export const SATISFACTION_LABEL: Record<string, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  UNSATISFIED: '不满意',
};

// Amounts in refusals read as "1000 元" (common/money.ts).
export { yuan };

/** The programme's care-bed section, or the refusal for a programme without one. */
export function careBedsOf(doc: PolicyDocument): CareBeds {
  return doc.careBeds ?? fail(ErrorCode.NOT_ELIGIBLE, `${doc.name}不包含家庭养老床位建设。`);
}

/** Checks each line against the catalogue and sums the amounts by kind. */
export function priceDesign(c: CareBeds, lines: readonly DesignLine[]) {
  if (!lines.length) throw badInput('lines', '请至少填写一项建设项目。');
  const seen = new Set<string>();
  const priced: PricedLine[] = lines.map((l, i) => {
    const item = c.catalogue.find((x) => x.code === l.itemCode);
    if (!item) throw badInput('itemCode', `第 ${i + 1} 项“${l.itemCode}”不在建设建议清单（附件1）中。`);
    if (seen.has(l.itemCode)) throw badInput('itemCode', `“${item.name}”填了两次，请合并为一项。`);
    seen.add(l.itemCode);
    if (!l.model.trim()) throw badInput('model', `请填写“${item.name}”的建设项目及设备型号。`);
    if (!Number.isInteger(l.quantity) || l.quantity < 1) throw badInput('quantity', `“${item.name}”的数量须为正整数。`);
    if (!Number.isInteger(l.estimateFen) || l.estimateFen < 0)
      throw badInput('estimateFen', `“${item.name}”的预计费用须为不小于 0 的整数（分）。`);
    return { ...l, itemNo: item.no, kind: item.kind };
  });
  const sum = (k: PricedLine['kind']) => priced.filter((l) => l.kind === k).reduce((s, l) => s + l.estimateFen, 0);
  const amounts = { adaptationFen: sum('ADAPTATION'), aidFen: sum('AID'), smartFen: sum('SMART') };
  return { lines: priced, ...amounts, totalFen: amounts.adaptationFen + amounts.aidFen + amounts.smartFen };
}

/** 004 四(一): smart devices at most the cap per household; a hard limit at design and at acceptance. */
export function assertSmartCap(c: CareBeds, smartFen: number) {
  if (smartFen > c.smartCapFen)
    fail(
      ErrorCode.SMART_CAP_EXCEEDED,
      `智能化改造合计 ${yuan(smartFen)}，超过每户 ${yuan(c.smartCapFen)}的上限（${c.smartCapSource}），` +
        `请减少 ${yuan(smartFen - c.smartCapFen)}后再提交。`,
    );
}

/** 004 三(一): every smart bed has network, emergency call and activity monitoring. */
export function assertRequiredLines(c: CareBeds, lines: readonly PricedLine[]) {
  const missing = c.catalogue.filter((i) => i.required && !lines.some((l) => l.itemCode === i.code));
  if (missing.length)
    throw badInput(
      'lines',
      `家庭养老床位须安装${missing.map((m) => m.name).join('、')}（${c.requiredSource}），请补充后再提交。`,
    );
}

/**
 * 004 四(一): where adaptation is already on record, only top-ups: the new adaptation may not exceed
 * what is missing, taken as the programme's average less what was already spent (补差).
 */
export function assertTopUpOnly(c: CareBeds, priorAdaptationFen: number, adaptationFen: number) {
  if (priorAdaptationFen <= 0) return;
  const room = Math.max(0, c.averageCapFen - c.smartCapFen - priorAdaptationFen);
  if (adaptationFen > room)
    throw badInput(
      'lines',
      `这户已享受过 ${yuan(priorAdaptationFen)}的适老化改造，不重复改造，只能补差（${c.repeatSource}）：` +
        `本次适老化改造最多 ${yuan(room)}，现为 ${yuan(adaptationFen)}。`,
    );
}

/**
 * 004 四(一) 平均每户不超过: the district's beds on average, with this one, stay within the cap. A
 * household may exceed it while the average holds.
 */
export function assertAverage(
  c: CareBeds,
  portfolio: { count: number; totalFen: number },
  thisFen: number,
  districtName: string,
) {
  const current = portfolio.count ? Math.round(portfolio.totalFen / portfolio.count) : 0;
  const projected = Math.round((portfolio.totalFen + thisFen) / (portfolio.count + 1));
  if (projected > c.averageCapFen)
    fail(
      ErrorCode.BED_AVERAGE_EXCEEDED,
      `${districtName}现有 ${portfolio.count} 户家庭养老床位，户均 ${yuan(current)}；本户 ${yuan(thisFen)}计入后` +
        `户均 ${yuan(projected)}，超过户均 ${yuan(c.averageCapFen)}的上限（${c.averageCapSource}）。请压减本户费用。`,
      { currentAverageFen: current, projectedAverageFen: projected },
    );
  return projected;
}

/** 004 二: the queue's order: the first priority flag the elder holds, others last. */
export function priorityRank(c: CareBeds, flags: readonly string[]) {
  const i = c.priority.findIndex((f) => flags.includes(f));
  return i < 0 ? c.priority.length + 1 : i + 1;
}

/** 004 三(一): owned, or lived in for the minimum months; safe, adaptable, not due for demolition. */
export function assertHousing(
  c: CareBeds,
  h: {
    tenure: string;
    residenceMonths?: number | null;
    housingSafe: boolean;
    housingAdaptable: boolean;
    notDueForDemolition: boolean;
  },
) {
  if (h.tenure === 'RESIDENT' && (h.residenceMonths ?? 0) < c.minResidenceMonths)
    throw badInput(
      'residenceMonths',
      `没有房屋产权的，须在拟改造住房长期居住 ${c.minResidenceMonths} 个月以上（${c.housingSource}）。`,
    );
  if (!h.housingSafe || !h.housingAdaptable || !h.notDueForDemolition)
    throw badInput(
      'housingSafe',
      `拟改造的住房须符合质量安全相关标准、具备基础改造条件，且没有纳入拆迁规划（${c.housingSource}）。`,
    );
}
