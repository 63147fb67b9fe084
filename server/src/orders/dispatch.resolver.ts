import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { dispatchBoard } from './dispatch.service.js';
import { DispatchBoard } from './dispatch.types.js';

@Resolver(() => DispatchBoard)
export class DispatchResolver {
  @Query(() => DispatchBoard, {
    description:
      '服务机构的派单看板（今天，北京时间）：待派单、风险工单（2 小时内开始仍未派人，或已过预约时间未签到）、今日进度。' +
      '非服务机构账号：FORBIDDEN',
  })
  async dispatchBoard(@Ctx() ctx: Context) {
    return dispatchBoard(ctx.prisma, requireActor(ctx.actor), ctx.app.clock());
  }
}
