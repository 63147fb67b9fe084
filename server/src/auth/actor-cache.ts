// Who a verified token's subject is (role, region path, provider, elder) changes rarely, but reading
// it cost two statements (the user, then their region) on every authenticated request: a quarter of
// the family dashboard's statements (issue 22). The token itself is verified on every request; only
// the account behind it is kept, for a few seconds. Nothing in the API deactivates an account or
// moves it to another region; an operator who does so in the database sees it take effect within
// the cache's lifetime on each server, and `forget` drops an entry at once when a future write path
// needs that.
import { LRUCache } from 'lru-cache';
import type { PrismaClient } from '../db/prisma.js';
import type { Actor } from './actor.js';
import { loadActor } from './auth.service.js';

export class ActorCache {
  private readonly cache: LRUCache<string, Actor> | null;

  constructor(
    private readonly prisma: PrismaClient,
    ttlMs: number,
  ) {
    // lru-cache reads 0 as "never expires"; 0 here means no caching at all.
    this.cache = ttlMs > 0 ? new LRUCache<string, Actor>({ max: 10_000, ttl: ttlMs, ttlAutopurge: false }) : null;
  }

  /** The acting user behind a token subject; null when the account is gone or disabled (never cached). */
  async get(userId: string): Promise<Actor | null> {
    const hit = this.cache?.get(userId);
    if (hit) return hit;
    const actor = await loadActor(this.prisma, userId);
    if (actor) this.cache?.set(userId, Object.freeze(actor));
    return actor;
  }

  forget(userId: string): void {
    this.cache?.delete(userId);
  }
}
