import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../common/enums.js';
import { Region } from '../regions/regions.types.js';

registerEnumType(Role, { name: 'Role', description: '角色' });

@ObjectType({ description: '平台用户' })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String) displayName!: string;
  regionId?: string | null;
  @Field(() => Region, { nullable: true, description: '管辖或所属区域' }) region?: Region | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => User) user!: User;
}
