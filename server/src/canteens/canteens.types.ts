import 'reflect-metadata';
import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: '助餐点（幸福食堂、街道助餐点）：集中就餐在这里就餐并现场核验（000 六·流程3）' })
export class Canteen {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { description: '所在街道（乡镇）' }) streetId!: string;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
}
