import { FieldResolver, Resolver, Root } from 'type-graphql';
import { qrDataUrl } from '../common/qr.js';
import { BindingCode } from './groupchat.types.js';

/** What the worker sends the bot with the code: privately to bind themself, in the group to bind the group. */
export const bindingMessage = (code: BindingCode) => `${code.purpose === 'ROOM' ? '绑定群' : '绑定'} ${code.code}`;

@Resolver(() => BindingCode)
export class BindingCodeResolver {
  @FieldResolver(() => String, { description: '要发给机器人的话（“绑定 码”或“绑定群 码”）' })
  message(@Root() code: BindingCode) {
    return bindingMessage(code);
  }

  @FieldResolver(() => String, { description: '绑定消息的二维码（PNG data URL）：用微信扫码可复制这句话发给机器人' })
  async qrDataUrl(@Root() code: BindingCode) {
    return qrDataUrl(bindingMessage(code));
  }
}
