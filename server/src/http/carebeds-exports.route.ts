// GET /exports/carebeds/<report>.(xlsx|csv): the 金民 reports of 004 附件7, 二 and 三 (beds, summary;
// carebeds.reports.ts) and 一, 四, 五, 六 (elders, visits, visit-summary, visit-regions; agreements.reports.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../app/context.js';
import { actorFromAuthorization, authorize } from '../auth/index.js';
import { VISIT_REPORTS, writeVisitReport, type VisitReport } from '../agreements/index.js';
import { CARE_BED_REPORTS, careBedFormsHtml, writeCareBedReport, type CareBedReport } from '../carebeds/index.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { sendJson } from './io.js';

const ROUTE = /^\/exports\/carebeds\/(beds|summary|elders|visits|visit-summary|visit-regions)\.(xlsx|csv)$/;
const TITLES: Record<CareBedReport | VisitReport, string> = { ...CARE_BED_REPORTS, ...VISIT_REPORTS };
const isBedReport = (r: string): r is CareBedReport => r in CARE_BED_REPORTS;
const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const FORMS = /^\/exports\/carebeds\/([0-9a-f-]{36})\/forms\.html$/;

export async function handleCareBedExports(
  app: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) {
  const form = FORMS.exec(pathname);
  if (form && req.method === 'GET') {
    try {
      const actor = await actorFromAuthorization(
        { tokens: app.tokens, prisma: app.db.prisma },
        req.headers.authorization,
      );
      if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
      const html = await careBedFormsHtml(app.db.prisma, actor, form[1]!);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      sendJson(res, STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: err.extensions }] });
    }
    return true;
  }
  const m = ROUTE.exec(pathname);
  if (!m || req.method !== 'GET') return false;
  const [, report, format] = m as unknown as [string, CareBedReport | VisitReport, 'xlsx' | 'csv'];
  try {
    const actor = await actorFromAuthorization(
      { tokens: app.tokens, prisma: app.db.prisma },
      req.headers.authorization,
    );
    if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
    authorize(actor, 'GET /exports/carebeds');
    const name = encodeURIComponent(`${TITLES[report]}.${format}`);
    res.writeHead(200, {
      'content-type':
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${name}`,
    });
    if (isBedReport(report)) await writeCareBedReport(app.db.prisma, actor, report, format, res, app.clock());
    else await writeVisitReport(app.db.prisma, actor, report, format, res, app.clock());
    if (!res.writableEnded) res.end();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    sendJson(res, STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: err.extensions }] });
  }
  return true;
}
