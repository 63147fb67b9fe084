// The records kept current (000 九 动态管理): updateElder and its history, suggested exits, and the
// documents on the record. Each field calls one service function.
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor, authorize } from '../auth/index.js';
import { attachElderFile, elderAttachments } from './attachments.service.js';
import { elderChanges, type ContactFact } from './elder-changes.js';
import {
  AttachElderFileInput,
  ElderAttachment,
  ElderChangeConnection,
  ElderContact,
  ExitSuggestion,
  ExitSuggestionConnection,
  UpdateElderInput,
} from './elder-records.types.js';
import { updateElder } from './elder-update.service.js';
import { getElder } from './elders.service.js';
import { Elder } from './elders.types.js';
import {
  confirmExitSuggestion,
  dismissExitSuggestion,
  ExitSuggestionStatus,
  listExitSuggestions,
} from './exit-suggestions.service.js';

@ArgsType()
class PageArgsType {
  @Field(() => Int, { nullable: true, description: '每页条数，≤ 100，默认 20' }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}

@ArgsType()
class ExitSuggestionsArgs extends PageArgsType {
  @Field(() => ExitSuggestionStatus, { nullable: true, description: '默认只看待确认的' }) status?: ExitSuggestionStatus;
  @Field(() => ID, { nullable: true }) elderId?: string;
}

type AttachmentRow = {
  id: string;
  kind: string;
  applicationId: string | null;
  note: string | null;
  createdAt: Date;
  file: { id: string; mimeType: string; sizeBytes: number };
};
const attachmentOut = (a: AttachmentRow) => ({
  ...a,
  url: `/files/${a.file.id}`,
  mimeType: a.file.mimeType,
  sizeBytes: a.file.sizeBytes,
});

@Resolver(() => Elder)
export class ElderRecordsResolver {
  @Mutation(() => Elder, {
    description:
      '更新老人档案（社区、街道、区民政，辖区内）：联系方式、住址和定位、户籍、家庭和收入、自理能力、残疾等级、长护险、监护人和紧急联系人，每项变更记入变更记录。' +
      '涉及资格条件的变更会重新判定资格，不再符合时生成退出建议（不会自动退出）。辖区外：FORBIDDEN；身份证号已登记在其他老人名下、格式不对、定位不在老人所在项目的区县范围内（无项目覆盖时为中国境内）' +
      '：BAD_USER_INPUT；档案刚被他人修改：INVALID_STATE；出错时什么都不改。',
  })
  async updateElder(@Arg('input', () => UpdateElderInput) input: UpdateElderInput, @Ctx() ctx: Context) {
    return updateElder(ctx.prisma, ctx.app.vault, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Query(() => ElderChangeConnection, {
    description:
      '老人档案变更记录（谁、何时、原值、新值；身份证号和电话脱敏），新的在前。社区、街道、区民政可查看辖区内老人的记录。',
  })
  async elderChanges(
    @Arg('elderId', () => ID) elderId: string,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return elderChanges(ctx.prisma, requireActor(ctx.actor), elderId, page);
  }

  @Query(() => ExitSuggestionConnection, { description: '辖区内老人的退出建议（默认待确认的），新的在前' })
  async exitSuggestions(@Args(() => ExitSuggestionsArgs) args: ExitSuggestionsArgs, @Ctx() ctx: Context) {
    return listExitSuggestions(
      ctx.prisma,
      requireActor(ctx.actor),
      { status: args.status, elderId: args.elderId },
      args,
    );
  }

  @Mutation(() => ExitSuggestion, {
    description:
      '确认退出建议：按建议的原因和项目规定的生效时间终止服务。已办理或服务已终止：INVALID_STATE；辖区外：FORBIDDEN。',
  })
  async confirmExitSuggestion(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return confirmExitSuggestion(ctx.prisma, ctx.app.events, requireActor(ctx.actor), { id, note }, ctx.app.clock());
  }

  @Mutation(() => ExitSuggestion, {
    description: '驳回退出建议（须写明理由），老人继续享受服务。已办理：INVALID_STATE；辖区外：FORBIDDEN。',
  })
  async dismissExitSuggestion(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return dismissExitSuggestion(ctx.prisma, requireActor(ctx.actor), { id, reason }, ctx.app.clock());
  }

  @Mutation(() => ElderAttachment, {
    description:
      '把已上传的材料附到老人档案或申请上（社区、街道、区民政，辖区内）。不是本人上传的文件、已附过、申请不属于这位老人：BAD_USER_INPUT。',
  })
  async attachElderFile(@Arg('input', () => AttachElderFileInput) input: AttachElderFileInput, @Ctx() ctx: Context) {
    return attachmentOut(await attachElderFile(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock()));
  }

  @Query(() => [ElderAttachment], {
    description: '老人的证件和申请材料：老人本人、家属和社区、街道、区民政可查看；服务机构和护理员不能查看。',
  })
  async elderAttachments(
    @Arg('elderId', () => ID) elderId: string,
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
    @Ctx() ctx: Context,
  ) {
    return (await elderAttachments(ctx.prisma, requireActor(ctx.actor), elderId, applicationId)).map(attachmentOut);
  }

  @FieldResolver(() => [ElderContact], {
    description: '监护人和紧急联系人：老人本人、家属和社区、街道、民政、热线可查看',
  })
  contacts(@Root() elder: { contacts?: unknown }, @Ctx() ctx: Context): ContactFact[] {
    authorize(ctx.actor, 'Elder.contacts');
    return (elder.contacts ?? []) as ContactFact[];
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: '家庭人均月收入（分）：老人本人、家属和社区、街道、民政、热线可查看',
  })
  monthlyIncomeFen(@Root() elder: { monthlyIncomeFen?: number | null }, @Ctx() ctx: Context): number | null {
    authorize(ctx.actor, 'Elder.monthlyIncomeFen');
    return elder.monthlyIncomeFen ?? null;
  }
}

@Resolver(() => ExitSuggestion)
export class ExitSuggestionResolver {
  @FieldResolver(() => Elder)
  async elder(@Root() s: ExitSuggestion, @Ctx() ctx: Context) {
    return getElder(ctx.prisma, requireActor(ctx.actor), s.elderId);
  }
}
