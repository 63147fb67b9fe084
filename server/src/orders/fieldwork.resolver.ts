import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { departForVisit, recordVisitNotes, signOffVisit } from './fieldwork.service.js';
import { checkInWindowOf } from './visit-rules.js';
import { Order, VisitInfo, VisitWindow } from './orders.types.js';

/** The caregiver's app (issue 23): 出发, service notes, the elder's signature, and the check-in window it shows. */
@Resolver(() => Order)
export class FieldworkResolver {
  @Mutation(() => Order, {
    description: '护理员点“出发”：通知老人和家属护理员已在路上；重复点不变。只能在签到前。其他状态：INVALID_STATE',
  })
  async departForVisit(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    return departForVisit(ctx.prisma, requireActor(ctx.actor), orderId, ctx.app.clock());
  }

  @Mutation(() => Order, {
    description:
      '护理员填写服务记录（签到后到确认前可改）。太短或超过 1000 字：BAD_USER_INPUT；未签到或已确认：INVALID_STATE',
  })
  async recordVisitNotes(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('serviceNotes', () => String) serviceNotes: string,
    @Ctx() ctx: Context,
  ) {
    return recordVisitNotes(ctx.prisma, requireActor(ctx.actor), orderId, serviceNotes);
  }

  @Mutation(() => Order, {
    description:
      '签退后老人在护理员手机上签名确认（000 六·流程2 老人签字确认），按签名扣费。签名图片须是本人上传的 PNG：BAD_USER_INPUT；' +
      '未签退或已确认：INVALID_STATE；项目不接受手机签名：EVIDENCE_NOT_ACCEPTED（改用确认码）',
  })
  async signOffVisit(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('signatureFileId', () => ID) signatureFileId: string,
    @Ctx() ctx: Context,
  ) {
    return signOffVisit(ctx.prisma, requireActor(ctx.actor), orderId, signatureFileId, ctx.app.clock());
  }

  @FieldResolver(() => VisitWindow, { description: '签到时间窗（项目规定），护理员按此安排上门' })
  async checkInWindow(@Root() order: Order, @Ctx() ctx: Context) {
    return checkInWindowOf(ctx.prisma, order);
  }
}

@Resolver(() => VisitInfo)
export class VisitSignatureResolver {
  @FieldResolver(() => String, { nullable: true, description: '老人签名图片地址（GET，需登录；能看到该工单的人可取）' })
  signatureUrl(@Root() visit: VisitInfo) {
    return visit.signatureFileId ? `/files/${visit.signatureFileId}` : null;
  }
}
