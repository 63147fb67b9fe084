// The database rows the seeds build from generated data, shared by the main demo (seed.ts) and Weihai's
// (weihai.ts), so that an elder is stored the same way (encrypted, hashed and masked ID number, QR secret)
// whichever programme seeds it.
import { type IdNumberVault, maskIdNumber } from '../elders/index.js';
import { evaluateEligibility, type PolicyDocument } from '../policies/index.js';
import type { CommunityRef, GeneratedElder } from './seed.data.js';
import { REGIONS } from './regions.data.js';

/**
 * A demo elder's verdict under a programme: registered and living in its region, with a capability
 * assessment on file when disabled (the seeds enrol whoever a real review would accept).
 */
export const seedVerdict = (
  doc: PolicyDocument,
  e: { birthDate: string; flags: readonly string[]; selfCareAbility: string },
  today: string,
) =>
  evaluateEligibility(doc, {
    birthDate: e.birthDate,
    flags: e.flags,
    selfCareAbility: e.selfCareAbility,
    hukouInRegion: true,
    livesInRegion: true,
    hasCapabilityAssessment: e.selfCareAbility === 'DISABLED',
    today,
  });

/** A community region (with its street, and the district where loaded) as the elder generator takes it. */
export function communityRef(c: {
  code: string;
  name: string;
  parent?: { name: string; parent?: { code: string } | null } | null;
}): CommunityRef {
  const region = REGIONS.find((r) => r.code === c.code);
  return {
    code: c.code,
    name: c.name,
    streetName: c.parent?.name ?? '',
    // A community code starts with its district's six digits; the loaded parent chain wins when present.
    districtCode: c.parent?.parent?.code ?? c.code.slice(0, 6),
    lat: region?.lat ?? 0,
    lng: region?.lng ?? 0,
  };
}

/** One generated elder as an Elder row in the given community; `care` overrides the generated profile. */
export function elderRow(
  vault: IdNumberVault,
  e: GeneratedElder,
  communityId: string,
  care: { selfCareAbility: GeneratedElder['selfCareAbility']; flags: string[] } = e,
) {
  return {
    name: e.name,
    gender: e.gender,
    birthDate: new Date(`${e.birthDate}T00:00:00Z`),
    ethnicity: '汉族',
    idNumberEnc: vault.encrypt(e.idNumber),
    idNumberHash: vault.hash(e.idNumber),
    idNumberMasked: maskIdNumber(e.idNumber),
    phone: e.phone,
    communityId,
    hukouRegionId: communityId,
    address: e.address,
    latitude: e.latitude,
    longitude: e.longitude,
    livingSituation: e.livingSituation,
    incomeSource: e.incomeSource,
    selfCareAbility: care.selfCareAbility,
    flags: care.flags,
    qrSecret: vault.hash(`qr:${e.idNumber}`).slice(0, 32),
  };
}
