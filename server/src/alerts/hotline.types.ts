// The 12349 hotline's register (003 二(二)2, 三(三)): inbound calls by operator level and area.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';
import { HOTLINE_LEVELS } from '../policies/index.js';

export const HotlineLevel = enumOf(...HOTLINE_LEVELS);
registerEnumType(HotlineLevel, { name: 'HotlineLevel', description: '市 / 县（市、区） / 乡（街道） / 村（社区）' });
export const HotlineOutcome = enumOf('ORDER', 'REFERRAL', 'ADVICE');
registerEnumType(HotlineOutcome, { name: 'HotlineOutcome', description: '下单 / 转介 / 当场解答' });

@ObjectType({ description: '一通热线来电' })
export class HotlineCall {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '受理号码（项目文件中的热线号码）' }) line!: string;
  @Field(() => HotlineLevel, { description: '受理坐席的层级' }) level!: string;
  @Field(() => String, { description: '受理坐席所在区划代码' }) areaCode!: string;
  @Field(() => String) areaName!: string;
  @Field(() => String) callerName!: string;
  @Field(() => String) callerPhone!: string;
  @Field(() => ID, { nullable: true }) elderId!: string | null;
  @Field(() => String, { description: '来电所涉社区代码' }) communityCode!: string;
  @Field(() => String, { description: '来电需求' }) need!: string;
  @Field(() => HotlineOutcome) outcome!: string;
  @Field(() => ID, { nullable: true, description: '为老人下的工单' }) orderId!: string | null;
  @Field(() => String, { nullable: true, description: '转介去向' }) referralTo!: string | null;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => String, { description: '月份（YYYY-MM，北京时间）' }) month!: string;
}

@InputType({ description: '登记一通热线来电（在本坐席辖区内）' })
export class RecordHotlineCallInput {
  @Field(() => String, { description: '项目代码，如 LUOYANG_2013' }) policyCode!: string;
  @Field(() => String, { description: '来电人姓名' }) callerName!: string;
  @Field(() => String, { description: '来电号码' }) callerPhone!: string;
  @Field(() => ID, { nullable: true, description: '所涉老人（已登记的）' }) elderId?: string | null;
  @Field(() => String, { nullable: true, description: '没有关联老人时，来电所在社区代码' }) communityCode?:
    string | null;
  @Field(() => String, { description: '来电需求' }) need!: string;
  @Field(() => HotlineOutcome, { description: '处理结果' }) outcome!: 'ORDER' | 'REFERRAL' | 'ADVICE';
  @Field(() => ID, { nullable: true, description: '结果为下单时，为老人下的工单' }) orderId?: string | null;
  @Field(() => String, { nullable: true, description: '结果为转介时，转介给哪个机构或部门' }) referralTo?:
    string | null;
}

@ObjectType({ description: '热线来电汇总：一个层级、一个区划、一个月' })
export class HotlineReportLine {
  @Field(() => HotlineLevel) level!: string;
  @Field(() => String) areaCode!: string;
  @Field(() => String) areaName!: string;
  @Field(() => String) month!: string;
  @Field(() => Int) calls!: number;
  @Field(() => Int) orders!: number;
  @Field(() => Int) referrals!: number;
  @Field(() => Int) advice!: number;
}

@ObjectType({ description: '热线来电报表（003 三(三) 四级网络）' })
export class HotlineReport {
  @Field(() => String) phone!: string;
  @Field(() => String) name!: string;
  @Field(() => String) source!: string;
  @Field(() => [HotlineReportLine]) lines!: HotlineReportLine[];
}
