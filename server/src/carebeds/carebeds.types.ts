import 'reflect-metadata';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { enumOf } from '../common/enums.js';

export const CareBedStatus = enumOf(
  'APPLIED',
  'ASSESSED',
  'STREET_APPROVED',
  'DISTRICT_FILED',
  'PUBLICISED',
  'DESIGNED',
  'CONFIRMED',
  'DESIGN_STREET_REVIEWED',
  'DESIGN_FILED',
  'CONSTRUCTION',
  'COMPLETED',
  'ACCEPTANCE_REQUESTED',
  'RECTIFY',
  'ACCEPTED',
  'ARCHIVED',
  'DECLINED',
  'REJECTED',
  'CLAWED_BACK',
);
export type CareBedStatus = keyof typeof CareBedStatus;
registerEnumType(CareBedStatus, {
  name: 'CareBedStatus',
  description:
    '家庭养老床位状态：已申请 / 已评估 / 街道同意 / 区市认定留档 / 已公示 / 已设计 / 已签字确认 / 街道已审查 / ' +
    '区市已备案 / 施工中 / 已竣工 / 已申请验收 / 整改中 / 验收合格 / 已归档 / 自愿放弃 / 不同意 / 已收回资金',
});
export const Satisfaction = enumOf('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');
export type Satisfaction = keyof typeof Satisfaction;
registerEnumType(Satisfaction, {
  name: 'CareBedSatisfaction',
  description: '满意 / 基本满意 / 不满意（附件6 家庭代表意见）',
});
export const Tenure = enumOf('OWNED', 'RESIDENT');
export type Tenure = keyof typeof Tenure;
registerEnumType(Tenure, {
  name: 'CareBedTenure',
  description: '拥有产权 / 长期居住（原则上 6 个月以上，004 三(一)）',
});

@ObjectType({ description: '建设项目一行（附件4）：清单项目、型号、数量、预计费用；附件5 前后照片；附件6 验收核实' })
export class CareBedLine {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '附件1 序号' }) itemNo!: number;
  @Field(() => String) itemCode!: string;
  @Field(() => String, { description: 'ADAPTATION 适老化 / AID 老年用品 / SMART 智能化' }) kind!: string;
  @Field(() => String, { description: '建设项目及设备型号' }) model!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { description: '预计费用（分）' }) estimateFen!: number;
  @Field(() => ID, { nullable: true }) beforePhotoId!: string | null;
  @Field(() => ID, { nullable: true }) afterPhotoId!: string | null;
  @Field(() => String, { nullable: true, description: '文字说明' }) note!: string | null;
  @Field(() => Boolean, { nullable: true, description: '验收时逐项核实' }) verified!: boolean | null;
  @Field(() => Int, { nullable: true, description: '执行金额（分）' }) actualFen!: number | null;
}

@ObjectType({ description: '一次状态变化：谁、何时、意见' })
export class CareBedStep {
  @Field(() => String) step!: string;
  @Field(() => CareBedStatus, { nullable: true }) fromStatus!: CareBedStatus | null;
  @Field(() => CareBedStatus) toStatus!: CareBedStatus;
  @Field(() => Boolean, { nullable: true }) approved!: boolean | null;
  @Field(() => String, { nullable: true }) opinion!: string | null;
  @Field(() => String) actorName!: string;
  @Field(() => String) actorRole!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: '家庭养老床位建设项目（一户一档，004 三(一)、五(二)、附件3–6）' })
