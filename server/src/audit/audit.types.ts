import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { Role } from '../common/enums.js';

@ObjectType({ description: '审计日志：谁在何时对什么做了什么' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: '操作，如 SETTLEMENT_APPROVED、ALERT_RESOLVED' }) action!: string;
  @Field(() => String, { description: '对象类型，如 Settlement、VisitException' }) entity!: string;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field(() => String, { nullable: true, description: '操作人姓名' }) actorName!: string | null;
  @Field(() => Role, { nullable: true }) actorRole!: Role | null;
  @Field(() => String, { nullable: true, description: '详情（JSON）' }) detail!: string | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry');

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: '操作，如 SETTLEMENT_APPROVED' }) action?: string | null;
  @Field(() => String, { nullable: true, description: '对象类型，如 Settlement' }) entity?: string | null;
  @Field(() => String, { nullable: true }) entityId?: string | null;
  @Field(() => Date, { nullable: true, description: '起始时间（含）' }) since?: Date | null;
  @Field(() => Date, { nullable: true, description: '截止时间（不含）' }) until?: Date | null;
}
