import type { PrismaClient } from '../db/prisma.js';

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

/** The active enrolment of each elder, or else the latest one. */
export async function enrolmentByElderIds(prisma: PrismaClient, elderIds: readonly string[]) {
  const rows = await prisma.enrolment.findMany({
    where: { elderId: { in: [...elderIds] } },
    orderBy: [{ startedOn: 'desc' }, { id: 'desc' }],
  });
  return elderIds.map((id) => {
    const mine = rows.filter((r) => r.elderId === id);
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
  });
}

export async function elderByIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.elder.findMany({ where: { id: { in: [...ids] } } });
  return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}
