import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, requireActor } from '../auth/index.js';
import { Elder } from '../elders/index.js';
import { PageArgsType } from '../common/connection.js';
import type { Context } from '../app/context.js';
import { ErrorCode, fail } from '../common/errors.js';
import { sandboxesAllowed } from '../common/sandbox.js';
import { PAYMENT_NOTIFY_PATH, SandboxPaymentGateway } from '../payments/index.js';
import { createTopUp, getTopUp } from './topup.service.js';
import { activeHolds, runAllowanceFor, walletTransactions } from './wallet.service.js';
import { walletLapse } from './lapse.js';
import { walletStatement } from './statement.service.js';
import {
  AllowanceRun,
  CreateTopUpInput,
  TopUp,
  Wallet,
  WalletHold,
  WalletLapse,
  WalletStatement,
  WalletTransactionConnection,
} from './wallet.types.js';

const topUpDeps = (ctx: Context) => ({
  prisma: ctx.prisma,
  gateway: ctx.app.payments,
  notifyUrl: `${ctx.app.urls.public}${PAYMENT_NOTIFY_PATH}`,
  maxFen: ctx.app.config.topUpMaxFen ?? 200_000,
  logger: ctx.app.logger,
});

@Resolver(() => Wallet)
export class WalletResolver {
  @FieldResolver(() => [WalletHold], { description: '已预约、尚未扣费的冻结额度' })
  async holds(@Root() wallet: Wallet, @Ctx() ctx: Context) {
    return activeHolds(ctx.prisma, wallet.elderId);
  }

  @FieldResolver(() => WalletLapse, { nullable: true, description: '本月未用完的补贴何时作废；项目不按月作废时为空' })
  async lapse(@Root() wallet: Wallet, @Ctx() ctx: Context) {
    return walletLapse(ctx.prisma, wallet.elderId, ctx.app.clock());
  }

  @FieldResolver(() => WalletStatement, {
    description: '补贴明细：某月（默认本月，北京时间）的政府补贴、自费、作废和退款，取自账本',
  })
  async statement(
    @Root() wallet: Wallet,
    @Arg('month', () => String, { nullable: true }) month: string | null,
    @Ctx() ctx: Context,
  ) {
    return walletStatement(ctx.prisma, wallet.elderId, month, ctx.app.clock());
  }

  @FieldResolver(() => WalletTransactionConnection, { description: '收支明细，最新的在前' })
  async transactions(@Root() wallet: Wallet, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: Context) {
    return walletTransactions(ctx.prisma, wallet.elderId, page);
  }
}

@Resolver(() => TopUp)
export class TopUpResolver {
  @Mutation(() => AllowanceRun, { description: '发放某月补贴（区民政；重复执行不会重复发放）' })
  async runMonthlyAllowance(@Arg('month', () => String) month: string, @Ctx() ctx: Context) {
    return runAllowanceFor(ctx.prisma, requireActor(ctx.actor), month, ctx.app.clock());
  }

  @Mutation(() => TopUp, { description: '自费充值：创建微信支付订单，返回小程序调起支付的参数' })
  async createTopUp(@Arg('input', () => CreateTopUpInput) input: CreateTopUpInput, @Ctx() ctx: Context) {
    return createTopUp(topUpDeps(ctx), requireActor(ctx.actor), input);
  }

  @Query(() => TopUp, { description: '充值单状态；到账以服务器收到微信支付通知为准' })
  async topUp(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getTopUp(ctx.prisma, ctx.app.payments, requireActor(ctx.actor), id);
  }

  @Mutation(() => TopUp, { description: '演示环境：模拟付款人在微信中确认支付（沙箱按真实格式签名并回调通知地址）' })
  async sandboxPayTopUp(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const gateway = ctx.app.payments;
    // Never in production without an explicit demo, even if a sandbox gateway were wired in.
    if (!(gateway instanceof SandboxPaymentGateway) || !sandboxesAllowed(ctx.app.config))
      return fail(ErrorCode.FORBIDDEN, '正式环境请在微信中完成支付。');
    const topUp = await getTopUp(ctx.prisma, gateway, actor, id, 'sandboxPayTopUp');
    if (topUp.status === 'CREATED') {
      const answer = await gateway.pay(topUp.outTradeNo, ctx.app.clock());
      if (answer.status >= 300) ctx.app.logger.warn({ answer }, 'sandbox notification refused');
    }
    return getTopUp(ctx.prisma, gateway, actor, id, 'sandboxPayTopUp');
  }
}

// Elder.wallet lives here, with the area that owns the money: balances and every statement line for the
// elder, the family and the staff covering them; not the provider or its caregivers, who see the elder
// only to serve the visit.
@Resolver(() => Elder)
export class ElderWalletResolver {
  @FieldResolver(() => Wallet)
  async wallet(@Root() elder: Elder, @Ctx() ctx: Context): Promise<Wallet> {
    authorize(ctx.actor, 'Elder.wallet');
    return { elderId: elder.id, accounts: await ctx.loaders.accountsByElderId.load(elder.id) };
  }
}
