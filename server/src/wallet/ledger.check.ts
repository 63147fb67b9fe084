// `npm run ledger:check`: the ledger's invariants over the configured database (PGlite folder or
// DATABASE_URL). Exit code 1 and one line per violation when any fails.
import { databaseTarget } from '../app.js';
import { loadConfig } from '../common/config.js';
import { openDatabase } from '../db/database.js';
import { ledgerViolations } from './ledger.service.js';

const db = await openDatabase(databaseTarget(loadConfig()));
try {
  const [violations, accounts, transactions] = await Promise.all([ledgerViolations(db.prisma), db.prisma.ledgerAccount.count(), db.prisma.ledgerTransaction.count()]);
  console.log(`ledger: ${accounts} accounts, ${transactions} transactions, ${violations.length} violations`);
  for (const v of violations) console.log(`  ${v.rule}\t${v.id}\t${v.detail}`);
  process.exitCode = violations.length ? 1 : 0;
} finally {
  await db.close();
}
