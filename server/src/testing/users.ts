import type { Prisma } from '../db/prisma.js';
import type { TestServer } from './harness.js';

/** Adds an account with the demo password (scopes the seed has no demo account for) and logs it in. */
export async function addUser(
  s: TestServer,
  username: string,
  data: Omit<Prisma.UserUncheckedCreateInput, 'username' | 'passwordHash'>,
): Promise<string> {
  const passwordHash = (await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'provider_admin' } }))
    .passwordHash;
  await s.db.prisma.user.create({ data: { ...data, username, passwordHash } });
  return s.login(username);
}

/**
 * The elder a family account was linked to first, or its `nth` link (from 0) in the order of linking:
 * the demo family's, unless `username` says otherwise.
 */
export async function linkedElderId(s: TestServer, username = 'family', nth = 0): Promise<string> {
  const user = await s.db.prisma.user.findUniqueOrThrow({
    where: { username },
    include: { familyLinks: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: nth, take: 1 } },
  });
  return user.familyLinks[0]!.elderId;
}
