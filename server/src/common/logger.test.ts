// The logger (common/logger.ts): ID numbers never reach a log line, and standard output is written
// without blocking the request that logs (issue 22).
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('logger', () => {
  it('masks an ID number in the message and in nested fields', async () => {
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (c: Buffer) => (text += c.toString()));
    const logger = createLogger(sink);
    logger.warn({ elder: { idNumber: '420116194001010011' } }, '身份证 420116194001010011 有误');
    await new Promise((r) => setImmediate(r));
    expect(text).toContain('4201**********0011');
    expect(text).not.toContain('420116194001010011');
  });

  it('writes standard output asynchronously when no destination is given', () => {
    const stream = (createLogger() as unknown as Record<symbol, { sync?: boolean }>)[pino.symbols.streamSym];
    expect(stream?.sync).toBe(false);
  });
});
