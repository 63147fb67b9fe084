// graphql-js's executor against graphql-jit's compiled one on the family's dashboard (issue 22: "look
// at graphql-jit where Apollo allows it, and say what you measured"). Both run in this process on
// the server's own schema, resolvers, loaders and database, with a fresh request context per call
// as the HTTP server makes one, so the difference is the executor's alone. Rounds alternate the two;
// every answer is checked against graphql-js's first one. Ratios from one run; no timing is asserted.
//   DATABASE_URL=postgresql://… npx tsx --tsconfig ../tsconfig.json bench/executor.ts   (PGlite without it)
import { isDeepStrictEqual } from 'node:util';
import { execute, parse, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { getSchema } from '../../server/src/app/graphql-schema.js';
import { createContext } from '../../server/src/app/context.js';
import { authenticateRequest } from '../../server/src/auth/index.js';
import { startTestServer } from '../../server/src/testing/harness.js';
import { fullOrderPage } from '../../server/src/testing/orders-fixtures.js';

const CALLS = Number(process.env.EXECUTOR_CALLS ?? 300);
const ROUNDS = 3;
const SCENARIOS = [
  {
    name: 'family dashboard (20 orders)',
    user: 'family',
    query: `query($e: ID!, $n: Int!) { elder(id: $e) { id name
      wallet { accounts { kind available held } }
      orders(first: $n) { edges { node {
        id status scheduledAt service { name } provider { name } caregiverCard { name } } } } } }`,
  },
  {
    name: "elders page (25, the seeded district's)",
    user: 'district_admin',
    query: `query($n: Int!) { elders(first: $n) { totalCount edges { node { id name age idNumberMasked
      community { code name } enrolment { policy { code } category status startedOn }
      wallet { accounts { kind unit balance held } } } } } }`,
  },
];

const s = await startTestServer({}, { clock: () => new Date('2026-11-18T10:00:00+08:00') });
try {
  const link = await s.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } });
  // The family's elder gets a full page of orders with caregivers, as in the statement ratchet.
  await fullOrderPage(s, await s.login('family'), link.elderId, 'executor-bench');
  const schema = await getSchema();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${s.db.backend}, ${ROUNDS} alternating rounds of ${CALLS} calls each, median calls/s:`);
  for (const scenario of SCENARIOS) {
    const token = await s.login(scenario.user);
    const variables = { e: link.elderId, n: scenario.user === 'family' ? 20 : 25 };
    const document = parse(scenario.query);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit refused the query: ${JSON.stringify(compiled)}`);
    const context = async () =>
      createContext(s.app.services, await authenticateRequest(s.app.services, `Bearer ${token}`), 'bench');
    const run = {
      'graphql-js': async () =>
        (await execute({
          schema,
          document,
          variableValues: variables,
          contextValue: await context(),
        })) as ExecutionResult,
      'graphql-jit': async () => (await compiled.query(undefined, await context(), variables)) as ExecutionResult,
    };
    const expected = JSON.parse(JSON.stringify(await run['graphql-js']()));
    if (expected.errors) throw new Error(JSON.stringify(expected.errors));
    const rates: Record<string, number[]> = { 'graphql-js': [], 'graphql-jit': [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, call] of Object.entries(run)) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < CALLS; i++) {
          const r = await call();
          if (i === 0 && !isDeepStrictEqual(JSON.parse(JSON.stringify(r)), expected))
            throw new Error(`${name} answered differently: ${JSON.stringify(r).slice(0, 300)}`);
        }
        rates[name]!.push((CALLS * 1e9) / Number(process.hrtime.bigint() - started));
      }
    }
    const js = median(rates['graphql-js']!);
    const jit = median(rates['graphql-jit']!);
    const ratio = (jit / js).toFixed(2);
    console.log(`  ${scenario.name}: graphql-js ${js.toFixed(0)}, graphql-jit ${jit.toFixed(0)}, jit ÷ js ${ratio}`);
  }
} finally {
  await s.close();
}
