import type { PrismaClient } from '../db/prisma.js';

// Service items come through the catalogue's cache (catalogue.cache.ts), not from here.
const byOrderId = <T extends { orderId: string }>(ids: readonly string[], rows: T[]) => {
  const byOrder = new Map(rows.map((r) => [r.orderId, r]));
  return ids.map((id) => byOrder.get(id) ?? null);
};

export const visitsByOrderIds = async (prisma: PrismaClient, ids: readonly string[]) =>
  byOrderId(ids, await prisma.visit.findMany({ where: { orderId: { in: [...ids] } } }));
export const ratingsByOrderIds = async (prisma: PrismaClient, ids: readonly string[]) =>
  byOrderId(ids, await prisma.rating.findMany({ where: { orderId: { in: [...ids] } } }));
export const followUpsByOrderIds = async (prisma: PrismaClient, ids: readonly string[]) =>
  byOrderId(ids, await prisma.followUp.findMany({ where: { orderId: { in: [...ids] } } }));
