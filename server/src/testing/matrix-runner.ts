// The authorization matrix's machinery (auth/permissions.matrix.test.ts): the operations of
// schema/schema.graphql, what the permission table expects of each call, the targets of each
// probe, and sending calls batched under aliases and checking the answers against the table.
import { readFileSync } from 'node:fs';
import type { GraphQLField } from 'graphql';
import { permits, ruleOf, type Action, type Target } from '../auth/permissions.js';
import { graphqlRuntime } from '../common/graphql-runtime.js';
import type { TestServer } from './harness.js';
import { elderFactsAll } from './matrix-facts.js';
import type { Caller, Fixtures } from './matrix-fixtures.js';
import { PROBES, type Item, type On } from './matrix-probes.js';

let s: TestServer;
let fx: Fixtures;
/** The server and fixtures the calls go to; set once the test file's beforeAll has built them. */
export function bindMatrix(server: TestServer, fixtures: Fixtures) {
  s = server;
  fx = fixtures;
}

const { buildSchema, getNamedType, isLeafType } = graphqlRuntime;
export const SCHEMA = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
export type Kind = 'query' | 'mutation';
export const ROOTS: { kind: Kind; fields: GraphQLField<unknown, unknown>[] }[] = [
  { kind: 'query', fields: Object.values(SCHEMA.getQueryType()!.getFields()) },
  { kind: 'mutation', fields: Object.values(SCHEMA.getMutationType()!.getFields()) },
];
export const OPERATIONS = [
  ...ROOTS.flatMap((r) => r.fields.map((f) => f.name)),
  ...Object.keys(SCHEMA.getSubscriptionType()?.getFields() ?? {}),
];
/** Codes that mean "not for you": the request stopped at authorization. */
export const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'SELF_CONFIRMATION']);
const CHINESE = /[\u4e00-\u9fff]/;

export type Expect = { allowed: true } | { allowed: false; code: string; message?: string };
export interface Cell {
  kind: Kind;
  field: GraphQLField<unknown, unknown>;
  caller: Caller;
  label: string;
  target?: unknown;
  facts?: Target;
  expect: Expect;
}

export function expectation(caller: Caller, action: Action, facts?: Target): Expect {
  if (ruleOf(action).anyone) return { allowed: true };
  const v = permits(caller.actor, action, facts);
  return v.allowed ? { allowed: true } : { allowed: false, code: v.code, message: v.message || undefined };
}

/** What the scope rules look at in every elder and order, as the services will find them. */
export async function factsNow() {
  const elders = await elderFactsAll(s);
  const orders = new Map(
    (await s.db.prisma.order.findMany({ include: { caregiver: true } })).map((o) => [
      o.id,
      { ...elders.get(o.elderId)!, providerIds: [o.providerId], caregiverUserIds: [o.caregiver?.userId ?? null] },
    ]),
  );
  return { elders, orders };
}

export function targets(
  on: On,
  { elders, orders }: Awaited<ReturnType<typeof factsNow>>,
): { label: string; target?: unknown; facts?: Target }[] {
  const ofElder = (id: string) => elders.get(id)!;
  const ofOrder = (id: string) => orders.get(id)!;
  const each = (facts: (t: Fixtures['elders'][number]) => Target) =>
    fx.elders.map((t) => ({ label: t.key, target: t, facts: facts(t) }));
  switch (on) {
    case 'none':
      return [{ label: '—' }];
    case 'elder':
    case 'alert':
    case 'application':
    case 'objection':
    case 'callTask':
      return each((t) => ofElder(t.elderId));
    case 'order':
      return each((t) => ofOrder(t.order.id));
    // Only the role the programme names for the application's stage may review it.
    case 'review':
      return each((t) => ({
        ...ofElder(t.elderId),
        onlyRole: { role: t.application.stageRole as never, refusal: '' },
      }));
    case 'complaint':
      return each((t) => ({ ...ofElder(t.elderId), providerIds: ofOrder(t.order.id).providerIds }));
    case 'region':
      return each((t) => ({ regionPath: ofElder(t.elderId).regionPath }));
    case 'settlement':
      return fx.settlements.map((t) => ({
        label: t.key,
        target: t,
        facts: { regionPath: t.regionPath, providerIds: [t.providerId] },
      }));
    case 'notice':
      return fx.notices.map((t) => ({ label: `${t.key}'s`, target: t, facts: { ownerUserIds: [t.userId] } }));
    case 'topUp':
      return fx.topUps.map((t) => ({
        label: `paid by ${t.key}`,
        target: t,
        facts: { ownerUserIds: [t.payerUserId], elderId: t.elderId },
      }));
    case 'provider':
      return fx.providers.map((t) => ({
        label: t.key,
        target: t,
        facts: { relatedQaAgencyIds: [], regionPath: t.regionPath, providerIds: [t.id] },
      }));
    case 'facility':
      return fx.facilities.map((t) => ({ label: t.key, target: t, facts: { regionPath: t.regionPath } }));
  }
}

