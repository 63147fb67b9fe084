import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';
import { FACILITY_KINDS, FUND_SOURCES } from '../policies/index.js';

// The kinds and fund sources are the policy document's lists, so a programme can name no kind the API lacks.
export const FacilityKind = enumOf(...FACILITY_KINDS);
export type FacilityKind = keyof typeof FacilityKind;
registerEnumType(FacilityKind, {
  name: 'FacilityKind',
  description: '日间照料中心 / 老年人服务站点 / 幸福食堂 / 助餐点 / 街道枢纽型养老服务设施 / 养老服务综合体',
});
export const FacilityStatus = enumOf('PLANNED', 'BUILDING', 'ACCEPTED', 'OPERATING', 'SUSPENDED', 'CLOSED');
export type FacilityStatus = keyof typeof FacilityStatus;
registerEnumType(FacilityStatus, { name: 'FacilityStatus', description: '规划 / 建设 / 验收 / 运营 / 暂停 / 关闭' });
export const PremisesSource = enumOf(
  'PURCHASED',
  'LEASED',
  'ALLOCATED',
  'INFILL',
  'ENTERPRISE_SHARED',
  'DEVELOPER_BUILT',
);
registerEnumType(PremisesSource, {
  name: 'PremisesSource',
  description: '用房来源（003 二(一)2）：政府购买 / 租赁 / 调配 / 插建 / 企业共建 / 开发商配建',
});
export const OperatingMode = enumOf('COMMUNITY_RUN', 'HOME_CARE_COMPANY', 'CARE_INSTITUTION', 'SOCIAL_ORGANISATION');
registerEnumType(OperatingMode, {
  name: 'OperatingMode',
  description: '运营方式（003 二(一)3）：社区管理 / 委托居家养老服务公司 / 养老机构承包 / 社会组织托管',
});
export const FacilityRoomKind = enumOf('REST', 'DINING', 'HEALTH', 'READING', 'ACTIVITY', 'OFFICE');
registerEnumType(FacilityRoomKind, {
  name: 'FacilityRoomKind',
  description: '“六有”（003 二(一)1）：休息室 / 餐厅 / 保健室 / 阅览室 / 多功能活动室 / 办公室',
});
export const FundSource = enumOf(...FUND_SOURCES);
registerEnumType(FundSource, {
  name: 'FundSource',
  description: '资金来源：市级财政 / 区级财政 / 县级财政 / 福利彩票公益金 / 慈善捐赠',
});
export const FacilityGrantKind = enumOf('STARTUP', 'OPERATING', 'ANNUAL', 'MEAL');
registerEnumType(FacilityGrantKind, {
  name: 'FacilityGrantKind',
  description: '一次性开办补助 / 运行补贴 / 年度运营补助（幸福食堂）/ 助餐运营补助（002 二(二)7）',
});
export const StartupGrantStatus = enumOf('PROPOSED', 'DISBURSED', 'REJECTED', 'CLAWED_BACK');
registerEnumType(StartupGrantStatus, {
  name: 'StartupGrantStatus',
  description: '区级已提出补助意见 / 市级已审核拨付 / 未通过 / 已追回',
});

@ObjectType({ description: '“六有”功能用房之一：是否具备及面积' })
export class FacilityRoom {
  @Field(() => FacilityRoomKind) kind!: string;
  @Field(() => Boolean) present!: boolean;
  @Field(() => Int, { nullable: true, description: '面积（平方米）' }) areaM2!: number | null;
}

