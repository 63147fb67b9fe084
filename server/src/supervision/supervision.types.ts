// Supervision (003 四(三)): star ratings of facilities and providers, 通报批评 and 取消服务资格, and awards.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const SupervisionKind = enumOf('PUBLIC_CRITICISM', 'DISQUALIFICATION', 'AWARD');
export type SupervisionKind = keyof typeof SupervisionKind;
registerEnumType(SupervisionKind, {
  name: 'SupervisionKind',
  description: '通报批评 / 取消服务资格 / 表彰（003 四(三)）',
});

@ObjectType({ description: '监管登记：通报批评、取消服务资格和表彰（003 四(三)）' })
export class SupervisionRecord {
  @Field(() => ID) id!: string;
  @Field(() => SupervisionKind) kind!: string;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => String, { nullable: true, description: '服务机构名称' }) providerName!: string | null;
  @Field(() => ID, { nullable: true }) facilityId!: string | null;
  @Field(() => String, { nullable: true, description: '设施名称' }) facilityName!: string | null;
  @Field(() => String, { nullable: true, description: '受表彰的个人' }) personName!: string | null;
  @Field(() => String, { nullable: true, description: '表彰项目代码' }) award!: string | null;
  @Field(() => String, { nullable: true, description: '表彰项目名称' }) awardName!: string | null;
  @Field(() => String, { description: '政策条款' }) clause!: string;
  @Field(() => String) reason!: string;
  @Field(() => Date) createdAt!: Date;
}

@InputType({ description: '登记通报批评、取消服务资格或表彰' })
export class RecordSupervisionInput {
  @Field(() => String, { description: '项目代码，如 LUOYANG_2013' }) policyCode!: string;
  @Field(() => SupervisionKind) kind!: string;
  @Field(() => ID, { nullable: true, description: '服务机构（通报批评、取消服务资格、满意服务组织）' })
  providerId?: string | null;
  @Field(() => ID, { nullable: true, description: '设施（示范性日间照料中心）' }) facilityId?: string | null;
  @Field(() => String, { nullable: true, description: '受表彰的个人姓名（优秀为老服务人员）' }) personName?:
    string | null;
  @Field(() => ID, { nullable: true, description: '受表彰个人的护理员记录（可不填）' }) caregiverId?: string | null;
  @Field(() => String, { nullable: true, description: '表彰项目代码（见项目文件的表彰项目）' }) award?: string | null;
  @Field(() => String, { description: '事由' }) reason!: string;
}

@ObjectType({ description: '星级评定的一项量化指标及得分' })
export class StarCriterion {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: '得分（扣分为负）' }) points!: number;
}

@ObjectType({ description: '一个设施或服务机构的星级评定（003 四(三)）' })
export class StarRating {
  @Field(() => String, { description: 'FACILITY 设施 / PROVIDER 服务机构' }) subject!: string;
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: '总分（0–100）' }) score!: number;
  @Field(() => Int, { description: '星级（1–5）' }) stars!: number;
  @Field(() => Boolean, { description: '已被取消服务资格（服务机构）' }) disqualified!: boolean;
  @Field(() => [StarCriterion]) criteria!: StarCriterion[];
}

@ObjectType({ description: '项目的星级评定：各设施和服务机构，指标和分数线见项目文件' })
export class StarRatings {
  @Field(() => [StarRating]) facilities!: StarRating[];
  @Field(() => [StarRating]) providers!: StarRating[];
  @Field(() => String, { description: '政策条款' }) source!: string;
  @Field(() => Boolean, { description: '指标和分值是否为假定（原文未给）' }) assumed!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
}