/** One document for cells of one caller and kind, each root field under its own alias (a0, a1, …). */
export function documentOf(cells: Cell[], variables: Record<string, unknown>[]) {
  const decls: string[] = [];
  const calls = cells.map((cell, i) => {
    const used = cell.field.args.filter((a) => variables[i]![a.name] !== undefined);
    decls.push(...used.map((a) => `$a${i}_${a.name}: ${a.type.toString()}`));
    const args = used.map((a) => `${a.name}: $a${i}_${a.name}`).join(', ');
    const select =
      PROBES[cell.field.name]!.list?.select ?? (isLeafType(getNamedType(cell.field.type)) ? '' : '{ __typename }');
    return `a${i}: ${cell.field.name}${args ? `(${args})` : ''} ${select}`;
  });
  const vars = Object.fromEntries(
    cells.flatMap((_cell, i) => Object.entries(variables[i]!).map(([k, v]) => [`a${i}_${k}`, v])),
  );
  return {
    query: `${cells[0]!.kind}${decls.length ? `(${decls.join(', ')})` : ''} { ${calls.join(' ')} }`,
    variables: vars,
  };
}

export async function send(query: string, variables: Record<string, unknown>, token: string | null) {
  const res = await fetch(s.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
    },
  };
}

export async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/** Sends the cells; returns what disagreed with the table, and the permitted lists' items. */
export async function run(batch: Cell[]) {
  const wrong: string[] = [];
  const lists: { cell: Cell; items: Item[] }[] = [];
  const check = (cell: Cell, status: number, body: Awaited<ReturnType<typeof send>>['body'], alias: string) => {
    const probe = PROBES[cell.field.name]!;
    const error = body.errors?.find((e) => e.path?.[0] === alias) ?? body.errors?.[0];
    const code = error?.extensions?.code;
    const where = `${cell.caller.key} ${cell.field.name} [${cell.label}]`;
    if (status !== 200 || code === 'INTERNAL_SERVER_ERROR')
      return void wrong.push(`${where}: HTTP ${status} ${code} ${error?.message}`);
    if (cell.expect.allowed) {
      if (code && REFUSALS.has(code)) wrong.push(`${where}: permitted by the table, refused ${code} ${error!.message}`);
      else if (probe.list && body.data?.[alias]) lists.push({ cell, items: probe.list.items(body.data[alias]) });
      return;
    }
    if (code !== cell.expect.code)
      wrong.push(
        `${where}: the table refuses it (${cell.expect.code}), got ${code ?? 'an answer'} ` +
          `${error?.message ?? JSON.stringify(body.data).slice(0, 120)}`,
      );
    else if (!CHINESE.test(error!.message))
      wrong.push(`${where}: refusal without a Chinese message: ${error!.message}`);
    else if (cell.expect.message && error!.message !== cell.expect.message)
      wrong.push(`${where}: message "${error!.message}", the table says "${cell.expect.message}"`);
  };
  const one = async (cell: Cell) => {
    const variables = PROBES[cell.field.name]!.args(cell.target, { fx, caller: cell.caller });
    const doc = documentOf([cell], [variables]);
    const { status, body } = await send(doc.query, doc.variables, cell.caller.token);
    check(cell, status, body, 'a0');
  };
  // Permitted queries of one caller go 15 to a request under aliases; a request with any error
  // is sent again one call at a time, since a failed non-null field takes its siblings' answers.
  const units: Cell[][] = [];
  const queries = new Map<string, Cell[]>();
  for (const cell of batch) {
    if (cell.kind === 'query' && cell.expect.allowed)
      queries.set(cell.caller.key, [...(queries.get(cell.caller.key) ?? []), cell]);
    else units.push([cell]);
  }
  for (const list of queries.values()) for (let i = 0; i < list.length; i += 15) units.push(list.slice(i, i + 15));
  await pool(units, 6, async (unit) => {
    if (unit.length === 1) return one(unit[0]!);
    const variables = unit.map((cell) => PROBES[cell.field.name]!.args(cell.target, { fx, caller: cell.caller }));
    const doc = documentOf(unit, variables);
    const { status, body } = await send(doc.query, doc.variables, unit[0]!.caller.token);
    if (status !== 200 || body.errors?.length) return void (await Promise.all(unit.map(one)));
    unit.forEach((cell, i) => check(cell, status, body, `a${i}`));
  });
  return { wrong, lists };
}
