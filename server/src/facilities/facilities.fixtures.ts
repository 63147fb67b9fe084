// Shared setup of the facilities tests: Luoyang's city, district and county accounts, and helpers
// that register a facility and walk it to OPERATING at the test's clock.
import type { TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';

export const F = `id status kind contractedAreaM2 operatingSince
  areaTier { status tier requiredM2 compliant shortfallM2 elders eldersFrom eldersOn source }
  statusHistory { from to reason } startupGrant { id status amountFen disbursedAt }
  grants { kind period fundSource amountFen clawback }`;
export const CREATE = `mutation($i: CreateFacilityInput!) { createFacility(input: $i) { ${F} } }`;
export const STATUS = `mutation($f: ID!, $to: FacilityStatus!, $r: String) {
  changeFacilityStatus(facilityId: $f, to: $to, reason: $r) { ${F} } }`;
export const PROPOSE = `mutation($f: ID!, $a: Int!) { proposeStartupGrant(facilityId: $f, amountFen: $a) {
  id status amountFen } }`;
export const DISBURSE = `mutation($g: ID!) { disburseStartupGrant(facilityId: $g) { id status disbursedAt } }`;
export const ACCRUE = `mutation($f: ID!, $m: String!) { accrueFacilityGrant(facilityId: $f, month: $m) {
  kind period fundSource amountFen } }`;

export const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

export async function luoyangAccounts(s: TestServer) {
  const region = (c: string) => s.db.prisma.region.findUniqueOrThrow({ where: { code: c } });
  const admin = async (username: string, regionCode: string, displayName: string) =>
    addUser(s, username, { role: 'DISTRICT_ADMIN', displayName, regionId: (await region(regionCode)).id });
  return {
    city: await admin('ly_city', '410300', '洛阳市民政局'),
    district: await admin('ly_laocheng', '410302', '老城区民政局'),
    county: await admin('ly_xinan', '410323', '新安县民政局'),
  };
}

export const facilityInput = (over: Record<string, unknown> = {}) => ({
  policyCode: 'LUOYANG_2013',
  kind: 'DAY_CARE_CENTRE',
  name: `日间照料中心${Math.random().toString(36).slice(2, 8)}`,
  communityCode: '410302001001',
  address: '老城区民主街 1 号',
  latitude: 34.6835,
  longitude: 112.4612,
  floorAreaM2: 260,
  contractedAreaM2: 120,
  premisesSource: 'ALLOCATED',
  operatingMode: 'COMMUNITY_RUN',
  funder: '民主街社区居委会',
  ...over,
});

/** Registers a facility and moves it planned → building → accepted → operating at the current clock. */
export async function operatingFacility(s: TestServer, token: string, over: Record<string, unknown> = {}) {
  const made = await s.gql(CREATE, { i: facilityInput(over) }, token);
  if (made.errors) throw new Error(JSON.stringify(made.errors));
  const id = made.data!.createFacility.id as string;
  for (const to of ['BUILDING', 'ACCEPTED', 'OPERATING']) {
    const r = await s.gql(STATUS, { f: id, to }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  }
  return id;
}

/** Money moved so far: every ledger transaction of a facility grant kind. */
export const grantTransactions = (s: TestServer) =>
  s.db.prisma.ledgerTransaction.count({
    where: {
      kind: {
        in: [
          'FACILITY_STARTUP_GRANT',
          'FACILITY_OPERATING_SUBSIDY',
          'FACILITY_ANNUAL_GRANT',
          'FACILITY_GRANT_CLAWBACK',
        ],
      },
    },
  });
