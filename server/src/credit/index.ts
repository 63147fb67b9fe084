// What other areas may use of credit: a caregiver's standing for dispatch and a provider's settlement hold, from
// the programme's credit section (002 二(三)10).
export { assertCreditAllowsDispatch, creditScores, creditSettlementHold, rankByCredit } from './credit.rules.js';
