// The one idempotency rule (common/idempotency.ts), on its own; the money paths that use it have
// their own concurrency and replay tests (orders, top-ups, the ledger, reschedules).
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { assertIdempotencyKey, firstUseOrReplay, replayOrConflict, requestHash } from './idempotency.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'OTHER';
  }
  return undefined;
};

describe('failing', () => {
  it('refuses keys that are short, long or carry other characters, on the field asked', () => {
    for (const key of ['', 'short', 'x'.repeat(65), 'has space-12', '订单编号一二三四五', null, undefined]) {
      expect(codeOf(() => assertIdempotencyKey(key))).toBe('BAD_USER_INPUT');
    }
    const err = (() => {
      try {
        assertIdempotencyKey('bad', 'key');
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err?.extensions.details).toEqual({ field: 'key' });
    expect(err?.message).toBe('请求编号应为 8–64 位字母、数字或 _:.-。');
  });

  it('a different request, or another caller, with a used key is IDEMPOTENCY_CONFLICT', () => {
    const first = { requestHash: requestHash({ amountFen: 100 }), id: 'a' };
    expect(codeOf(() => replayOrConflict(first, requestHash({ amountFen: 101 })))).toBe('IDEMPOTENCY_CONFLICT');
    expect(codeOf(() => replayOrConflict(first, first.requestHash, false))).toBe('IDEMPOTENCY_CONFLICT');
    expect(codeOf(() => replayOrConflict({ requestHash: null }, first.requestHash))).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('an error other than a unique violation is not taken for a lost race', async () => {
    let replays = 0;
    const boom = new Error('connection reset');
    await expect(
      firstUseOrReplay(
        () => Promise.reject(boom),
        async () => (replays++, 'winner'),
      ),
    ).rejects.toBe(boom);
    expect(replays).toBe(0);
  });
});

describe('successful', () => {
  it('accepts keys of 8 to 64 letters, digits and _:.-', () => {
    for (const key of ['abcd1234', 'order:2026-11-20_a.b', 'x'.repeat(64)]) {
      expect(codeOf(() => assertIdempotencyKey(key))).toBeUndefined();
    }
  });

  it('hashes the request, not its identity: the same content hashes the same', () => {
    expect(requestHash({ a: 1, b: 'x' })).toBe(requestHash({ a: 1, b: 'x' }));
    expect(requestHash({ a: 1, b: 'x' })).not.toBe(requestHash({ a: 1, b: 'y' }));
    expect(requestHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same request from the same caller replays the first result', () => {
    const first = { requestHash: requestHash({ amountFen: 100 }), id: 'a' };
    expect(replayOrConflict(first, requestHash({ amountFen: 100 }))).toBe(first);
  });

  it('the loser of a race at the unique index replays the winner', async () => {
    const unique = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
    await expect(
      firstUseOrReplay(
        () => Promise.reject(unique),
        async () => 'winner',
      ),
    ).resolves.toBe('winner');
    await expect(
      firstUseOrReplay(
        async () => 'first',
        async () => 'winner',
      ),
    ).resolves.toBe('first');
  });
});
