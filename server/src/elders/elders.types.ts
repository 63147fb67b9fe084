import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { ElderFlag, ElderStatus, Gender, LivingSituation, SelfCareAbility } from '../common/enums.js';
import { Region } from '../regions/index.js';

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(ElderStatus, { name: 'ElderStatus', description: '登记 / 享受服务中 / 已终止 / 已故' });
registerEnumType(SelfCareAbility, { name: 'SelfCareAbility', description: '自理 / 半自理 / 失能' });
registerEnumType(LivingSituation, { name: 'LivingSituation', description: '居住情况' });
registerEnumType(ElderFlag, { name: 'ElderFlag', description: '资格相关标记：低保、特困、失独、残疾、长护险等' });

@ObjectType({ description: '政策（项目）摘要' })
export class PolicyRef {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: '家属' })
export class FamilyMember {
  @Field(() => ID, { description: '家属的用户 ID' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '与老人关系' }) relation!: string;
}

@ObjectType({ description: '老人' })
export class Elder {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Gender) gender!: Gender;
  @Field(() => String, { description: '出生日期 YYYY-MM-DD' }) birthDate!: string;
  @Field(() => Int, { description: '周岁（按北京时间当日计算）' }) age!: number;
  @Field(() => String, { description: '脱敏身份证号，如 4201**********1234' }) idNumberMasked!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  communityId!: string;
  @Field(() => Region) community!: Region;
  @Field(() => String) address!: string;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => LivingSituation) livingSituation!: LivingSituation;
  @Field(() => SelfCareAbility) selfCareAbility!: SelfCareAbility;
  @Field(() => [ElderFlag]) flags!: ElderFlag[];
  @Field(() => Int, { nullable: true, description: '残疾等级 1–4（一级最重）；无残疾证为空' }) disabilityGrade!:
    number | null;
  @Field(() => Int, { nullable: true, description: '家庭人口' }) householdSize!: number | null;
  @Field(() => ElderStatus) status!: ElderStatus;
  @Field(() => Date) createdAt!: Date;
  idNumberEnc!: string;
  @Field(() => [FamilyMember]) family?: FamilyMember[];
}

@ObjectType()
export class ElderConnection extends ConnectionType(Elder, 'Elder') {}

@InputType({ description: '老人登记信息（《居家养老服务申请表》基本信息）' })
export class RegisterElderInput {
  @Field(() => String) @Length(1, 50) name!: string;
  @Field(() => Gender, { nullable: true, description: '不填时按身份证号判断；填写时须与身份证号一致' })
  @IsOptional()
  gender?: Gender;
  @Field(() => String, { description: 'YYYY-MM-DD，须与身份证号中的出生日期一致' }) birthDate!: string;
  @Field(() => String, { description: '18 位居民身份证号' }) idNumber!: string;
  @Field(() => String, { nullable: true, description: '手机号或固定电话' }) @IsOptional() phone?: string;
  @Field(() => String, { description: '现居住社区（村）行政区划代码' }) communityCode!: string;
  @Field(() => String, { nullable: true, description: '户籍所在社区（村）代码；不填视为与现居住地相同' })
  @IsOptional()
  hukouCommunityCode?: string;
  @Field(() => String) @Length(1, 200) address!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(-90) @Max(90) latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(-180) @Max(180) longitude?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 20) ethnicity?: string;
  @Field(() => LivingSituation, { nullable: true }) @IsOptional() livingSituation?: LivingSituation;
  @Field(() => String, { nullable: true, description: '收入情况' }) @IsOptional() @Length(1, 50) incomeSource?: string;
  @Field(() => SelfCareAbility, { nullable: true }) @IsOptional() selfCareAbility?: SelfCareAbility;
  @Field(() => [ElderFlag], { nullable: true }) @IsOptional() @ArrayMaxSize(10) flags?: ElderFlag[];
}

@InputType()
export class ElderFilter {
  @Field(() => String, { nullable: true, description: '社区（村）或街道、区县代码' }) communityCode?: string;
  @Field(() => ElderStatus, { nullable: true }) status?: ElderStatus;
  @Field(() => String, { nullable: true, description: '姓名、电话，或完整身份证号' }) search?: string;
  @Field(() => String, {
    nullable: true,
    description:
      '服务对象类别代码（如 HP_LOW_INCOME，见 policies 的 categories）：在册的按当前类别，已退出的按最近一次',
  })
  category?: string;
}

@ObjectType({ description: '家属关联码：家属在小程序中输入后即可查看和为老人下单' })
export class FamilyLinkCode {
  @Field(() => String, { description: '8 位关联码（一次有效）' }) code!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Elder) elder!: Elder;
}
