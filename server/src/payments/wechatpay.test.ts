// WeChat Pay v3 message rules with real keys: what the sandbox signs, the production code path
// verifies, and every tampering the issue names is refused.
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SandboxPaymentGateway, WechatPayClient } from './payment.gateway.js';
import {
  aeadDecrypt,
  decryptResource,
  encryptResource,
  PaymentVerificationError,
  requestMessage,
} from './wechatpay.sign.js';

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof PaymentVerificationError) return err.reason;
    throw err;
  }
  return 'ACCEPTED';
};

async function paidOrder(gateway: SandboxPaymentGateway, total = 5000) {
  const { prepayId } = await gateway.createJsapiOrder({
    outTradeNo: `TU${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
    description: '测试充值',
    amountFen: total,
    payerOpenid: 'o-test',
    notifyUrl: 'http://127.0.0.1:1/payments/wechat/notify',
  });
  return prepayId;
}

describe('WeChat Pay v3 (sandbox keys, production verification path)', () => {
  const gateway = new SandboxPaymentGateway();

  it('round-trips a TRANSACTION.SUCCESS notification: signature verified, resource decrypted', async () => {
    await gateway.createJsapiOrder({
      outTradeNo: 'TU-round-trip-1',
      description: 'd',
      amountFen: 5000,
      payerOpenid: 'o-1',
      notifyUrl: 'http://x/n',
    });
    const now = new Date('2026-11-18T10:00:00+08:00');
    const n = gateway.notificationFor('TU-round-trip-1', now);
    const parsed = gateway.parseNotification(n.headers, Buffer.from(n.body), now);
    expect(parsed.event_type).toBe('TRANSACTION.SUCCESS');
    expect(parsed.resource).toMatchObject({
      out_trade_no: 'TU-round-trip-1',
      trade_state: 'SUCCESS',
      amount: { total: 5000, currency: 'CNY' },
      payer: { openid: 'o-1' },
      mchid: gateway.merchantId,
    });
    // The envelope itself carries only ciphertext.
    expect(n.body).not.toContain('TU-round-trip-1');
  });

  it(
    'signs wx.requestPayment parameters with the merchant key over ' + 'appId\\ntimeStamp\\nnonceStr\\npackage\\n',
    async () => {
      const p = gateway.payParams(await paidOrder(gateway));
      expect(p.package).toMatch(/^prepay_id=wx/);
      expect(p.signType).toBe('RSA');
      const ok = createVerify('RSA-SHA256')
        .update(`${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`)
        .verify(gateway.merchant.publicKey, p.paySign, 'base64');
      expect(ok).toBe(true);
    },
  );

  it(
    'rejects a 1-byte change in the body, a 6-minute-old timestamp, a probe signature, an unknown serial and ' +
      'missing headers',
    async () => {
      await gateway.createJsapiOrder({
        outTradeNo: 'TU-tamper-1',
        description: 'd',
        amountFen: 100,
        payerOpenid: 'o',
        notifyUrl: 'http://x/n',
      });
      const now = new Date('2026-11-18T10:00:00+08:00');
      const n = gateway.notificationFor('TU-tamper-1', now);
      const body = Buffer.from(n.body);
      expect(reason(() => gateway.parseNotification(n.headers, body, now))).toBe('ACCEPTED');
      const flipped = Buffer.from(body);
      flipped[40] = flipped[40]! ^ 0x01;
      expect(reason(() => gateway.parseNotification(n.headers, flipped, now))).toBe('BAD_SIGNATURE');
      const old = gateway.notificationFor('TU-tamper-1', new Date(now.getTime() - 6 * 60_000));
      expect(reason(() => gateway.parseNotification(old.headers, old.body, now))).toBe('STALE_TIMESTAMP');
      // Four minutes is within WeChat's five-minute window.
      const recent = gateway.notificationFor('TU-tamper-1', new Date(now.getTime() - 4 * 60_000));
      expect(reason(() => gateway.parseNotification(recent.headers, recent.body, now))).toBe('ACCEPTED');
      expect(
        reason(() =>
          gateway.parseNotification(
            { ...n.headers, 'wechatpay-signature': `WECHATPAY/SIGNTEST/${n.headers['wechatpay-signature']}` },
            body,
            now,
          ),
        ),
      ).toBe('SIGNATURE_PROBE');
      expect(
        reason(() => gateway.parseNotification({ ...n.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000' }, body, now)),
      ).toBe('UNKNOWN_SERIAL');
      const { ['wechatpay-nonce']: _nonce, ...noNonce } = n.headers;
      expect(reason(() => gateway.parseNotification(noNonce, body, now))).toBe('MISSING_HEADERS');
      // A signature from another key pair (someone else's "platform") does not verify.
      const other = new SandboxPaymentGateway();
      const forged = other.sign(n.body, now);
      expect(
        reason(() => gateway.parseNotification({ ...forged, 'wechatpay-serial': gateway.platformSerial }, body, now)),
      ).toBe('BAD_SIGNATURE');
    },
  );

  it('refuses a resource with a flipped ciphertext byte, another key, or an unknown algorithm', () => {
    const key = 'a'.repeat(32);
    const r = encryptResource({ out_trade_no: 'x' }, key, 'transaction', 'transaction');
    expect(decryptResource(r, key)).toEqual({ out_trade_no: 'x' });
    const bytes = Buffer.from(r.ciphertext, 'base64');
    bytes[0] = bytes[0]! ^ 0x80;
    expect(reason(() => decryptResource({ ...r, ciphertext: bytes.toString('base64') }, key))).toBe('BAD_RESOURCE');
    expect(reason(() => decryptResource(r, 'b'.repeat(32)))).toBe('BAD_RESOURCE');
    expect(reason(() => decryptResource({ ...r, associated_data: 'refund' }, key))).toBe('BAD_RESOURCE');
    expect(reason(() => decryptResource({ ...r, algorithm: 'AEAD_SM4_GCM' }, key))).toBe('BAD_RESOURCE');
  });

  it('decrypts the published AES-256-GCM vectors (wechatpay-axios-plugin tests/lib/aes.test.js)', () => {
    const key = '0123456789abcdef0123456789abcdef';
    const iv = '0123456789abcdef';
    expect(aeadDecrypt('APoZlYpivU3HjbAiB4CvW1rAFr8J', key, iv, 'world').toString()).toBe('hello');
    // Empty plaintext and empty associated data: the whole ciphertext is the 16-byte tag.
    expect(aeadDecrypt('GvpmmdtYwexXIPhySs9Tlg==', key, iv, '').toString()).toBe('');
    expect(reason(() => aeadDecrypt('APoZlYpivU3HjbAiB4CvW1rAFr8J', key, iv, 'worlD'))).toBe('BAD_RESOURCE');
  });

  it('builds the documented request message', () => {
    expect(
      requestMessage('post', '/v3/pay/transactions/jsapi', '1554208460', '593BEC0C930BF1AFEB40B4A08C8FB242', '{"a":1}'),
    ).toBe('POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"a":1}\n');
  });
});

describe('WechatPayClient (production) request shape', () => {
  it('posts a signed JSAPI order and trusts only a signed answer', async () => {
    const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const platform = new SandboxPaymentGateway();
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body = JSON.stringify({ prepay_id: 'wx201410272009395522657a690389285100' });
      return new Response(body, { status: 200, headers: platform.sign(body) });
    }) as unknown as typeof fetch;
    const client = new WechatPayClient(
      {
        mchid: '1230000109',
        appId: 'wxd678efh567hg6787',
        serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
        privateKeyPem: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        apiV3Key: 'k'.repeat(32),
        platformPublicKeys: {
          [platform.platformSerial]: platform.platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      },
      fakeFetch,
    );
    const r = await client.createJsapiOrder({
      outTradeNo: 'TU123',
      description: '自费充值',
      amountFen: 1234,
      payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      notifyUrl: 'https://yl.example.cn/payments/wechat/notify',
    });
    expect(r.prepayId).toBe('wx201410272009395522657a690389285100');
    const call = calls[0]!;
    expect(call.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi');
    expect(call.init.method).toBe('POST');
    const body = call.init.body as string;
    expect(JSON.parse(body)).toEqual({
      appid: 'wxd678efh567hg6787',
      mchid: '1230000109',
      description: '自费充值',
      out_trade_no: 'TU123',
      notify_url: 'https://yl.example.cn/payments/wechat/notify',
      amount: { total: 1234, currency: 'CNY' },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    });
    const auth = (call.init.headers as Record<string, string>).authorization!;
    const m = new RegExp(
      /^WECHATPAY2-SHA256-RSA2048 mchid="(\d+)",nonce_str="(\w+)",/.source +
        /signature="([^"]+)",timestamp="(\d+)",serial_no="(\w+)"$/.source,
    ).exec(auth);
    expect(m).not.toBeNull();
    const [, mchid, nonce, signature, timestamp, serial] = m!;
    expect([mchid, serial]).toEqual(['1230000109', '5157F09EFDC096DE15EBE81A47057A7232F1B8E1']);
    const verified = createVerify('RSA-SHA256')
      .update(requestMessage('POST', '/v3/pay/transactions/jsapi', timestamp!, nonce!, body))
      .verify(merchant.publicKey, signature!, 'base64');
    expect(verified).toBe(true);

    // An answer signed by someone else is not trusted.
    const liar = new SandboxPaymentGateway();
    const lyingClient = new WechatPayClient(
      {
        mchid: '1',
        appId: 'a',
        serialNo: 's',
        privateKeyPem: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        apiV3Key: 'k'.repeat(32),
        platformPublicKeys: {
          [platform.platformSerial]: platform.platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      },
      (async () => {
        const body = JSON.stringify({ prepay_id: 'wx-forged' });
        return new Response(body, {
          status: 200,
          headers: { ...liar.sign(body), 'wechatpay-serial': platform.platformSerial },
        });
      }) as unknown as typeof fetch,
    );
    await expect(
      lyingClient.createJsapiOrder({
        outTradeNo: 'T',
        description: 'd',
        amountFen: 1,
        payerOpenid: 'o',
        notifyUrl: 'https://x',
      }),
    ).rejects.toMatchObject({ reason: 'BAD_SIGNATURE' });
  });
});
