// The home QR code as a printable card (000 六·流程2: the caregiver scans the code at the elder's home).
import { type Actor, authorize } from '../auth/index.js';
import { qrDataUrl } from '../common/qr.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from '../elders/index.js';
import { homeQrToken, type VisitConfig } from './visits.service.js';

/** The elder, the code and its image; `rotate` voids the code printed before. */
export async function homeQrCard(
  prisma: PrismaClient,
  cfg: VisitConfig,
  actor: Actor,
  elderId: string,
  rotate: boolean,
) {
  const elder = await assertElderInScope(prisma, authorize(actor, 'homeQrCard'), elderId);
  const token = await homeQrToken(prisma, cfg, actor, elder.id, rotate);
  return { elder, token, qrDataUrl: await qrDataUrl(token) };
}
