import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { appealCreditEvent, creditAppeals, decideCreditAppeal } from './credit.appeals.js';
import { creditPublicList, creditRecord, recordCreditEvent } from './credit.service.js';
import {
  CreditAppeal,
  CreditAppealWithEvent,
  CreditEvent,
  CreditPublicList,
  CreditRecord,
  CreditSubjectType,
  RecordCreditEventInput,
} from './credit.types.js';

// 信用体系 (002 二(三)10): records of providers, caregivers and elders, their appeals and the public lists.
@Resolver()
export class CreditResolver {
  @Query(() => CreditRecord, {
    description:
      '信用档案：老人、护理员、服务机构查看自己的（不填主体）；社区、街道、区民政和热线查看辖区内的（须填主体）。' +
      '查看别人的：FORBIDDEN；项目未建立信用规则：INVALID_STATE',
  })
  async creditRecord(
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('subjectType', () => CreditSubjectType, { nullable: true })
    subjectType: 'PROVIDER' | 'CAREGIVER' | 'ELDER' | null,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId: string | null,
    @Ctx() ctx: Context,
  ) {
    return creditRecord(ctx.prisma, requireActor(ctx.actor), { policyCode, subjectType, subjectId }, ctx.app.clock());
  }

  @Query(() => CreditPublicList, { description: '服务机构信用红黑名单（公开，无需登录）：只列机构名称和信用分' })
  async creditPublicList(@Arg('policyCode', () => String) policyCode: string, @Ctx() ctx: Context) {
    return creditPublicList(ctx.prisma, policyCode, ctx.app.clock());
  }

  @Query(() => [CreditAppealWithEvent], { description: '辖区内的信用申诉，待处理的在前（区民政部门）' })
  async creditAppeals(
    @Arg('pendingOnly', () => Boolean, { nullable: true }) pendingOnly: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return creditAppeals(ctx.prisma, requireActor(ctx.actor), pendingOnly);
  }

  @Mutation(() => CreditEvent, {
    description:
      '登记信用事件（表扬、检查发现问题、违规额外收费），街道或区民政部门办理；未附证据：CREDIT_EVIDENCE_REQUIRED；' +
      '平台自动记录的事件不能手工登记：BAD_USER_INPUT',
  })
  async recordCreditEvent(
    @Arg('input', () => RecordCreditEventInput) input: RecordCreditEventInput,
    @Ctx() ctx: Context,
  ) {
    return recordCreditEvent(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => CreditAppeal, {
    description:
      '对自己的信用记录申诉（老人本人、护理员本人、服务机构）；不是当事人：CREDIT_NOT_SUBJECT；' +
      '已有申诉待处理、记录已撤销或超过申诉期限：INVALID_STATE',
  })
  async appealCreditEvent(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return appealCreditEvent(ctx.prisma, requireActor(ctx.actor), { eventId, reason }, ctx.app.clock());
  }

  @Mutation(() => CreditAppealWithEvent, {
    description: '处理信用申诉（区民政部门）：成立则撤销该记录及其分值，驳回则记录保留；只能处理一次（INVALID_STATE）',
  })
  async decideCreditAppeal(
    @Arg('appealId', () => ID) appealId: string,
    @Arg('uphold', () => Boolean) uphold: boolean,
    @Arg('decision', () => String) decision: string,
    @Ctx() ctx: Context,
  ) {
    return decideCreditAppeal(ctx.prisma, requireActor(ctx.actor), { appealId, uphold, decision }, ctx.app.clock());
  }
}
