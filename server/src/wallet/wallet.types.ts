import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { AccountKind, TopUpStatus, TransactionKind, Unit } from '../common/enums.js';

registerEnumType(AccountKind, { name: 'AccountKind', description: '线上补贴 / 线下补贴 / 服务时长 / 自费余额' });
registerEnumType(Unit, { name: 'Unit', description: 'FEN 分 / MINUTE 分钟' });
registerEnumType(TransactionKind, {
  name: 'TransactionKind',
  description: '补贴发放 / 到期作废 / 清零 / 充值 / 服务扣费 / 退款 / 冲正',
});
registerEnumType(TopUpStatus, { name: 'TopUpStatus', description: '待支付 / 已到账 / 已关闭 / 已退款' });

@ObjectType({ description: '老人的一个账户；金额为分，时长为分钟' })
export class Account {
  @Field(() => AccountKind) kind!: AccountKind;
  @Field(() => Unit) unit!: Unit;
  @Field(() => Int, { description: '余额（含冻结）' }) balance!: number;
  @Field(() => Int, { description: '已预约冻结' }) held!: number;
  @Field(() => Int, { description: '可用 = 余额 − 冻结' }) available!: number;
}

@ObjectType({ description: '预约时冻结的额度，服务确认后扣除，取消时释放' })
export class WalletHold {
  @Field(() => ID) id!: string;
  @Field(() => AccountKind) account!: AccountKind;
  @Field(() => Unit) unit!: Unit;
  @Field(() => Int) amount!: number;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '钱包流水：一笔交易在老人某个账户上的一行，正数为入账，负数为支出' })
export class WalletTransaction {
  @Field(() => ID) id!: string;
  @Field(() => TransactionKind) kind!: TransactionKind;
  @Field(() => AccountKind) account!: AccountKind;
  @Field(() => Int, { description: '正数入账，负数支出（分或分钟）' }) amount!: number;
  @Field(() => Unit) unit!: Unit;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true, description: '摘要，如“2026年11月线下服务补贴”' }) memo!: string | null;
  @Field(() => String, { nullable: true, description: '所属月份（补贴、作废）' }) month!: string | null;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
}

export const WalletTransactionConnection = ConnectionType(WalletTransaction, 'WalletTransaction');

@ObjectType({ description: '本月未用完的补贴何时作废（项目规定按月作废的额度）' })
export class WalletLapse {
  @Field(() => String, {
    description: '本月补贴可用到这一天（YYYY-MM-DD，北京时间），之后未用完的作废；已预约冻结的不作废',
  })
  on!: string;
  @Field(() => [AccountKind], { description: '按月作废的额度' }) accounts!: AccountKind[];
  @Field(() => String, { description: '规定出处' }) source!: string;
}

@ObjectType({ description: '电子钱包' })
export class Wallet {
  elderId!: string;
  @Field(() => [Account]) accounts!: Account[];
}

@ObjectType({ description: '一次月度补贴发放的结果' })
export class AllowanceRun {
  @Field(() => String) month!: string;
  @Field(() => Int, { description: '本次入账的老人数' }) credited!: number;
  @Field(() => Int, { description: '此前已入账、本次跳过的老人数' }) skipped!: number;
  @Field(() => Int, { description: '上月未用完、按规定作废的账户数' }) expired!: number;
}

@ObjectType({ description: '小程序 wx.requestPayment 的参数（JSAPI 调起支付）' })
export class PayParams {
  @Field(() => String) appId!: string;
  @Field(() => String) timeStamp!: string;
  @Field(() => String) nonceStr!: string;
  @Field(() => String) package!: string;
  @Field(() => String) signType!: string;
  @Field(() => String) paySign!: string;
}

@ObjectType({ description: '自费充值单' })
export class TopUp {
  @Field(() => ID) id!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => TopUpStatus) status!: TopUpStatus;
  @Field(() => String) outTradeNo!: string;
  @Field(() => PayParams, { nullable: true, description: '待支付时给出；已到账或已关闭时为空' })
  payParams!: PayParams | null;
  @Field(() => Boolean, { description: '演示环境的模拟支付（不产生真实扣款）' }) sandbox!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) paidAt!: Date | null;
}

@InputType()
export class CreateTopUpInput {
  @Field(() => ID) elderId!: string;
  @Field(() => Int, { description: '充值金额（分）' }) amountFen!: number;
  @Field(() => String, { description: '客户端生成的唯一编号；重复提交同一编号只会生成一笔充值' })
  idempotencyKey!: string;
}

@ObjectType({ description: '补贴明细的一行：老人的一个账户在这个月的收支，金额为分，时长为分钟' })
export class StatementLine {
  @Field(() => AccountKind) account!: AccountKind;
  @Field(() => Unit) unit!: Unit;
  @Field(() => String, { nullable: true, description: '这笔补贴用于什么（项目文件原话）；自费余额为空' })
  paysFor!: string | null;
  @Field(() => String, { nullable: true, description: '规定出处' }) source!: string | null;
  @Field(() => Int, { description: '月初余额' }) opening!: number;
  @Field(() => Int, { description: '本月发放的补贴' }) granted!: number;
  @Field(() => Int, { description: '本月充值到账' }) toppedUp!: number;
  @Field(() => Int, { description: '本月用于服务（服务扣费）' }) spent!: number;
  @Field(() => Int, { description: '本月作废或清零' }) lapsed!: number;
  @Field(() => Int, { description: '本月退回' }) refunded!: number;
  @Field(() => Int, { description: '冲正等其他变动（正数入账）' }) other!: number;
  @Field(() => Int, { description: '月末余额（本月为当前余额，含冻结）' }) closing!: number;
}

@ObjectType({ description: '补贴明细中的一笔充值' })
export class StatementTopUp {
  @Field(() => ID) id!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => TopUpStatus) status!: TopUpStatus;
  @Field(() => Int, { description: '其中已退回' }) refundedFen!: number;
  @Field(() => Date) paidAt!: Date;
}

@ObjectType({ description: '补贴明细中的一笔退款（自费余额原路退回）' })
export class StatementRefund {
  @Field(() => ID) id!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: 'PROCESSING 处理中 / SUCCESS 已退回 / FAILED 未成功，已退回余额' })
  status!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '补贴明细：一位老人一个月的政府补贴、自费、作废和退款，取自账本' })
export class WalletStatement {
  @Field(() => String, { description: 'YYYY-MM（北京时间）' }) month!: string;
  @Field(() => [String], { description: '可查看的月份，最新的在前' }) months!: string[];
  @Field(() => [StatementLine]) lines!: StatementLine[];
  @Field(() => Int, { description: '政府补贴支付的服务费（分）' }) governmentPaidFen!: number;
  @Field(() => Int, { description: '政府购买的服务时长（分钟）' }) governmentPaidMinutes!: number;
  @Field(() => Int, { description: '家庭自费支付的服务费（分）' }) familyPaidFen!: number;
  @Field(() => Int, { description: '作废或清零的补贴（分）' }) lapsedFen!: number;
  @Field(() => Int, { description: '作废或清零的服务时长（分钟）' }) lapsedMinutes!: number;
  @Field(() => Int, { description: '退回家庭的自费余额（分）' }) refundedFen!: number;
  @Field(() => Int, { description: '充值到账（分）' }) toppedUpFen!: number;
  @Field(() => [StatementTopUp], { description: '本月的充值' }) topUps!: StatementTopUp[];
  @Field(() => [StatementRefund], { description: '本月的退款' }) refunds!: StatementRefund[];
}
