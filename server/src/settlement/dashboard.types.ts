import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '按告警类型的数量' })
export class AlertCount {
  @Field(() => String) kind!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: '某地区某月的统计' })
export class DashboardStats {
  @Field(() => Int, { description: '当月在册服务对象' }) enrolledElders!: number;
  @Field(() => Int, { description: '当月下单数（不含取消）' }) orders!: number;
  @Field(() => Int, { description: '当月完成的上门服务次数' }) visits!: number;
  @Field(() => Int, { description: '服务总时长（分钟）' }) serviceMinutes!: number;
  @Field(() => Int, { description: '当月确认服务的补贴支出（分）' }) spendingFen!: number;
  @Field(() => Int, { description: '当月补贴预算（在册人数 × 每人每月额度，分）' }) budgetFen!: number;
  @Field(() => Int) satisfied!: number;
  @Field(() => Int) basicallySatisfied!: number;
  @Field(() => Int) dissatisfied!: number;
  @Field(() => Float, { nullable: true, description: '评价平均星级' }) averageStars!: number | null;
  @Field(() => Int, { description: '当月投诉数' }) complaints!: number;
  @Field(() => [AlertCount], { description: '当月告警，按类型' }) alerts!: AlertCount[];
}

@ObjectType({ description: '统计看板的一行：一个地区' })
export class DashboardRow {
  @Field(() => String) month!: string;
  regionId!: string;
  path!: string;
}

@ObjectType({ description: '服务器的时间（应用时钟，北京时间）：客户端以此决定默认月份，不看本机时钟' })
export class ServerTime {
  @Field(() => Date) now!: Date;
  @Field(() => String, { description: '今天，YYYY-MM-DD（北京时间）' }) today!: string;
  @Field(() => String, { description: '本月，YYYY-MM' }) month!: string;
  @Field(() => String, { description: '上月，YYYY-MM：月初结算的月份' }) lastMonth!: string;
}
