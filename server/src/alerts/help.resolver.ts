import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { callForHelp, helpDesk } from './help.service.js';
import { CallForHelpInput, HelpCall, HelpDesk } from './help.types.js';

@Resolver()
export class HelpResolver {
  @Query(() => HelpDesk, { description: '老人的一键呼叫号码（平台、热线、急救、家属），以及哪些线上服务是直接呼叫' })
  async helpDesk(@Arg('elderId', () => ID) elderId: string, @Ctx() ctx: Context) {
    return helpDesk(ctx.prisma, requireActor(ctx.actor), elderId);
  }

  @Mutation(() => HelpCall, {
    description: '记录一键求助（紧急救援、联络家属、定位查询），给呼叫中心和社区跟进；号码须是老人一键呼叫号码之一',
  })
  async callForHelp(@Arg('input', () => CallForHelpInput) input: CallForHelpInput, @Ctx() ctx: Context) {
    return callForHelp(ctx.prisma, ctx.app.alertBus, requireActor(ctx.actor), input, ctx.app.clock());
  }
}
