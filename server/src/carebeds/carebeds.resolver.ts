import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import {
  acceptCareBed,
  archiveCareBed,
  clawBackCareBed,
  completeCareBed,
  recordCareBedPhotos,
  requestCareBedAcceptance,
  startCareBedConstruction,
} from './carebeds.build.service.js';
import { confirmCareBed, designCareBed } from './carebeds.design.service.js';
import { registerDeviceOnBed, rotateDeviceSecret } from './devices.service.js';
import {
  applyCareBed,
  getCareBed,
  listCareBeds,
  publishCareBed,
  recordCareBedAssessment,
  reviewCareBed,
} from './carebeds.service.js';
import {
  AcceptCareBedInput,
  ApplyCareBedInput,
  CareBed,
  CareBedDeviceSecret,
  CareBedConnection,
  CareBedLineInput,
  CareBedStatus,
} from './carebeds.types.js';

const ID_ = () => ID;

@Resolver(() => CareBed)
export class CareBedResolver {
  @Query(() => CareBedConnection, {
    description: '家庭养老床位，按优先顺序（分散供养特困、低保、低保边缘、其他，004 二）',
  })
  async careBeds(
    @Arg('status', () => CareBedStatus, { nullable: true }) status: CareBedStatus | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return listCareBeds(ctx.prisma, requireActor(ctx.actor), { status }, page);
  }

  @Query(() => CareBed, { nullable: true, description: '一张家庭养老床位的档案（一户一档）；没有这张床位时为空' })
  async careBed(@Arg('id', ID_) id: string, @Ctx() ctx: Context) {
    return getCareBed(ctx.prisma, requireActor(ctx.actor), id);
  }

