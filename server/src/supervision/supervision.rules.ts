// The star rating's pure arithmetic (003 四(三) 星级评定, 科学量化的考评机制): a facility's and a provider's
// score from the programme's criteria (policy.oversight.ts), and the stars a score earns.
import type { OversightPolicy } from '../policies/index.js';

export type StarRule = NonNullable<OversightPolicy['starRating']>;

export interface Criterion {
  code: string;
  label: string;
  points: number;
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

/** The stars of the highest band whose minimum the score reaches (bands run high to low, the last from 0). */
export const starsFor = (rule: StarRule, score: number) => rule.stars.find((b) => score >= b.minScore)!.stars;

/** 六有 rooms present, the area tier met, rectifications on time (003 二(一)1, 二(一)2, 四(一)). */
export function facilityScore(
  rule: StarRule,
  f: { roomsPresent: number; tierCompliant: boolean; lateOrOverdue: number },
): { score: number; criteria: Criterion[] } {
  const r = rule.facility;
  const criteria: Criterion[] = [
    {
      code: 'ROOMS',
      label: `“六有”功能用房 ${f.roomsPresent} 项`,
      points: Math.min(6, f.roomsPresent) * r.perRoomPresent,
    },
    {
      code: 'AREA_TIER',
      label: f.tierCompliant ? '服务用房面积达标' : '服务用房面积未达标',
      points: f.tierCompliant ? r.tierCompliant : 0,
    },
    {
      code: 'RECTIFICATION',
      label: f.lateOrOverdue ? `整改逾期 ${f.lateOrOverdue} 次` : '检查整改均按期完成',
      points: f.lateOrOverdue ? -f.lateOrOverdue * r.perOverdueRectification : r.noOverdueRectification,
    },
  ];
  return { score: clamp(criteria.reduce((s, c) => s + c.points, 0)), criteria };
}

/** Its facilities' mean score (or the base without any), less public criticisms and verified complaints. */
export function providerScore(
  rule: StarRule,
  p: { facilityScores: number[]; criticisms: number; verifiedComplaints: number },
): { score: number; criteria: Criterion[] } {
  const r = rule.provider;
  const mean = p.facilityScores.length
    ? Math.round(p.facilityScores.reduce((s, x) => s + x, 0) / p.facilityScores.length)
    : r.base;
  const criteria: Criterion[] = [
    {
      code: 'FACILITIES',
      label: p.facilityScores.length ? `运营设施 ${p.facilityScores.length} 个的平均分` : '未运营设施，按基础分',
      points: mean,
    },
    { code: 'PUBLIC_CRITICISM', label: `通报批评 ${p.criticisms} 次`, points: -p.criticisms * r.perPublicCriticism },
    {
      code: 'VERIFIED_COMPLAINTS',
      label: `经核实的投诉 ${p.verifiedComplaints} 件`,
      points: -p.verifiedComplaints * r.perVerifiedComplaint,
    },
  ];
  return { score: clamp(criteria.reduce((s, c) => s + c.points, 0)), criteria };
}
