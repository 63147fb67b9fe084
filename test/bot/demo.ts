// npm run bot:demo: the bot against a demo server (in-process, embedded database, seeded) with
// Wechaty's mock puppet, playing a short scripted conversation and printing it.
import { PassThrough } from 'node:stream';
import { WechatyBuilder } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { YilianApi } from '../../bot/src/api/client.js';
import { YilianBot } from '../../bot/src/adapter.js';
import { buildApp } from '../../server/src/app/app.js';
import { createLogger } from '../../server/src/common/logger.js';
import { openDatabase } from '../../server/src/db/database.js';
import { DEMO_PASSWORD } from '../../server/src/seed/seed.js';
import { testConfig } from '../../server/src/testing/harness.js';

console.log('启动演示服务（内置数据库，演示数据）…');
const db = await openDatabase({ kind: 'pglite' });
const app = await buildApp(testConfig({ seedElders: 80 }), { db, logger: createLogger(new PassThrough()), seed: true });
const { url } = await app.http.listen(0);
const gql = async (query: string, variables: Record<string, unknown>, token?: string) =>
  (await (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })
  ).json()) as { data: any };
const workerToken = (
  await gql('mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p){ token } }', {
    u: 'worker',
    p: DEMO_PASSWORD,
  })
).data.passwordLogin.token;
const code = async (purpose: string) =>
  (await gql('mutation($p: BindingPurpose!){ issueBotBindingCode(purpose: $p){ code } }', { p: purpose }, workerToken))
    .data.issueBotBindingCode.code;

const mocker = new mock.Mocker();
const wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
const me = mocker.createContact({ name: '颐联助手' });
const wang = mocker.createContact({ name: '王社工' });
const room = mocker.createRoom({ id: 'baixiu@chatroom', topic: '百秀社区助老群', memberIdList: [me.id, wang.id] });
const print = (where: string, who: string, text: string) =>
  console.log(`\n[${where}] ${who}：\n  ${text.replace(/\n/g, '\n  ')}`);
for (const target of [room, wang]) {
  (target as unknown as NodeJS.EventEmitter).on('message', (m: any) => {
    const p = m.payload ?? {};
    if ((p.talkerId ?? p.fromId) === me.id) print(target === room ? room.payload.topic : '私聊', '颐联助手', p.text);
  });
}
const bot = new YilianBot(wechaty, new YilianApi(url, { username: 'bot', password: DEMO_PASSWORD }), {
  throttleMs: 50,
});
await bot.start();
await new Promise<void>((r) => {
  wechaty.once('login', () => r());
  mocker.login(me);
});
const pause = (ms = 700) => new Promise((r) => setTimeout(r, ms));
const elder = await db.prisma.elder.findFirstOrThrow({
  where: {
    community: { users: { some: { username: 'worker' } } },
    status: 'ENROLLED',
    enrolments: { some: { policy: { code: 'HUANGPI_2020' } } },
  },
});
const script: [string, string][] = [
  ['私聊', `绑定 ${await code('WORKER')}`],
  ['群', `绑定群 ${await code('ROOM')}`],
  ['群', `余额 ${elder.name}`],
  ['群', `下单 ${elder.name} 理发 明天上午9点`],
  ['群', '告警'],
];
for (const [where, text] of script) {
  print(where === '群' ? room.payload.topic : '私聊', '王社工', text);
  if (where === '群') wang.say(`@颐联助手\u2005${text}`, [me]).to(room);
  else wang.say(text).to(me);
  await pause();
}
console.log('\n（家属投诉，社区群收到告警）');
await gql(
  `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`,
  { i: { elderId: elder.id, content: '护理员迟到了半小时' } },
  workerToken,
);
await pause(1500);
await bot.stop();
await app.close();
await db.close();
process.exit(0);
