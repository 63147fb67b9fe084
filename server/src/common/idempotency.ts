// The one idempotency rule (issue 15). A client sends a key with every request that moves money or
// changes an order (placeOrder, createTopUp, rescheduleOrder, ledger postings, centre attendance):
// - the key is 8–64 letters, digits or _:.-, checked before anything is read;
// - the first use stores the key with a hash of what was asked (and, where it matters, who asked);
// - a later use with the same request and the same caller returns what the first one made;
// - the same key with any other request, or from another caller, is IDEMPOTENCY_CONFLICT;
// - two first uses racing past the look-up meet at the key's unique index: the loser replays the
//   winner under the same rule.
import { createHash } from 'node:crypto';
import { ErrorCode, badInput, fail, isUniqueViolation } from './errors.js';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{8,64}$/;

/** BAD_USER_INPUT on the key's field unless the key has the agreed shape. */
export function assertIdempotencyKey(key: string | null | undefined, field = 'idempotencyKey'): void {
  if (!IDEMPOTENCY_KEY.test(key ?? '')) throw badInput(field, '请求编号应为 8–64 位字母、数字或 _:.-。');
}

/** What a request asked for, as stored beside its key: SHA-256 of its JSON. */
export const requestHash = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * The stored first use of a key, returned as the replay when the same caller asked the same thing;
 * IDEMPOTENCY_CONFLICT otherwise. `sameCaller` is false when the first use was someone else's.
 */
export function replayOrConflict<T extends { requestHash: string | null }>(
  first: T,
  hash: string,
  sameCaller = true,
): T {
  if (first.requestHash !== hash || !sameCaller) fail(ErrorCode.IDEMPOTENCY_CONFLICT);
  return first;
}

/**
 * Runs a key's first use; if a concurrent request with the same key won at the unique index, runs
 * `replayWinner` instead (which reads the winner and applies `replayOrConflict`).
 */
export async function firstUseOrReplay<T>(firstUse: () => Promise<T>, replayWinner: () => Promise<T>): Promise<T> {
  try {
    return await firstUse();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return replayWinner();
  }
}
