// The scenarios' GraphQL: Yilian's API, and the same data over PostGraphile's generated schema
// (default inflection: allElders, elderById, ordersByElderId, serviceItemByServiceItemId, …).

export const LOGIN = 'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token } }';

export const GUIDE = `query($p: String!) { serviceGuide(policyCode: $p) {
  code name category mode unit priceFen description } }`;
// Prisma's unique indexes are not constraints, so PostGraphile has no policyByCode: a condition instead.
export const PG_GUIDE = `query($p: String!) { allPolicies(condition: { code: $p }) { nodes {
  serviceItemsByPolicyId(condition: { active: true }, orderBy: [SORT_ORDER_ASC, CODE_ASC]) {
    nodes { code name category mode unit priceFen description } } } } }`;

// The shape of server/src/orders/statements.test.ts DASHBOARD.
export const DASHBOARD = `query($e: ID!, $n: Int!) { elder(id: $e) { id name
  wallet { accounts { kind available held } }
  orders(first: $n) { edges { node {
    id status scheduledAt service { name } provider { name } caregiverCard { name } } } } } }`;
// PostGraphile has no "available": it returns balance and held, the client subtracts.
export const PG_DASHBOARD = `query($e: String!, $n: Int!) { elderById(id: $e) { id name
  ledgerAccountsByElderId(orderBy: KIND_ASC) { nodes { kind balance held } }
  ordersByElderId(first: $n, orderBy: ID_DESC) { nodes {
    id status scheduledAt serviceItemByServiceItemId { name } providerByProviderId { name }
    caregiverByCaregiverId { name } } } } }`;

export const ELDERS = `query($n: Int!) { elders(first: $n) { totalCount edges { node { id name age idNumberMasked
  community { code name } enrolment { policy { code } category status startedOn }
  wallet { accounts { kind unit balance held } } } } } }`;
// No scope in PostGraphile: the first $n of all elders, not the district's (age is the birth date).
export const PG_ELDERS = `query($n: Int!) { allElders(first: $n, orderBy: ID_ASC) { totalCount nodes {
  id name birthDate idNumberMasked regionByCommunityId { code name }
  enrolmentsByElderId(first: 1, orderBy: STARTED_ON_DESC) {
    nodes { category status startedOn policyByPolicyId { code } } }
  ledgerAccountsByElderId(orderBy: KIND_ASC) { nodes { kind unit balance held } } } } }`;

export const PLACE_ORDER = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status amountFen } }`;
