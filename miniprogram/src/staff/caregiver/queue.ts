// The offline queue (issue 23): a check-in or check-out done without signal is kept in storage
// with the phone's time (recordedAt) and sent when the network returns. The server judges the step
// by that time and marks it sent late; a step it refuses (too old, out of order) is dropped and its
// message kept, so the caregiver sees why and calls the provider.
import Taro from '@tarojs/taro';
import { ApiError, gql } from '../../api/client';
import { CheckInDocument, CheckOutDocument, type CheckInInput, type CheckOutInput } from './api/generated';
import { uploadImage } from './device';

const KEY = 'yilian.staff.queue.v1';

export type QueuedStep =
  | { kind: 'checkIn'; input: Omit<CheckInInput, 'photoId' | 'recordedAt'>; photo: string; recordedAt: string }
  | { kind: 'checkOut'; input: Omit<CheckOutInput, 'photoId' | 'recordedAt'>; photo: string; recordedAt: string };

interface Stored {
  steps: QueuedStep[];
  refused: { orderId: string; message: string }[];
}

function read(): Stored {
  try {
    const raw = Taro.getStorageSync(KEY);
    const v = typeof raw === 'string' && raw ? JSON.parse(raw) : raw;
    if (v && Array.isArray(v.steps)) return { steps: v.steps, refused: v.refused ?? [] };
  } catch {
    // Unreadable storage is an empty queue.
  }
  return { steps: [], refused: [] };
}

const write = (s: Stored) => Taro.setStorageSync(KEY, JSON.stringify(s));

export const pendingCount = () => read().steps.length;
export const pendingFor = (orderId: string) => read().steps.filter((s) => s.input.orderId === orderId);
export const refusedFor = (orderId: string) => read().refused.filter((r) => r.orderId === orderId);

export function enqueue(step: QueuedStep) {
  const s = read();
  write({ ...s, steps: [...s.steps, step] });
}

/** A lost connection, as the API client and the upload report it. */
export const isOffline = (err: unknown) => err instanceof ApiError && err.code === 'NETWORK';

/**
 * Sends one step: the photo first, then the step. A step that waited in the queue carries the time
 * it was recorded; one sent as it happens (`live`) is timed by the server.
 */
export async function send(step: QueuedStep, { live = false } = {}) {
  const photoId = await uploadImage(step.photo);
  const recordedAt = live ? null : step.recordedAt;
  if (step.kind === 'checkIn')
    return (await gql(CheckInDocument, { input: { ...step.input, photoId, recordedAt } })).checkIn;
  return (await gql(CheckOutDocument, { input: { ...step.input, photoId, recordedAt } })).checkOut;
}

let flushing: Promise<number> | null = null;
const listeners = new Set<() => void>();

/**
 * Sends the queued steps in order; stops at the first lost connection. Resolves how many left the
 * queue (sent, or refused by the server), and tells the open pages when any did.
 */
export function flush(): Promise<number> {
  // Cleared once settled (asynchronously): an empty queue finishes synchronously, and clearing
  // inside the run would happen before the assignment and leave a stale promise behind.
  flushing ??= drain().finally(() => (flushing = null));
  return flushing;
}

async function drain(): Promise<number> {
  let done = 0;
  for (;;) {
    const s = read();
    const step = s.steps[0];
    if (!step) break;
    try {
      await send(step);
    } catch (err) {
      if (isOffline(err)) break;
      const message = err instanceof Error ? err.message : String(err);
      write({
        steps: read().steps.slice(1),
        refused: [...s.refused, { orderId: String(step.input.orderId), message }],
      });
      done++;
      continue;
    }
    write({ ...read(), steps: read().steps.slice(1) });
    done++;
  }
  if (done > 0) for (const l of listeners) l();
  return done;
}

let watching = false;

/**
 * Flushes whenever the phone's network comes back (WeChat's event; the browser's online event on
 * H5), and every 15 seconds while something waits, since a phone does not always report a network
 * that returned. `onChange` runs when steps left the queue. Returns the unsubscribe.
 */
export function watchNetwork(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!watching) {
    watching = true;
    const retry = () => void (read().steps.length ? flush() : undefined);
    if (process.env.TARO_ENV === 'weapp') Taro.onNetworkStatusChange((r) => r.isConnected && retry());
    else window.addEventListener('online', retry);
    setInterval(retry, 15_000);
  }
  return () => listeners.delete(onChange);
}
