// Every Query and Mutation root field, fuzzed from the schema (testing/fuzz.ts) with a token of a
// role that reaches it: hostile input gets a typed code (BAD_USER_INPUT at the edge, before any
// resolver), never HTTP 500, INTERNAL_SERVER_ERROR, a stack trace or SQL. And a NUL request in
// flight does not make another family's top-up fail (Prisma batches findUnique across requests).
import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { loadActor } from '../auth/auth.service.js';
import { PERMISSIONS, type Rule } from '../auth/permissions.js';
import type { Role } from '../common/enums.js';
import { createContext } from '../app/context.js';
import { ErrorCode } from '../common/errors.js';
import { graphqlRuntime } from '../common/graphql-runtime.js';
import { hasLabel } from '../common/input-rules.js';
import { getSchema } from '../app/graphql-schema.js';
import { casesFor, rootFields, type FuzzCase, type Fixtures, type RootKind } from '../testing/fuzz.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { addUser } from '../testing/users.js';

// Who sends each root field's cases: a demo account (README "Demo accounts") of a role the
// permission table lets use it, the first in this order so the fixtures (the demo family's elders,
// the worker's community, the provider's orders) are in its scope; logins go anonymous.
const DEMO: Record<Role, string> = {
  FAMILY: 'family',
  COMMUNITY_WORKER: 'worker',
  OPERATOR: 'operator',
  PROVIDER_ADMIN: 'provider_admin',
  CAREGIVER: 'caregiver',
  QA_AGENCY: 'qa',
  DISTRICT_ADMIN: 'district_admin',
  BOT: 'bot',
  STREET_OFFICER: 'street_officer',
  ELDER: 'elder',
};
function sender(kind: RootKind, field: string): string | null | undefined {
  const rule = (PERMISSIONS as Record<string, Rule>)[field];
  if (!rule) return undefined;
  if (rule.anyone) return kind === 'Mutation' ? null : DEMO.FAMILY;
  const role = (Object.keys(DEMO) as Role[]).find((r) => r in rule.roles);
  return role ? DEMO[role] : undefined;
}

