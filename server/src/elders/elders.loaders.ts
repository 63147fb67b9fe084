import type { Enrolment, Prisma, PrismaClient } from '../db/prisma.js';

export async function familyByElderIds(prisma: PrismaClient, elderIds: readonly string[]) {
  const links = await prisma.familyLink.findMany({
    where: { elderId: { in: [...elderIds] } },
    include: { user: { select: { id: true, displayName: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return elderIds.map((id) =>
    links
      .filter((l) => l.elderId === id)
      .map((l) => ({ id: l.user.id, name: l.user.displayName, relation: l.relation })),
  );
}

/** Newest first: the order the current enrolment is picked from. */
export const ENROLMENTS_NEWEST_FIRST = {
  orderBy: [{ startedOn: 'desc' }, { id: 'desc' }],
} satisfies Prisma.Elder$enrolmentsArgs;

/** The enrolment an elder's page shows, from all of theirs newest first: the active one, else the latest. */
export function currentEnrolment(mine: readonly Enrolment[]) {
  const e = mine.find((r) => r.status === 'ACTIVE') ?? mine[0];
  if (!e) return null;
  return {
    id: e.id,
    policyId: e.policyId,
    category: e.category,
    status: e.status,
    startedOn: e.startedOn.toISOString().slice(0, 10),
    endedOn: e.endedOn ? e.endedOn.toISOString().slice(0, 10) : null,
    terminationReason: e.terminationReason,
    terminationNote: e.terminationNote,
    noticeLetter: e.noticeLetter,
  };
}

/** The active enrolment of each elder, or else the latest one. */
export async function enrolmentByElderIds(prisma: PrismaClient, elderIds: readonly string[]) {
  const rows = await prisma.enrolment.findMany({
    where: { elderId: { in: [...elderIds] } },
    ...ENROLMENTS_NEWEST_FIRST,
  });
  return elderIds.map((id) => currentEnrolment(rows.filter((r) => r.elderId === id)));
}

export async function elderByIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.elder.findMany({ where: { id: { in: [...ids] } } });
  return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}
