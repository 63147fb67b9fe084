// The one place a programme's stored document is read. The `document` column is JSON the database
// hands back untyped; it is parsed with the schema it was written with (policy.schema.ts), not
// cast, so a row edited by hand or left behind by an older format fails loudly here, naming the
// programme, instead of deep inside a money or eligibility rule.
import type { Tx } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import { documentProblems, policySchema, type PolicyDocument } from './policy.schema.js';

/** The columns a document is read from: a whole Policy row, or any select that includes these. */
export interface StoredPolicy {
  id: string;
  code: string;
  version: number;
  updatedAt: Date;
  document: unknown;
}

/** A stored document that no longer parses: an internal fault (masked for clients), never user input. */
export class InvalidPolicyDocumentError extends Error {
  constructor(
    readonly policyCode: string,
    problems: string,
  ) {
    super(`policy ${policyCode}: the stored document is invalid: ${problems}`);
    this.name = 'InvalidPolicyDocumentError';
  }
}

// Parsing a whole programme on every order, visit and dashboard would cost more than the query, so
// the parsed document is kept per policy and reused while the row is unchanged. The stamp moves on
// any write through Prisma (updatedAt) or a new version, and then the row is parsed again. One
// entry per policy id, replaced, so the map stays as small as the programme list.
const parsed = new Map<string, { stamp: string; doc: PolicyDocument }>();

const stampOf = (policy: Omit<StoredPolicy, 'document'>) => `${policy.version}:${policy.updatedAt.getTime()}`;

/** Freezes the shared parsed document, so a caller changing it throws instead of changing it for everyone. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The programme's rules from its stored row; InvalidPolicyDocumentError if the document does not parse. */
export function policyDocument(policy: StoredPolicy): PolicyDocument {
  const stamp = stampOf(policy);
  const hit = parsed.get(policy.id);
  if (hit?.stamp === stamp) return hit.doc;
  const r = policySchema.safeParse(policy.document);
  if (!r.success) throw new InvalidPolicyDocumentError(policy.code, documentProblems(r.error));
  const doc = deepFreeze(r.data);
  parsed.set(policy.id, { stamp, doc });
  return doc;
}

/** What a read selects of a policy to have its document from the memo: no document column. */
export const POLICY_STAMP = { id: true, code: true, version: true, updatedAt: true } as const;

/**
 * The programme's rules for a policy read without its document (`POLICY_STAMP`): the parsed
 * document while the row is unchanged, else the row's document read and parsed. A hot path's
 * read then carries no 11 KB document to parse into objects on every request (issue 22).
 */
export async function policyDocumentOf(
  prisma: PrismaClient | Tx,
  policy: Omit<StoredPolicy, 'document'>,
): Promise<PolicyDocument> {
  const hit = parsed.get(policy.id);
  if (hit?.stamp === stampOf(policy)) return hit.doc;
  const row = await prisma.policy.findUniqueOrThrow({ where: { id: policy.id } });
  return policyDocument(row);
}

/** A policy row with its parsed document, by id or code; null when there is no such policy. */
export async function loadPolicy(prisma: PrismaClient | Tx, by: { id: string } | { code: string }) {
  const policy = await prisma.policy.findUnique({ where: by });
  return policy ? { policy, doc: policyDocument(policy) } : null;
}