@ObjectType({ description: '服务用房面积分类（003 二(一)2）：按社区老年人口数确定最低面积；不达标只提示，不拒绝' })
export class FacilityAreaTier {
  @Field(() => String, { description: 'ASSESSED 已评定 / NOT_APPLICABLE 不适用 / PENDING_SOURCE 新建小区标准待补充' })
  status!: string;
  @Field(() => Int, { nullable: true, description: '类别：一类、二类、三类' }) tier!: number | null;
  @Field(() => Int, { nullable: true, description: '最低服务用房面积（平方米）' }) requiredM2!: number | null;
  @Field(() => Boolean, { nullable: true }) compliant!: boolean | null;
  @Field(() => Int, { nullable: true, description: '差额（平方米）' }) shortfallM2!: number | null;
  @Field(() => Int, { description: '计算所用的老年人口数' }) elders!: number;
  @Field(() => String, { description: 'REGISTRY 老人登记库 / STATISTIC 录入的统计数' }) eldersFrom!: string;
  @Field(() => String, { nullable: true, description: '统计日期（YYYY-MM-DD）' }) eldersOn!: string | null;
  @Field(() => String, { nullable: true, description: '政策条款' }) source!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: '设施状态变更记录' })
export class FacilityStatusChange {
  @Field(() => FacilityStatus, { nullable: true }) from!: string | null;
  @Field(() => FacilityStatus) to!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: '一笔设施补助（每笔记账交易一条，带资金来源）' })
export class FacilityGrant {
  @Field(() => ID) id!: string;
  @Field(() => FacilityGrantKind) kind!: string;
  @Field(() => String, { description: '月份（YYYY-MM）；一次性开办补助为 ONCE' }) period!: string;
  @Field(() => FundSource) fundSource!: string;
  @Field(() => Int, { description: '金额（分）' }) amountFen!: number;
  @Field(() => Boolean, { description: '是否为追回' }) clawback!: boolean;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '一次性开办补助（003 三(一)）：区级验收提出意见，市级审核拨付' })
export class StartupGrant {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '金额（分）' }) amountFen!: number;
  @Field(() => String, { nullable: true }) scaleNote!: string | null;
  @Field(() => StartupGrantStatus) status!: string;
  @Field(() => Date) proposedAt!: Date;
  @Field(() => Date, { nullable: true, description: '拨款到账时间；两年追回期由此起算' }) disbursedAt!: Date | null;
  @Field(() => Date, { nullable: true }) clawedBackAt!: Date | null;
}

@ObjectType({ description: '养老服务设施：日间照料中心、服务站点、幸福食堂、助餐点等' })
export class Facility {
  @Field(() => ID) id!: string;
  @Field(() => FacilityKind) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '所属社区代码' }) communityCode!: string;
  @Field(() => String) address!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => Int, { description: '建筑面积（平方米）' }) floorAreaM2!: number;
  @Field(() => Int, { description: '委托协议中提供的服务用房面积（平方米），运行补贴按此计算' })
  contractedAreaM2!: number;
  @Field(() => PremisesSource) premisesSource!: string;
  @Field(() => OperatingMode, { nullable: true }) operatingMode!: string | null;
  @Field(() => ID, { nullable: true, description: '运营机构（签有协议的服务机构）' }) operatorId!: string | null;
  @Field(() => String, { description: '出资方' }) funder!: string;
  @Field(() => ID, { nullable: true, description: '所属日间照料中心' }) parentId!: string | null;
  @Field(() => Boolean, { description: '新建住宅小区（按建标143-2010 配建）' }) newEstate!: boolean;
  @Field(() => Boolean, { description: '食堂“互联网+明厨亮灶”摄像已上线（002 二(七)22）' }) kitchenCamera!: boolean;
  @Field(() => FacilityStatus) status!: string;
  @Field(() => Date, { nullable: true, description: '开始运营时间' }) operatingSince!: Date | null;
  @Field(() => [FacilityRoom]) rooms!: FacilityRoom[];
  @Field(() => FacilityAreaTier) areaTier!: FacilityAreaTier;
  @Field(() => [FacilityStatusChange]) statusHistory!: FacilityStatusChange[];
  @Field(() => StartupGrant, { nullable: true }) startupGrant!: StartupGrant | null;
  @Field(() => [FacilityGrant]) grants!: FacilityGrant[];
}

@InputType()
export class FacilityRoomInput {
  @Field(() => FacilityRoomKind) kind!: string;
  @Field(() => Boolean) present!: boolean;
  @Field(() => Int, { nullable: true }) areaM2?: number | null;
}

