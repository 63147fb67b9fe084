// A fresh, migrated database per test file: in-memory PGlite by default; with DATABASE_URL set, a
// new PostgreSQL database created beside the one named there and dropped on close.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';

/** A fresh, migrated database on the backend this run is for. */
export async function freshDatabase(): Promise<Database & { backend: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ kind: 'pglite' });
    return Object.assign(db, { backend: 'pglite' });
  }
  const admin = new URL(url);
  const name = `${admin.pathname.slice(1) || 'yilian'}_t${randomBytes(5).toString('hex')}`;
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: target.toString() });
  const closeDb = db.close;
  return Object.assign(db, {
    backend: 'postgres',
    close: async () => {
      await closeDb();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  });
}
