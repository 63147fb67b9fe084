import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { openPgliteFolder } from './data-dir-lock.js';
import { SafePGliteAdapterFactory } from './pglite-adapter.js';
import { deployMigrations } from './migrate.js';
import { PrismaClient } from './prisma.js';
import type { Config } from '../common/config.js';
import { countingStatements, type StatementStats } from './statement-count.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** Statements sent to the database so far (benchmarks read it to prove N+1-freedom). */
  stats: StatementStats;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir?: string; pglite?: PGlite };

/** DATABASE_URL when set, else the embedded PGlite folder. */
export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dir: config.pgliteDir };
}

/**
 * Opens the database and brings its schema up to date. PGlite runs in-process (a folder, or
 * memory when no folder is given); PostgreSQL is reached through a pg Pool that close() ends.
 */
export async function openDatabase(target: DatabaseTarget, opts: { migrate?: boolean } = {}): Promise<Database> {
  const stats: StatementStats = { statements: 0 };
  // 'minimal' skips the call-site capture Prisma otherwise does on every query to pretty its
  // errors; no user ever sees a Prisma message (common/errors.ts maps what it must).
  const errorFormat = 'minimal' as const;
  if (target.kind === 'postgres') {
    if (opts.migrate !== false) await deployMigrations({ kind: 'postgres', url: target.url });
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.PG_POOL_MAX ?? 10) });
    // An idle connection the server drops (restart, failover, DROP DATABASE) is replaced on next
    // use; without a listener pg would throw it as an uncaught error and take the process down.
    pool.on('error', () => {});
    const prisma = new PrismaClient({ adapter: countingStatements(new PrismaPg(pool), stats), errorFormat });
    pools.set(prisma, pool);
    return {
      prisma,
      kind: 'postgres',
      stats,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let pglite = target.pglite;
  let closeOwned = async () => pglite!.close();
  if (!pglite && target.dir) {
    // A folder is this process's alone: a second process on it refuses before it reads or writes.
    const folder = await openPgliteFolder(target.dir);
    pglite = folder.pglite;
    closeOwned = folder.close;
  } else if (!pglite) {
    pglite = await PGlite.create();
  }
  if (opts.migrate !== false) {
    try {
      await deployMigrations({ kind: 'pglite', db: pglite });
    } catch (err) {
      if (!target.pglite) await closeOwned();
      throw err;
    }
  }
  const prisma = new PrismaClient({
    adapter: countingStatements(new SafePGliteAdapterFactory(pglite), stats),
    errorFormat,
  });
  const owned = !target.pglite;
  return {
    prisma,
    kind: 'pglite',
    stats,
    close: async () => {
      await prisma.$disconnect();
      if (owned) await closeOwned();
    },
  };
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * The pg pool behind a PostgreSQL client (undefined on PGlite), for the one thing Prisma cannot do:
 * read a result through a server-side cursor a batch at a time (settlement exports), so a month of
 * rows is never held in memory at once. Only store files use it.
 */
export function postgresPool(prisma: object): pg.Pool | undefined {
  return pools.get(prisma);
}

export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
