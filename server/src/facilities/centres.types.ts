import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const CentrePriceTier = enumOf('FREE', 'LOW', 'MARKET');
export type CentrePriceTier = keyof typeof CentrePriceTier;
registerEnumType(CentrePriceTier, {
  name: 'CentrePriceTier',
  description: '无偿（享受政府居家养老服务补贴的老人）/ 低偿（低收入老人，低于市场价）/ 有偿（市场价）（003 二(一)3）',
});

@ObjectType({ description: '日间照料中心的一项服务及其市场价格和低偿价格（003 二(一)3）' })
export class CentreService {
  @Field(() => ID) id!: string;
  @Field(() => ID) facilityId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: '市场价格（分），有偿服务按此收费' }) marketPriceFen!: number;
  @Field(() => Int, { description: '低偿价格（分），低于市场价格' }) lowPriceFen!: number;
}

@InputType({ description: '核定日间照料中心的一项服务：低偿价格须低于市场价格' })
export class CentreServiceInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) marketPriceFen!: number;
  @Field(() => Int) lowPriceFen!: number;
}

@InputType({ description: '登记一位老人到日间照料中心接受一次服务' })
export class CentreAttendanceInput {
  @Field(() => ID) facilityId!: string;
  @Field(() => String) serviceCode!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => Date, { nullable: true, description: '服务时间，默认现在；不能晚于现在' }) attendedAt?: Date | null;
  @Field(() => String) idempotencyKey!: string;
}

@ObjectType({ description: '一次到日间照料中心的服务登记，含收费档次和实收价格' })
export class CentreAttendance {
  @Field(() => ID) id!: string;
  @Field(() => ID) facilityId!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => String) serviceCode!: string;
  @Field(() => String) serviceName!: string;
  @Field(() => Date) attendedAt!: Date;
  @Field(() => CentrePriceTier) tier!: CentrePriceTier;
  @Field(() => Int, { description: '实收价格（分）：无偿为 0' }) priceFen!: number;
  @Field(() => String, { description: '按哪一档收费的依据' }) basis!: string;
}
