import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { requestCaregiverChange } from './caregiver-change.service.js';

@ObjectType({ description: '换一位护理员的申请（转给服务机构重新派单）' })
export class CaregiverChangeRequest {
  @Field(() => ID) orderId!: string;
  @Field(() => Date, { description: '申请的时间（重复申请时为第一次的时间）' }) requestedAt!: Date;
  @Field(() => Boolean, { description: '这位护理员此前已申请换过，这次没有再通知' }) alreadyRequested!: boolean;
  @Field(() => Int, { description: '这次通知到的服务机构管理员人数' }) notified!: number;
}

@Resolver()
export class CaregiverChangeResolver {
  @Mutation(() => CaregiverChangeRequest, {
    description:
      '换一位护理员：已派单、尚未开始的工单，老人或家属请服务机构换人，机构管理员收到消息后重新派单。' +
      '原因少于 2 字或超过 200 字：BAD_USER_INPUT；未派单、已开始、完成或取消：INVALID_STATE；' +
      '同一位护理员重复申请不再通知，返回第一次的时间。',
  })
  async requestCaregiverChange(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return requestCaregiverChange(ctx.prisma, requireActor(ctx.actor), { orderId, reason }, ctx.app.clock());
  }
}
