// The shapes of the authorization matrix's probes, apart from the probe table (matrix-probes.ts) so that the
// per-area probe files it spreads in (matrix-probes.<area>.ts) name them without importing the table.
import type { Caller, Fixtures } from './matrix-fixtures.js';

/** What an operation is sent at: nothing (one call), or each fixture of a kind. */
export type On =
  | 'none'
  | 'elder'
  | 'order'
  | 'alert'
  | 'application'
  | 'review'
  | 'objection'
  | 'complaint'
  | 'callTask'
  | 'region'
  | 'settlement'
  | 'notice'
  | 'topUp'
  | 'provider'
  | 'facility';

/** A list item, for the check that a list holds nothing outside the caller's scope. */
export interface Item {
  kind: 'elder' | 'order' | 'alert' | 'application' | 'complaint' | 'callTask' | 'settlement';
  id: string;
}

export interface Probe {
  on: On;
  args: (t: any, c: { fx: Fixtures; caller: Caller }) => Record<string, unknown>;
  /** Lists: the selection, and the items in an answer. */
  list?: { select: string; items: (data: any) => Item[] };
}
