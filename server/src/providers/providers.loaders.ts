// Batch functions for DataLoader: an order page's providers and caregivers in one statement each.
import type { PrismaClient } from '../db/prisma.js';

const inOrder = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
};

export const providersByIds = async (prisma: PrismaClient, ids: readonly string[]) =>
  inOrder(ids, await prisma.provider.findMany({ where: { id: { in: [...ids] } } }));
export const caregiversByIds = async (prisma: PrismaClient, ids: readonly string[]) =>
  inOrder(ids, await prisma.caregiver.findMany({ where: { id: { in: [...ids] } } }));
