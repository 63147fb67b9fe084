import type { IncomingMessage, ServerResponse } from 'node:http';

/** GraphQL documents and payment notifications are small; anything larger is refused (413). */
const MAX_BODY_BYTES = 1024 * 1024;

/** The exact bytes of a request body (payment signatures are over bytes), up to the limit. */
export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export const readBody = async (req: IncomingMessage): Promise<string> => (await readRawBody(req)).toString('utf8');

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
