// Inspections with rectification (003 四(一) 督促检查; 四(三) 服务质量监控体系).
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../common/enums.js';

export const RectificationStatus = enumOf('NONE_REQUIRED', 'OPEN', 'OVERDUE', 'RECTIFIED', 'RECTIFIED_LATE');
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: '无需整改 / 整改中 / 逾期未整改 / 按期整改 / 逾期后整改',
});

@ObjectType({ description: '一次设施检查及其整改' })
export class FacilityInspection {
  @Field(() => ID) id!: string;
  @Field(() => ID) facilityId!: string;
  @Field(() => String, { description: '检查日期（YYYY-MM-DD）' }) inspectedOn!: string;
  @Field(() => String, { nullable: true, description: '检查等次' }) grade!: string | null;
  @Field(() => String, { nullable: true, description: '发现的问题' }) findings!: string | null;
  @Field(() => String, { nullable: true, description: '整改期限（YYYY-MM-DD）' }) rectifyBy!: string | null;
  @Field(() => String, { nullable: true, description: '整改完成日期（YYYY-MM-DD）' }) rectifiedOn!: string | null;
  @Field(() => RectificationStatus, { description: '按今天（北京时间）判断的整改状态' }) rectification!: string;
}

@InputType({ description: '登记一次设施检查' })
export class InspectFacilityInput {
  @Field(() => ID) facilityId!: string;
  @Field(() => String, { description: '检查日期（YYYY-MM-DD）' }) inspectedOn!: string;
  @Field(() => String, { nullable: true, description: '发现的问题；没有问题不填' }) findings?: string | null;
  @Field(() => String, { nullable: true, description: '整改期限（YYYY-MM-DD），发现问题时必填' }) rectifyBy?:
    string | null;
  @Field(() => String, { nullable: true, description: '检查等次（如 合格、良好）' }) grade?: string | null;
}
