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

/** Sends the queued steps in order; stops at the first lost connection. Resolves how many were sent. */
export function flush(): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (;;) {
        const s = read();
        const step = s.steps[0];
        if (!step) break;
        try {
          await send(step);
          sent++;
        } catch (err) {
          if (isOffline(err)) break;
          const message = err instanceof Error ? err.message : String(err);
          write({
            steps: read().steps.slice(1),
            refused: [...s.refused, { orderId: String(step.input.orderId), message }],
          });
          continue;
        }
        write({ ...read(), steps: read().steps.slice(1) });
      }
    } finally {
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}

let watching = false;
const listeners = new Set<() => void>();

/**
 * Flushes whenever the phone's network comes back (WeChat's event; the browser's online event on
 * H5) and tells the open pages when something was sent. Returns the unsubscribe.
 */
export function watchNetwork(onSent: () => void): () => void {
  listeners.add(onSent);
  if (!watching) {
    watching = true;
    const retry = () =>
      void flush().then((n) => {
        if (n > 0) for (const l of listeners) l();
      });
    if (process.env.TARO_ENV === 'weapp') Taro.onNetworkStatusChange((r) => r.isConnected && retry());
    else window.addEventListener('online', retry);
  }
  return () => listeners.delete(onSent);
}
