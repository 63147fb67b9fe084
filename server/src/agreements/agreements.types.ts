import 'reflect-metadata';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const VisitAgreementStatus = enumOf('SIGNED', 'STREET_REVIEWED', 'FILED', 'REJECTED');
export type VisitAgreementStatus = keyof typeof VisitAgreementStatus;
registerEnumType(VisitAgreementStatus, {
  name: 'VisitAgreementStatus',
  description: '已签订 / 街道已审查 / 区市已备案 / 不同意',
});

@ObjectType({ description: '服务协议的上门次数进度（004 三(二)：到期前为同一服务对象累计 30 次以上）' })
export class VisitAgreementProgress {
  @Field(() => Int, { description: '截止日（含）前已确认的上门服务次数' }) confirmed!: number;
  @Field(() => Int) required!: number;
  @Field(() => String, { description: '截止日（上海时间，含当日）' }) by!: string;
  @Field(() => Boolean) met!: boolean;
  @Field(() => Int, { description: '按均匀进度今天应达到的次数' }) expectedByNow!: number;
  @Field(() => Boolean, { description: '落后均匀进度达到预警值' }) behindPace!: boolean;
}

@ObjectType({ description: '居家养老上门服务协议（004 三(二)、五(二)3）' })
export class VisitAgreement {
  @Field(() => ID) id!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => ID) providerId!: string;
  @Field(() => [String], { description: '服务项目代码' }) items!: string[];
  @Field(() => String, { description: '服务方式' }) method!: string;
  @Field(() => Int, { description: '服务价格（分/次）' }) priceFen!: number;
  @Field(() => Date) startsOn!: Date;
  @Field(() => Date) endsOn!: Date;
  @Field(() => Int) termMonths!: number;
  @Field(() => String, { nullable: true, description: 'A 类、B 类老年人（另有标准，004 四(二)）' })
  elderClass!: string | null;
  @Field(() => VisitAgreementStatus) status!: VisitAgreementStatus;
  @Field(() => String, { nullable: true }) streetOpinion!: string | null;
  @Field(() => String, { nullable: true }) districtOpinion!: string | null;
  @Field(() => VisitAgreementProgress) progress!: VisitAgreementProgress;
}

@InputType({ description: '签订服务协议：服务内容、服务方式、服务价格和期限' })
export class SignVisitAgreementInput {
  @Field(() => ID) elderId!: string;
  @Field(() => [String]) items!: string[];
  @Field(() => String) method!: string;
  @Field(() => Int) priceFen!: number;
  @Field(() => String, { description: '协议开始日期 YYYY-MM-DD' }) startsOn!: string;
  @Field(() => Int) termMonths!: number;
  @Field(() => String, { nullable: true }) elderClass?: string;
}
