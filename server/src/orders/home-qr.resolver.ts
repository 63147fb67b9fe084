import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { Elder } from '../elders/index.js';
import { homeQrCard } from './home-qr.service.js';

@ObjectType({ description: '门牌二维码：贴在老人家门口，护理员上门签到、签退时扫码' })
export class HomeQrCard {
  @Field(() => Elder) elder!: Elder;
  @Field(() => String, { description: '二维码内容（与 homeQrToken 相同）' }) token!: string;
  @Field(() => String, { description: '二维码图片（PNG data URL），打印用' }) qrDataUrl!: string;
}

@Resolver(() => HomeQrCard)
export class HomeQrResolver {
  @Query(() => HomeQrCard, {
    description:
      '打印门牌二维码（社区工作人员；rotate 使旧码作废，丢失或被复制时用）。非工作人员：FORBIDDEN；辖区外老人：FORBIDDEN / NOT_FOUND',
  })
  async homeQrCard(
    @Arg('elderId', () => ID) elderId: string,
    @Arg('rotate', () => Boolean, { nullable: true }) rotate: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return homeQrCard(ctx.prisma, ctx.app.visits, requireActor(ctx.actor), elderId, rotate ?? false);
  }
}
