import { Ctx, Field, Float, ID, Int, ObjectType, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { caregiverCard } from './caregiver-card.service.js';
import { Order } from './orders.types.js';

@ObjectType({ description: '工单上的护理员（家属看到的）：姓名、工号、照片、评分、电话' })
export class OrderCaregiverCard {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: '工号' }) staffNo!: string | null;
  @Field(() => String, { nullable: true, description: '照片地址（GET /files/:id，可查看这张工单的人可看）' })
  photoUrl!: string | null;
  @Field(() => String, { nullable: true, description: '护理员电话：仅在已派单、服务中时显示' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: '不显示电话时的说明' }) phoneNote!: string | null;
  @Field(() => Float, { nullable: true, description: '家属和老人对这位护理员的平均评分（1–5 星，一位小数）' })
  ratingAverage!: number | null;
  @Field(() => Int, { description: '评分次数' }) ratingCount!: number;
}

@Resolver(() => Order)
export class OrderCaregiverCardResolver {
  @FieldResolver(() => OrderCaregiverCard, { nullable: true, description: '派给这张工单的护理员；未派单时为空' })
  async caregiverCard(@Root() order: Order, @Ctx() ctx: Context) {
    return caregiverCard(ctx.loaders, order);
  }
}
