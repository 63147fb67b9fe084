import type { IncomingMessage, ServerResponse } from 'node:http';

/** GraphQL documents and payment notifications are small; anything larger is refused (413). */
const MAX_BODY_BYTES = 1024 * 1024;

/** Past the limit the rest of a body is read and dropped, so the client gets its 413, up to this much. */
const DRAIN_BYTES = 8 * 1024 * 1024;

/** A body over its limit: answered 413 with a code, never a reset connection. */
export class BodyTooLarge extends Error {
  readonly status = 413;
  constructor(readonly limit: number) {
    super('body too large');
  }
  get body() {
    const mb = Math.round(this.limit / (1024 * 1024));
    return {
      errors: [
        {
          message: `提交的内容太大了，最多 ${mb} MB。`,
          extensions: { code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE', limitBytes: this.limit },
        },
      ],
    };
  }
}

/** The exact bytes of a request body (payment signatures are over bytes), up to the limit. */
export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (over) {
        // Only a client that keeps sending long after its answer loses the connection.
        if (size > limit + DRAIN_BYTES) req.destroy();
      } else if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge(limit));
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