  @Mutation(() => CareBed, {
    description: '受理家庭养老床位建设申请（附件3）；拒绝：不在本项目地区、住房不符合条件（004 三(一)）、已有床位',
  })
  async applyCareBed(@Arg('input', () => ApplyCareBedInput) input: ApplyCareBedInput, @Ctx() ctx: Context) {
    return applyCareBed(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => CareBed, { description: '录入老年人能力等级评估结果和评估机构（附件3）' })
  async recordCareBedAssessment(
    @Arg('id', ID_) id: string,
    @Arg('level', () => String) level: string,
    @Arg('agency', () => String) agency: string,
    @Arg('assessorName', () => String) assessorName: string,
    @Ctx() ctx: Context,
  ) {
    return recordCareBedAssessment(
      ctx.prisma,
      requireActor(ctx.actor),
      { id, level, agency, assessorName },
      ctx.app.clock(),
    );
  }

  @Mutation(() => CareBed, {
    description: '街道（镇）初审、区市审核认定，建设项目的街道审查和区市核定备案；不同意须说明理由',
  })
  async reviewCareBed(
    @Arg('id', ID_) id: string,
    @Arg('approved', () => Boolean) approved: boolean,
    @Arg('opinion', () => String, { nullable: true }) opinion: string | null,
    @Ctx() ctx: Context,
  ) {
    return reviewCareBed(ctx.prisma, requireActor(ctx.actor), { id, approved, opinion }, ctx.app.clock());
  }

  @Mutation(() => CareBed, { description: '公示，并确定本户的评估设计机构和建设单位（004 五(一)、五(二)2）' })
  async publishCareBed(
    @Arg('id', ID_) id: string,
    @Arg('designAgencyId', ID_) designAgencyId: string,
    @Arg('builderId', ID_) builderId: string,
    @Arg('opinion', () => String, { nullable: true }) opinion: string | null,
    @Ctx() ctx: Context,
  ) {
    return publishCareBed(
      ctx.prisma,
      requireActor(ctx.actor),
      { id, designAgencyId, builderId, opinion },
      ctx.app.clock(),
    );
  }

  @Mutation(() => CareBed, {
    description: '评估设计（附件4）；拒绝：不在清单中的项目、智能化超过每户上限、缺少必装设备、重复改造超过补差',
  })
  async designCareBed(
    @Arg('id', ID_) id: string,
    @Arg('lines', () => [CareBedLineInput]) lines: CareBedLineInput[],
    @Ctx() ctx: Context,
  ) {
    return designCareBed(ctx.prisma, requireActor(ctx.actor), { id, lines }, ctx.app.clock());
  }

  @Mutation(() => CareBed, { description: '录入附件4 结果确认：认同（检查区市户均上限）或自愿放弃' })
  async confirmCareBed(
    @Arg('id', ID_) id: string,
    @Arg('accepted', () => Boolean) accepted: boolean,
    @Arg('signedBy', () => String) signedBy: string,
    @Arg('familyMember', () => String) familyMember: string,
    @Ctx() ctx: Context,
  ) {
    return confirmCareBed(
      ctx.prisma,
      requireActor(ctx.actor),
      { id, accepted, signedBy, familyMember },
      ctx.app.clock(),
    );
  }

  @Mutation(() => CareBed, { description: '开工（建设单位）' })
  async startCareBedConstruction(
    @Arg('id', ID_) id: string,
    @Arg('startedOn', () => String) startedOn: string,
    @Ctx() ctx: Context,
  ) {
    return startCareBedConstruction(ctx.prisma, requireActor(ctx.actor), { id, startedOn }, ctx.app.clock());
  }

  @Mutation(() => CareBed, { description: '登记一项的建设前、建设后照片（附件5），照片先经 POST /files 上传' })
  async recordCareBedPhotos(
    @Arg('id', ID_) id: string,
    @Arg('itemCode', () => String) itemCode: string,
    @Arg('beforePhotoId', ID_, { nullable: true }) beforePhotoId: string | null,
    @Arg('afterPhotoId', ID_, { nullable: true }) afterPhotoId: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return recordCareBedPhotos(
      ctx.prisma,
      requireActor(ctx.actor),
      { id, itemCode, beforePhotoId, afterPhotoId, note },
      ctx.app.clock(),
    );
  }

  @Mutation(() => CareBed, { description: '竣工；拒绝：有建设项目缺少建设前或建设后照片（附件5）' })
  async completeCareBed(
    @Arg('id', ID_) id: string,
    @Arg('completedOn', () => String) completedOn: string,
    @Ctx() ctx: Context,
  ) {
    return completeCareBed(ctx.prisma, requireActor(ctx.actor), { id, completedOn }, ctx.app.clock());
  }

  @Mutation(() => CareBed, { description: '提交验收申请；拒绝：已过截止日期（004 五(二)6）' })
  async requestCareBedAcceptance(
    @Arg('id', ID_) id: string,
    @Arg('documents', () => [String], { description: '随申请提交的资料' }) documents: string[],
    @Ctx() ctx: Context,
  ) {
    return requestCareBedAcceptance(ctx.prisma, requireActor(ctx.actor), { id, documents }, ctx.app.clock());
  }

  @Mutation(() => CareBed, {
    description:
      '第三方验收（附件6）；拒绝：验收机构与设计或建设单位有关联（附件7 二）、智能化超过上限、区市户均超过上限',
  })
  async acceptCareBed(
    @Arg('id', ID_) id: string,
    @Arg('input', () => AcceptCareBedInput) input: AcceptCareBedInput,
    @Ctx() ctx: Context,
  ) {
    return acceptCareBed(ctx.prisma, requireActor(ctx.actor), { id, input }, ctx.app.clock());
  }

  @Mutation(() => CareBed, { description: '归档（一户一档）' })
  async archiveCareBed(
    @Arg('id', ID_) id: string,
    @Arg('archiveNo', () => String) archiveNo: string,
    @Ctx() ctx: Context,
  ) {
    return archiveCareBed(ctx.prisma, requireActor(ctx.actor), { id, archiveNo }, ctx.app.clock());
  }

  @Mutation(() => CareBedDeviceSecret, {
    description: '在床位上登记智能设备（004 三(一)），返回只显示一次的签名密钥；编号已登记：INVALID_STATE',
  })
  async registerCareBedDevice(
    @Arg('careBedId', ID_) careBedId: string,
    @Arg('deviceSerial', () => String) serial: string,
    @Ctx() ctx: Context,
  ) {
    return registerDeviceOnBed(
      ctx.prisma,
      ctx.app.vault,
      requireActor(ctx.actor),
      { careBedId, serial },
      ctx.app.clock(),
    );
  }

  @Mutation(() => CareBedDeviceSecret, { description: '更换智能设备的签名密钥；旧密钥签名的事件从此被拒收' })
  async rotateCareBedDeviceSecret(@Arg('deviceSerial', () => String) serial: string, @Ctx() ctx: Context) {
    return rotateDeviceSecret(ctx.prisma, ctx.app.vault, requireActor(ctx.actor), serial);
  }

  @Mutation(() => CareBed, { description: '收回已发放的项目资金（004 五(四)、七(二)），在账本中冲回补贴' })
  async clawBackCareBed(@Arg('id', ID_) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return clawBackCareBed(ctx.prisma, requireActor(ctx.actor), { id, reason }, ctx.app.clock());
  }
}
