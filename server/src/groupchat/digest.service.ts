// The daily digest the bot posts in each bound group (issue 23): today's visits in the group's
// community, those past their time with no check-in, and complaints past their deadline (000 六 4:
// 48 小时内处理). Counts and masked names only: a group gets the minimum (PIPL Art. 28).
import { type Actor, authorize } from '../auth/index.js';
import { formatShanghaiCn, todayInShanghai } from '../common/calendar.js';
import { maskName } from '../common/mask.js';
import type { PrismaClient } from '../db/prisma.js';

/** A visit is late for check-in this long after its booked time (the 000 六·流程2 scan on arrival). */
const LATE_AFTER_MS = 30 * 60_000;
/** At most this many lines of late visits per group; the rest are counted. */
const MAX_LINES = 10;

export async function dailyDigest(prisma: PrismaClient, actor: Actor, now: Date) {
  authorize(actor, 'botDailyDigest');
  const rooms = await prisma.botRoomBinding.findMany({ where: { botUserId: actor.userId }, orderBy: { id: 'asc' } });
  const communityIds = [...new Set(rooms.map((r) => r.communityId))];
  const regions = new Map(
    (await prisma.region.findMany({ where: { id: { in: communityIds } } })).map((r) => [r.id, r]),
  );
  const day = todayInShanghai(now);
  const from = new Date(`${day}T00:00:00+08:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const orders = await prisma.order.findMany({
    where: {
      elder: { communityId: { in: communityIds } },
      scheduledAt: { gte: from, lt: to },
      status: { not: 'CANCELLED' },
    },
    include: { elder: true, serviceItem: true, visit: true },
    orderBy: { scheduledAt: 'asc' },
  });
  const overdue = await prisma.complaint.findMany({
    where: { elder: { communityId: { in: communityIds } }, status: { not: 'CLOSED' }, dueAt: { lt: now } },
    include: { elder: true },
  });
  return rooms.map((room) => {
    const mine = orders.filter((o) => o.elder.communityId === room.communityId);
    const late = mine.filter((o) => !o.visit?.checkInAt && o.scheduledAt.getTime() + LATE_AFTER_MS < now.getTime());
    return {
      roomId: room.roomId,
      communityName: regions.get(room.communityId)?.name ?? '',
      day,
      visitsToday: mine.length,
      checkedIn: mine.filter((o) => o.visit?.checkInAt).length,
      notCheckedIn: late.length,
      notCheckedInLines: late
        .slice(0, MAX_LINES)
        .map((o) => `${formatShanghaiCn(o.scheduledAt)} ${maskName(o.elder.name)} ${o.serviceItem.name}`),
      overdueComplaints: overdue.filter((c) => c.elder.communityId === room.communityId).length,
    };
  });
}
