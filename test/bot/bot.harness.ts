// What the bot's end-to-end tests share: the mock puppet's objects as event emitters, a record of
// what the bot said where, asking and waiting for its answer, and polling for a condition.
import type { mock } from 'wechaty-puppet-mock';
import type { TestServer } from '../../server/src/testing/harness.js';

type Mocker = InstanceType<typeof mock.Mocker>;
export type MockContact = ReturnType<Mocker['createContact']>;
export type MockRoom = ReturnType<Mocker['createRoom']>;

// The mock puppet's rooms, contacts and the Wechaty instance are event emitters; their types do not say so.
export const emitter = (x: unknown) => x as NodeJS.EventEmitter;

/** Polls `cond` every 25 ms for up to `ms`; returns its last value. */
export async function waitFor(cond: () => boolean, ms = 8000): Promise<boolean> {
  const start = Date.now();
  while (!cond() && Date.now() - start < ms) await new Promise((r) => setTimeout(r, 25));
  return cond();
}

/**
 * What the bot (the contact `me()`) said, by room or contact id. Its group replies start with an
 * @-mention of the asker, which is dropped.
 */
export function conversation(me: () => MockContact) {
  const said = new Map<string, string[]>();
  const log = (key: string, m: unknown) => {
    const p = (m as { payload?: { text?: string; talkerId?: string; fromId?: string } }).payload ?? {};
    if ((p.talkerId ?? p.fromId) !== me().id) return;
    said.set(key, [...(said.get(key) ?? []), (p.text ?? '').replace(/^@\S+\s/u, '')]);
  };
  /** Sends as a contact (in a group when `where` is given) and waits for the bot's next message there. */
  async function ask(from: MockContact, text: string, where?: MockRoom, timeout = 10_000): Promise<string> {
    const key = where ? where.id : from.id;
    const before = said.get(key)?.length ?? 0;
    if (where) from.say(`@颐联助手\u2005${text}`, [me()]).to(where);
    else from.say(text).to(me());
    const ok = await waitFor(() => (said.get(key)?.length ?? 0) > before, timeout);
    if (!ok) throw new Error(`no reply to ${text}`);
    return said.get(key)![before]!;
  }
  return { said, log, ask };
}

/** A binding code issued to `username`, for a worker's private chat or a group. */
export async function codeFor(s: TestServer, username: string, purpose: 'WORKER' | 'ROOM'): Promise<string> {
  const res = await s.gql<{ issueBotBindingCode: { code: string } }>(
    `mutation($p: BindingPurpose!) { issueBotBindingCode(purpose: $p) { code } }`,
    { p: purpose },
    await s.login(username),
  );
  return res.data!.issueBotBindingCode.code;
}

/** An enrolled elder of the worker's community under 000 (Huangpi) whose name no one else there has. */
export async function uniqueElder(s: TestServer, orderBy: 'asc' | 'desc') {
  const worker = await s.db.prisma.user.findUniqueOrThrow({ where: { username: 'worker' } });
  const where = { communityId: worker.regionId!, enrolments: { some: { policy: { code: 'HUANGPI_2020' } } } };
  const elders = await s.db.prisma.elder.findMany({
    where: { ...where, status: 'ENROLLED' },
    orderBy: { name: orderBy },
  });
  return elders.find((e) => elders.filter((x) => x.name === e.name).length === 1)!;
}
