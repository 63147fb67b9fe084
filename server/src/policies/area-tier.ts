// The floor-area tier a facility must meet (003 二(一)2): pure, so the rule can be tested alone
// and reports can run it over many facilities. Tiers are minimums: a facility below its tier is
// flagged with its shortfall, never refused.
import type { PolicyDocument } from './policy.schema.js';

export interface AreaTierVerdict {
  /** NOT_APPLICABLE: the programme has no tiers for this kind; PENDING_SOURCE: new estates (建标143-2010). */
  status: 'ASSESSED' | 'NOT_APPLICABLE' | 'PENDING_SOURCE';
  tier: number | null;
  requiredM2: number | null;
  compliant: boolean | null;
  shortfallM2: number | null;
  source: string | null;
  note: string | null;
}

export function areaTier(
  doc: PolicyDocument,
  facility: { kind: string; floorAreaM2: number; newEstate: boolean },
  elders: number,
): AreaTierVerdict {
  const rule = doc.facilities?.areaTiers;
  const none = { tier: null, requiredM2: null, compliant: null, shortfallM2: null };
  if (!rule || !rule.kinds.includes(facility.kind as never))
    return { status: 'NOT_APPLICABLE', ...none, source: null, note: null };
  if (facility.newEstate)
    return {
      status: 'PENDING_SOURCE',
      ...none,
      source: rule.newEstates?.source ?? rule.source,
      note: rule.newEstates ? `新建住宅小区按《${rule.newEstates.standard}》配建，标准文本待补充` : null,
    };
  const t = rule.tiers.find((x) => x.maxElders === undefined || elders <= x.maxElders)!;
  const shortfall = Math.max(0, t.minAreaM2 - facility.floorAreaM2);
  return {
    status: 'ASSESSED',
    tier: t.tier,
    requiredM2: t.minAreaM2,
    compliant: shortfall === 0,
    shortfallM2: shortfall,
    source: rule.source,
    note: rule.note ?? null,
  };
}
