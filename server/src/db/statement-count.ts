// Counts the statements Prisma sends, at the driver adapter. Prisma's own query log would do it too,
// but with the log on, the client serialises every query's parameters into an event on every call,
// which costs the server on each request for a figure only the benchmarks and a few tests read.
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';

export interface StatementStats {
  statements: number;
  /** Sees each statement's SQL and arguments (a test reads the plans of the SQL Prisma writes). */
  onStatement?: (sql: string, args: unknown[]) => void;
}

function countQueries<T extends SqlQueryable>(q: T, stats: StatementStats): T {
  const queryRaw = q.queryRaw.bind(q);
  const executeRaw = q.executeRaw.bind(q);
  q.queryRaw = (query) => {
    stats.statements += 1;
    stats.onStatement?.(query.sql, query.args);
    return queryRaw(query);
  };
  q.executeRaw = (query) => {
    stats.statements += 1;
    stats.onStatement?.(query.sql, query.args);
    return executeRaw(query);
  };
  return q;
}

function countTransaction(tx: Transaction, stats: StatementStats, isolationLevel: unknown): Transaction {
  // BEGIN (and SET TRANSACTION) were sent before the transaction came back to us.
  stats.statements += isolationLevel ? 2 : 1;
  countQueries(tx, stats);
  // With a phantom query the driver ends the transaction itself; otherwise Prisma sends COMMIT or
  // ROLLBACK through executeRaw, which is counted already.
  if (tx.options.usePhantomQuery) {
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => {
      stats.statements += 1;
      return commit();
    };
    tx.rollback = () => {
      stats.statements += 1;
      return rollback();
    };
  }
  return tx;
}

function countAdapter(adapter: SqlDriverAdapter, stats: StatementStats): SqlDriverAdapter {
  countQueries(adapter, stats);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    countTransaction(await startTransaction(isolationLevel), stats, isolationLevel);
  return adapter;
}

/** The factory, with every adapter it connects counting into `stats`. */
export function countingStatements<F extends SqlDriverAdapterFactory>(factory: F, stats: StatementStats): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => countAdapter(await connect(), stats);
  return factory;
}
