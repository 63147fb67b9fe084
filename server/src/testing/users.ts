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
