// The authorization matrix, generated from the permission table (auth/permissions.ts): every
// caller (the demo accounts of README.md and nobody signed in) × every Query and Mutation of
// schema/schema.graphql × the targets in and out of each scope (testing/matrix-fixtures.ts),
// each answer checked against what the table says. Paired suites: "failing" sends every call the
// table refuses and checks the code and message, and that the database did not change;
// "successful" sends every call it permits and checks it got past authorization, and that no list
// holds anything out of scope. Then field by field for personal data, and the live alerts.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { raiseAlert } from '../alerts/alerts.service.js';
import { Role } from '../common/enums.js';
import { graphqlRuntime } from '../common/graphql-runtime.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { fingerprint } from '../testing/matrix-facts.js';
import { buildFixtures, type Caller, type Fixtures } from '../testing/matrix-fixtures.js';
import { PROBES, type Item } from '../testing/matrix-probes.js';
import {
  bindMatrix,
  expectation,
  factsNow,
  OPERATIONS,
  pool,
  REFUSALS,
  ROOTS,
  run,
  SCHEMA,
  send,
} from '../testing/matrix-runner.js';
import { targets, type Cell, type Expect } from '../testing/matrix-runner.js';
import { PERMISSIONS, permits, withinScope, type Action, type Target } from './permissions.js';

let s: TestServer;
let fx: Fixtures;
let cells: Cell[] = [];
const size = { operations: 0, cases: 0, cells: 0, refused: 0, fields: 0, subscribers: 0 };

beforeAll(async () => {
  // The app clock from before the seed: mid-November 2026, away from any month end.
  const now = new Date('2026-11-18T10:00:00+08:00');
  s = await startTestServer({}, { clock: () => now });
  fx = await buildFixtures(s);
  bindMatrix(s, fx);
  const facts = await factsNow();
  for (const { kind, fields } of ROOTS) {
    for (const field of fields) {
      const probe = PROBES[field.name];
      if (!probe || !(field.name in PERMISSIONS)) continue;
      const cases = targets(probe.on, facts);
      size.cases += cases.length;
      for (const c of cases)
        for (const caller of fx.callers)
          cells.push({ kind, field, caller, ...c, expect: expectation(caller, field.name as Action, c.facts) });
    }
  }
  size.operations = OPERATIONS.length;
  size.cells = cells.length;
  size.refused = cells.filter((c) => !c.expect.allowed).length;
}, 240_000);

afterAll(async () => {
  const roles = new Set(fx?.callers.map((c) => c.actor?.role ?? 'anonymous'));
  console.log(
    `permissions.matrix.test.ts: ${fx?.callers.length} callers ` +
      `(${fx ? fx.callers.length - 1 : 0} demo accounts and anonymous; ${roles.size - 1} roles) ` +
      `× ${size.operations} operations ` +
      `(${size.cases} operation × target cases, 1–4 targets each) = ${size.cells} root calls ` +
      `(${size.refused} refused, ${size.cells - size.refused} permitted), ` +
      `plus ${size.fields} field reads and ${size.subscribers} alertRaised subscribers`,
  );
  await s?.close();
});

