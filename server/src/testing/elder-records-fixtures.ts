// Shared setup of the elder record tests (elders/elder-records.test.ts, elders/elder-exits.test.ts): one test
// server per file, on the app clock, logged in as the demo accounts these tests act as.
import { startTestServer, type TestServer } from './harness.js';

export type RecordElder = {
  id: string;
  latitude: number | null;
  longitude: number | null;
  address: string;
  phone: string | null;
};
const ctx = {} as { s: TestServer; base: string; tokens: Record<string, string>; elder: RecordElder };
export const START = new Date('2026-11-18T10:00:00+08:00');

export const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
export const gql = <T = any>(q: string, v: Record<string, unknown>, who: string) => ctx.s.gql<T>(q, v, ctx.tokens[who]);
export const UPDATE = `mutation($i: UpdateElderInput!) {
  updateElder(input: $i) { id address latitude longitude phone disabilityGrade flags contacts { kind name phone } }
}`;
export const CHANGES = `query($e: ID!) {
  elderChanges(elderId: $e, first: 20) {
    totalCount edges { node { action actorName changes { field label from to } note } }
  }
}`;
export const SUGGESTIONS = `query($e: ID, $st: ExitSuggestionStatus) {
  exitSuggestions(elderId: $e, status: $st, first: 10) {
    totalCount edges { node { id reason exclusion source explanation status elder { id } } }
  }
}`;
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('JFIF-records-test'),
  Buffer.from([0xff, 0xd9]),
]);
export const PDF = Buffer.from('%PDF-1.4\n% 户口簿扫描件\n%%EOF\n');
export const upload = (who: string, body: Buffer, type: string, query = '') =>
  fetch(`${ctx.base}/files${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.tokens[who]}`, 'content-type': type },
    body,
  });
export const snapshot = async (id: string) => {
  const e = await ctx.s.db.prisma.elder.findUniqueOrThrow({ where: { id } });
  return {
    e: { ...e, updatedAt: null },
    audits: await ctx.s.db.prisma.auditLog.count({ where: { entityId: id } }),
    suggestions: await ctx.s.db.prisma.exitSuggestion.count(),
  };
};

/** Starts the server, logs the demo accounts in, and picks the family account's first elder. */
export async function startRecords() {
  ctx.s = await startTestServer({}, { clock: () => START });
  ctx.base = ctx.s.url.replace(/\/graphql$/, '');
  ctx.tokens = {};
  for (const u of [
    'family',
    'worker',
    'worker2',
    'street_officer',
    'provider_admin',
    'caregiver',
    'yc_worker',
    'yc_street_officer',
    'yc_admin',
  ])
    ctx.tokens[u] = await ctx.s.login(u);
  const link = await ctx.s.db.prisma.familyLink.findFirstOrThrow({
    where: { user: { username: 'family' } },
    orderBy: { createdAt: 'asc' },
  });
  ctx.elder = await ctx.s.db.prisma.elder.findUniqueOrThrow({ where: { id: link.elderId } });
  return ctx;
}
