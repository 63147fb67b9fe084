// Big-data analysis by area (002 二(五)13): figures per area and month, the trend and the comparison between areas.
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '一个地区一个月的各项数据' })
export class AreaMonthFigures {
  @Field(() => String, { description: '月份 YYYY-MM（北京时间）' }) month!: string;
  @Field(() => Int, { description: '当月在册服务对象（人）' }) enrolledElders!: number;
  @Field(() => Int, { description: '下单数（不含已取消）' }) orders!: number;
  @Field(() => Int, { description: '完成上门服务（次）' }) visits!: number;
  @Field(() => Int, { description: '服务时长（分钟）' }) serviceMinutes!: number;
  @Field(() => Int, { description: '确认扣费的补贴支出（分）' }) spendingFen!: number;
  @Field(() => Int, { description: '补贴预算（分）：在册人数 × 项目每人每月额度' }) budgetFen!: number;
  @Field(() => Float, { nullable: true, description: '支出占预算（%）' }) spendingPercent!: number | null;
  @Field(() => Int, { description: '回访满意和基本满意' }) satisfied!: number;
  @Field(() => Int, { description: '回访不满意' }) dissatisfied!: number;
  @Field(() => Float, { nullable: true, description: '平均评分（星）' }) averageStars!: number | null;
  @Field(() => Int) complaints!: number;
  @Field(() => Int) alerts!: number;
  @Field(() => Int, { description: '异常工单' }) exceptions!: number;
  @Field(() => Int, { description: '有效的信用事件' }) creditEvents!: number;
  @Field(() => Int, { description: '信用事件分值合计（扣分为负）' }) creditPoints!: number;
  @Field(() => Float, {
    nullable: true,
    description: '本地区各项目标任务在当月末（本月为今天）的平均完成进度（%）；项目未设目标时为空',
  })
  targetsMetPercent!: number | null;
}

@ObjectType({ description: '一项数据从上月到本月的变化' })
export class MetricChange {
  @Field(() => String) metric!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) from!: number;
  @Field(() => Int) to!: number;
  @Field(() => Int) change!: number;
}

@ObjectType({ description: '一个地区的各月数据和趋势' })
export class AreaSeries {
  @Field(() => String) regionCode!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean, { description: '所查询的地区本身（其余为下辖街道或社区）' }) own!: boolean;
  @Field(() => [AreaMonthFigures]) months!: AreaMonthFigures[];
  @Field(() => [MetricChange], { description: '最后一个月与前一个月相比' }) trend!: MetricChange[];
}

@ObjectType({ description: '下辖地区的一项数据，从大到小' })
export class AreaValue {
  @Field(() => String) regionCode!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) value!: number;
}

@ObjectType({ description: '一项数据在下辖各地区之间的比较（整个时间段合计；服务对象取最后一个月）' })
export class MetricComparison {
  @Field(() => String) metric!: string;
  @Field(() => String) label!: string;
  @Field(() => [AreaValue]) areas!: AreaValue[];
}

@ObjectType({ description: '养老服务大数据分析（002 二(五)13）：按地区、按月的数据、趋势和地区比较' })
export class AreaAnalysis {
  @Field(() => String) regionCode!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) months!: string[];
  @Field(() => [AreaSeries]) areas!: AreaSeries[];
  @Field(() => [MetricComparison]) comparison!: MetricComparison[];
}
