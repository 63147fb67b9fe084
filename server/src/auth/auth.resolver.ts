import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { ErrorCode, fail } from '../common/errors.js';
import { sandboxesAllowed } from '../common/sandbox.js';
import { Region } from '../regions/index.js';
import { findUser, passwordLogin, wechatLogin, type AuthResult } from './auth.service.js';
import { AuthPayload, LoginCodeRequest, User } from './auth.types.js';
import { phoneLogin, requestLoginCode } from './phone-login.service.js';

async function payload(ctx: Context, result: AuthResult): Promise<AuthPayload> {
  const user = (await findUser(ctx.prisma, result.userId)) ?? fail(ErrorCode.NOT_FOUND);
  return { token: result.token, expiresAt: result.expiresAt, user: user as User };
}

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: '用户名密码登录（工作人员、机构、官员）' })
  async passwordLogin(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return payload(ctx, await passwordLogin(ctx.prisma, ctx.app.tokens, { username, password }, ctx.app.clock()));
  }

  @Mutation(() => AuthPayload, { description: '小程序微信登录：wx.login 的 code 换取会话' })
  async wechatLogin(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    // Never in production without an explicit demo: the sandbox accepts any well-formed code.
    if (ctx.app.wechat.sandbox && !sandboxesAllowed(ctx.app.config))
      fail(ErrorCode.FORBIDDEN, '微信登录尚未开通，请联系平台管理员。');
    return payload(ctx, await wechatLogin(ctx.prisma, ctx.app.tokens, ctx.app.wechat, code, ctx.app.clock()));
  }

  @Mutation(() => LoginCodeRequest, {
    description:
      'H5 手机号登录：发送 6 位短信验证码（5 分钟有效）。手机号不是 11 位：BAD_USER_INPUT；60 秒内重发或一天超过 10 次：RATE_LIMITED' +
      '（details.retryAfterSeconds）；未接短信通道的正式环境：FORBIDDEN。出错时不发送、不记录。',
  })
  async requestLoginCode(@Arg('phone', () => String) phone: string, @Ctx() ctx: Context): Promise<LoginCodeRequest> {
    return requestLoginCode(
      ctx.prisma,
      ctx.app.sms,
      { secret: ctx.app.config.secrets.jwtSecret, demo: ctx.app.config.demo },
      phone,
      ctx.app.clock(),
    );
  }

  @Mutation(() => AuthPayload, {
    description:
      'H5 手机号 + 短信验证码登录；新号码建立家属账号。格式不对：BAD_USER_INPUT；验证码错误、过期或已用：UNAUTHENTICATED（输错 5 次作废）；账号停用：FORBIDDEN。',
  })
  async phoneLogin(
    @Arg('phone', () => String) phone: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return payload(
      ctx,
      await phoneLogin(ctx.prisma, ctx.app.tokens, ctx.app.config.secrets.jwtSecret, { phone, code }, ctx.app.clock()),
    );
  }

  @Query(() => User, { nullable: true, description: '当前登录用户；未登录时为空' })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    if (!ctx.actor) return null;
    return (await ctx.loaders.userById.load(ctx.actor.userId)) as User | null;
  }

  @FieldResolver(() => Region, { nullable: true })
  async region(@Root() user: User, @Ctx() ctx: Context): Promise<Region | null> {
    return user.regionId ? ctx.loaders.regionById.load(user.regionId) : null;
  }
}
