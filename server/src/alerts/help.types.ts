// One-tap help from the mini-program (000 四 线上服务表: 紧急救援, 联络紧急联络人, 定位查询): the numbers
// to ring, and the record of the call that the call centre and the community see as an alert.
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const HelpPurpose = enumOf('SOS', 'FAMILY', 'LOCATE');
export type HelpPurpose = keyof typeof HelpPurpose;
registerEnumType(HelpPurpose, { name: 'HelpPurpose', description: '紧急救援 / 联络紧急联络人 / 定位查询' });

@ObjectType({ description: '一键呼叫的号码：服务平台、热线（如 12349）、急救 120、家属和紧急联系人' })
export class HelpLine {
  @Field(() => String, { description: 'CALL_CENTRE 平台呼叫中心 / HOTLINE 服务热线 / EMERGENCY 急救 / FAMILY 家属' })
  kind!: string;
  @Field(() => String) name!: string;
  @Field(() => String) phone!: string;
  @Field(() => [HelpPurpose], { description: '这个号码接哪些求助' }) purposes!: HelpPurpose[];
  @Field(() => String, { nullable: true, description: '出处条款（政策文件）' }) source?: string | null;
}

@ObjectType({ description: '属于“呼叫”而不是“预约”的线上服务' })
export class HelpAction {
  @Field(() => String, { description: '服务指南中的服务编码' }) itemCode!: string;
  @Field(() => HelpPurpose) purpose!: HelpPurpose;
}

@ObjectType({ description: '老人的一键呼叫：可拨打的号码，和哪些线上服务直接呼叫' })
export class HelpDesk {
  @Field(() => [HelpLine]) lines!: HelpLine[];
  @Field(() => [HelpAction]) actions!: HelpAction[];
}

@InputType({ description: '一键求助：记录给呼叫中心和社区，可附老人位置' })
export class CallForHelpInput {
  @Field(() => ID) elderId!: string;
  @Field(() => HelpPurpose) purpose!: HelpPurpose;
  @Field(() => String, { description: '拨出的号码（从 helpDesk 的号码中选）' }) phone!: string;
  @Field(() => Float, { nullable: true, description: '老人同意定位时的纬度' }) latitude?: number | null;
  @Field(() => Float, { nullable: true, description: '老人同意定位时的经度' }) longitude?: number | null;
}

@ObjectType({ description: '已记录的求助' })
export class HelpCall {
  @Field(() => ID, { description: '告警编号（呼叫中心据此跟进）' }) alertId!: string;
  @Field(() => HelpPurpose) purpose!: HelpPurpose;
  @Field(() => String) phone!: string;
  @Field(() => Date) raisedAt!: Date;
  @Field(() => Boolean, { description: '是否附带了位置' }) located!: boolean;
  @Field(() => Boolean, { description: '已有一条求助在处理中，这次呼叫记在它下面' }) alreadyOpen!: boolean;
}
