// The wallet's listeners on other areas' events.
import type { AppServices } from '../app/context.js';
import { monthInShanghai, todayInShanghai } from '../common/calendar.js';
import { policyDocument } from '../policies/index.js';
import { creditEnrolment } from './allowance.service.js';
import { clearingReasonFor, clearsImmediately, clearSubsidy } from './clearing.service.js';
import { refundSelfPaid } from './topup.service.js';

export function registerWalletListeners(app: AppServices) {
  // A new enrolment gets its first month's allowance at once (000 七: credited monthly) rather
  // than waiting for the next monthly run.
  app.events.on('enrolment.approved', async (e) => {
    const month = monthInShanghai(app.clock());
    if (e.startedOn.slice(0, 7) > month) return;
    await creditEnrolment(app.db.prisma, e.enrolmentId, month);
  });

  // Death and moving the hukou away clear the wallet at once (000 七) and return unused
  // self-paid money; other endings are cleared by the daily sweep after the last service day.
  app.events.on('enrolment.terminated', async (e) => {
    const doc = policyDocument(await app.db.prisma.policy.findUniqueOrThrow({ where: { id: e.policyId } }));
    if (!clearsImmediately(doc, e.reason)) return;
    const day = todayInShanghai(e.at);
    await app.db.prisma.$transaction((tx) =>
      clearSubsidy(tx, {
        elderId: e.elderId,
        policyId: e.policyId,
        doc,
        reason: clearingReasonFor(e.reason),
        key: `terminated:${e.enrolmentId}`,
        day,
      }),
    );
    await refundSelfPaid(app.db.prisma, app.payments, e.elderId, '服务终止', e.at, app.logger);
  });
}
