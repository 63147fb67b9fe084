import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.js';
import { EnrolmentStatus, SelfCareAbility } from '../common/enums.js';
import { Elder, PolicyRef } from '../elders/index.js';

registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus' });

@ObjectType({ description: '服务对象资格（纳入政府购买服务）' })
export class Enrolment {
  @Field(() => ID) id!: string;
  policyId!: string;
  @Field(() => PolicyRef) policy!: PolicyRef;
  @Field(() => String, { description: '服务对象类型（政策中的类别代码）' }) category!: string;
  @Field(() => EnrolmentStatus) status!: EnrolmentStatus;
  @Field(() => String, { description: 'YYYY-MM-DD' }) startedOn!: string;
  @Field(() => String, { nullable: true, description: '最后服务日（含）' }) endedOn!: string | null;
  @Field(() => String, { nullable: true, description: '终止原因' }) terminationReason?: string | null;
  @Field(() => String, { nullable: true }) terminationNote?: string | null;
  @Field(() => String, { nullable: true, description: '居家养老服务告知书' }) noticeLetter?: string | null;
}

export const ApplicationStatus = {
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export const ApplicationStage = {
  COMMUNITY_REVIEW: 'COMMUNITY_REVIEW',
  PUBLIC_NOTICE: 'PUBLIC_NOTICE',
  STREET_REVIEW: 'STREET_REVIEW',
  DISTRICT_FILING: 'DISTRICT_FILING',
  DONE: 'DONE',
} as const;
export const ReviewDecision = { APPROVE: 'APPROVE', REJECT: 'REJECT' } as const;
export const TerminationReason = {
  MOVED_HUKOU: 'MOVED_HUKOU',
  DIED: 'DIED',
  MISSING: 'MISSING',
  NO_LONGER_ELIGIBLE: 'NO_LONGER_ELIGIBLE',
  GAVE_UP: 'GAVE_UP',
  CASHED_OUT: 'CASHED_OUT',
} as const;
export const TerminationRequestStatus = { PENDING: 'PENDING', APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export const TerminationStage = {
  COMMUNITY_REVIEW: 'COMMUNITY_REVIEW',
  STREET_REVIEW: 'STREET_REVIEW',
  DONE: 'DONE',
} as const;
export const Intake = { APPLICATION: 'APPLICATION', REGISTRY_SCREENING: 'REGISTRY_SCREENING' } as const;
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus', description: '办理中 / 已批准 / 未通过 / 已撤回' });
registerEnumType(ApplicationStage, {
  name: 'ApplicationStage',
  description: '社区初审 / 公示 / 街道审批 / 区民政备案 / 已办结',
});
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });
registerEnumType(TerminationReason, {
  name: 'TerminationReason',
  description: '户籍迁出 / 死亡 / 失踪 / 不再符合条件 / 放弃服务 / 套取现金或以物代服务',
});
registerEnumType(TerminationRequestStatus, {
  name: 'TerminationRequestStatus',
  description: '审核中 / 已生效 / 已退回',
});
registerEnumType(TerminationStage, { name: 'TerminationStage', description: '社区（村）审核 / 街（乡）审核 / 已办结' });
registerEnumType(Intake, { name: 'Intake', description: '本人申请 / 民政依托信息库筛选' });

@ObjectType()
export class Reviewer {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}

@ObjectType({ description: '一个环节的审核意见' })
export class ApplicationReview {
  @Field(() => ApplicationStage) stage!: string;
  @Field(() => ReviewDecision) decision!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
  reviewerId!: string;
  @Field(() => Reviewer) reviewer?: Reviewer;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: '公示期间的异议' })
export class Objection {
  @Field(() => ID) id!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) byName!: string | null;
  @Field(() => Date) at!: Date;
  @Field(() => Date, { nullable: true }) dismissedAt!: Date | null;
  @Field(() => String, { nullable: true }) dismissReason!: string | null;
}

@ObjectType({ description: '居家养老服务申请（《申请表》）' })
export class Application {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationStatus) status!: string;
  @Field(() => ApplicationStage) stage!: string;
  @Field(() => String, { description: '服务对象类别' }) category!: string;
  @Field(() => [String]) requestedServices!: string[];
  @Field(() => String, { nullable: true }) agentName!: string | null;
  @Field(() => String, { nullable: true }) agentRelation!: string | null;
  @Field(() => String, { nullable: true }) agentPhone!: string | null;
  @Field(() => String) channel!: string;
  @Field(() => Date, { nullable: true }) noticeStartsAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '公示截止时间' }) noticeEndsAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  elderId!: string;
  policyId!: string;
  eligibility!: unknown;
  @Field(() => Elder) elder?: Elder;
  @Field(() => PolicyRef) policy?: PolicyRef;
  @Field(() => [ApplicationReview]) reviews?: ApplicationReview[];
  @Field(() => [Objection]) objections?: Objection[];
  @Field(() => String, { description: '提交时的资格判断说明' }) eligibilityExplanation?: string;
}

