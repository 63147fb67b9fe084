import type { PrismaClient } from '../db/prisma.js';

const inOrder = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
};

export const serviceItemsByIds = async (prisma: PrismaClient, ids: readonly string[]) => inOrder(ids, await prisma.serviceItem.findMany({ where: { id: { in: [...ids] } } }));
export const providersByIds = async (prisma: PrismaClient, ids: readonly string[]) => inOrder(ids, await prisma.provider.findMany({ where: { id: { in: [...ids] } } }));
export const caregiversByIds = async (prisma: PrismaClient, ids: readonly string[]) => inOrder(ids, await prisma.caregiver.findMany({ where: { id: { in: [...ids] } } }));
export async function visitsByOrderIds(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.visit.findMany({ where: { orderId: { in: [...ids] } } });
  const byOrder = new Map(rows.map((r) => [r.orderId, r]));
  return ids.map((id) => byOrder.get(id) ?? null);
}
