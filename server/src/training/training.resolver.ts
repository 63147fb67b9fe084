import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import {
  announceTrainingSession,
  createTrainingSession,
  recordCarerTraining,
  recordTrainingAttendance,
} from './training.service.js';
import { CarerTraining, CarerTrainingInput, TrainingSession, TrainingSessionInput } from './training.types.js';

@Resolver(() => TrainingSession)
export class TrainingResolver {
  @Mutation(() => TrainingSession, {
    description: '登记一次智慧养老知识培训（002 二(五)15）或识骗防骗宣传教育（二(七)22）；日期不能晚于今天',
  })
  async createTrainingSession(
    @Arg('input', () => TrainingSessionInput) input: TrainingSessionInput,
    @Ctx() ctx: Context,
  ) {
    return createTrainingSession(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => TrainingSession, {
    description:
      '登记参加培训的老人（计入万名老年人培训目标）；有老人不住在项目区域内为 ELDER_OUTSIDE_PROGRAMME，整批不登记',
  })
  async recordTrainingAttendance(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('elderIds', () => [ID]) elderIds: string[],
    @Ctx() ctx: Context,
  ) {
    return recordTrainingAttendance(ctx.prisma, requireActor(ctx.actor), { sessionId, elderIds }, ctx.app.clock());
  }

  @Mutation(() => Int, {
    description: '把培训或活动通知发给本社区老人的家属（通过消息通知），返回发出的条数；重复发送不重复通知',
  })
  async announceTrainingSession(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('note', () => String, { nullable: true, description: '补充说明（地点、携带物品等），可不填' })
    note: string | null,
    @Ctx() ctx: Context,
  ) {
    return announceTrainingSession(ctx.prisma, requireActor(ctx.actor), sessionId, note);
  }

  @Mutation(() => CarerTraining, {
    description:
      '登记失能失智老年人家庭照护者技能培训（002 二(二)6），补贴按项目规定；老人不住在项目区域内为 ELDER_OUTSIDE_PROGRAMME',
  })
  async recordCarerTraining(@Arg('input', () => CarerTrainingInput) input: CarerTrainingInput, @Ctx() ctx: Context) {
    return recordCarerTraining(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }
}
