// Login codes by SMS. One interface for a real SMS gateway and the demo sandbox, like the WeChat
// clients: the login service cannot tell which it talks to.
export interface SmsSender {
  readonly sandbox: boolean;
  sendLoginCode(phone: string, code: string, ttlMinutes: number): Promise<void>;
}

/** Demo sandbox: keeps what it would have sent, so tests and the demo page can read the code. */
export class SandboxSmsSender implements SmsSender {
  readonly sandbox = true;
  readonly sent: { phone: string; text: string; at: Date }[] = [];

  async sendLoginCode(phone: string, code: string, ttlMinutes: number): Promise<void> {
    this.sent.push({ phone, text: `【颐联】验证码 ${code}，${ttlMinutes} 分钟内有效。如非本人操作请忽略。`, at: new Date() });
    if (this.sent.length > 1000) this.sent.splice(0, this.sent.length - 1000);
  }
}
