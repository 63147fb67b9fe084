import 'reflect-metadata';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RegionLevel } from '../common/enums.js';

registerEnumType(RegionLevel, { name: 'RegionLevel', description: '行政区划层级' });

@ObjectType({ description: '行政区划：区县、街道（乡镇）、社区（村）' })
export class Region {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '行政区划代码' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => RegionLevel) level!: RegionLevel;
  parentId?: string | null;
  path!: string;
}
