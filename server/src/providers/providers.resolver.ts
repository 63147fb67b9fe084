import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/index.js';
import type { Context } from '../app/context.js';
import { maskIdNumber } from '../elders/index.js';
import {
  addCertificate,
  caregiverLeft,
  listCaregivers,
  recordTraining,
  registerCaregiver,
} from './caregivers.service.js';
import { setCaregiverProfile } from './caregiver-profile.service.js';
import {
  assignZone,
  getProvider,
  listProviders,
  priceList,
  providerRecipients,
  registerProvider,
  setPrice,
  signContract,
  updateProvider,
} from './providers.service.js';
import { listSanctions, recordInterview, reinstateProvider, terminateContract } from './sanctions.service.js';
import { orderRectification, submitRectification, verifyRectification } from './rectification.service.js';
import {
  Caregiver,
  CaregiverCertificate,
  CaregiverCertificateInput,
  CaregiverProfileInput,
  CaregiverTraining,
  CaregiverTrainingInput,
  Provider,
  ProviderContract,
  ProviderContractInput,
  ProviderPriceItem,
  ProviderRecipient,
  ProviderSanction,
  ProviderZone,
  RegisterCaregiverInput,
  RegisterProviderInput,
  UpdateProviderInput,
} from './providers.types.js';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const contractOut = <T extends { startsOn: Date; endsOn: Date }>(c: T) => ({
  ...c,
  startsOn: day(c.startsOn)!,
  endsOn: day(c.endsOn)!,
});

