import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../common/enums.js';
import { Region } from '../regions/index.js';

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

@ObjectType({ description: '短信验证码已发送' })
export class LoginCodeRequest {
  @Field(() => String, { description: '规范化后的手机号' }) phone!: string;
  @Field(() => Date, { description: '验证码失效时间' }) expiresAt!: Date;
  @Field(() => Date, { description: '此时间之后才能重新获取' }) resendAt!: Date;
  @Field(() => String, { nullable: true, description: '仅演示模式：沙箱“发送”的验证码；正式环境为空' }) sandboxCode!:
    string | null;
}
