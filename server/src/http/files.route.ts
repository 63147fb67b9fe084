// POST /files (a caregiver's visit photo: the raw JPEG/PNG body), POST /files?purpose=attachment
// (an official's scan of an elder's document: JPEG, PNG or PDF, then attachElderFile) and
// GET /files/:id (for those who may see its order, or the elder's documents). Tokens as for GraphQL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actorFromAuthorization } from '../auth/index.js';
import type { AppServices } from '../app/context.js';
import { badInput, DomainError, ErrorCode } from '../common/errors.js';
import { idProblem } from '../common/input-rules.js';
import { MAX_ATTACHMENT_BYTES, MAX_PHOTO_BYTES, readPhoto, uploadPhoto } from '../files/index.js';
import { readRawBody, sendJson } from './io.js';

/** The id in /files/:id; a malformed escape (%E0%A4%A) or anything but an id is the client's error. */
function photoId(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw badInput('id', '照片地址有误，请回到工单重新打开照片。');
  }
  const problem = idProblem('照片编号', id);
  if (problem) throw badInput('id', problem);
  return id;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

export async function handleFiles(
  app: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (pathname !== '/files' && !pathname.startsWith('/files/')) return false;
  try {
    const actor = await actorFromAuthorization(app, req.headers.authorization);
    if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED);
    if (pathname === '/files' && req.method === 'POST') {
      const purpose = new URL(req.url ?? '/', 'http://x').searchParams.get('purpose');
      if (purpose !== null && purpose !== 'attachment')
        throw badInput('purpose', '上传用途只能是 attachment（老人材料），现场照片不用填写。');
      const max = purpose ? MAX_ATTACHMENT_BYTES : MAX_PHOTO_BYTES;
      const file = await uploadPhoto(
        app.db.prisma,
        app.files,
        actor,
        req.headers['content-type'] ?? '',
        await readRawBody(req, max + 1),
        purpose ? 'attachment' : 'photo',
      );
      sendJson(res, 201, { id: file.id, mimeType: file.mimeType, sizeBytes: file.sizeBytes });
      return true;
    }
    if (req.method === 'GET') {
      const photo = await readPhoto(app.db.prisma, app.files, actor, photoId(pathname.slice('/files/'.length)));
      res.writeHead(200, { 'content-type': photo.mimeType, 'cache-control': 'private, max-age=3600' });
      res.end(photo.bytes);
      return true;
    }
    sendJson(res, 405, { errors: [{ message: '不支持的请求方法。', extensions: { code: 'BAD_USER_INPUT' } }] });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    sendJson(res, STATUS[err.code] ?? 400, { errors: [{ message: err.message, extensions: err.extensions }] });
  }
  return true;
}