describe('the permission table', () => {
  it('has a row for every operation in schema/schema.graphql', () => {
    expect(
      OPERATIONS.filter((op) => !(op in PERMISSIONS)),
      'operations with no row in auth/permissions.ts',
    ).toEqual([]);
  });

  it('names only operations, fields of the schema and HTTP routes', () => {
    const stale = Object.keys(PERMISSIONS).filter((action) => {
      if (/^(GET|POST) \//.test(action)) return false;
      const [type, field] = action.includes('.') ? action.split('.') : [null, action];
      return type
        ? !(SCHEMA.getType(type) as { getFields?: () => Record<string, unknown> })?.getFields?.()[field!]
        : !OPERATIONS.includes(field!);
    });
    expect(stale, 'rows that name nothing in the schema').toEqual([]);
  });

  it("what every role may call answers nothing that leads to an elder's record", () => {
    const { getNamedType: named, isObjectType } = graphqlRuntime;
    const reachesElder = (type: ReturnType<typeof named>, seen = new Set<string>()): boolean => {
      if (!isObjectType(type) || seen.has(type.name)) return false;
      if (type.name === 'Elder') return true;
      seen.add(type.name);
      return Object.values(type.getFields()).some((f) => reachesElder(named(f.type), seen));
    };
    const everyone = ROOTS.flatMap((r) => r.fields).filter((f) => {
      const rule = PERMISSIONS[f.name as Action] as { anyone?: true; roles: object } | undefined;
      return rule && (rule.anyone || Object.keys(rule.roles).length === Object.keys(Role).length);
    });
    expect(everyone.length).toBeGreaterThan(10);
    expect(
      everyone.filter((f) => reachesElder(named(f.type))).map((f) => f.name),
      'open to every account, yet answers with a path to Elder',
    ).toEqual([]);
  });

  it('the matrix knows how to call every Query and Mutation', () => {
    const fields = ROOTS.flatMap((r) => r.fields);
    expect(
      fields.filter((f) => !PROBES[f.name]).map((f) => f.name),
      'add them to testing/matrix-probes.ts',
    ).toEqual([]);
    const missing = fields.flatMap((f) => {
      const probe = PROBES[f.name];
      if (!probe) return [];
      const t = probe.on === 'none' ? undefined : fx.elders[0];
      const given = probe.args(
        probe.on === 'settlement'
          ? fx.settlements[0]
          : probe.on === 'notice'
            ? fx.notices[0]
            : probe.on === 'topUp'
              ? fx.topUps[0]
              : probe.on === 'provider'
                ? fx.providers[0]
                : probe.on === 'facility'
                  ? fx.facilities[0]
                  : t,
        { fx, caller: fx.callers[0]! },
      );
      return f.args
        .filter((a) => a.type.toString().endsWith('!') && given[a.name] === undefined)
        .map((a) => `${f.name}.${a.name}`);
    });
    expect(missing, 'required arguments the probes leave out').toEqual([]);
  });
});

describe('failing: every call the table refuses', () => {
  it('is refused with the code and message the table gives, and changes nothing', async () => {
    const before = await fingerprint(s);
    const { wrong } = await run(cells.filter((c) => !c.expect.allowed));
    expect(wrong, wrong.slice(0, 40).join('\n')).toEqual([]);
    expect(await fingerprint(s)).toEqual(before);
  }, 300_000);
});

describe('successful: every call the table permits', () => {
  it("gets past authorization, and no list it gets holds anything outside the caller's scope", async () => {
    const { wrong, lists } = await run(cells.filter((c) => c.expect.allowed));
    expect(wrong, wrong.slice(0, 40).join('\n')).toEqual([]);
    const p = s.db.prisma;
    const { elders, orders } = await factsNow();
    const byElder = async (rows: Promise<{ id: string; elderId: string }[]>) =>
      new Map((await rows).map((r) => [r.id, elders.get(r.elderId)!]));
    const facts: Record<Item['kind'], Map<string, Target>> = {
      elder: elders,
      order: orders,
      alert: await byElder(p.alert.findMany()),
      application: await byElder(p.application.findMany()),
      callTask: await byElder(p.callTask.findMany()),
      complaint: new Map(
        (await p.complaint.findMany()).map((c) => [c.id, { ...elders.get(c.elderId)!, providerIds: [c.providerId] }]),
      ),
      settlement: new Map(
        (await p.settlement.findMany({ include: { provider: { include: { region: true } } } })).map((r) => [
          r.id,
          { regionPath: r.provider.region.path, providerIds: [r.providerId] },
        ]),
      ),
    };
    const leaks = lists.flatMap(({ cell, items }) => {
      const v = permits(cell.caller.actor, cell.field.name as Action);
      if (!v.allowed) return [`${cell.caller.key} ${cell.field.name}: listed though refused`];
      return items
        .filter((i) => !withinScope(v.grant, facts[i.kind].get(i.id)!))
        .map((i) => `${cell.caller.key} ${cell.field.name}: ${i.kind} ${i.id} is outside its ${v.grant.scope}`);
    });
    expect(leaks, leaks.slice(0, 40).join('\n')).toEqual([]);
    expect(lists.filter((l) => l.items.length).length, 'permitted lists that held something').toBeGreaterThan(20);
  }, 300_000);
});

// The fields with personal data, each read alone so one refusal does not hide another's answer.
const PII: Record<string, string> = {
  idNumber: 'idNumber',
  phone: 'phone',
  address: 'address',
  wallet: 'wallet { accounts { balance } transactions(first: 5) { totalCount edges { node { memo amount } } } }',
  family: 'family { name relation }',
  contacts: 'contacts { name phone }',
  monthlyIncomeFen: 'monthlyIncomeFen',
};

describe('field by field: personal data of the elders a caller reaches', () => {
  it('ID number, phone, address, wallet, family: only to the roles the table names, via elder or order', async () => {
    const { elders, orders } = await factsNow();
    const reads: {
      caller: Caller;
      where: string;
      query: string;
      id: string;
      reach: Expect;
      field: Action;
      facts: Target;
      path: string[];
    }[] = [];
    for (const caller of fx.callers) {
      for (const t of fx.elders) {
        for (const [name, select] of Object.entries(PII)) {
          const field = `Elder.${name}` as Action;
          const facts = elders.get(t.elderId)!;
          reads.push({
            caller,
            where: `elder [${t.key}]`,
            query: `query($id: ID!) { elder(id: $id) { id ${select} } }`,
            id: t.elderId,
            reach: expectation(caller, 'elder', facts),
            field,
            facts,
            path: ['elder', name],
          });
          if (name === 'wallet' || name === 'family' || name === 'idNumber') {
            reads.push({
              caller,
              where: `order [${t.key}]`,
              query: `query($id: ID!) { order(id: $id) { elder { id ${select} } } }`,
              id: t.order.id,
              reach: expectation(caller, 'order', orders.get(t.order.id)),
              field,
              facts,
              path: ['order', 'elder', name],
            });
          }
        }
      }
    }
    size.fields = reads.length;
    const wrong: string[] = [];
    await pool(reads, 6, async (r) => {
      const { status, body } = await send(r.query, { id: r.id }, r.caller.token);
      const error = body.errors?.[0];
      const code = error?.extensions?.code;
      const where = `${r.caller.key} ${r.field} via ${r.where}`;
      if (status !== 200 || code === 'INTERNAL_SERVER_ERROR')
        return void wrong.push(`${where}: HTTP ${status} ${code}`);
      if (!r.reach.allowed)
        return void (!REFUSALS.has(code ?? '') && wrong.push(`${where}: reached an elder the table keeps from it`));
      const want = expectation(r.caller, r.field, r.facts);
      const value = r.path.reduce<any>((v, k) => v?.[k], body.data);
      if (want.allowed) {
        if (error || value === undefined) wrong.push(`${where}: permitted by the table, got ${code} ${error?.message}`);
      } else if (
        code !== want.code ||
        error!.message !== want.message ||
        error!.path?.join('.') !== r.path.join('.') ||
        value != null
      ) {
        wrong.push(
          `${where}: the table refuses it (${want.code} ${want.message}), ` +
            `got ${code ?? 'the value'} ${error?.message ?? ''} at ${error?.path?.join('.')}`,
        );
      }
    });
    expect(wrong, wrong.slice(0, 40).join('\n')).toEqual([]);
  }, 300_000);

  it("an alert's elder goes only to staff, not to the bot's own account that posts it to a group", async () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const caller of fx.callers) {
      const { body } = await send(
        'query { alerts(first: 100) { edges { node { id elder { id name phone address } } } } }',
        {},
        caller.token,
      );
      if (!expectation(caller, 'alerts').allowed) continue;
      const want = expectation(caller, 'Alert.elder');
      const fieldErrors = (body.errors ?? []).filter((e) => e.path?.includes('elder'));
      seen += 1;
      if (want.allowed && (body.errors?.length || !body.data))
        wrong.push(`${caller.key}: ${JSON.stringify(body.errors?.[0])}`);
      if (
        !want.allowed &&
        (!fieldErrors.length || fieldErrors.some((e) => e.extensions?.code !== want.code || e.message !== want.message))
      )
        wrong.push(`${caller.key}: read alert elders the table keeps from it`);
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThan(5);
  });
});

