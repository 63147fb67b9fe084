// Relay pagination rules (docs/ARCHITECTURE.md, "API conventions"): first ≤ 100, opaque cursors,
// totalCount.
// Pure, so services can use it without loading GraphQL decorators.
import { validate as isUuid } from 'uuid';
import { badInput } from './errors.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export interface Edge<T> {
  node: T;
  cursor: string;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /**
   * The count, or a not-yet-started query for it. A Prisma query runs only when awaited, and
   * GraphQL awaits a field only when the client selects it, so a page whose client does not ask
   * for totalCount costs no COUNT statement (issue 22).
   */
  totalCount: number | PromiseLike<number>;
}

export const encodeCursor = (id: string): string => Buffer.from(`c:${id}`).toString('base64url');

/** The id a cursor stands for; anything but one of ours (an id after `c:`, base64url) is refused. */
export function decodeCursor(cursor: string): string {
  const raw = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const id = raw.startsWith('c:') ? raw.slice(2) : '';
  if (!isUuid(id)) throw badInput('after', '分页游标无效，请从第一页重新查询。');
  return id;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Validated page window: how many to take (one extra to learn hasNextPage) and where to start. */
export function pageWindow(args: PageArgs): { take: number; afterId?: string } {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badInput('first', `每页条数须在 1 到 ${MAX_PAGE} 之间。`);
  }
  return { take: first, afterId: args.after ? decodeCursor(args.after) : undefined };
}

/** Builds a connection from rows fetched with take + 1, ordered by id. */
export function toConnection<T extends { id: string }>(
  rows: T[],
  take: number,
  totalCount: number | PromiseLike<number>,
): Connection<T> {
  const page = rows.slice(0, take);
  return {
    edges: page.map((node) => ({ node, cursor: encodeCursor(node.id) })),
    pageInfo: {
      hasNextPage: rows.length > take,
      endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null,
    },
    totalCount,
  };
}
