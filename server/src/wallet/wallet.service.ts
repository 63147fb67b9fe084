import type { AccountKind, Unit } from '../common/enums.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Account } from './wallet.types.js';

const ELDER_KINDS = ['SUBSIDY_ONLINE', 'SUBSIDY_OFFLINE', 'SUBSIDY_HOURS', 'SELF_PAID'] as const;

/** Elders' own accounts, batched for DataLoader. Balances are BigInt in the ledger; an elder's fit in Int. */
export async function accountsByElderIds(prisma: PrismaClient, elderIds: readonly string[]): Promise<Account[][]> {
  const rows = await prisma.ledgerAccount.findMany({
    where: { elderId: { in: [...elderIds] }, kind: { in: [...ELDER_KINDS] } },
    orderBy: { kind: 'asc' },
  });
  const byElder = new Map<string, Account[]>();
  for (const r of rows) {
    const list = byElder.get(r.elderId!) ?? [];
    list.push({
      kind: r.kind as AccountKind,
      unit: r.unit as Unit,
      balance: Number(r.balance),
      held: Number(r.held),
      available: Number(r.balance - r.held),
    });
    byElder.set(r.elderId!, list);
  }
  return elderIds.map((id) => byElder.get(id) ?? []);
}
