// GET /exports/carebeds/<report>.(xlsx|csv): the 金民 reports of 004 附件7, 二 and 三 (beds, summary;
// carebeds.reports.ts) and 一, 四, 五, 六 (elders, visits, visit-summary, visit-regions; agreements.reports.ts);
// GET /exports/carebeds/(bulletin|fund-use)/<district code>/<YYYY-Qn>.(xlsx|csv|html): the district's quarterly
// bulletin and fund-use report of 七(三) (agreements.bulletin.ts; the HTML prints both on A4).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { AppServices } from '../app/context.js';
import { actorFromAuthorization, authorize } from '../auth/index.js';
import {
  BULLETIN_REPORTS,
  VISIT_REPORTS,
  bulletinHtml,
  writeBulletin,
  writeVisitReport,
  type BulletinReport,
  type VisitReport,
} from '../agreements/index.js';
import { CARE_BED_REPORTS, careBedFormsHtml, writeCareBedReport, type CareBedReport } from '../carebeds/index.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { readPhoto } from '../files/index.js';
import { sendJson } from './io.js';

const ROUTE = /^\/exports\/carebeds\/(beds|summary|elders|visits|visit-summary|visit-regions)\.(xlsx|csv)$/;
const TITLES: Record<CareBedReport | VisitReport, string> = { ...CARE_BED_REPORTS, ...VISIT_REPORTS };
const isBedReport = (r: string): r is CareBedReport => r in CARE_BED_REPORTS;
const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const FORMS = /^\/exports\/carebeds\/([0-9a-f-]{36})\/forms\.html$/;
const BULLETIN = /^\/exports\/carebeds\/(bulletin|fund-use)\/(\d{6})\/([^/]+)\.(xlsx|csv|html)$/;

export async function handleCareBedExports(
  app: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) {
  const bulletin = BULLETIN.exec(pathname);
  if (bulletin && req.method === 'GET') {
    const [, report, districtCode, quarter, format] = bulletin as unknown as [
      string,
      BulletinReport,
      string,
      string,
      'xlsx' | 'csv' | 'html',
    ];
    try {
      const actor = await actorFromAuthorization(app, req.headers.authorization);
      if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
      if (format === 'html') {
        const html = await bulletinHtml(app.db.prisma, actor, { districtCode, quarter }, app.clock());
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
        return true;
      }
      // Refusals (scope, a bad quarter) come before the headers: the figures are computed first.
      const chunks: Buffer[] = [];
      const sink = new PassThrough();
      sink.on('data', (c: Buffer) => chunks.push(c));
      await writeBulletin(app.db.prisma, actor, { report, districtCode, quarter }, format, sink, app.clock());
      const name = encodeURIComponent(`${BULLETIN_REPORTS[report]}-${quarter}.${format}`);
      res.writeHead(200, {
        'content-type': CONTENT_TYPE[format],
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
      });
      res.end(Buffer.concat(chunks));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      sendJson(res, STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: err.extensions }] });
    }
    return true;
  }
  const form = FORMS.exec(pathname);
  if (form && req.method === 'GET') {
    try {
      const actor = await actorFromAuthorization(app, req.headers.authorization);
      if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
      // 附件5's photos through the file route's own rule; a photo the caller may not open stays a link.
      const read = (id: string) =>
        readPhoto(app.db.prisma, app.files, actor, id).catch((err: unknown) => {
          if (err instanceof DomainError) return null;
          throw err;
        });
      const html = await careBedFormsHtml(app.db.prisma, actor, form[1]!, {
        read,
        url: (id) => `${app.urls.public}/files/${encodeURIComponent(id)}`,
      });
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
    const actor = await actorFromAuthorization(app, req.headers.authorization);
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
