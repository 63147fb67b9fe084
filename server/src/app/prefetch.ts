// Look-ahead for the hottest pages (issue 22). A list's resolver reads the relations its rows' fields
// are about to ask for in the same statement (Prisma relation joins: one LATERAL subquery per
// relation), then hands them to the request's DataLoaders, where the field resolvers find them
// instead of sending one more batch each. The field resolvers are unchanged and still authorise, so
// a relation read here is shown only where it was shown before; what is not selected is not read.
// It lives in the composition root because it is the one place that knows both the areas' relations
// and the loaders that serve them.
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { Caregiver, Enrolment, LedgerAccount, Prisma, Provider, Region } from '../db/prisma.js';
import { currentEnrolment, ENROLMENTS_NEWEST_FIRST } from '../elders/index.js';
import { ELDER_ACCOUNTS, toAccounts } from '../wallet/index.js';
import type { Loaders } from './loaders.js';

/** The fields selected at `path` below the resolved field (fragments and aliases merged). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let trees = [parseResolveInfo(info) as ResolveTree | null].filter((t): t is ResolveTree => !!t);
  for (const name of [...path, '']) {
    const children = trees.flatMap((t) => Object.values(t.fieldsByTypeName).flatMap((f) => Object.values(f)));
    if (!name) return new Set(children.map((c) => c.name));
    trees = children.filter((c) => c.name === name);
  }
  return new Set();
}

interface ElderRelations {
  id: string;
  communityId: string;
  community?: Region;
  enrolments?: Enrolment[];
  accounts?: LedgerAccount[];
}

interface OrderRelations {
  providerId: string | null;
  caregiverId: string | null;
  provider?: Provider | null;
  caregiver?: Caregiver | null;
}

export interface Prefetch<I, R> {
  /** Reads a page with what its rows' fields select, and gives the rows' relations to the loaders. */
  page<C extends { edges: { node: R }[] }>(load: (include: I | undefined) => Promise<C>): Promise<C>;
  /** The same for one row. */
  one<T extends R>(load: (include: I | undefined) => Promise<T>): Promise<T>;
}

/** What to read with the rows (undefined when nothing selected needs it), and how to hand it on. */
function prefetch<I extends object, R>(include: I, prime: (row: R) => void): Prefetch<I, R> {
  const wanted = Object.keys(include).length ? include : undefined;
  return {
    async page(load) {
      const connection = await load(wanted);
      for (const e of connection.edges) prime(e.node);
      return connection;
    },
    async one(load) {
      const row = await load(wanted);
      prime(row);
      return row;
    },
  };
}

export function createPrefetch(loaders: Loaders) {
  return {
    /** Elders: their community, current enrolment and wallet, when the page selects them. */
    elders(info: GraphQLResolveInfo, path: readonly string[] = []): Prefetch<Prisma.ElderInclude, ElderRelations> {
      const fields = selectedFields(info, path);
      const include: Prisma.ElderInclude = {};
      if (fields.has('community')) include.community = true;
      if (fields.has('enrolment')) include.enrolments = ENROLMENTS_NEWEST_FIRST;
      if (fields.has('wallet')) include.accounts = ELDER_ACCOUNTS;
      return prefetch(include, (e: ElderRelations) => {
        if (e.community) loaders.regionById.prime(e.communityId, e.community);
        if (e.enrolments) loaders.enrolmentByElderId.prime(e.id, currentEnrolment(e.enrolments));
        if (e.accounts) loaders.accountsByElderId.prime(e.id, toAccounts(e.accounts));
      });
    },
    /** Orders: their provider and caregiver, when the page selects them (or the caregiver's card). */
    orders(info: GraphQLResolveInfo, path: readonly string[] = []): Prefetch<Prisma.OrderInclude, OrderRelations> {
      const fields = selectedFields(info, path);
      const include: Prisma.OrderInclude = {};
      if (fields.has('provider')) include.provider = true;
      if (fields.has('caregiver') || fields.has('caregiverCard')) include.caregiver = true;
      return prefetch(include, (o: OrderRelations) => {
        if (o.provider && o.providerId) loaders.providerById.prime(o.providerId, o.provider);
        if (o.caregiver && o.caregiverId) loaders.caregiverById.prime(o.caregiverId, o.caregiver);
      });
    },
  };
}

export type Prefetcher = ReturnType<typeof createPrefetch>;
