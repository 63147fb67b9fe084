// Login limits as single SQL statements. A limit read in one query and written in another lets a
// burst of parallel guesses all pass the read before any write lands; here each guess claims its
// attempt, and the lock or the void code is decided, in the same UPDATE, so the database's row
// lock puts the burst in a line and only the first `max` of them are ever checked.
// Dates travel as UTC text; `::timestamp(3)` reads them as the UTC instants Prisma stores.
import type { PrismaClient } from '../db/prisma.js';

export interface PasswordAttempt {
  /** This attempt's place in the run of unconfirmed attempts (1 … max). */
  attempt: number;
  /** This attempt used up the run: the account is locked from now on, whatever the outcome. */
  locks: boolean;
}

/**
 * Claims one password check for the user before the (slow) hash is compared: null while the
 * account is locked. The claim that reaches `max` sets the lock and starts a new run; a correct
 * password clears both (`passwordAccepted`), so only wrong ones stay counted.
 */
export async function claimPasswordAttempt(
  prisma: PrismaClient,
  userId: string,
  now: Date,
  max: number,
  lockUntil: Date,
): Promise<PasswordAttempt | null> {
  const rows = await prisma.$queryRaw<{ attempt: number; locks: boolean }[]>`
    UPDATE "User"
       SET "failedLogins" = CASE WHEN "failedLogins" + 1 >= ${max} THEN 0 ELSE "failedLogins" + 1 END,
           "lockedUntil" = CASE WHEN "failedLogins" + 1 >= ${max} THEN ${lockUntil}::timestamp(3) ELSE NULL END
     WHERE id = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamp(3))
 RETURNING CASE WHEN "lockedUntil" IS NULL THEN "failedLogins" ELSE ${max} END AS attempt,
           "lockedUntil" IS NOT NULL AS locks`;
  const row = rows[0];
  return row ? { attempt: Number(row.attempt), locks: row.locks } : null;
}

/** The right password: the run of failures ends and any lock this run set is lifted. */
export async function passwordAccepted(prisma: PrismaClient, userId: string, now: Date): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
}

export interface CodeAttempt {
  id: string;
  codeHash: string;
  attempt: number;
}

/**
 * Claims one guess at the latest live code of a purpose and subject: null when there is none, or
 * when its `max` guesses are spent (the code is then void, even for the right digits).
 */
export async function claimCodeAttempt(
  prisma: PrismaClient,
  purpose: 'PHONE_LOGIN' | 'VISIT_SIGNOFF',
  subject: string,
  now: Date,
  max: number,
): Promise<CodeAttempt | null> {
  const rows = await prisma.$queryRaw<{ id: string; codeHash: string; attempt: number }[]>`
    UPDATE "AccessCode" SET attempts = attempts + 1
     WHERE id = (SELECT id FROM "AccessCode"
                  WHERE purpose = ${purpose}::"AccessCodePurpose" AND subject = ${subject} AND "usedAt" IS NULL AND
                    "expiresAt" > ${now}::timestamp(3)
                  ORDER BY "createdAt" DESC LIMIT 1)
       AND "usedAt" IS NULL AND attempts < ${max}
 RETURNING id, "codeHash", attempts AS attempt`;
  const row = rows[0];
  return row ? { id: row.id, codeHash: row.codeHash, attempt: Number(row.attempt) } : null;
}