const KNOWN = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));
// Internals that must never reach a client: stack frames, source paths, the database and its SQL.
const LEAK = new RegExp(
  [
    /\bat [\w.<>$]+ \(|\.[jt]s:\d+|node_modules|stacktrace|prisma|pglite|postgres|sqlstate/.source,
    /invalid byte sequence|violates|duplicate key/.source,
    /\b(select|insert|update|delete)\b[^"]{0,200}\b(from|into|set|where)\b/.source,
  ].join('|'),
  'i',
);

let s: TestServer;
let schema: GraphQLSchema;
const tokens = new Map<string, string>();
let fx: Fixtures;
let topUpElder: string;
/** Requests sent, printed at the end for the closing note. */
let requests = 0;

beforeAll(async () => {
  [s, schema] = await Promise.all([startTestServer(), getSchema()]);
  const senders = rootFields(schema).map(({ kind, field }) => sender(kind, field.name));
  await Promise.all(
    [...new Set([...senders, DEMO.FAMILY, DEMO.COMMUNITY_WORKER])].map(
      async (u) => u && tokens.set(u, await s.login(u)),
    ),
  );
  // Another family, for the requests that must not disturb the demo family's top-ups.
  tokens.set('fuzz_family', await addUser(s, 'fuzz_family', { role: 'FAMILY', displayName: '另一位家属' }));
  const p = s.db.prisma;
  const family = await p.user.findUniqueOrThrow({
    where: { username: 'family' },
    include: { familyLinks: { orderBy: { elderId: 'asc' } } },
  });
  const worker = await p.user.findUniqueOrThrow({ where: { username: 'worker' }, include: { region: true } });
  const providerAdmin = await p.user.findUniqueOrThrow({ where: { username: 'provider_admin' } });
  [topUpElder] = family.familyLinks.map((l) => l.elderId) as [string];
  const elderId = family.familyLinks[1]!.elderId;
  const order = await p.order.findFirst({ where: { elderId: { in: family.familyLinks.map((l) => l.elderId) } } });
  const id = async (find: Promise<{ id: string } | null>) => (await find)?.id ?? randomUUID();
  const month = s.app.services.clock().toISOString().slice(0, 7);
  const policy = await p.policy.findFirstOrThrow({ where: { code: 'HUANGPI_2020' } });
  const service = await p.serviceItem.findFirstOrThrow({ where: { policyId: policy.id } });
  fx = {
    username: 'fuzz-nobody',
    password: 'demo1234',
    phone: '13900000001',
    'phoneLogin.code': '123456',
    'wechatLogin.code': 'invalid-fuzz',
    'linkElder.code': 'ABCDEFGH',
    relation: '女儿',
    policyCode: 'HUANGPI_2020',
    month,
    communityCode: worker.region!.code,
    regionCode: worker.region!.code,
    parentCode: worker.region!.code.slice(0, 6),
    serviceCode: service.code,
    elderId,
    orderId: order?.id ?? randomUUID(),
    // Destructive mutations get an unknown target, so the cases that are valid leave the seed as it is.
    'terminateEnrolment.elderId': randomUUID(),
    'requestTermination.elderId': randomUUID(),
    'reviewTermination.id': randomUUID(),
    'caregiverLeft.caregiverId': randomUUID(),
    'setCaregiverProfile.input.caregiverId': randomUUID(),
    'reinstateProvider.providerId': randomUUID(),
    'terminateProviderContract.providerId': randomUUID(),
    'setProviderPrice.providerId': randomUUID(),
    'registerCaregiver.input.providerId': randomUUID(),
    'signProviderContract.input.quantity': '片区内全部服务对象',
    'application.id': await id(p.application.findFirst()),
    'reviewApplication.id': await id(p.application.findFirst()),
    'objectToApplication.id': await id(p.application.findFirst()),
    'acknowledgeAlert.id': await id(p.alert.findFirst()),
    'resolveAlert.id': await id(p.alert.findFirst()),
    alertId: await id(p.alert.findFirst()),
    'respondToComplaint.id': await id(p.complaint.findFirst()),
    'closeComplaint.id': await id(p.complaint.findFirst()),
    'markNoticeRead.id': await id(p.notice.findFirst({ where: { userId: family.id } })),
    'order.id': order?.id ?? randomUUID(),
    'elder.id': elderId,
    caregiverId: await id(p.caregiver.findFirst({ where: { providerId: providerAdmin.providerId! } })),
    providerId: providerAdmin.providerId!,
    callTaskId: await id(p.callTask.findFirst()),
    contactId: 'wxid_fuzz',
    roomId: '@@fuzz',
    topic: '测试群',
    contactName: '测试',
    after: null,
    amountFen: 100,
    quantity: 1,
    stars: 5,
    score: 80,
    first: 5,
    latitude: 30.87,
    longitude: 114.37,
    birthDate: '1950-01-01',
    assessedOn: month + '-01',
    idNumber: '420116195001011234',
    templateIds: ['fuzz-template'],
  };
}, 180_000);
afterAll(async () => {
  console.log(`fuzz.test.ts: ${requests} requests sent`);
  await s?.close();
});

async function send(c: Pick<FuzzCase, 'query' | 'variables'>, token?: string | null) {
  const res = await fetch(s.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  return { status: res.status, text: await res.text() };
}

/** What is wrong with one answer, if anything. */
function problems(c: FuzzCase, status: number, text: string): string[] {
  const out: string[] = [];
  if (status >= 500) out.push(`HTTP ${status}`);
  if (LEAK.test(text)) out.push(`leaks internals: ${LEAK.exec(text)![0]}`);
  let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return [...out, 'not JSON'];
  }
  const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
  const untyped = codes.filter((code) => !KNOWN.has(code));
  if (untyped.length) out.push(`codes ${untyped.join(',')}`);
  if (c.edge) {
    if (status !== 400) out.push(`HTTP ${status}, not 400`);
    if (!codes.length || codes.some((code) => code !== ErrorCode.BAD_USER_INPUT))
      out.push(`codes [${codes.join(',')}], not BAD_USER_INPUT`);
    if (body.data != null) out.push('reached a resolver');
    const message = (body.errors?.[0] as { message?: string } | undefined)?.message ?? '';
    if (c.message && !c.message.test(message)) out.push(`message "${message.slice(0, 60)}" is not ${c.message}`);
  }
  return out;
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const CREATE_TOP_UP = 'mutation($input: CreateTopUpInput!) { createTopUp(input: $input) { id status } }';
// Another family's top-up for the same elder with a NUL in the id runs the same findUnique as the
// valid one; plus NUL in a login, a search and a top-up id.
const nulRequests = (other: string) => [
  ...[0, 1, 2].map((i) =>
    send(
      {
        query: CREATE_TOP_UP,
        variables: {
          input: {
            elderId: `${topUpElder}\u0000`,
            amountFen: 100,
            idempotencyKey: `fuzz-nul-other-${i}-${randomUUID()}`,
          },
        },
      },
      other,
    ),
  ),
  send({ query: 'query($id:ID!){ topUp(id:$id){ id } }', variables: { id: `${randomUUID()}\u0000` } }, other),
  send({
    query: 'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token } }',
    variables: { u: 'fam\u0000ily', p: 'demo1234' },
  }),
  send(
    { query: 'query($q:String){ elders(filter:{search:$q}){ totalCount } }', variables: { q: '张\u0000' } },
    tokens.get('worker'),
  ),
];

describe('fuzzing every root field from the schema', () => {
  it('has a permitted role for every Query and Mutation root field', () => {
    const missing = rootFields(schema)
      .filter((r) => sender(r.kind, r.field.name) === undefined)
      .map((r) => r.field.name);
    expect(missing, 'root fields without a row (and a permitted role) in auth/permissions.ts').toEqual([]);
  });

  it('has a Chinese label for every argument and input field, so a refusal can name it', () => {
    const { isInputObjectType, isObjectType } = graphqlRuntime;
    const names = new Set<string>();
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__')) continue;
      if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) names.add(f.name);
      if (isObjectType(t)) for (const f of Object.values(t.getFields())) for (const a of f.args) names.add(a.name);
    }
    expect(names.size).toBeGreaterThan(50);
    expect(
      [...names].filter((n) => !hasLabel(n)),
      'add them to LABELS in common/input-rules.ts',
    ).toEqual([]);
  });

  it("a family's top-up succeeds 30 of 30 while another family's NUL requests are in flight", async () => {
    const family = tokens.get('family')!;
    const other = tokens.get('fuzz_family')!;
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const [topUp, ...nul] = await Promise.all([
          send(
            {
              query: CREATE_TOP_UP,
              variables: {
                input: { elderId: topUpElder, amountFen: 100 + i, idempotencyKey: `fuzz-nul-${i}-${randomUUID()}` },
              },
            },
            family,
          ),
          ...nulRequests(other),
        ]);
        return {
          topUp: JSON.parse(topUp!.text),
          nul: nul.map((r) => [r.status, JSON.parse(r.text).errors?.[0]?.extensions?.code]),
        };
      }),
    );
    requests += 30 * 7;
    const failed = outcomes
      .filter((o) => o.topUp.data?.createTopUp?.status !== 'CREATED')
      .map((o) => o.topUp.errors?.[0]?.extensions?.code);
    expect(failed, 'top-ups that failed').toEqual([]);
    expect(new Set(outcomes.flatMap((o) => o.nul.map(([status, code]) => `${status} ${code}`)))).toEqual(
      new Set(['400 BAD_USER_INPUT']),
    );
  });

  // Over HTTP the two requests rarely reach Prisma in the same tick here; started together in
  // process they always do, and Prisma merges both findUnique calls into one statement that the
  // NUL made PostgreSQL refuse: the valid top-up failed 30 of 30 before the edge checks.
  it("a family's top-up started in the same tick as another family's NUL top-up still succeeds, 30 of 30", async () => {
    const p = s.db.prisma;
    const victim = (await loadActor(p, (await p.user.findUniqueOrThrow({ where: { username: 'family' } })).id))!;
    const attacker = (await loadActor(p, (await p.user.findUniqueOrThrow({ where: { username: 'fuzz_family' } })).id))!;
    const run = (actor: Actor, elderId: string, key: string) =>
      s.app.http.apollo.executeOperation(
        { query: CREATE_TOP_UP, variables: { input: { elderId, amountFen: 100, idempotencyKey: key } } },
        { contextValue: createContext(s.app.services, actor, randomUUID()) },
      );
    const codes: string[] = [];
    const refused: string[] = [];
    for (let i = 0; i < 30; i++) {
      const [valid, nul] = await Promise.all([
        run(victim, topUpElder, `fuzz-tick-${i}-${randomUUID()}`),
        run(attacker, `${topUpElder}\u0000`, `fuzz-tick-nul-${i}-${randomUUID()}`),
      ]);
      const result = (r: typeof valid) => (r.body.kind === 'single' ? r.body.singleResult : { data: null, errors: [] });
      codes.push(result(valid).data?.createTopUp ? 'CREATED' : String(result(valid).errors?.[0]?.extensions?.code));
      refused.push(String(result(nul).errors?.[0]?.extensions?.code));
    }
    expect(
      codes.filter((c) => c !== 'CREATED'),
      'top-ups that failed',
    ).toEqual([]);
    expect(new Set(refused)).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it(
    'answers every hostile argument with a typed code, and edge cases with BAD_USER_INPUT before any ' + 'resolver',
    async () => {
      const now = s.app.services.clock();
      const cases = rootFields(schema).flatMap(({ kind, field }) => casesFor(kind, field, fx, now));
      const failures: string[] = [];
      await pool(cases, 4, async (c) => {
        const who = sender(c.kind, c.field);
        const { status, text } = await send(c, who ? tokens.get(who) : null);
        const p = problems(c, status, text);
        if (p.length) failures.push(`${c.kind}.${c.field} [${c.label}] ${p.join('; ')} :: ${text.slice(0, 160)}`);
      });
      requests += cases.length;
      expect(failures.length, failures.slice(0, 60).join('\n')).toBe(0);
      expect(s.logs()).not.toMatch(/unexpected error in GraphQL operation/);
    },
    300_000,
  );
});
