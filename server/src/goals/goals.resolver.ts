import { Arg, Ctx, Float, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { appointCareAdvisor, recordHealthManagement } from './goals.records.js';
import { programmeGoals, setGoalProgress } from './goals.service.js';
import {
  AppointCareAdvisorInput,
  CareAdvisor,
  GoalProgress,
  HealthManagementInput,
  HealthManagementRecord,
  ProgrammeGoals,
} from './goals.types.js';

@Resolver(() => GoalProgress)
export class GoalResolver {
  @Query(() => ProgrammeGoals, {
    description:
      '项目的目标任务及进度（002 二(二)4–7 等）：按街道和社区、按月趋势、有延期风险的目标；进度由业务记录计算。' +
      '只显示本辖区',
  })
  async programmeGoals(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('months', () => Int, { nullable: true, description: '趋势月数，默认 12' }) months: number | null,
    @Ctx() ctx: Context,
  ) {
    return programmeGoals(ctx.prisma, requireActor(ctx.actor), { policyCode, months }, ctx.app.clock());
  }

  @Mutation(() => GoalProgress, {
    description: '目标进度不能手工填写：总是拒绝（GOAL_PROGRESS_COMPUTED），不写入任何数据；请登记相应的业务记录',
  })
  async setGoalProgress(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('goalCode', () => String) goalCode: string,
    @Arg('value', () => Float) value: number,
    @Ctx() ctx: Context,
  ) {
    return setGoalProgress(ctx.prisma, requireActor(ctx.actor), { policyCode, goalCode, value });
  }

  @Mutation(() => CareAdvisor, {
    description: '登记社区养老顾问（002 二(二)5），计入养老顾问覆盖率；上岗日期不能晚于今天，社区须在项目范围内',
  })
  async appointCareAdvisor(
    @Arg('input', () => AppointCareAdvisorInput) input: AppointCareAdvisorInput,
    @Ctx() ctx: Context,
  ) {
    return appointCareAdvisor(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => HealthManagementRecord, {
    description: '登记老人纳入健康管理（002 二(四)11），计入 65 岁及以上老年人健康管理率；已在管理中的为 INVALID_STATE',
  })
  async recordHealthManagement(
    @Arg('input', () => HealthManagementInput) input: HealthManagementInput,
    @Ctx() ctx: Context,
  ) {
    return recordHealthManagement(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }
}
