// The caregiver's offline queue against recorded answers: a step kept without a network goes out
// with its recorded time once the network is back (even after an earlier flush of an empty
// queue), a step the server refuses leaves the queue with its message, and the day's visits are
// listed in the order they are done. The same flow runs in Chromium in test/miniprogram/h5.staff.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, signIn } from '../../lib/store';
import { answers, requests, resetTaro } from '../../testing/taro';
import { dayOrder, needsLine, startOfShanghaiDay } from './needs';
import { enqueue, flush, pendingCount, refusedFor, type QueuedStep } from './queue';

let online = false;
const uploads: { body: unknown }[] = [];
const step = (orderId: string, recordedAt: string): QueuedStep => ({
  kind: 'checkIn',
  input: { orderId, latitude: 30.87, longitude: 114.37, qrToken: 'YL1.e.mac' },
  photo: 'blob:photo',
  recordedAt,
});
const checkIns = () => requests.filter((r) => /mutation CheckIn\b/.test(r.data.query));

beforeEach(() => {
  resetTaro();
  resetStore();
  signIn('tok', { id: 'u1', role: 'CAREGIVER', displayName: '护理员' });
  online = false;
  uploads.length = 0;
  // The photo is read from its blob URL, then POSTed raw to /files, which fails while offline.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: { body?: unknown }) => {
      if (url === 'blob:photo') return { arrayBuffer: async () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0]).buffer };
      if (!online) throw new TypeError('Failed to fetch');
      uploads.push({ body: init?.body });
      return { status: 201, text: async () => JSON.stringify({ id: `file-${uploads.length}` }) };
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('offline queue', () => {
  it('keeps a step while offline and sends it with its recorded time when the network returns', async () => {
    answers.set('CheckIn', (v) => ({
      checkIn: { id: (v.input as { orderId: string }).orderId, status: 'IN_SERVICE' },
    }));
    // An empty queue flushed first must not leave a finished run behind that later flushes return.
    expect(await flush()).toBe(0);
    enqueue(step('o1', '2026-11-18T02:05:00.000Z'));
    expect(await flush()).toBe(0);
    expect(pendingCount()).toBe(1);
    expect(checkIns()).toHaveLength(0);

    online = true;
    expect(await flush()).toBe(1);
    expect(pendingCount()).toBe(0);
    expect(uploads).toHaveLength(1);
    expect(checkIns()).toHaveLength(1);
    expect(checkIns()[0]!.data.variables.input).toMatchObject({
      orderId: 'o1',
      photoId: 'file-1',
      recordedAt: '2026-11-18T02:05:00.000Z',
      qrToken: 'YL1.e.mac',
    });
  });

  it('drops a step the server refuses, keeping its message, and goes on with the next', async () => {
    online = true;
    answers.set('CheckIn', (v) =>
      (v.input as { orderId: string }).orderId === 'late'
        ? Object.assign(new Error('离线记录已超过 24 小时，不能再补传'), { code: 'BAD_USER_INPUT' })
        : { checkIn: { id: 'o2', status: 'IN_SERVICE' } },
    );
    enqueue(step('late', '2026-11-16T02:00:00.000Z'));
    enqueue(step('o2', '2026-11-18T02:00:00.000Z'));
    expect(await flush()).toBe(2);
    expect(pendingCount()).toBe(0);
    expect(refusedFor('late').map((r) => r.message)).toEqual(['离线记录已超过 24 小时，不能再补传']);
    expect(refusedFor('o2')).toEqual([]);
  });
});

describe('the day’s visits', () => {
  it('puts the visit under way first, then the waiting ones by time, then those awaiting sign-off', () => {
    const v = (id: string, status: string, at: string) => ({ id, status, scheduledAt: at });
    const list = [
      v('signoff', 'COMPLETED', '2026-11-18T01:00:00Z'),
      v('later', 'ASSIGNED', '2026-11-18T07:00:00Z'),
      v('now', 'IN_SERVICE', '2026-11-18T02:00:00Z'),
      v('sooner', 'ASSIGNED', '2026-11-18T03:00:00Z'),
    ];
    expect(dayOrder(list).map((o) => o.id)).toEqual(['now', 'sooner', 'later', 'signoff']);
  });

  it('starts the day at Beijing midnight and says what the caregiver should know', () => {
    expect(startOfShanghaiDay(new Date('2026-11-18T17:30:00Z'))).toBe('2026-11-18T16:00:00.000Z');
    expect(startOfShanghaiDay(new Date('2026-11-18T15:30:00Z'))).toBe('2026-11-17T16:00:00.000Z');
    const elder = { age: 82, gender: 'FEMALE', selfCareAbility: 'PARTIAL', livingSituation: 'ALONE' };
    expect(needsLine({ elder: elder as never, note: '老人耳背，请大声敲门' })).toBe(
      '82 岁女，半失能，独居；家属备注：老人耳背，请大声敲门',
    );
  });
});
