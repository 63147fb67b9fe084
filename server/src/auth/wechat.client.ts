import { createHmac } from 'node:crypto';
import { noteSandbox } from '../common/sandbox.js';

/** The result of WeChat's code2session (jscode2session). The session key never leaves the server. */
export interface WechatSession {
  openId: string;
  unionId?: string;
  sessionKey: string;
}

/** One interface for the real WeChat API and the demo sandbox, so the login service cannot tell. */
export interface WechatSessionClient {
  readonly sandbox: boolean;
  code2Session(code: string): Promise<WechatSession>;
}

export class WechatCodeError extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
  }
}

// wx.login codes are short opaque strings; anything else is not worth a round trip.
const CODE_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Real client: GET https://api.weixin.qq.com/sns/jscode2session (used when credentials are set). */
export class HttpWechatSessionClient implements WechatSessionClient {
  readonly sandbox = false;
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly baseUrl = 'https://api.weixin.qq.com',
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    if (!CODE_PATTERN.test(code)) throw new WechatCodeError(40029, 'invalid code');
    const url = new URL('/sns/jscode2session', this.baseUrl);
    url.search = new URLSearchParams({
      appid: this.appId,
      secret: this.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as {
      openid?: string;
      unionid?: string;
      session_key?: string;
      errcode?: number;
      errmsg?: string;
    };
    if (body.errcode || !body.openid || !body.session_key) {
      throw new WechatCodeError(body.errcode ?? -1, body.errmsg ?? 'code2session failed');
    }
    return { openId: body.openid, unionId: body.unionid, sessionKey: body.session_key };
  }
}

/**
 * Demo sandbox: the same code always yields the same openid (HMAC of the code under a local
 * secret), shaped like WeChat's 28-character openids. Codes starting with "invalid" are refused
 * with WeChat's own errcode 40029, so clients can exercise the failure path.
 */
export class SandboxWechatSessionClient implements WechatSessionClient {
  readonly sandbox = true;
  constructor(private readonly secret: string) {}

  openIdFor(code: string): string {
    return 'o' + createHmac('sha256', this.secret).update(`openid:${code}`).digest('base64url').slice(0, 27);
  }

  async code2Session(code: string): Promise<WechatSession> {
    noteSandbox('WECHAT_LOGIN');
    if (!CODE_PATTERN.test(code) || code.startsWith('invalid')) throw new WechatCodeError(40029, 'invalid code');
    const sessionKey = createHmac('sha256', this.secret).update(`session:${code}`).digest('base64').slice(0, 24);
    return { openId: this.openIdFor(code), sessionKey };
  }
}
