import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccountKind, Unit } from '../common/enums.js';

registerEnumType(AccountKind, { name: 'AccountKind', description: '线上补贴 / 线下补贴 / 服务时长 / 自费余额' });
registerEnumType(Unit, { name: 'Unit', description: 'FEN 分 / MINUTE 分钟' });

@ObjectType({ description: '老人的一个账户；金额为分，时长为分钟' })
export class Account {
  @Field(() => AccountKind) kind!: AccountKind;
  @Field(() => Unit) unit!: Unit;
  @Field(() => Int, { description: '余额（含冻结）' }) balance!: number;
  @Field(() => Int, { description: '已预约冻结' }) held!: number;
  @Field(() => Int, { description: '可用 = 余额 − 冻结' }) available!: number;
}

@ObjectType({ description: '电子钱包' })
export class Wallet {
  elderId!: string;
  @Field(() => [Account]) accounts!: Account[];
}
