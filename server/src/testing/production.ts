// Production credentials for tests: real clients are built (WeChat Pay with a fresh merchant key,
// code2session, the SMS gateway, subscribe messages), none of which a test may call.
import { generateKeyPairSync } from 'node:crypto';
import type { Config } from '../common/config.js';

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

export function productionCredentials(): Pick<Config, 'wechatPay' | 'wechat' | 'sms' | 'subscribeTemplates'> {
  const merchant = pem();
  const platform = pem();
  return {
    wechatPay: {
      mchid: '1900000109',
      appId: 'wx0000000000000001',
      serialNo: 'MERCHANT0001',
      privateKeyPem: merchant.privateKey,
      apiV3Key: 'a'.repeat(32),
      platformPublicKeys: { PLATFORM0001: platform.publicKey },
      // Nothing listens here: a stray call fails at once instead of reaching WeChat.
      baseUrl: 'http://127.0.0.1:9',
    },
    wechat: { appId: 'wx0000000000000001', appSecret: 'not-a-real-secret' },
    sms: { url: 'http://127.0.0.1:9/sms', token: 'not-a-real-token' },
    subscribeTemplates: { VISIT_COMPLETED: 'tmpl-visit-completed' },
  };
}
