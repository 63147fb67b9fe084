// Sandboxes stand in for WeChat Pay, code2session, the SMS gateway and subscribe messages on
// demo machines. Production refuses to start with any of them unless YILIAN_DEMO=1 says it is a
// demo, and then every response a sandbox took part in says so in `extensions.sandbox`.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Config } from './config.types.js';
import type { Logger } from './logger.js';

export type SandboxKind = 'WECHAT_PAY' | 'WECHAT_LOGIN' | 'SMS' | 'SUBSCRIBE_MESSAGES';

const SANDBOXES: Record<SandboxKind, { real: (c: Config) => boolean; missing: string; label: string }> = {
  WECHAT_PAY: {
    real: (c) => !!c.wechatPay,
    missing: 'no WeChat Pay merchant (set WECHATPAY_MCHID and its keys)',
    label: '微信支付为模拟，不产生真实扣款',
  },
  WECHAT_LOGIN: {
    real: (c) => !!c.wechat,
    missing: 'no WeChat app credentials for code2session (set WECHAT_APP_ID, WECHAT_APP_SECRET)',
    label: '微信登录为模拟，不核验登录凭证',
  },
  SMS: {
    real: (c) => !!c.sms,
    missing: 'no SMS gateway (set SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN)',
    label: '短信为模拟，不发送真实短信',
  },
  SUBSCRIBE_MESSAGES: {
    real: (c) => !!c.wechat && Object.keys(c.subscribeTemplates ?? {}).length > 0,
    missing: 'no subscribe-message credentials (set WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_SUBSCRIBE_TEMPLATES)',
    label: '订阅消息为模拟，不发送微信通知',
  },
};

/** The services this configuration would run on a sandbox. */
export const sandboxesFor = (config: Config): SandboxKind[] =>
  (Object.keys(SANDBOXES) as SandboxKind[]).filter((kind) => !SANDBOXES[kind].real(config));

/** Sandboxes may answer anywhere but in production, where only an explicit demo allows them. */
export const sandboxesAllowed = (config: Pick<Config, 'production' | 'demo'>): boolean =>
  !config.production || config.demo;

/**
 * Throws one line naming every missing service when production would fall back to a sandbox;
 * with an explicit demo it warns instead. Called by loadConfig (before the database opens) and
 * by buildServices (for configurations built in code).
 */
export function checkSandboxes(config: Config, logger?: Logger): SandboxKind[] {
  const kinds = sandboxesFor(config);
  if (!kinds.length || !config.production) return kinds;
  if (!config.demo) {
    throw new Error(
      `NODE_ENV=production refuses to start on sandboxes:` +
        ` ${kinds.map((k) => SANDBOXES[k].missing).join('; ')}. For a demo on sandboxes set YILIAN_DEMO=1.`,
    );
  }
  logger?.warn(
    { sandboxes: kinds },
    `production demo (YILIAN_DEMO=1): sandboxes in use for ${kinds.join(', ')}; no real payment, login check, ` +
      `SMS or WeChat message happens there`,
  );
  return kinds;
}

// The sandboxes a request touched, collected while it runs (see noteSandbox).
const touched = new AsyncLocalStorage<Set<SandboxKind>>();

/** Runs one HTTP request with its own record of the sandboxes it touches. */
export const withSandboxRecord = <T>(run: () => Promise<T>): Promise<T> => touched.run(new Set(), run);

/** Called by each sandbox as it stands in for the real service. */
export const noteSandbox = (kind: SandboxKind): void => void touched.getStore()?.add(kind);

/** Marks a GraphQL response a sandbox took part in: `extensions.sandbox = { services, message }`. */
export function sandboxResponsePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const kinds = [...(touched.getStore() ?? [])];
          if (!kinds.length || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const message = `演示环境：${kinds.map((k) => SANDBOXES[k].label).join('；')}。`;
          result.extensions = { ...result.extensions, sandbox: { services: kinds, message } };
        },
      };
    },
  };
}
