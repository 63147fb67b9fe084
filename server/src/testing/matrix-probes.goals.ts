// How the authorization matrix calls the targets and their records (issue 21; see matrix-probes.ts).
// Permitted calls stop at a domain rule after the role check: a programme without targets, a target it does
// not have, a date in the future.
import type { Probe } from './matrix-probes.types.js';

const tomorrow = (now: Date) => new Date(now.getTime() + 32 * 3600_000).toISOString().slice(0, 10);

export const GOAL_PROBES: Record<string, Probe> = {
  // Huangpi has no goals section: INVALID_STATE after the scope check.
  programmeGoals: { on: 'none', args: () => ({ policyCode: 'HUANGPI_2020' }) },
  // Huangpi sets no targets: INVALID_STATE; a Dongxihu target would be GOAL_PROGRESS_COMPUTED.
  setGoalProgress: { on: 'none', args: () => ({ policyCode: 'HUANGPI_2020', goalCode: 'MATRIX_GOAL', value: 100 }) },
  appointCareAdvisor: {
    on: 'region',
    args: (t, { fx }) => ({
      input: {
        policyCode: t.policyCode,
        communityCode: t.communityCode,
        name: '矩阵养老顾问',
        since: tomorrow(fx.now),
      },
    }),
  },
  recordHealthManagement: {
    on: 'elder',
    args: (t, { fx }) => ({ input: { elderId: t.elderId, institution: '矩阵卫生院', since: tomorrow(fx.now) } }),
  },
};

// Meals, their subsidy and food safety (002 二(二)7, 二(七)22). The fixtures' canteen is Huangpi's: an item its
// guide lacks, a future inspection day, a date that is not one and a programme without the meal subsidy stop
// permitted calls; the day-care centre is not a meal facility (BAD_USER_INPUT).
export const MEAL_PROBES: Record<string, Probe> = {
  recordMeal: {
    on: 'facility',
    args: (t, { fx }) => ({
      input: {
        facilityId: t.id,
        elderId: fx.elders[0]!.elderId,
        itemCode: 'MATRIX_NO_ITEM',
        meal: 'LUNCH',
        site: 'FACILITY',
        latitude: 30.88,
        longitude: 114.37,
      },
    }),
  },
  mealSummary: { on: 'facility', args: (t, { fx }) => ({ facilityId: t.id, month: fx.month }) },
  inspectFoodSafety: {
    on: 'facility',
    args: (t) => ({ input: { facilityId: t.id, inspectedOn: '2099-01-01', score: 90 } }),
  },
  recordFoodSafetyFix: {
    on: 'none',
    args: () => ({ inspectionId: '00000000-0000-7000-8000-000000000000', fix: '已整改', fixedOn: '不是日期' }),
  },
  setKitchenCamera: { on: 'facility', args: (t) => ({ facilityId: t.id, online: false }) },
  accrueMealSubsidy: { on: 'facility', args: (t, { fx }) => ({ facilityId: t.id, month: fx.month }) },
};

// Training (002 二(二)6, 二(五)15, 二(七)22): a future day stops a permitted session or carer record (the
// elder's own programme); an empty list of attendees and a blank note stop the others.
export const TRAINING_PROBES: Record<string, Probe> = {
  createTrainingSession: {
    on: 'region',
    args: (t, { fx }) => ({
      input: {
        policyCode: t.policyCode,
        kind: 'SMART_TECH',
        title: '矩阵培训',
        communityCode: t.communityCode,
        heldOn: tomorrow(fx.now),
        minutes: 60,
      },
    }),
  },
  recordTrainingAttendance: {
    on: 'none',
    args: () => ({ sessionId: '00000000-0000-7000-8000-000000000000', elderIds: [] }),
  },
  announceTrainingSession: {
    on: 'none',
    args: () => ({ sessionId: '00000000-0000-7000-8000-000000000000', note: ' ' }),
  },
  recordCarerTraining: {
    on: 'elder',
    args: (t, { fx }) => ({
      input: {
        policyCode: t.policyCode,
        elderId: t.elderId,
        traineeName: '矩阵家属',
        relation: '女儿',
        course: '失能老人照护',
        minutes: 120,
        completedOn: tomorrow(fx.now),
      },
    }),
  },
};
