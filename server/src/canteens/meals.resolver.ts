import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { inspectFoodSafety, recordFoodSafetyFix, setKitchenCamera } from './food-safety.service.js';
import { mealSummary, recordMeal } from './meals.service.js';
import {
  FoodSafetyInput,
  FoodSafetyInspection,
  KitchenCamera,
  MealMonth,
  MealRecord,
  RecordMealInput,
} from './meals.types.js';

@Resolver(() => MealRecord)
export class MealResolver {
  @Mutation(() => MealRecord, {
    description:
      '登记一餐（002 二(二)7）：堂食须在食堂或助餐点现场核验，在老人家中登记为 WRONG_VERIFICATION_SITE；' +
      '送餐在老人家中核验；老人不在项目区域内为 ELDER_OUTSIDE_PROGRAMME；同一餐重复登记为 INVALID_STATE',
  })
  async recordMeal(@Arg('input', () => RecordMealInput) input: RecordMealInput, @Ctx() ctx: Context) {
    return recordMeal(ctx.prisma, ctx.app.visits, requireActor(ctx.actor), input as never, ctx.app.clock());
  }

  @Query(() => MealMonth, { description: '食堂或助餐点某月的助餐人次、满意度、食品安全评分和按公式核算的运营补助' })
  async mealSummary(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: Context,
  ) {
    return mealSummary(ctx.prisma, requireActor(ctx.actor), { facilityId, month });
  }

  @Mutation(() => FoodSafetyInspection, {
    description: '登记一次食品安全检查（002 二(二)7）：评分计入助餐运营补助；发现问题须写整改期限',
  })
  async inspectFoodSafety(@Arg('input', () => FoodSafetyInput) input: FoodSafetyInput, @Ctx() ctx: Context) {
    return inspectFoodSafety(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => FoodSafetyInspection, {
    description: '登记食品安全检查问题的整改措施和完成日期；没有问题或已整改的为 INVALID_STATE',
  })
  async recordFoodSafetyFix(
    @Arg('inspectionId', () => ID) inspectionId: string,
    @Arg('fix', () => String) fix: string,
    @Arg('fixedOn', () => String) fixedOn: string,
    @Ctx() ctx: Context,
  ) {
    return recordFoodSafetyFix(ctx.prisma, requireActor(ctx.actor), { inspectionId, fix, fixedOn }, ctx.app.clock());
  }

  @Mutation(() => KitchenCamera, { description: '登记食堂“互联网+明厨亮灶”摄像是否上线（002 二(七)22）' })
  async setKitchenCamera(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('online', () => Boolean) online: boolean,
    @Ctx() ctx: Context,
  ) {
    return setKitchenCamera(ctx.prisma, requireActor(ctx.actor), { facilityId, online });
  }
}
