// How the authorization matrix calls Luoyang's vouchers, home-care report and centre pricing (issue 20;
// see matrix-probes.ts). Permitted calls stop at a domain rule after the scope check: a programme that
// issues no vouchers, a malformed serial, a lower price not below the market, a visit in the future.
import { randomUUID } from 'node:crypto';
import type { Probe } from './matrix-probes.types.js';

const later = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

export const HOMECARE_PROBES: Record<string, Probe> = {
  elderVouchers: { on: 'elder', args: (t, { fx }) => ({ elderId: t.elderId, month: fx.month }) },
  homeCareReport: { on: 'none', args: (_, { fx }) => ({ policyCode: 'LUOYANG_2013', month: fx.month }) },
  // Huangpi issues no vouchers (INVALID_STATE), so nothing is written.
  issueVouchers: { on: 'none', args: (_, { fx }) => ({ policyCode: 'HUANGPI_2020', month: fx.month }) },
  redeemVoucher: {
    on: 'order',
    args: (t) => ({ serial: 'NOT-A-SERIAL', orderId: t.order.id, idempotencyKey: randomUUID() }),
  },
  setCentreService: {
    on: 'facility',
    args: (t) => ({
      facilityId: t.id,
      input: { code: 'MATRIX_MEAL', name: '矩阵午餐', marketPriceFen: 1500, lowPriceFen: 1500 },
    }),
  },
  recordCentreAttendance: {
    on: 'facility',
    args: (t, { fx }) => ({
      input: {
        facilityId: t.id,
        serviceCode: 'MATRIX_MEAL',
        elderId: fx.elders[0]!.elderId,
        attendedAt: later(fx.now, 2),
        idempotencyKey: randomUUID(),
      },
    }),
  },
  centreAttendance: { on: 'facility', args: (t, { fx }) => ({ facilityId: t.id, month: fx.month }) },
};
