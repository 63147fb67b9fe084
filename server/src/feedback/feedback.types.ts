import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { enumOf } from '../common/enums.js';

export const Satisfaction = enumOf('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');
export type Satisfaction = keyof typeof Satisfaction;
export const ComplaintStatus = enumOf('OPEN', 'RESPONDED', 'CLOSED');
export type ComplaintStatus = keyof typeof ComplaintStatus;
registerEnumType(Satisfaction, { name: 'Satisfaction', description: '满意 / 基本满意 / 不满意' });
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus', description: '待处理 / 已答复待回访 / 已办结' });

@ObjectType({ description: '老人或家属的评价' })
export class Rating {
  @Field(() => Int) stars!: number;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: '呼叫中心回访记录' })
export class FollowUp {
  @Field(() => Satisfaction) satisfaction!: Satisfaction;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: '待回访的服务（服务完成后 48 小时内）' })
export class FollowUpTask {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => String) elderName!: string;
  @Field(() => String, { nullable: true }) elderPhone!: string | null;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Boolean, { description: '已超过回访时限' }) overdue!: boolean;
}

@ObjectType({ description: '投诉' })
export class Complaint {
  @Field(() => ID) id!: string;
  @Field(() => ID) elderId!: string;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field(() => String) content!: string;
  @Field(() => ComplaintStatus) status!: ComplaintStatus;
  @Field(() => Date, { description: '处理时限' }) dueAt!: Date;
  @Field(() => String, { nullable: true }) response!: string | null;
  @Field(() => Int, { description: '已回访次数' }) revisits!: number;
  @Field(() => Boolean, { nullable: true }) satisfied!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '经核实责任在服务机构' }) providerAtFault!: boolean | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true, description: '最近一次回访的情况（回访人填写）' }) revisitNote!: string | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}

export const ComplaintConnection = ConnectionType(Complaint, 'Complaint');
export const FollowUpTaskConnection = ConnectionType(FollowUpTask, 'FollowUpTask');

@InputType()
export class FileComplaintInput {
  @Field(() => ID) elderId!: string;
  @Field(() => ID, { nullable: true }) orderId?: string | null;
  @Field(() => String) content!: string;
}

@InputType()
export class ComplaintFilter {
  @Field(() => ComplaintStatus, { nullable: true }) status?: ComplaintStatus | null;
  @Field(() => ID, { nullable: true }) elderId?: string | null;
}
