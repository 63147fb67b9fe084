// On H5, Taro's WeChat-only APIs resolve as success without doing anything (Taro 4, production
// builds), so the app must never call them there: payment and login refuse, subscribe consent
// asks nobody.
import { beforeEach, describe, expect, it } from 'vitest';
import Taro, { resetTaro, system } from '../testing/taro';
import { isWeapp, requestPayment, requestSubscribe, wechatCode, wechatFontScale } from './platform';

beforeEach(resetTaro);

describe('WeChat-only APIs on H5', () => {
  it('never reach Taro', async () => {
    expect(isWeapp()).toBe(false);
    await expect(wechatCode()).rejects.toThrow(/微信小程序/);
    await expect(
      requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' }),
    ).rejects.toThrow(/微信小程序/);
    expect(await requestSubscribe(['tmpl-1'])).toEqual([]);
    expect(Taro.login).not.toHaveBeenCalled();
    expect(Taro.requestPayment).not.toHaveBeenCalled();
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('ignore a WeChat font setting there is none of', () => {
    system.fontSizeSetting = 24;
    expect(wechatFontScale()).toBe(1);
  });
});
