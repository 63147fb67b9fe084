// A fresh, migrated database per test file: in-memory PGlite by default; with DATABASE_URL set, a
// new PostgreSQL database created beside the one named there and dropped on close.
//
// Every test file used to build its database from nothing: PGlite's initdb, then Prisma's schema
// engine (a large WASM module, instantiated per process) replaying every migration. That was most
// of a file's setup. Now the first file to need one builds a migrated template, keyed by a hash of
// the migrations, and every file copies it: PGlite loads a dump of the data folder, PostgreSQL
// uses CREATE DATABASE … TEMPLATE. A change to any migration changes the key, so a stale
// template is never used. The migration path itself is still tested by db/migrate.test.ts and by
// each template build.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';
import { deployMigrations, MIGRATIONS_DIR } from '../db/migrate.js';

function pgliteVersion(): string {
  // The package's exports hide its package.json; walk up from its entry point instead.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

let key: string | undefined;
/** The migrations' content and PGlite's version (a dump is only read by the version that wrote it). */
function templateKey(): string {
  if (key) return key;
  const hash = createHash('sha256');
  hash.update(pgliteVersion());
  for (const dir of readdirSync(MIGRATIONS_DIR).sort()) {
    const file = path.join(MIGRATIONS_DIR, dir, 'migration.sql');
    if (existsSync(file)) hash.update(dir).update(readFileSync(file));
  }
  key = hash.digest('hex').slice(0, 16);
  return key;
}

async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(tmpdir(), `yilian-pglite-template-${templateKey()}.tar`);
  if (existsSync(file)) return new Blob([new Uint8Array(readFileSync(file))]);
  const scratch = await PGlite.create();
  try {
    await deployMigrations({ kind: 'pglite', db: scratch });
    const dump = await scratch.dumpDataDir('none');
    // Two workers may build it at once: each writes its own file and the rename is atomic.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await scratch.close();
  }
}

async function withClient<T>(url: URL, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const pgCode = (err: unknown) => (err as { code?: string } | null)?.code;

/** Creates `name` as a copy of the migrated template, building the template on first use. */
async function createFromTemplate(admin: URL, name: string): Promise<void> {
  const template = `yilian_tpl_${templateKey()}`;
  const copy = () => withClient(admin, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  try {
    await copy();
    return;
  } catch (err) {
    if (pgCode(err) !== '3D000') throw err; // 3D000: no such database, so the template is not built yet
  }
  const building = `${template}_b${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE "${building}"`));
  const url = new URL(admin);
  url.pathname = `/${building}`;
  await deployMigrations({ kind: 'postgres', url: url.toString() });
  await withClient(admin, async (c) => {
    try {
      await c.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      // Nobody connects to it, so copying it never meets "being accessed by other users".
      await c.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    } catch (err) {
      // 42P04: another worker built it first; ours is not needed.
      if (pgCode(err) !== '42P04') throw err;
      await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    }
  });
  await copy();
}

/** A fresh, migrated database on the backend this run is for. */
export async function freshDatabase(): Promise<Database & { backend: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = await PGlite.create({ loadDataDir: await pgliteTemplate() });
    const db = await openDatabase({ kind: 'pglite', pglite }, { migrate: false });
    const closeDb = db.close;
    return Object.assign(db, {
      backend: 'pglite',
      close: async () => {
        await closeDb();
        await pglite.close();
      },
    });
  }
  const admin = new URL(url);
  const name = `${admin.pathname.slice(1) || 'yilian'}_t${randomBytes(5).toString('hex')}`;
  admin.pathname = '/postgres';
  await createFromTemplate(admin, name);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: target.toString() }, { migrate: false });
  const closeDb = db.close;
  return Object.assign(db, {
    backend: 'postgres',
    close: async () => {
      await closeDb();
      await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  });
}
