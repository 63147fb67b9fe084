// How the authorization matrix calls the care-bed operations (see matrix-probes.ts). The fixtures hold
// no care bed, so each call is sent once with an id that names none and an argument that the service
// refuses after the role check and before it looks for the bed (BAD_USER_INPUT): a permitted caller
// stops there, a refused one at FORBIDDEN, and nothing changes.
import { randomUUID } from 'node:crypto';
import type { Probe } from './matrix-probes.types.js';

const none = (args: Probe['args']): Probe => ({ on: 'none', args });
const id = () => randomUUID();

export const CAREBED_PROBES: Record<string, Probe> = {
  careBeds: none(() => ({ first: 10 })),
  // No such bed: a permitted caller gets null.
  careBed: none(() => ({ id: id() })),
  applyCareBed: none((_, { fx }) => ({
    input: {
      elderId: fx.elders[0]!.elderId,
      address: ' ',
      livingAreaSqm: 60,
      tenure: 'OWNED',
      housingSafe: true,
      housingAdaptable: true,
      notDueForDemolition: true,
      monthlyIncomeFen: 80000,
    },
  })),
  recordCareBedAssessment: none(() => ({ id: id(), level: 'MILD', agency: ' ', assessorName: '矩阵' })),
  reviewCareBed: none(() => ({ id: id(), approved: false })),
  publishCareBed: none(() => ({ id: id(), designAgencyId: id(), builderId: id() })),
  designCareBed: none(() => ({ id: id(), lines: [] })),
  confirmCareBed: none(() => ({ id: id(), accepted: true, signedBy: ' ', familyMember: '矩阵' })),
  startCareBedConstruction: none(() => ({ id: id(), startedOn: '不是日期' })),
  recordCareBedPhotos: none(() => ({ id: id(), itemCode: 'NETWORK' })),
  completeCareBed: none(() => ({ id: id(), completedOn: '不是日期' })),
  requestCareBedAcceptance: none(() => ({ id: id(), documents: [] })),
  acceptCareBed: none(() => ({
    id: id(),
    input: { passed: true, satisfaction: 'SATISFIED', streetOpinion: ' ', districtOpinion: '同意', lines: [] },
  })),
  archiveCareBed: none(() => ({ id: id(), archiveNo: ' ' })),
  clawBackCareBed: none(() => ({ id: id(), reason: ' ' })),
  // A serial that is not one: refused BAD_USER_INPUT before any bed or device is looked up.
  registerCareBedDevice: none(() => ({ careBedId: id(), deviceSerial: ' ' })),
  rotateCareBedDeviceSecret: none(() => ({ deviceSerial: ' ' })),
  visitAgreements: { on: 'elder', args: (t) => ({ elderId: t.elderId }) },
  signVisitAgreement: none((_, { fx }) => ({
    providerId: id(),
    input: {
      elderId: fx.elders[0]!.elderId,
      items: [],
      method: '上门',
      priceFen: 5000,
      startsOn: '2022-11-01',
      termMonths: 24,
    },
  })),
  reviewVisitAgreement: none(() => ({ id: id(), approved: false })),
};
