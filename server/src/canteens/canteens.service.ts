// Canteens (幸福食堂 / 街道助餐点, 000 四 集中就餐, 000 八) and where a visit is verified.
// 000 六·流程3 (集中服务，适用于集中用餐): the elder comes to the provider's site and is served there,
// so a canteen meal is verified at the canteen: the canteen's own on-site code, scanned by the
// serving staff, within the canteen's geofence. The source identifies the elder by face
// recognition; the platform has none, so the canteen's code stands in for the site check (assumed).
// The canteen is chosen at check-in by the code scanned: an elder eats at whichever 助餐点 is open
// to them that day, and the code says where the meal was served.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import { distanceMeters } from '../common/geo.js';
import type { PrismaClient } from '../db/prisma.js';
import { type Actor, authorize } from '../auth/index.js';
import { assertElderInScope } from '../elders/index.js';

export interface SiteConfig {
  /** HMAC key for on-site codes (the same key as the home codes, with a distinct prefix). */
  qrKey: string;
  /** The geofence radius, as for the elder's home. */
  geofenceMeters: number;
}

export type VerificationSite = 'HOME' | 'FACILITY';

const PREFIX = 'YL1C';
const HOME_PREFIX = 'YL1';
const mac = (key: string, canteenId: string, secret: string) =>
  createHmac('sha256', key).update(`canteen:${canteenId}:${secret}`).digest().subarray(0, 16).toString('base64url');
const prefixOf = (token: string | null | undefined) => (token ?? '').split('.')[0];

/** Where the programme verifies the order's item (policy data, `verifiedAt`; HOME unless stated). */
export const verificationSite = (item: { verifiedAt?: VerificationSite | null }): VerificationSite =>
  item.verifiedAt ?? 'HOME';

/**
 * The printable code at the canteen: `YL1C.<canteenId>.<mac>`; rotating the secret voids a copied
 * code. No GraphQL operation prints it yet (issue 20's facilities will give officials one).
 */
export async function canteenQrToken(
  prisma: PrismaClient,
  cfg: Pick<SiteConfig, 'qrKey'>,
  canteenId: string,
  rotate = false,
) {
  let canteen = await prisma.canteen.findUnique({ where: { id: canteenId } });
  if (!canteen) return fail(ErrorCode.NOT_FOUND, '没有找到这个助餐点。');
  if (rotate)
    canteen = await prisma.canteen.update({
      where: { id: canteenId },
      data: { qrSecret: randomBytes(16).toString('hex') },
    });
  return `${PREFIX}.${canteen.id}.${mac(cfg.qrKey, canteen.id, canteen.qrSecret)}`;
}

async function canteenOfToken(prisma: PrismaClient, cfg: SiteConfig, token: string) {
  const [v, id, got] = token.split('.');
  if (v !== PREFIX || !id || !got) return null;
  const canteen = await prisma.canteen.findUnique({ where: { id } });
  if (!canteen) return null;
  const want = Buffer.from(mac(cfg.qrKey, canteen.id, canteen.qrSecret));
  const given = Buffer.from(got);
  return want.length === given.length && timingSafeEqual(want, given) ? canteen : null;
}

const wrongSite = (message: string): never => fail(ErrorCode.WRONG_VERIFICATION_SITE, message);

function checkCoordinates(lat: number, lng: number) {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    throw badInput('latitude', '定位信息无效，请打开手机定位后重试。');
}

function withinCanteen(
  cfg: SiteConfig,
  canteen: { name: string; latitude: number; longitude: number },
  elder: { latitude: number | null; longitude: number | null },
  lat: number,
  lng: number,
) {
  checkCoordinates(lat, lng);
  const d = distanceMeters({ lat, lng }, { lat: canteen.latitude, lng: canteen.longitude });
  if (d <= cfg.geofenceMeters) return d;
  const atHome =
    elder.latitude != null &&
    elder.longitude != null &&
    distanceMeters({ lat, lng }, { lat: elder.latitude, lng: elder.longitude }) <= cfg.geofenceMeters;
  if (atHome) wrongSite(`集中就餐须在${canteen.name}现场核验，不能在老人家中签到；送餐上门请下“上门送餐”的单。`);
  return fail(
    ErrorCode.GEOFENCE_VIOLATION,
    `签到位置离${canteen.name}约 ${d} 米，超过了 ${cfg.geofenceMeters} 米，请在助餐点现场扫码。`,
    { distanceMeters: d },
  );
}

/**
 * The site check at check-in. For a HOME item it refuses a canteen code and returns null (the
 * caller then checks the home code and place). For a FACILITY item it accepts only a canteen's
 * own code within that canteen's geofence and returns the canteen; the elder's home code or a
 * check-in at the home is WRONG_VERIFICATION_SITE. Nothing is written here.
 */
export async function checkInSite(
  prisma: PrismaClient,
  cfg: SiteConfig,
  item: { verifiedAt?: VerificationSite | null },
  elder: { latitude: number | null; longitude: number | null },
  input: { qrToken: string; latitude: number; longitude: number },
) {
  const site = verificationSite(item);
  const prefix = prefixOf(input.qrToken);
  if (site === 'HOME') {
    if (prefix === PREFIX) wrongSite('这项服务在老人家中核验，请扫描老人家中张贴的二维码，不是助餐点的二维码。');
    return null;
  }
  if (prefix === HOME_PREFIX) wrongSite('集中就餐在助餐点核验，请扫描助餐点张贴的二维码，不是老人家的二维码。');
  const canteen = await canteenOfToken(prisma, cfg, input.qrToken ?? '');
  if (!canteen) throw badInput('qrToken', '二维码无效，请扫描助餐点张贴的二维码；如二维码已更换，请联系社区工作人员。');
  return { canteenId: canteen.id, distance: withinCanteen(cfg, canteen, elder, input.latitude, input.longitude) };
}

/**
 * The site check at check-out: a visit checked in at a canteen checks out within the same
 * canteen's geofence (returns true); any other visit returns false and the caller checks the home.
 */
export function checkOutSite(
  cfg: SiteConfig,
  visit: { canteen: Parameters<typeof withinCanteen>[1] | null } | null,
  elder: { latitude: number | null; longitude: number | null },
  input: { latitude: number; longitude: number },
) {
  if (!visit?.canteen) return false;
  withinCanteen(cfg, visit.canteen, elder, input.latitude, input.longitude);
  return true;
}

/**
 * The canteens an elder can eat at: those of the elder's street (000 四: 辖区幸福食堂、街道助餐点).
 * Asked by elder, as the household and the worker know the elder, not a region's id.
 */
export async function canteensForElder(prisma: PrismaClient, actor: Actor, elderId: string) {
  const elder = await assertElderInScope(prisma, authorize(actor, 'canteens'), elderId);
  const community = await prisma.region.findUniqueOrThrow({ where: { id: elder.communityId } });
  if (!community.parentId) return [];
  return prisma.canteen.findMany({ where: { streetId: community.parentId }, orderBy: { name: 'asc' } });
}
