// The quality evaluations a statement or a report names (质量监督, 000 七): each with its agency and
// its evaluator, oldest first, so where a provider was evaluated again in a month (复查, 000 七·3)
// the last one in the list is the one that counts.
import type { Prisma, PrismaClient } from '../db/prisma.js';

export interface NamedEvaluation {
  providerId: string;
  month: string;
  agency: string;
  evaluator: string;
}

export async function namedEvaluations(
  prisma: PrismaClient,
  where: Prisma.QualityEvaluationWhereInput,
): Promise<NamedEvaluation[]> {
  const evaluations = await prisma.qualityEvaluation.findMany({
    where,
    include: { qaAgency: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(evaluations.map((e) => e.evaluatorId))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return evaluations.map((e) => ({
    providerId: e.providerId,
    month: e.month,
    agency: e.qaAgency.name,
    evaluator: names.get(e.evaluatorId) ?? '',
  }));
}
