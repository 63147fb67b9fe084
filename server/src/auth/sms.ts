// Login codes by SMS. One interface for a real SMS gateway and the demo sandbox, like the WeChat
// clients: the login service cannot tell which it talks to.
import { noteSandbox } from '../common/sandbox.js';

export interface SmsSender {
  readonly sandbox: boolean;
  sendLoginCode(phone: string, code: string, ttlMinutes: number): Promise<void>;
}

const loginText = (code: string, ttlMinutes: number) =>
  `【颐联】验证码 ${code}，${ttlMinutes} 分钟内有效。如非本人操作请忽略。`;

/**
 * The operator's SMS gateway (SMS_GATEWAY_URL): POST {"phone", "text"} as JSON with
 * `Authorization: Bearer SMS_GATEWAY_TOKEN`; any 2xx within 5 s counts as sent. The carrier
 * account, signature and template approval live behind it, so this server holds no carrier keys.
 */
export class HttpSmsSender implements SmsSender {
  readonly sandbox = false;
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async sendLoginCode(phone: string, code: string, ttlMinutes: number): Promise<void> {
    const res = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ phone, text: loginText(code, ttlMinutes) }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`sms gateway ${res.status}`);
  }
}

/** Demo sandbox: keeps what it would have sent, so tests and the demo page can read the code. */
export class SandboxSmsSender implements SmsSender {
  readonly sandbox = true;
  readonly sent: { phone: string; text: string; at: Date }[] = [];

  async sendLoginCode(phone: string, code: string, ttlMinutes: number): Promise<void> {
    noteSandbox('SMS');
    this.sent.push({ phone, text: loginText(code, ttlMinutes), at: new Date() });
    if (this.sent.length > 1000) this.sent.splice(0, this.sent.length - 1000);
  }
}

export const createSmsSender = (config?: { url: string; token: string }): SmsSender =>
  config ? new HttpSmsSender(config.url, config.token) : new SandboxSmsSender();
