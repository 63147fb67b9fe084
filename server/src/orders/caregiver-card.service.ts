// The caregiver as the family sees them on its order (issue 25): name, the rating families gave
// their confirmed visits, and the phone for a one-tap call. The order itself is reached only through
// the caller's scope (a family sees its own elders' orders), so the card is never another family's.
// 工号 and photo identify the caregiver at the door and in a complaint; they are the provider's, set by
// its administrators (providers/caregiver-profile.service.ts).
// The phone is personal information of the caregiver (个人信息保护法 第六条, the minimum needed): shown
// while the visit is ahead or underway, not before one is assigned nor after it is over.

/** The statuses in which the family may need to reach the caregiver (assigned, or at the door). */
const CALLABLE = new Set(['ASSIGNED', 'IN_SERVICE']);

export interface CaregiverCard {
  id: string;
  name: string;
  staffNo: string | null;
  photoUrl: string | null;
  phone: string | null;
  phoneNote: string | null;
  ratingAverage: number | null;
  ratingCount: number;
}

/** The per-request loader the card reads through, so a page of orders costs one batch (or none, primed). */
export interface CaregiverCardLoaders {
  caregiverById: {
    load(id: string): Promise<{
      id: string;
      name: string;
      staffNo: string | null;
      photoFileId: string | null;
      phone: string;
      ratingCount: number;
      ratingStars: number;
    } | null>;
  };
}

export async function caregiverCard(
  loaders: CaregiverCardLoaders,
  order: { status: string; caregiverId: string | null },
): Promise<CaregiverCard | null> {
  if (!order.caregiverId) return null;
  const caregiver = await loaders.caregiverById.load(order.caregiverId);
  if (!caregiver) return null;
  const callable = CALLABLE.has(order.status);
  // The summary rateOrder keeps on the caregiver (count and total stars of the visits they served).
  const count = caregiver.ratingCount;
  return {
    id: caregiver.id,
    name: caregiver.name,
    // 工号 and photo: who is at the door, and whom a complaint is about (issue 25). The photo is read
    // through GET /files/:id, which lets in whoever may see an order by this caregiver.
    staffNo: caregiver.staffNo,
    photoUrl: caregiver.photoFileId ? `/files/${caregiver.photoFileId}` : null,
    phone: callable ? caregiver.phone : null,
    phoneNote: callable ? null : '服务结束或取消后不再显示护理员电话；如需联系，请找服务机构。',
    ratingAverage: count ? Math.round((caregiver.ratingStars / count) * 10) / 10 : null,
    ratingCount: count,
  };
}
