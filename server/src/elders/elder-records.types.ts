import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { ElderFlag, LivingSituation, SelfCareAbility } from '../common/enums.js';
import { TerminationReason } from '../enrolment/index.js';
import { AttachmentKind } from './attachments.service.js';
import { Elder } from './elders.types.js';
import { ExitSuggestionStatus } from './exit-suggestions.service.js';

export const ContactKind = { GUARDIAN: 'GUARDIAN', EMERGENCY: 'EMERGENCY' } as const;
registerEnumType(ContactKind, { name: 'ContactKind', description: '监护人 / 紧急联系人' });
registerEnumType(ExitSuggestionStatus, {
  name: 'ExitSuggestionStatus',
  description: '待确认 / 已确认退出 / 已驳回 / 已失效（重新符合条件）',
});
registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description: '身份证 / 户口簿 / 低保证或特困证 / 能力评估报告 / 签字页 / 其他',
});

@ObjectType({ description: '监护人或紧急联系人' })
export class ElderContact {
  @Field(() => ContactKind) kind!: keyof typeof ContactKind;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '与老人关系' }) relation!: string;
  @Field(() => String) phone!: string;
}

@InputType()
export class ElderContactInput {
  @Field(() => ContactKind) kind!: keyof typeof ContactKind;
  @Field(() => String) @Length(1, 30) name!: string;
  @Field(() => String) @Length(1, 20) relation!: string;
  @Field(() => String) phone!: string;
}

@InputType({ description: '老人档案变更（动态管理）：只填要改的项；可清空的项填 null 即清空' })
export class UpdateElderInput {
  @Field(() => ID) elderId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) name?: string;
  @Field(() => String, { nullable: true, description: '更正身份证号；出生日期和性别随之更新' })
  @IsOptional()
  idNumber?: string;
  @Field(() => String, { nullable: true, description: '手机号或固定电话；null 清空' }) @IsOptional() phone?:
    string | null;
  @Field(() => String, { nullable: true, description: '迁入的现居住社区（村）代码，须在您的辖区内' })
  @IsOptional()
  communityCode?: string;
  @Field(() => String, { nullable: true, description: '户籍所在社区（村）代码；null 视为与现居住地相同' })
  @IsOptional()
  hukouCommunityCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) address?: string;
  @Field(() => Float, { nullable: true, description: '地图选点或手工录入的纬度，须与经度同时填写' })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(-180) @Max(180) longitude?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 20) ethnicity?: string | null;
  @Field(() => LivingSituation, { nullable: true }) @IsOptional() livingSituation?: LivingSituation;
  @Field(() => String, { nullable: true, description: '收入情况' }) @IsOptional() @Length(0, 50) incomeSource?:
    string | null;
  @Field(() => Int, { nullable: true, description: '家庭人口' }) @IsOptional() householdSize?: number | null;
  @Field(() => Int, { nullable: true, description: '家庭人均月收入（分）' }) @IsOptional() monthlyIncomeFen?:
    number | null;
  @Field(() => SelfCareAbility, { nullable: true }) @IsOptional() selfCareAbility?: SelfCareAbility;
  @Field(() => Int, { nullable: true, description: '残疾等级 1–4；null 表示无残疾证。一、二级自动标记“一、二级残疾”' })
  @IsOptional()
  disabilityGrade?: number | null;
  @Field(() => [ElderFlag], { nullable: true, description: '老人情况（整体替换）' })
  @IsOptional()
  @ArrayMaxSize(10)
  flags?: ElderFlag[];
  @Field(() => Boolean, {
    nullable: true,
    description: '是否享受长期护理保险（阳城：享受者不再享受政府购买服务，001 三(三)）',
  })
  @IsOptional()
  longTermCareInsurance?: boolean;
  @Field(() => [ElderContactInput], { nullable: true, description: '监护人和紧急联系人（整体替换）' })
  @IsOptional()
  @ArrayMaxSize(10)
  contacts?: ElderContactInput[];
  @Field(() => String, { nullable: true, description: '变更原因，记入变更记录' }) @IsOptional() @Length(0, 200) note?:
    string | null;
}

@ObjectType({ description: '一项变更：原值和新值（身份证号、电话已脱敏）' })
export class FieldChange {
  @Field(() => String) field!: string;
  @Field(() => String, { description: '项目名称' }) label!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType({ description: '档案变更记录' })
export class ElderChange {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String, {
    description: 'ELDER_REGISTERED / ELDER_UPDATED / EXIT_SUGGESTED / EXIT_SUGGESTION_CONFIRMED / … / ATTACHMENT_ADDED',
  })
  action!: string;
  @Field(() => String, { nullable: true, description: '办理人' }) actorName!: string | null;
  @Field(() => String, { nullable: true }) actorRole!: string | null;
  @Field(() => [FieldChange]) changes!: FieldChange[];
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType()
export class ElderChangeConnection extends ConnectionType(ElderChange, 'ElderChange') {}

@ObjectType({ description: '退出建议：档案变更后老人不再符合项目条件，由工作人员确认或驳回' })
export class ExitSuggestion {
  @Field(() => ID) id!: string;
  elderId!: string;
  @Field(() => Elder) elder!: Elder;
  @Field(() => ID) enrolmentId!: string;
  @Field(() => TerminationReason, { description: '确认后按此原因终止服务' }) reason!: string;
  @Field(() => Boolean, { description: '是否因项目的排除条件（如享受长护险）' }) exclusion!: boolean;
  @Field(() => String, { nullable: true, description: '依据条款' }) source!: string | null;
  @Field(() => String) explanation!: string;
  @Field(() => ExitSuggestionStatus) status!: ExitSuggestionStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '确认备注或驳回理由' }) decisionNote!: string | null;
}

@ObjectType()
export class ExitSuggestionConnection extends ConnectionType(ExitSuggestion, 'ExitSuggestion') {}

@InputType({ description: '把已上传的材料（POST /files?purpose=attachment）附到老人档案或申请上' })
export class AttachElderFileInput {
  @Field(() => ID) elderId!: string;
  @Field(() => AttachmentKind) kind!: AttachmentKind;
  @Field(() => ID, { description: 'POST /files?purpose=attachment 返回的编号' }) fileId!: string;
  @Field(() => ID, { nullable: true, description: '所属申请；不填则附在档案上' }) @IsOptional() applicationId?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 200) note?: string | null;
}

@ObjectType({ description: '老人的证件或申请材料' })
export class ElderAttachment {
  @Field(() => ID) id!: string;
  @Field(() => AttachmentKind) kind!: AttachmentKind;
  @Field(() => ID, { nullable: true }) applicationId!: string | null;
  @Field(() => String, { description: '查看地址（GET，带登录令牌）' }) url!: string;
  @Field(() => String) mimeType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) createdAt!: Date;
}
