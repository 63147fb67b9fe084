import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { requireActor } from '../auth/index.js';
import { PageArgsType } from '../common/connection.js';
import { listAuditLog } from './audit-log.service.js';
import { AuditEntry, AuditEntryConnection, AuditFilter } from './audit.types.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: '审计日志（区民政部门看本辖区账号的操作），最新的在前' })
  async auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return listAuditLog(ctx.prisma, requireActor(ctx.actor), filter ?? {}, page);
  }
}
