// The programmes' reference data, kept in memory for a short while (issue 22): the public service
// guide, the most-read query, service items by id, which every page of orders shows, and programmes
// by id, which every row of the elders page shows. All three change
// only when the policy documents are loaded (syncPolicies, at every start and from the seed
// command), so a server holding them for `ttlMs` serves a guide at most that old after a reload
// done by another process, and `clear()` drops them at once after a reload in this one. Orders,
// prices and allowances never read from here: placeOrder prices from the database every time.
import { LRUCache } from 'lru-cache';
import type { PrismaClient } from '../db/prisma.js';

type ServiceItemRow = NonNullable<Awaited<ReturnType<PrismaClient['serviceItem']['findUnique']>>>;

export class CatalogueCache {
  // Keyed by programme code and category; only found programmes are kept, so the keys are bounded
  // by the programmes and the categories asked (and by `max`, whatever a caller sends).
  private readonly guides: LRUCache<string, readonly object[]> | null;
  private readonly items: LRUCache<string, ServiceItemRow> | null;
  private readonly policies: LRUCache<string, { id: string }> | null;

  constructor(ttlMs: number) {
    // lru-cache reads a ttl of 0 as "never expires"; 0 here means no caching.
    this.guides = ttlMs > 0 ? new LRUCache({ max: 500, ttl: ttlMs }) : null;
    this.items = ttlMs > 0 ? new LRUCache({ max: 5_000, ttl: ttlMs }) : null;
    this.policies = ttlMs > 0 ? new LRUCache({ max: 500, ttl: ttlMs }) : null;
  }

  async guide<T extends object>(code: string, category: string | null, load: () => Promise<T[]>): Promise<T[]> {
    const key = `${code}\u0000${category ?? ''}`;
    const hit = this.guides?.get(key);
    if (hit) return hit as T[];
    const rows = await load();
    this.guides?.set(key, Object.freeze(rows));
    return rows;
  }

  /** Service items by id, in the order asked; null for an unknown id. Misses are read in one statement. */
  itemsByIds(prisma: PrismaClient, ids: readonly string[]): Promise<(ServiceItemRow | null)[]> {
    return byIds(this.items, ids, (missing) => prisma.serviceItem.findMany({ where: { id: { in: missing } } }));
  }

  /**
   * Programmes as pages show them (code, name, categories, allowances), by id; misses come from
   * `load`, in one call. An elder's enrolment shows its programme on every row of the elders page.
   */
  policiesByIds<T extends { id: string }>(ids: readonly string[], load: (missing: string[]) => Promise<T[]>) {
    return byIds(this.policies as LRUCache<string, T> | null, ids, load);
  }

  clear(): void {
    this.policies?.clear();
    this.guides?.clear();
    this.items?.clear();
  }
}

/** Rows by id from `cache`, the misses read in one call and kept; null for an id not found. */
async function byIds<T extends { id: string }>(
  cache: LRUCache<string, T> | null,
  ids: readonly string[],
  load: (missing: string[]) => Promise<T[]>,
): Promise<(T | null)[]> {
  const found = new Map<string, T>();
  for (const id of ids) {
    const hit = cache?.get(id);
    if (hit) found.set(id, hit);
  }
  const missing = [...new Set(ids.filter((id) => !found.has(id)))];
  if (missing.length) {
    for (const row of await load(missing)) {
      found.set(row.id, row);
      cache?.set(row.id, row);
    }
  }
  return ids.map((id) => found.get(id) ?? null);
}
