// What other areas may use of wallet. Anything not exported here is the area's own.
export {
  elderAccount,
  elderAccounts,
  grantAccount,
  ledgerViolations,
  moneyTx,
  placeHold,
  placeHoldsWith,
  post,
  postHold,
  systemAccount,
  voidHold,
} from './ledger.service.js';
export { monthBounds, monthLabel, parseMonth } from './month.js';
export { NotificationRejected, applyNotification } from './topup.service.js';
export { Wallet } from './wallet.types.js';
export { ELDER_ACCOUNTS, toAccounts } from './wallet.service.js';