export class CareBed {
  @Field(() => ID) id!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => String) elderName!: string;
  @Field(() => CareBedStatus) status!: CareBedStatus;
  @Field(() => String, { description: '建床地址' }) address!: string;
  @Field(() => Float, { description: '房屋建筑面积（㎡）' }) livingAreaSqm!: number;
  @Field(() => Tenure) tenure!: Tenure;
  @Field(() => Int, { nullable: true }) residenceMonths!: number | null;
  @Field(() => Boolean) housingSafe!: boolean;
  @Field(() => Boolean) housingAdaptable!: boolean;
  @Field(() => Boolean) notDueForDemolition!: boolean;
  @Field(() => Int, { description: '已享受政府适老化改造资金（分）' }) priorAdaptationFen!: number;
  @Field(() => String, { nullable: true }) guardianName!: string | null;
  @Field(() => Int, { description: '平均可支配月收入（分）' }) monthlyIncomeFen!: number;
  @Field(() => Int, { description: '优先顺序：分散供养特困 1、低保 2、低保边缘 3、其他 4' }) priorityRank!: number;
  @Field(() => String, { nullable: true, description: '失能等级' }) disabilityLevel!: string | null;
  @Field(() => String, { nullable: true, description: '评估机构' }) assessingAgency!: string | null;
  @Field(() => ID, { nullable: true, description: '评估设计机构' }) designAgencyId!: string | null;
  @Field(() => ID, { nullable: true, description: '建设单位' }) builderId!: string | null;
  @Field(() => ID, { nullable: true, description: '验收机构' }) acceptanceAgencyId!: string | null;
  @Field(() => Int) adaptationFen!: number;
  @Field(() => Int) smartFen!: number;
  @Field(() => Int) aidFen!: number;
  @Field(() => Int) totalFen!: number;
  @Field(() => Int, { description: '中央专项彩票公益金资助金额（分）' }) lotteryFen!: number;
  @Field(() => Date, { nullable: true }) startedOn!: Date | null;
  @Field(() => Date, { nullable: true }) completedOn!: Date | null;
  @Field(() => Date, { nullable: true }) acceptanceRequestedAt!: Date | null;
  @Field(() => Date, { nullable: true }) acceptedOn!: Date | null;
  @Field(() => Date, { nullable: true, description: '质保期至（不低于 2 年，004 五(一)）' })
  warrantyUntil!: Date | null;
  @Field(() => Satisfaction, { nullable: true }) satisfaction!: Satisfaction | null;
  @Field(() => ID, { nullable: true, description: '补贴的账本交易（验收合格时支付）' }) grantTxId!: string | null;
  @Field(() => [CareBedLine]) lines!: CareBedLine[];
  @Field(() => [CareBedStep]) steps!: CareBedStep[];
}

export const CareBedConnection = ConnectionType(CareBed, 'CareBed');

@InputType({ description: '附件3 申请审批表的申请人和住宅情况' })
export class ApplyCareBedInput {
  @Field(() => ID) elderId!: string;
  @Field(() => String) address!: string;
  @Field(() => Float) livingAreaSqm!: number;
  @Field(() => Tenure) tenure!: Tenure;
  @Field(() => Int, { nullable: true }) residenceMonths?: number;
  @Field(() => Boolean) housingSafe!: boolean;
  @Field(() => Boolean) housingAdaptable!: boolean;
  @Field(() => Boolean) notDueForDemolition!: boolean;
  @Field(() => String, { nullable: true }) ownerName?: string;
  @Field(() => Int, { defaultValue: 0 }) priorAdaptationFen!: number;
  @Field(() => String, { nullable: true }) priorAdaptationNote?: string;
  @Field(() => String, { nullable: true }) guardianName?: string;
  @Field(() => String, { nullable: true }) guardianRelation?: string;
  @Field(() => String, { nullable: true }) guardianPhone?: string;
  @Field(() => Int) monthlyIncomeFen!: number;
}

@InputType({ description: '评估设计的一项（附件4）' })
export class CareBedLineInput {
  @Field(() => String) itemCode!: string;
  @Field(() => String) model!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) estimateFen!: number;
}

@InputType({ description: '验收时逐项核实的一项（附件6）' })
export class CareBedLineCheckInput {
  @Field(() => String) itemCode!: string;
  @Field(() => Boolean) verified!: boolean;
  @Field(() => Int) actualFen!: number;
}

@InputType({ description: '第三方验收（附件6）' })
export class AcceptCareBedInput {
  @Field(() => Boolean) passed!: boolean;
  @Field(() => Satisfaction) satisfaction!: Satisfaction;
  @Field(() => String) streetOpinion!: string;
  @Field(() => String) districtOpinion!: string;
  @Field(() => String, { nullable: true }) remarks?: string;
  @Field(() => [CareBedLineCheckInput]) lines!: CareBedLineCheckInput[];
}

@ObjectType({ description: '登记或更换密钥后的智能设备；密钥只在此显示一次，请写入设备（004 三(一)）' })
export class CareBedDeviceSecret {
  @Field(() => ID) deviceId!: string;
  @Field(() => ID) careBedId!: string;
  @Field(() => String, { description: '设备编号' }) serial!: string;
  @Field(() => String, { description: '设备签名密钥（HMAC-SHA256），只显示一次' }) secret!: string;
}
