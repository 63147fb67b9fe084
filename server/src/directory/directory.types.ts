// The public directory (002 二(三)10): what anyone may read about a programme without login.
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '公开的养老服务设施' })
export class DirectoryFacility {
  @Field(() => String) name!: string;
  @Field(() => String, { description: '设施类型代码' }) kind!: string;
  @Field(() => String, { description: '设施类型' }) kindLabel!: string;
  @Field(() => String, { nullable: true, description: '所在街道' }) street!: string | null;
  @Field(() => String, { description: '所在社区' }) community!: string;
  @Field(() => String) address!: string;
  @Field(() => String, { description: '已验收 / 运营中 / 暂停运营' }) status!: string;
  @Field(() => String, { nullable: true, description: '运营机构' }) operator!: string | null;
  @Field(() => Boolean, { description: '“互联网+明厨亮灶”已上线' }) kitchenCamera!: boolean;
}

@ObjectType({ description: '公开的服务机构及其职责' })
export class DirectoryProvider {
  @Field(() => String) name!: string;
  @Field(() => [String], { description: '服务片区' }) areas!: string[];
  @Field(() => String, { description: '职责' }) duties!: string;
}

@ObjectType({ description: '申请办理流程的一步' })
export class DirectoryStep {
  @Field(() => Int) step!: number;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: '办理单位' }) by!: string | null;
  @Field(() => Int, { nullable: true, description: '天数（公示期）' }) days!: number | null;
}

@ObjectType({ description: '服务项目的服务标准' })
export class DirectoryStandard {
  @Field(() => String) name!: string;
  @Field(() => String) category!: string;
  @Field(() => String) standard!: string;
}

@ObjectType({ description: '养老服务信息公开：设施、服务机构及职责、办理流程和服务标准（002 二(三)10）' })
export class PublicDirectory {
  @Field(() => String) policyCode!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '发文单位' }) issuer!: string;
  @Field(() => String, { nullable: true, description: '文号' }) documentNumber!: string | null;
  @Field(() => String, { description: '政策条款' }) source!: string;
  @Field(() => [DirectoryFacility]) facilities!: DirectoryFacility[];
  @Field(() => [DirectoryProvider]) providers!: DirectoryProvider[];
  @Field(() => [DirectoryStep], { description: '申请办理流程' }) procedure!: DirectoryStep[];
  @Field(() => String, { description: '办理流程的政策条款' }) procedureSource!: string;
  @Field(() => [DirectoryStandard], { description: '服务标准' }) standards!: DirectoryStandard[];
}
