// GET /exports/settlement/:month.xlsx and GET /exports/visits/:month.csv, streamed to the client.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actorFromAuthorization } from '../auth/index.js';
import type { AppServices } from '../app/context.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { exportContext, writeSettlementXlsx, writeVisitsCsv, writeVisitsXlsx } from '../settlement/index.js';
import { sendJson } from './io.js';

const ROUTE = /^\/exports\/(settlement|visits)\/(\d{4}-\d{2})\.(xlsx|csv)$/;
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

export async function handleExports(
  app: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (!pathname.startsWith('/exports/')) return false;
  const m = ROUTE.exec(pathname);
  if (!m || req.method !== 'GET' || (m[1] === 'settlement' && m[3] !== 'xlsx')) {
    sendJson(res, 404, {
      errors: [
        {
          message: '可导出：/exports/settlement/YYYY-MM.xlsx、/exports/visits/YYYY-MM.csv 或 .xlsx',
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
    return true;
  }
  const [, kind, month, format] = m;
  try {
    const actor = await actorFromAuthorization(app, req.headers.authorization);
    if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
    const headers =
      format === 'csv'
        ? {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`居家养老上门服务提供情况-${month}.csv`)}`,
          }
        : {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'content-disposition':
              `attachment; ` +
              `filename*=UTF-8''${encodeURIComponent(`${kind === 'visits' ? '居家养老上门服务提供情况' : '结算报表'}-${month}.xlsx`)}`,
          };
    const ctx = await exportContext(app.db.prisma, actor, month!);
    res.writeHead(200, headers);
    if (kind === 'settlement') await writeSettlementXlsx(app.db.prisma, actor, month!, ctx, res);
    else if (format === 'csv') await writeVisitsCsv(app.db.prisma, app.vault, actor, month!, ctx, res);
    else await writeVisitsXlsx(app.db.prisma, app.vault, actor, month!, ctx, res);
    if (!res.writableEnded) res.end();
  } catch (err) {
    if (!(err instanceof DomainError) || res.headersSent) throw err;
    sendJson(res, STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: err.extensions }] });
  }
  return true;
}