describe('alertRaised: live alerts', () => {
  it('reach only the subscribers the table permits, and only within their scope', async () => {
    const url = s.url.replace(/^http/, 'ws');
    const subs = await Promise.all(
      fx.callers.map(async (caller) => {
        const got = {
          caller,
          ids: [] as string[],
          errors: [] as { message: string; extensions?: { code?: string } }[],
        };
        const client = createClient({
          url,
          webSocketImpl: WebSocket,
          connectionParams: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
          retryAttempts: 0,
        });
        await new Promise<void>((resolve) => {
          client.on('connected', () => resolve());
          client.subscribe<{ alertRaised: { id: string } }>(
            { query: 'subscription { alertRaised { id community { code } } }' },
            {
              next: (m) =>
                m.data ? got.ids.push(m.data.alertRaised.id) : got.errors.push(...((m.errors ?? []) as never[])),
              error: (e) => got.errors.push(...(Array.isArray(e) ? e : [{ message: String(e) }])),
              complete: () => {},
            },
          );
        });
        return { ...got, client };
      }),
    );
    size.subscribers = subs.length;
    await new Promise((r) => setTimeout(r, 500));
    const bots = await s.db.prisma.botRoomBinding.findMany();
    const raised: { id: string; facts: Target }[] = [];
    for (const t of fx.elders) {
      const e = (await raiseAlert(s.db.prisma, { elderId: t.elderId, kind: 'NO_RECENT_ORDER', at: fx.now }))!;
      s.app.services.alertBus.publish(e);
      raised.push({
        id: e.id,
        facts: {
          regionPath: e.communityPath,
          botUserIds: bots.filter((b) => b.communityId === e.communityId).map((b) => b.botUserId),
        },
      });
    }
    const wants = subs.map((sub) => {
      const v = permits(sub.caller.actor, 'alertRaised');
      return {
        sub,
        v,
        ids: v.allowed
          ? raised
              .filter((r) => withinScope(v.grant, r.facts))
              .map((r) => r.id)
              .sort()
          : [],
      };
    });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && wants.some((w) => w.v.allowed && w.sub.ids.length < w.ids.length))
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    for (const sub of subs) await sub.client.dispose();
    const wrong = wants.flatMap(({ sub, v, ids }) => {
      if (!v.allowed)
        return sub.errors[0]?.extensions?.code === v.code &&
          (!v.message || sub.errors[0]?.message === v.message) &&
          !sub.ids.length
          ? []
          : [
              `${sub.caller.key}: refused by the table (${v.code}), ` +
                `got ${JSON.stringify(sub.errors[0])} and ${sub.ids.length} alerts`,
            ];
      return JSON.stringify([...sub.ids].sort()) === JSON.stringify(ids) && !sub.errors.length
        ? []
        : [`${sub.caller.key}: heard ${sub.ids.length} alerts, the table's scope gives ${ids.length}`];
    });
    expect(wrong).toEqual([]);
    expect(wants.filter((w) => w.ids.length).length).toBeGreaterThan(5);
  }, 60_000);
});
