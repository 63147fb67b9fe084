import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { elderVouchers, issueVouchers, redeemVoucher } from './vouchers.service.js';
import { homeCareReport } from './vouchers.report.js';
import { HomeCareReportRow, PrintableVoucher, Voucher, VoucherIssue } from './vouchers.types.js';

@Resolver(() => Voucher)
export class VoucherResolver {
  @Query(() => [PrintableVoucher], { description: '老人某月的补贴券（003 三(二)），每张带券号和二维码，可打印' })
  async elderVouchers(
    @Arg('elderId', () => ID) elderId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: Context,
  ) {
    return elderVouchers(ctx.prisma, requireActor(ctx.actor), elderId, month);
  }

  @Query(() => [HomeCareReportRow], {
    description:
      '居家养老服务时长报表（003 三(二)）：按县（市、区）和月份的发放时长、已用时长、补贴券发放和使用、按小时最低工资标准折算的费用',
  })
  async homeCareReport(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: Context,
  ) {
    return homeCareReport(ctx.prisma, requireActor(ctx.actor), { policyCode, month });
  }

  @Mutation(() => VoucherIssue, {
    description:
      '发放某月的补贴券（003 三(二)）：本辖区每位服务对象每天一张，面值为当天服务时长；不能提前发放；重复提交只补发缺少的',
  })
  async issueVouchers(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: Context,
  ) {
    return issueVouchers(ctx.prisma, requireActor(ctx.actor), { policyCode, month }, ctx.app.clock());
  }

  @Mutation(() => Voucher, {
    description:
      '扫码或输入券号使用补贴券：一次经确认的上门服务用一张。已用过为 VOUCHER_REDEEMED，过期为 VOUCHER_EXPIRED，' +
      '不是本人的券、服务未确认或已用过券为 VOUCHER_NOT_FOR_VISIT；同一请求编号重复提交返回第一次的结果',
  })
  async redeemVoucher(
    @Arg('serial', () => String) serial: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ) {
    return redeemVoucher(ctx.prisma, requireActor(ctx.actor), { serial, orderId, idempotencyKey }, ctx.app.clock());
  }
}