@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => [Provider], { description: '服务机构：民政部门看辖区内的，机构看自己' })
  async providers(@Ctx() ctx: Context) {
    return listProviders(ctx.prisma, requireActor(ctx.actor));
  }

  @Query(() => Provider)
  async provider(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getProvider(ctx.prisma, requireActor(ctx.actor), id);
  }

  @Query(() => [ProviderRecipient], {
    description: '服务对象台账：机构服务片区内已纳入项目的老人及其服务协议（001 七(一)–(二)）',
  })
  async providerRecipients(@Arg('providerId', () => ID) providerId: string, @Ctx() ctx: Context) {
    const rows = await providerRecipients(ctx.prisma, requireActor(ctx.actor), providerId);
    return rows.map((r) => ({
      elderId: r.elder.id,
      name: r.elder.name,
      communityName: r.communityName,
      address: r.elder.address,
      phone: r.elder.phone,
      agreement: {
        enrolmentId: r.enrolment.id,
        policyCode: r.policyCode,
        category: r.enrolment.category,
        startedOn: day(r.enrolment.startedOn)!,
        endedOn: day(r.enrolment.endedOn),
        noticeLetter: r.enrolment.noticeLetter,
      },
    }));
  }

  @Query(() => [ProviderSanction], { description: '机构的约谈、整改、暂停、恢复和终止记录（机构可见）' })
  async providerSanctions(@Arg('providerId', () => ID) providerId: string, @Ctx() ctx: Context) {
    return listSanctions(ctx.prisma, requireActor(ctx.actor), providerId);
  }

  @Mutation(() => Provider, { description: '登记服务机构（区县民政部门）' })
  async registerProvider(@Arg('input', () => RegisterProviderInput) input: RegisterProviderInput, @Ctx() ctx: Context) {
    return registerProvider(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => Provider, { description: '修改机构资质或联系方式（民政部门或机构本身；留痕）' })
  async updateProvider(@Arg('input', () => UpdateProviderInput) input: UpdateProviderInput, @Ctx() ctx: Context) {
    return updateProvider(ctx.prisma, requireActor(ctx.actor), input);
  }

  @Mutation(() => ProviderContract, { description: '签订购买服务合同（001 六）' })
  async signProviderContract(
    @Arg('input', () => ProviderContractInput) input: ProviderContractInput,
    @Ctx() ctx: Context,
  ) {
    return contractOut(await signContract(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock()));
  }

  @Mutation(() => ProviderZone, { description: '把服务片区交给已签约的机构（一个片区一家机构）' })
  async assignProviderZone(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('zoneCode', () => String) zoneCode: string,
    @Ctx() ctx: Context,
  ) {
    return assignZone(ctx.prisma, requireActor(ctx.actor), providerId, zoneCode, policyCode);
  }

  @Mutation(() => ProviderPriceItem, {
    description: '机构价格清单中的一项（001 五(二)2）；高于补贴限价的部分由老人自费',
  })
  async setProviderPrice(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('policyCode', () => String) policyCode: string,
    @Arg('serviceCode', () => String) serviceCode: string,
    @Arg('priceFen', () => Int) priceFen: number,
    @Ctx() ctx: Context,
  ) {
    const row = await setPrice(
      ctx.prisma,
      requireActor(ctx.actor),
      providerId,
      policyCode,
      serviceCode,
      priceFen,
      ctx.app.clock(),
    );
    const list = await priceList(ctx.prisma, providerId);
    return toPriceItem(list.find((r) => r.serviceItemId === row.serviceItemId)!);
  }

  @Mutation(() => Caregiver, { description: '登记本机构护理员（机构管理员）' })
  async registerCaregiver(
    @Arg('input', () => RegisterCaregiverInput) input: RegisterCaregiverInput,
    @Ctx() ctx: Context,
  ) {
    return registerCaregiver(ctx.prisma, ctx.app.vault, requireActor(ctx.actor), input, ctx.app.clock());
  }

  @Mutation(() => CaregiverCertificate, { description: '登记护理员证件（健康证明、技能证书）及有效期' })
  async addCaregiverCertificate(
    @Arg('input', () => CaregiverCertificateInput) input: CaregiverCertificateInput,
    @Ctx() ctx: Context,
  ) {
    const c = await addCertificate(ctx.prisma, requireActor(ctx.actor), input, ctx.app.clock());
    return { ...c, expiresOn: day(c.expiresOn)! };
  }

  @Mutation(() => Caregiver, { description: '登记护理员培训（001 十(三)）' })
  async recordCaregiverTraining(
    @Arg('input', () => CaregiverTrainingInput) input: CaregiverTrainingInput,
    @Ctx() ctx: Context,
  ) {
    return recordTraining(ctx.prisma, requireActor(ctx.actor), input);
  }

  @Mutation(() => Caregiver, {
    description:
      '设置本机构护理员的工号和照片（家属在工单上看到）。工号格式不对、机构内重复、照片不是本人上传的 JPG/PNG：BAD_USER_INPUT；已离职：INVALID_STATE',
  })
  async setCaregiverProfile(
    @Arg('input', () => CaregiverProfileInput) input: CaregiverProfileInput,
    @Ctx() ctx: Context,
  ) {
    return setCaregiverProfile(ctx.prisma, requireActor(ctx.actor), input);
  }

  @Mutation(() => Caregiver, { description: '护理员离职：不再派单，已派未开始的工单退回待派单' })
  async caregiverLeft(@Arg('caregiverId', () => ID) caregiverId: string, @Ctx() ctx: Context) {
    return caregiverLeft(ctx.prisma, requireActor(ctx.actor), caregiverId, ctx.app.clock());
  }

  @Mutation(() => ProviderSanction, { description: '约谈服务机构并记录（001 八(二)1）' })
  async recordProviderInterview(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('notes', () => String) notes: string,
    @Ctx() ctx: Context,
  ) {
    return recordInterview(ctx.prisma, requireActor(ctx.actor), providerId, notes, ctx.app.clock());
  }

  @Mutation(() => ProviderSanction, { description: '约谈后督促整改，按项目规定的期限' })
  async orderProviderRectification(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('requirement', () => String) requirement: string,
    @Ctx() ctx: Context,
  ) {
    return orderRectification(ctx.prisma, requireActor(ctx.actor), providerId, requirement, ctx.app.clock());
  }

  @Mutation(() => ProviderSanction, { description: '机构提交整改报告' })
  async submitProviderRectification(
    @Arg('sanctionId', () => ID) sanctionId: string,
    @Arg('report', () => String) report: string,
    @Ctx() ctx: Context,
  ) {
    return submitRectification(ctx.prisma, requireActor(ctx.actor), sanctionId, report, ctx.app.clock());
  }

  @Mutation(() => ProviderSanction, { description: '民政部门核查整改：合格或不合格' })
  async verifyProviderRectification(
    @Arg('sanctionId', () => ID) sanctionId: string,
    @Arg('passed', () => Boolean) passed: boolean,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: Context,
  ) {
    return verifyRectification(ctx.prisma, requireActor(ctx.actor), sanctionId, passed, note, ctx.app.clock());
  }

  @Mutation(() => Provider, { description: '整改经核查合格后恢复接单和结算' })
  async reinstateProvider(@Arg('providerId', () => ID) providerId: string, @Ctx() ctx: Context) {
    return reinstateProvider(ctx.prisma, requireActor(ctx.actor), providerId, ctx.app.clock());
  }

  @Mutation(() => ProviderSanction, {
    description: '依项目规定的情形终止合同；未开始的工单转给接替机构，或暂停并提醒民政部门',
  })
  async terminateProviderContract(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('ground', () => String, { description: '项目规定的终止情形代码' }) ground: string,
    @Arg('successorProviderId', () => ID, { nullable: true }) successorProviderId: string | null,
    @Ctx() ctx: Context,
  ) {
    return terminateContract(
      ctx.prisma,
      requireActor(ctx.actor),
      providerId,
      ground,
      successorProviderId,
      ctx.app.clock(),
    );
  }

  @FieldResolver(() => [ProviderContract])
  async contracts(@Root() p: Provider, @Ctx() ctx: Context) {
    return (
      await ctx.prisma.providerContract.findMany({ where: { providerId: p.id }, orderBy: { startsOn: 'desc' } })
    ).map(contractOut);
  }

  @FieldResolver(() => [ProviderZone])
  async zones(@Root() p: Provider, @Ctx() ctx: Context) {
    return ctx.prisma.serviceZone.findMany({ where: { providerId: p.id }, orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => [ProviderPriceItem], { description: '价格清单' })
  async priceList(@Root() p: Provider, @Ctx() ctx: Context) {
    return (await priceList(ctx.prisma, p.id)).map(toPriceItem);
  }

  @FieldResolver(() => [Caregiver], { description: '护理员（民政部门和本机构可见）' })
  async caregivers(@Root() p: Provider, @Ctx() ctx: Context) {
    return listCaregivers(ctx.prisma, requireActor(ctx.actor), p.id);
  }
}

const toPriceItem = (r: Awaited<ReturnType<typeof priceList>>[number]) => ({
  serviceCode: r.serviceItem.code,
  serviceName: r.serviceItem.name,
  priceFen: r.priceFen,
  subsidyCapFenPerHour: r.subsidyCapFenPerHour,
});

@Resolver(() => Caregiver)
export class CaregiverResolver {
  @FieldResolver(() => String, { nullable: true, description: '身份证号（脱敏）' })
  idNumber(@Root() c: Caregiver, @Ctx() ctx: Context) {
    return c.idNumberCipher ? maskIdNumber(ctx.app.vault.decrypt(c.idNumberCipher)) : null;
  }

  @FieldResolver(() => [CaregiverCertificate])
  async certificates(@Root() c: Caregiver, @Ctx() ctx: Context) {
    return (
      await ctx.prisma.caregiverCertificate.findMany({ where: { caregiverId: c.id }, orderBy: { expiresOn: 'desc' } })
    ).map((r) => ({ ...r, expiresOn: day(r.expiresOn)! }));
  }

  @FieldResolver(() => String, { nullable: true, description: '照片地址（GET /files/:id）' })
  photoUrl(@Root() c: Caregiver) {
    return c.photoFileId ? `/files/${c.photoFileId}` : null;
  }

  @FieldResolver(() => [CaregiverTraining])
  training(@Root() c: Caregiver) {
    return Array.isArray(c.training) ? c.training : [];
  }
}
