import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const ProviderStatus = enumOf('ACTIVE', 'SUSPENDED', 'TERMINATED');
export type ProviderStatus = keyof typeof ProviderStatus;
registerEnumType(ProviderStatus, { name: 'ProviderStatus', description: '正常 / 暂停接单和结算 / 合同已终止' });
export const SanctionKind = enumOf('INTERVIEW', 'RECTIFICATION', 'SUSPENSION', 'REINSTATEMENT', 'TERMINATION');
export type SanctionKind = keyof typeof SanctionKind;
registerEnumType(SanctionKind, { name: 'SanctionKind', description: '约谈 / 整改 / 暂停接单和结算 / 恢复 / 终止合同' });
export const SanctionStatus = enumOf('RECORDED', 'OPEN', 'SUBMITTED', 'VERIFIED', 'FAILED');
export type SanctionStatus = keyof typeof SanctionStatus;
registerEnumType(SanctionStatus, {
  name: 'SanctionStatus',
  description: '已记录 / 整改中 / 已提交整改报告 / 核查合格 / 核查不合格',
});

@ObjectType({ description: '购买服务合同（001 六：内容、期限、数量、质量、价格、资金结算方式、违约责任）' })
export class ProviderContract {
  @Field(() => ID) id!: string;
  policyId!: string;
  @Field(() => String, { description: '合同开始日期' }) startsOn!: string;
  @Field(() => String, { description: '合同结束日期' }) endsOn!: string;
  @Field(() => String, { description: '服务数量' }) quantity!: string;
  @Field(() => String, { description: '服务质量要求' }) quality!: string;
  @Field(() => String, { description: '资金结算方式' }) settlementMethod!: string;
  @Field(() => String, { description: '违约责任' }) liability!: string;
  @Field(() => Date, { nullable: true }) terminatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '终止合同依据的情形代码' }) terminationGround!: string | null;
}

@ObjectType({ description: '服务片区' })
export class ProviderZone {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  policyId!: string;
}

@ObjectType({ description: '机构价格清单中的一项（001 五(二)2）；补贴按项目限价封顶，超出部分自费' })
export class ProviderPriceItem {
  @Field(() => String) serviceCode!: string;
  @Field(() => String) serviceName!: string;
  @Field(() => Int, { description: '机构价格（分/单位）' }) priceFen!: number;
  @Field(() => Int, { nullable: true, description: '补贴每小时最多抵扣（分），无则补贴按余额抵扣' })
  subsidyCapFenPerHour!: number | null;
}

@ObjectType({ description: '服务机构（承接主体）' })
export class Provider {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码' }) creditCode!: string | null;
  @Field(() => [String], { description: '资质' }) qualifications!: string[];
  @Field(() => String, { nullable: true }) contactName!: string | null;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => ProviderStatus) status!: ProviderStatus;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field(() => Date, { nullable: true }) statusChangedAt!: Date | null;
}

@ObjectType({ description: '护理员证件（健康证明 HEALTH，或技能证书 SKILL:名称）' })
export class CaregiverCertificate {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => String, { description: '有效期至' }) expiresOn!: string;
}

@ObjectType({ description: '培训记录' })
export class CaregiverTraining {
  @Field(() => String) course!: string;
  @Field(() => Int) hours!: number;
  @Field(() => String) completedOn!: string;
}

@ObjectType({ description: '护理员（服务人员）' })
export class Caregiver {
  @Field(() => ID) id!: string;
  providerId!: string;
  idNumberCipher!: string | null;
  training!: unknown;
  @Field(() => String) name!: string;
  @Field(() => String) phone!: string;
  @Field(() => [String]) skills!: string[];
  @Field(() => Boolean, { description: '在岗；离职后不再派单' }) active!: boolean;
  @Field(() => Date, { nullable: true }) leftAt!: Date | null;
  @Field(() => String, { nullable: true, description: '工号（机构内唯一）' }) staffNo!: string | null;
  photoFileId!: string | null;
}

