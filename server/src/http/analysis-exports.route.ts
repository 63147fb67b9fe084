// GET /exports/analysis.xlsx?from=YYYY-MM&to=YYYY-MM[&region=<code>]: the analysis by area (002 二(五)13) as a sheet.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app/context.js';
import { actorFromAuthorization, authorize } from '../auth/index.js';
import { analysisHeader, writeAnalysisXlsx } from '../analysis/index.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { sendJson } from './io.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

export async function handleAnalysisExport(app: AppServices, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (url.pathname !== '/exports/analysis.xlsx' || req.method !== 'GET') return false;
  try {
    const actor = await actorFromAuthorization(app, req.headers.authorization);
    if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
    authorize(actor, 'GET /exports/analysis');
    const q = url.searchParams;
    const analysis = await analysisHeader(
      app.db.prisma,
      actor,
      { fromMonth: q.get('from') ?? '', toMonth: q.get('to') ?? '', regionCode: q.get('region') },
      app.clock(),
    );
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(
        `养老服务大数据分析-${analysis.name}-${analysis.months[0]}至${analysis.months.at(-1)}.xlsx`,
      )}`,
    });
    await writeAnalysisXlsx(analysis, res);
    if (!res.writableEnded) res.end();
  } catch (err) {
    if (!(err instanceof DomainError) || res.headersSent) throw err;
    sendJson(res, STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: err.extensions }] });
  }
  return true;
}
