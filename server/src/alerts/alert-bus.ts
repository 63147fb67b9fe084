// Alert events for subscribers. In-process by default; with REDIS_URL, through Redis pub/sub so a
// subscriber on one server instance hears alerts raised on another (@graphql-yoga's event target).
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, filter, pipe } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';

/** What travels between instances: plain JSON, with the community's code path for scope checks. */
export interface AlertEvent {
  id: string;
  elderId: string;
  elderName: string;
  communityId: string;
  communityCode: string;
  communityPath: string;
  kind: string;
  status: string;
  detail: unknown;
  raisedAt: string;
}

type Topics = { 'alert:raised': [AlertEvent] };

export interface AlertBus {
  publish(event: AlertEvent): void;
  subscribe(accept: (e: AlertEvent) => boolean | Promise<boolean>): AsyncIterable<AlertEvent>;
  close(): Promise<void>;
}

export function createAlertBus(redisUrl?: string): AlertBus {
  if (!redisUrl) {
    const pubSub = createPubSub<Topics>({ eventTarget: localEventTarget() as never });
    return {
      publish: (e) => pubSub.publish('alert:raised', e),
      subscribe: (accept) => pipe(pubSub.subscribe('alert:raised'), filter(accept)),
      close: async () => {},
    };
  }
  // Subscribing puts a Redis connection in subscriber mode, so publishing needs its own.
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // (the casts: ioredis ships separate ESM and CJS typings of the same class)
  const pubSub = createPubSub<Topics>({
    eventTarget: createRedisEventTarget({
      publishClient: publishClient as never,
      subscribeClient: subscribeClient as never,
    }),
  });
  return {
    publish: (e) => pubSub.publish('alert:raised', e),
    subscribe: (accept) => pipe(pubSub.subscribe('alert:raised'), filter(accept)),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

type Listener = ((e: Event) => void) | { handleEvent(e: Event): void };

/**
 * An in-process event target with one listener per subscriber. Node's EventTarget is built for a
 * few listeners (it warns past ten and dispatch is slow with a thousand); this is a map of sets.
 */
function localEventTarget() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    addEventListener(type: string, l: Listener | null) {
      if (!l) return;
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(l);
    },
    removeEventListener(type: string, l: Listener | null) {
      if (l) listeners.get(type)?.delete(l);
    },
    dispatchEvent(event: Event) {
      for (const l of listeners.get(event.type) ?? []) typeof l === 'function' ? l(event) : l.handleEvent(event);
      return true;
    },
  };
}