@ObjectType()
export class ApplicationConnection extends ConnectionType(Application, 'Application') {}

@ObjectType({ description: '资格判断：符合哪一类，或不符合的原因' })
export class EligibilityResult {
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => String, { nullable: true }) categoryName?: string | null;
  @Field(() => Intake, { nullable: true }) intake?: string | null;
  @Field(() => String) explanation!: string;
  @Field(() => [String]) reasons!: string[];
}

@ObjectType({ description: '信息库筛选结果：符合条件但尚未纳入的老人' })
export class ScreeningMatch {
  @Field(() => ID) id!: string;
  @Field(() => Elder) elder!: Elder;
  @Field(() => String) category!: string;
  @Field(() => String) categoryName!: string;
  @Field(() => Intake) intake!: string;
  @Field(() => String) explanation!: string;
}

@ObjectType()
export class ScreeningConnection extends ConnectionType(ScreeningMatch, 'Screening') {}

@ObjectType({ description: '能力评估记录' })
export class CapabilityAssessment {
  @Field(() => ID) id!: string;
  @Field(() => SelfCareAbility) selfCareAbility!: string;
  @Field(() => String) agency!: string;
  @Field(() => String) assessorName!: string;
  @Field(() => String) assessedOn!: string;
  @Field(() => Int, { nullable: true }) score!: number | null;
}

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID) elderId!: string;
  @Field(() => String) policyCode!: string;
  @Field(() => String, { nullable: true, description: '服务对象类别；不填时按规则自动判断' }) category?: string;
  @Field(() => [String], { nullable: true, description: '申请服务内容：助餐、助洁、助医、精神慰藉、远程照护……' })
  requestedServices?: string[];
  @Field(() => String, { nullable: true }) agentName?: string;
  @Field(() => String, { nullable: true }) agentRelation?: string;
  @Field(() => String, { nullable: true }) agentPhone?: string;
}

@InputType()
export class ApplicationFilter {
  @Field(() => ApplicationStatus, { nullable: true }) status?: string;
  @Field(() => ApplicationStage, { nullable: true }) stage?: string;
  @Field(() => String, { nullable: true }) policyCode?: string;
}

@InputType()
export class CapabilityAssessmentInput {
  @Field(() => ID) elderId!: string;
  @Field(() => SelfCareAbility) selfCareAbility!: SelfCareAbility;
  @Field(() => String) agency!: string;
  @Field(() => String) assessorName!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) assessedOn!: string;
  @Field(() => Int, { nullable: true }) score?: number;
  @Field(() => String, { nullable: true }) note?: string;
}

@ObjectType({ description: '终止申请的一级审核意见（《终止表》）' })
export class TerminationReview {
  @Field(() => TerminationStage) stage!: string;
  @Field(() => ReviewDecision) decision!: string;
  @Field(() => String) comment!: string;
  reviewerId!: string;
  @Field(() => Reviewer) reviewer?: Reviewer;
  @Field(() => Date) at!: Date;
}

@ObjectType({
  description:
    '终止申请（《居家养老服务终止表》）：社区（村）、街（乡）审核后生效；死亡、户籍迁出等按项目规定可直接生效',
})
export class TerminationRequest {
  @Field(() => ID) id!: string;
  elderId!: string;
  @Field(() => Elder) elder?: Elder;
  @Field(() => TerminationReason) reason!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => TerminationRequestStatus) status!: string;
  @Field(() => TerminationStage, { description: '正在等待的审核环节' }) stage!: string;
  @Field(() => Boolean, { description: '按项目规定直接生效，未经审核' }) fastTracked!: boolean;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '生效后的最后服务日（含）' }) lastServiceDay?: string | null;
  @Field(() => [TerminationReview]) reviews?: TerminationReview[];
}

@ObjectType()
export class TerminationRequestConnection extends ConnectionType(TerminationRequest, 'TerminationRequest') {}

@InputType()
export class TerminationRequestFilter {
  @Field(() => TerminationRequestStatus, { nullable: true }) status?: string;
}
