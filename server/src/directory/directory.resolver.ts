import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { publicDirectory } from './directory.service.js';
import { PublicDirectory } from './directory.types.js';

// 信息公开 (002 二(三)10): public government information, no login needed, like the service guide.
@Resolver()
export class DirectoryResolver {
  @Query(() => PublicDirectory, {
    description:
      '养老服务信息公开（无需登录）：项目的养老服务设施、服务机构及其职责、申请办理流程和服务标准；不含个人信息。' +
      '项目不存在：NOT_FOUND',
  })
  async publicDirectory(@Arg('policyCode', () => String) policyCode: string, @Ctx() ctx: Context) {
    return publicDirectory(ctx.prisma, policyCode);
  }
}
