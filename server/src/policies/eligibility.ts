// Evaluates a programme's eligibility rules against an elder's facts and explains the answer in
// Chinese: which category matched, or why each did not. Pure; the enrolment area feeds it data.
import { ageOn } from '../common/calendar.js';
import type { EligibilityCondition, PolicyDocument } from './policy.schema.js';

export interface ElderFacts {
  birthDate: string; // YYYY-MM-DD
  flags: readonly string[];
  selfCareAbility: string;
  hukouInRegion: boolean;
  livesInRegion: boolean;
  /** A professional capability assessment is on file. */
  hasCapabilityAssessment: boolean;
  /** The Asia/Shanghai day to judge on. */
  today: string;
}

export type EligibilityVerdict =
  | {
      eligible: true;
      category: string;
      categoryName: string;
      intake: 'APPLICATION' | 'REGISTRY_SCREENING';
      explanation: string;
    }
  | { eligible: false; reasons: string[]; explanation: string };

const FLAG_NAMES: Record<string, string> = {
  LOW_INCOME: '低保',
  EXTREME_POVERTY: '特困',
  SCATTERED_SUPPORT: '分散供养',
  LOST_ONLY_CHILD: '失独',
  ONLY_CHILD_DISABLED_GRADE_2_PLUS: '独生子女二级以上残疾',
  DISABILITY_GRADE_1_2: '一、二级残疾',
  LONG_TERM_CARE_INSURANCE: '享受长期护理保险',
  LOW_INCOME_MARGINAL: '低保边缘家庭',
  ECONOMIC_HARDSHIP: '经济困难',
};
const SELF_CARE_NAMES: Record<string, string> = { SELF_CARE: '自理', PARTIAL: '半自理', DISABLED: '失能' };

/** Why a condition fails, or null when it holds. */
function conditionFailure(c: EligibilityCondition, facts: ElderFacts, age: number): string | null {
  if (age < c.minAge) return `年龄 ${age} 周岁，未满 ${c.minAge} 周岁`;
  if (c.maxAge !== undefined && age > c.maxAge) return `年龄 ${age} 周岁，超过 ${c.maxAge} 周岁`;
  const missing = c.flagsAll.filter((f) => !facts.flags.includes(f));
  if (missing.length) return `不是${missing.map((f) => FLAG_NAMES[f] ?? f).join('、')}对象`;
  if (c.selfCareIn && !c.selfCareIn.includes(facts.selfCareAbility as never)) {
    return (
      `自理能力为“${SELF_CARE_NAMES[facts.selfCareAbility] ?? facts.selfCareAbility}”，须` +
      `为“${c.selfCareIn.map((s) => SELF_CARE_NAMES[s]).join('或')}”`
    );
  }
  if (c.requiresAssessment && !facts.hasCapabilityAssessment) return '尚无专业机构的能力评估记录';
  return null;
}

/** With `onlyCategory`, judges that one category (an application naming its category). */
export function evaluateEligibility(doc: PolicyDocument, facts: ElderFacts, onlyCategory?: string): EligibilityVerdict {
  const age = ageOn(facts.birthDate, facts.today);
  const reasons: string[] = [];
  if (age < doc.eligibility.minAge) reasons.push(`年龄 ${age} 周岁，未满 ${doc.eligibility.minAge} 周岁`);
  if (doc.eligibility.hukouInRegion && !facts.hukouInRegion) reasons.push(`户籍不在${doc.region.name}`);
  if (doc.eligibility.livesInRegion && !facts.livesInRegion) reasons.push(`未在${doc.region.name}（户籍地）实际居住`);
  for (const ex of doc.eligibility.exclusions) {
    if (facts.flags.includes(ex.flag)) reasons.push(ex.reason);
  }
  if (reasons.length) return { eligible: false, reasons, explanation: `不符合条件：${reasons.join('；')}。` };

  const matched: { code: string; name: string; intake: 'APPLICATION' | 'REGISTRY_SCREENING'; fallback: boolean }[] = [];
  const categories = onlyCategory
    ? doc.eligibility.categories.filter((c) => c.code === onlyCategory)
    : doc.eligibility.categories;
  if (!categories.length)
    return {
      eligible: false,
      reasons: [`本项目没有“${onlyCategory}”这一类别`],
      explanation: `本项目没有“${onlyCategory}”这一类别。`,
    };
  for (const cat of categories) {
    const failures = cat.conditions.map((c) => conditionFailure(c, facts, age));
    const hit = cat.conditions.find((_, i) => failures[i] === null);
    if (hit) matched.push({ code: cat.code, name: cat.name, intake: hit.intake, fallback: cat.onlyIfNoOtherCategory });
    else reasons.push(`${cat.name}：${[...new Set(failures)].join('，或')}`);
  }
  if (onlyCategory && matched[0]?.fallback) {
    const other = doc.eligibility.categories.find(
      (c) => c.code !== onlyCategory && evaluateEligibility(doc, facts, c.code).eligible,
    );
    if (other) {
      const why = `应按“${other.name}”申请（“${matched[0].name}”只适用于不属于其他类别的老人）`;
      return { eligible: false, reasons: [why], explanation: `${why}。` };
    }
  }
  const primary = matched.find((m) => !m.fallback) ?? matched[0];
  if (!primary) return { eligible: false, reasons, explanation: `不符合任何服务对象类别：${reasons.join('；')}。` };
  return {
    eligible: true,
    category: primary.code,
    categoryName: primary.name,
    intake: primary.intake,
    explanation: `符合“${primary.name}”。`,
  };
}
