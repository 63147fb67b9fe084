// A visit written as the caregiver's app would have recorded it, for the demo month, the simulator
// and the tests that are about what comes after a visit (confirmation, exceptions, settlement), not
// the visit itself. Real visits are recorded by orders/visits.service.ts (check-in at the door,
// check-out), which orders/visits.test.ts covers.
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';

interface Point {
  lat: number;
  lng: number;
}

export interface RecordedVisit {
  caregiverId: string;
  checkInAt: Date;
  minutes: number;
  /** Where the app located the check-in and check-out; left empty when the test does not look. */
  checkIn?: Point;
  checkOut?: Point;
  /** The photos' attachment ids, at check-in and at check-out. */
  photoIds?: { in: string; out: string };
}

/** Marks the order COMPLETED by `v.caregiverId`, with its visit from `v.checkInAt` for `v.minutes`. */
export async function writeRecordedVisit(prisma: PrismaClient | Tx, orderId: string, v: RecordedVisit) {
  await prisma.order.update({
    where: { id: orderId },
    data: {
      status: 'COMPLETED',
      caregiverId: v.caregiverId,
      visit: {
        create: {
          caregiverId: v.caregiverId,
          checkInAt: v.checkInAt,
          checkOutAt: new Date(v.checkInAt.getTime() + v.minutes * 60_000),
          durationMinutes: v.minutes,
          checkInLatitude: v.checkIn?.lat,
          checkInLongitude: v.checkIn?.lng,
          checkOutLatitude: v.checkOut?.lat,
          checkOutLongitude: v.checkOut?.lng,
          checkInPhotoId: v.photoIds?.in,
          checkOutPhotoId: v.photoIds?.out,
        },
      },
    },
  });
}
