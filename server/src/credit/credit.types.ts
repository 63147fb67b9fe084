// Credit records (信用体系, 002 二(三)10): events, appeals, a subject's record and the public lists.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const CreditSubjectType = enumOf('PROVIDER', 'CAREGIVER', 'ELDER');
registerEnumType(CreditSubjectType, { name: 'CreditSubjectType', description: '信用主体：服务机构 / 护理员 / 老人' });
export const CreditEventKind = enumOf(
  'COMPLAINT_AT_FAULT',
  'SLA_BREACH',
  'FALSE_RECORD',
  'EXTRA_CHARGE',
  'CASH_OUT',
  'CERTIFICATE_LAPSED',
  'COMMENDATION',
  'INSPECTION_FINDING',
);
registerEnumType(CreditEventKind, {
  name: 'CreditEventKind',
  description:
    '投诉属实 / 投诉超时 / 服务记录不实 / 违规额外收费 / 套取现金 / 证件过期 / 表扬 / 检查发现问题（002 二(三)10）',
});

@ObjectType({ description: '对信用记录的申诉' })
export class CreditAppeal {
  @Field(() => ID) id!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: 'PENDING 待处理 / UPHELD 申诉成立（记录撤销）/ DISMISSED 驳回' }) status!: string;
  @Field(() => String, { nullable: true, description: '处理意见' }) decision!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '一条信用记录' })
export class CreditEvent {
  @Field(() => ID) id!: string;
  @Field(() => CreditSubjectType) subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => CreditEventKind) kind!: string;
  @Field(() => String, { description: '事件名称（项目文件）' }) label!: string;
  @Field(() => Int, { description: '分值（扣分为负）' }) points!: number;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: '证据' }) evidence!: string;
  @Field(() => String, { description: 'ACTIVE 有效 / REVERSED 已撤销（申诉成立）' }) status!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date, { nullable: true }) reversedAt!: Date | null;
  @Field(() => [CreditAppeal]) appeals!: CreditAppeal[];
}

@ObjectType({ description: '信用主体的信用档案：信用分、其后果和各条记录' })
export class CreditRecord {
  @Field(() => CreditSubjectType) subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => String) subjectName!: string;
  @Field(() => Int, { description: '基础分' }) base!: number;
  @Field(() => Int, { description: '信用分：基础分加有效期内有效记录的分值' }) score!: number;
  @Field(() => String, { nullable: true, description: '护理员派单：NORMAL 正常 / LOWERED 靠后 / BARRED 暂停派单' })
  dispatch!: string | null;
  @Field(() => Boolean, { nullable: true, description: '服务机构：信用分低于线，暂缓结算' }) settlementHeld!:
    boolean | null;
  @Field(() => String, { nullable: true, description: '服务机构：RED 红名单 / BLACK 黑名单' }) publicList!:
    string | null;
  @Field(() => String, { description: '政策条款' }) source!: string;
  @Field(() => [CreditEvent]) events!: CreditEvent[];
}

@ObjectType({ description: '公开名单上的服务机构' })
export class CreditListEntry {
  @Field(() => String) name!: string;
  @Field(() => Int) score!: number;
}

@ObjectType({ description: '服务机构信用红黑名单（公开）' })
export class CreditPublicList {
  @Field(() => [CreditListEntry]) red!: CreditListEntry[];
  @Field(() => [CreditListEntry]) black!: CreditListEntry[];
  @Field(() => Int, { description: '红名单分数线（含）' }) redAtLeast!: number;
  @Field(() => Int, { description: '黑名单分数线（低于）' }) blackBelow!: number;
  @Field(() => String) source!: string;
}

@InputType({ description: '登记信用事件（表扬、检查发现问题、违规额外收费），须附证据' })
export class RecordCreditEventInput {
  @Field(() => String, { description: '项目代码' }) policyCode!: string;
  @Field(() => CreditSubjectType) subjectType!: 'PROVIDER' | 'CAREGIVER' | 'ELDER';
  @Field(() => ID) subjectId!: string;
  @Field(() => CreditEventKind) kind!: never;
  @Field(() => String, { description: '事由' }) reason!: string;
  @Field(() => String, { nullable: true, description: '证据：检查记录、照片或文件编号（必填）' }) evidence?:
    string | null;
}

@ObjectType({ description: '申诉及其信用记录' })
export class CreditAppealWithEvent extends CreditAppeal {
  @Field(() => CreditEvent) event!: CreditEvent;
}
