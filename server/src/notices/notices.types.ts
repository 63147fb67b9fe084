import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';

@ObjectType({ description: '站内通知：服务完成、投诉进展、告知书、节日问候等' })
export class Notice {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) elderId!: string | null;
  @Field(() => String, { description: 'VISIT_COMPLETED、COMPLAINT_UPDATED、ENROLMENT_NOTICE_LETTER …' }) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => String) body!: string;
  @Field(() => ID, { nullable: true, description: '通知所关于的工单，点开即到该工单' }) orderId!: string | null;
  @Field(() => ID, { nullable: true, description: '通知所关于的投诉' }) complaintId!: string | null;
  photoFileIds!: string[];
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

export const NoticeConnection = ConnectionType(Notice, 'Notice');

@ObjectType({ description: '订阅消息模板' })
export class MessageTemplate {
  @Field(() => String, { description: '通知类型' }) kind!: string;
  @Field(() => String) templateId!: string;
}
