import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceMode } from '../common/enums.js';
import { Region } from '../regions/index.js';

registerEnumType(ServiceMode, { name: 'ServiceMode', description: 'ONLINE 线上服务 / OFFLINE 线下上门或集中服务' });

@ObjectType({ description: '可预约的上门开始时段（当天第几分钟，两端都含）' })
export class BookableSlot {
  @Field(() => String, { description: '时段名称，如 午餐；项目未单独规定时为 上门服务时段' }) label!: string;
  @Field(() => Int, { description: '最早开始时间（当天第几分钟，如 630 = 10:30）' }) fromMinute!: number;
  @Field(() => Int, { description: '最晚开始时间（当天第几分钟）' }) untilMinute!: number;
}

@ObjectType({ description: '服务指南中的一个服务项目' })
export class ServiceItem {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '服务类别，如 助餐、助洁、助医、精神慰藉' }) category!: string;
  @Field(() => ServiceMode) mode!: ServiceMode;
  @Field(() => String, {
    description: '计价单位：PER_MEAL 每餐、PER_VISIT 每次、PER_HOUR 每小时、PER_60_MIN 每 60 分钟……',
  })
  unit!: string;
  @Field(() => Int, { nullable: true, description: '一个计价单位对应的分钟数（按时计价的项目）' }) unitMinutes!:
    number | null;
  @Field(() => Int, { nullable: true, description: '单价（分）；线上基础服务等不单独计价的为空' }) priceFen!:
    number | null;
  @Field(() => String, { description: '服务内容' }) description!: string;
  @Field(() => String, { nullable: true, description: '服务要求与标准' }) standard!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: '最早可预约的上门开始时间（当天第几分钟，如 420 = 7:00；服务指南中给出），为空表示不限时段',
  })
  bookableFromMinute?: number | null;
  @Field(() => Int, { nullable: true, description: '最晚可预约的上门开始时间（当天第几分钟，如 1200 = 20:00）' })
  bookableUntilMinute?: number | null;
  @Field(() => [BookableSlot], {
    nullable: true,
    description: '可预约的开始时段（如助餐只在用餐时段）；空列表表示不限时段，服务指南以外查询时为空',
  })
  bookableSlots?: BookableSlot[] | null;
  @Field(() => Int, {
    nullable: true,
    description: '一次上门最多可预约的数量（服务指南或分次规定给出），为空表示只受通用上限限制',
  })
  maxQuantityPerVisit?: number | null;
}

@ObjectType({ description: '每月补贴额度' })
export class AllowanceBucket {
  @Field(() => String, { description: '账户类型' }) kind!: string;
  @Field(() => String, { description: 'FEN 或 MINUTE' }) unit!: string;
  @Field(() => Int, { description: '每月额度（分或分钟）' }) amount!: number;
  @Field(() => Int, { nullable: true, description: '按时计价时每小时的补贴上限（分）' }) maxRateFenPerHour!:
    number | null;
  @Field(() => String, { description: '来源条款' }) source!: string;
}

@ObjectType({ description: '服务对象类别' })
export class EligibilityCategory {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) source!: string | null;
}

@ObjectType({ description: '政府购买居家养老服务项目（政策）' })
export class Policy {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  regionId!: string;
  @Field(() => Region) region!: Region;
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'YYYY-MM-DD' }) effectiveFrom!: string;
  @Field(() => [EligibilityCategory]) categories!: EligibilityCategory[];
  @Field(() => [AllowanceBucket]) allowances!: AllowanceBucket[];
}
