import type { ElderFacts } from './eligibility.js';

/** A 76-year-old, self-caring, resident elder with no flags, judged on 2026-11-22; override per case. */
export const elderFacts = (over: Partial<ElderFacts> = {}): ElderFacts => ({
  birthDate: '1950-06-01',
  flags: [],
  selfCareAbility: 'SELF_CARE',
  hukouInRegion: true,
  livesInRegion: true,
  hasCapabilityAssessment: false,
  today: '2026-11-22',
  ...over,
});