@ObjectType({ description: '奖惩记录：约谈、整改、暂停、恢复、终止合同（001 八(二)；000 七）' })
export class ProviderSanction {
  @Field(() => ID) id!: string;
  @Field(() => SanctionKind) kind!: SanctionKind;
  @Field(() => SanctionStatus) status!: SanctionStatus;
  @Field(() => String, { description: '依据条款' }) clause!: string;
  @Field(() => String, { description: '事由、约谈情况或整改要求' }) reason!: string;
  @Field(() => Date, { nullable: true, description: '整改期限' }) dueAt!: Date | null;
  @Field(() => String, { nullable: true, description: '机构的整改报告' }) report!: string | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '服务协议：老人纳入项目的记录和告知书' })
export class ServiceAgreement {
  @Field(() => ID) enrolmentId!: string;
  @Field(() => String) policyCode!: string;
  @Field(() => String, { description: '服务对象类别' }) category!: string;
  @Field(() => String) startedOn!: string;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
  @Field(() => String, { nullable: true, description: '告知书' }) noticeLetter!: string | null;
}

@ObjectType({ description: '服务对象台账中的一位老人（001 七(一)–(二)）' })
export class ProviderRecipient {
  @Field(() => ID) elderId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) communityName!: string;
  @Field(() => String) address!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => ServiceAgreement) agreement!: ServiceAgreement;
}

@InputType()
export class RegisterProviderInput {
  @Field(() => String, { description: '机构编号' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '统一社会信用代码' }) creditCode!: string;
  @Field(() => String, { description: '登记所在地区代码' }) regionCode!: string;
  @Field(() => [String], { description: '资质（登记证书、营业执照等）' }) qualifications!: string[];
  @Field(() => String) contactName!: string;
  @Field(() => String) contactPhone!: string;
}

@InputType({ description: '修改机构资质或联系方式；不填的项不变' })
export class UpdateProviderInput {
  @Field(() => ID) providerId!: string;
  @Field(() => [String], { nullable: true }) qualifications?: string[] | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
}

@InputType()
export class ProviderContractInput {
  @Field(() => ID) providerId!: string;
  @Field(() => String) policyCode!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) startsOn!: string;
  @Field(() => String, { description: 'YYYY-MM-DD，须晚于开始日期' }) endsOn!: string;
  @Field(() => String, { description: '服务数量（如服务人数、时长）' }) quantity!: string;
  @Field(() => String, { description: '服务质量要求' }) quality!: string;
  @Field(() => String, { description: '资金结算方式' }) settlementMethod!: string;
  @Field(() => String, { description: '违约责任' }) liability!: string;
}

@InputType()
export class RegisterCaregiverInput {
  @Field(() => ID) providerId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) phone!: string;
  @Field(() => String) idNumber!: string;
  @Field(() => [String]) skills!: string[];
}

@InputType({ description: '护理员工号和照片（家属在工单上看到）' })
export class CaregiverProfileInput {
  @Field(() => ID) caregiverId!: string;
  @Field(() => String, { description: '工号：1 到 20 位字母、数字或短横线，机构内唯一' }) staffNo!: string;
  @Field(() => ID, { nullable: true, description: '照片：POST /files 上传后得到的编号；不填则保留原照片' })
  photoFileId?: string | null;
}

@InputType()
export class CaregiverCertificateInput {
  @Field(() => ID) caregiverId!: string;
  @Field(() => String, { description: 'HEALTH 或 SKILL:技能名称' }) kind!: string;
  @Field(() => String, { nullable: true, description: '证书编号' }) number?: string | null;
  @Field(() => String, { description: '有效期至 YYYY-MM-DD' }) expiresOn!: string;
}

@InputType()
export class CaregiverTrainingInput {
  @Field(() => ID) caregiverId!: string;
  @Field(() => String) course!: string;
  @Field(() => Int) hours!: number;
  @Field(() => String, { description: 'YYYY-MM-DD' }) completedOn!: string;
}
