// The order area's listeners: when service ends, visits booked after the last service day (all
// pending ones if the elder died) are cancelled and their holds released.
import type { AppServices } from '../app/context.js';
import { moneyTx } from '../wallet/index.js';
import { releaseHolds } from './orders.service.js';

export function registerOrderListeners(app: AppServices) {
  app.events.on('enrolment.terminated', async (e) => {
    const after = new Date(`${e.lastServiceDay}T16:00:00Z`); // the end of that day in Asia/Shanghai
    const pending = await app.db.prisma.order.findMany({
      where: {
        elderId: e.elderId,
        status: { in: ['PLACED', 'ASSIGNED'] },
        ...(e.reason === 'DIED' ? {} : { scheduledAt: { gte: after } }),
      },
    });
    for (const order of pending) {
      await moneyTx(app.db.prisma, async (tx) => {
        const claimed = await tx.order.updateMany({
          where: { id: order.id, status: { in: ['PLACED', 'ASSIGNED'] } },
          data: { status: 'CANCELLED', cancelReason: '服务已终止' },
        });
        if (claimed.count !== 1) return;
        await releaseHolds(tx, order.id);
      });
    }
  });
}
