// `npm run ledger:check`: the ledger's invariants over the configured database (PGlite folder or
// DATABASE_URL). Exit code 1 and one line per violation when any fails.
import path from 'node:path';
import { loadConfig } from '../common/config.js';
import { dieWithOneLine } from '../common/fatal.js';
import { databaseTarget, openDatabase } from '../db/database.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { ledgerViolations } from '../wallet/ledger.service.js';

// On PGlite this takes the folder's lock like the server does: with the server running it refuses
// (stop the server, or check the PostgreSQL database) instead of opening a folder in use.
const config = loadConfig();
const db = await openDatabase(databaseTarget(config)).catch((err: unknown) =>
  dieWithOneLine(err, {
    logDir: path.join(path.dirname(config.pgliteDir), 'logs'),
    name: 'ledger-check',
    expected: err instanceof DataDirInUseError,
    exitCode: 2,
  }),
);
try {
  const [violations, accounts, transactions] = await Promise.all([
    ledgerViolations(db.prisma),
    db.prisma.ledgerAccount.count(),
    db.prisma.ledgerTransaction.count(),
  ]);
  console.log(`ledger: ${accounts} accounts, ${transactions} transactions, ${violations.length} violations`);
  for (const v of violations) console.log(`  ${v.rule}\t${v.id}\t${v.detail}`);
  process.exitCode = violations.length ? 1 : 0;
} finally {
  await db.close();
}
