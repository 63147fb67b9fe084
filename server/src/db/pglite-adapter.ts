import type { PGlite, Transaction as PGliteTx } from '@electric-sql/pglite';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * pglite-prisma-adapter 0.7.2 loses errors raised at COMMIT (a deferred constraint such as the
 * ledger's balance trigger): the transaction's promise has already resolved, so the failure is
 * swallowed and Prisma reports success while nothing was written. Its executeScript does not
 * await either. This factory keeps the adapter's query code and replaces those two paths, so
 * PGlite fails exactly where PostgreSQL fails (proved by src/db/migrate.test.ts on both).
 */
export class SafePGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName: string;
  private readonly inner: PrismaPGlite;

  constructor(client: PGlite) {
    this.inner = new PrismaPGlite(client);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return patch(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return patch(await this.inner.connectToShadowDb());
  }
}

type Queryable = SqlDriverAdapter & { client: PGlite | PGliteTx; onError(e: unknown): never };

function patch(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const a = adapter as Queryable;
  const AdapterClass = a.constructor as new (client: PGliteTx, options?: unknown) => Queryable;
  a.executeScript = async (script: string) => {
    try {
      await (a.client as PGlite).exec(script);
    } catch (e) {
      a.onError(e);
    }
  };
  a.startTransaction = (isolationLevel) =>
    new Promise<Transaction>((resolve, reject) => {
      let opened = false;
      let finish!: () => void;
      const result = (a.client as PGlite)
        .transaction(async (tx) => {
          if (isolationLevel) await tx.exec(`SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`);
          opened = true;
          const txAdapter = new AdapterClass(tx) as unknown as Transaction & Queryable;
          const done = new Promise<void>((r) => (finish = r));
          Object.assign(txAdapter, {
            options: { usePhantomQuery: true },
            // COMMIT happens when the callback returns; its error now reaches Prisma.
            commit: async () => {
              finish();
              await result;
            },
            rollback: async () => {
              await tx.rollback();
              finish();
              await result.catch(() => undefined);
            },
          });
          resolve(txAdapter);
          await done;
        })
        .catch((e: unknown) => {
          if (!opened) reject(e);
          return a.onError(e);
        });
      result.catch(() => undefined); // observed via commit(); avoid an unhandled rejection meanwhile
    });
  return adapter;
}