@InputType({ description: '登记一个养老服务设施' })
export class CreateFacilityInput {
  @Field(() => String, { description: '适用的项目代码，如 LUOYANG_2013' }) policyCode!: string;
  @Field(() => FacilityKind) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => String) communityCode!: string;
  @Field(() => String) address!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => Int) floorAreaM2!: number;
  @Field(() => Int) contractedAreaM2!: number;
  @Field(() => PremisesSource) premisesSource!: string;
  @Field(() => OperatingMode, { nullable: true }) operatingMode?: string | null;
  @Field(() => ID, { nullable: true }) operatorId?: string | null;
  @Field(() => String) funder!: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => Boolean, { nullable: true }) newEstate?: boolean | null;
  @Field(() => Int, { nullable: true, description: '社区老年人口统计数；不填则按老人登记库计' }) elderCount?:
    number | null;
  @Field(() => String, { nullable: true, description: '统计日期（YYYY-MM-DD）' }) elderCountOn?: string | null;
  @Field(() => [FacilityRoomInput], { nullable: true }) rooms?: FacilityRoomInput[] | null;
}

@ObjectType({ description: '10 分钟社区服务圈（003 二(二)2）：步行距离内有运营中设施的老人所占比例' })
export class FacilityServiceCircle {
  @Field(() => Int, { description: '步行分钟数' }) minutes!: number;
  @Field(() => Int, { description: '计算所用的距离（米，直线）' }) walkMeters!: number;
  @Field(() => Int, { description: '有住址坐标的在册老人数' }) eldersLocated!: number;
  @Field(() => Int, { description: '没有住址坐标、未计入的老人数' }) eldersUnlocated!: number;
  @Field(() => Int, { description: '距离内有运营中设施的老人数' }) eldersWithin!: number;
  @Field(() => Float, { nullable: true, description: '比例（0–1）；没有有坐标的老人时为空' }) share!: number | null;
  @Field(() => String) source!: string;
  @Field(() => Boolean, { description: '距离是否为假定（原文未给）' }) assumed!: boolean;
}

@ObjectType({ description: '一个区县的设施覆盖和面积达标情况；目标：所有社区建成日间照料中心（003 一）' })
export class FacilityDistrictLine {
  @Field(() => String) districtCode!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) facilities!: number;
  @Field(() => Int) operating!: number;
  @Field(() => Int, { description: '社区数' }) communities!: number;
  @Field(() => Int, { description: '有运营中日间照料中心的社区数' }) communitiesWithCentre!: number;
  @Field(() => Int, { description: '已按面积分类评定的设施数' }) assessed!: number;
  @Field(() => Int) compliant!: number;
  @Field(() => [String], { description: '面积低于分类标准的设施' }) belowTier!: string[];
  @Field(() => FacilityServiceCircle, {
    nullable: true,
    description: '10 分钟服务圈（003 二(二)2）；项目未规定距离时为空',
  })
  serviceCircle!: FacilityServiceCircle | null;
}

@ObjectType({ description: '按补助类型、资金来源和月份汇总的设施补助' })
export class FacilityGrantLine {
  @Field(() => FacilityGrantKind) kind!: string;
  @Field(() => FundSource) fundSource!: string;
  @Field(() => String) month!: string;
  @Field(() => Int) paidFen!: number;
  @Field(() => Int) clawedBackFen!: number;
}

@ObjectType({ description: '追回登记：两年内暂停服务追回的一次性开办补助（003 三(一)）' })
export class FacilityClawback {
  @Field(() => ID) facilityId!: string;
  @Field(() => String) name!: string;
  @Field(() => FundSource) fundSource!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: '养老服务设施报表' })
export class FacilityReport {
  @Field(() => [FacilityDistrictLine]) byDistrict!: FacilityDistrictLine[];
  @Field(() => [FacilityGrantLine]) grants!: FacilityGrantLine[];
  @Field(() => [FacilityClawback]) clawbacks!: FacilityClawback[];
}
