// npm run migrate -w server -- deploy            apply pending migrations (DATABASE_URL, else PGlite)
// npm run migrate -w server -- create <name>     write a migration for schema.prisma's changes
// npm run migrate -w server -- create x --check  exit 1 if schema.prisma has changes no migration holds
import path from 'node:path';
import { loadConfig } from '../common/config.js';
import { dieWithOneLine } from '../common/fatal.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { createMigration, deployMigrations, pendingSchemaSql } from '../db/migrate.js';

const [cmd, name] = process.argv.slice(2);
if (cmd === 'deploy') {
  const config = loadConfig();
  const target = config.databaseUrl
    ? { kind: 'postgres' as const, url: config.databaseUrl }
    : { kind: 'pglite' as const, dir: config.pgliteDir };
  const { applied } = await deployMigrations(target).catch((err: unknown) =>
    dieWithOneLine(err, {
      logDir: path.join(path.dirname(config.pgliteDir), 'logs'),
      name: 'migrate',
      expected: err instanceof DataDirInUseError,
      exitCode: 2,
    }),
  );
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} else if (cmd === 'create' && process.argv.includes('--check')) {
  const sql = await pendingSchemaSql();
  if (sql) {
    console.error(
      'schema.prisma has changes that no migration holds; run `npm run migrate -w server -- create <name>`:\n' + sql,
    );
    process.exit(1);
  }
  console.log('migrations match schema.prisma.');
} else if (cmd === 'create' && name) {
  const dir = await createMigration(name);
  console.log(dir ? `wrote ${dir}` : 'no changes');
} else {
  console.error('usage: migrate deploy | migrate create <name> [--check]');
  process.exit(2);
}
