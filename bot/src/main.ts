// Runs the bot in production: the puppet is chosen by environment (WECHATY_PUPPET,
// WECHATY_PUPPET_SERVICE_TOKEN, read by Wechaty itself), the API by YILIAN_API_URL with the bot's
// service account (YILIAN_BOT_USERNAME / YILIAN_BOT_PASSWORD); BOT_DIGEST_AT sets the daily digest's time.
import { WechatyBuilder } from 'wechaty';
import { YilianApi } from './api/client.js';
import { YilianBot } from './adapter.js';
import { parseDigestAt } from './digest.js';

const need = (name: string) => process.env[name] ?? (console.error(`set ${name}`), process.exit(1));
const api = new YilianApi(need('YILIAN_API_URL'), {
  username: need('YILIAN_BOT_USERNAME'),
  password: need('YILIAN_BOT_PASSWORD'),
});
const wechaty = WechatyBuilder.build({ name: 'yilian-bot' });
wechaty.on('scan', (qrcode) => console.log(`扫码登录：https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`));
const webhook = process.env.WECOM_WEBHOOK_URL
  ? { url: process.env.WECOM_WEBHOOK_URL, afterMs: Number(process.env.WECOM_FALLBACK_AFTER_MS ?? 10 * 60_000) }
  : undefined;
const bot = new YilianBot(wechaty, api, {
  throttleMs: Number(process.env.BOT_THROTTLE_MS ?? 1500),
  webhook,
  // BOT_DIGEST_AT=17:00 (Shanghai): when each group gets the daily digest.
  digestMinute: parseDigestAt(process.env.BOT_DIGEST_AT),
  log: (l) => console.error(l),
});
await bot.start();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void bot.stop().then(() => process.exit(0)));
