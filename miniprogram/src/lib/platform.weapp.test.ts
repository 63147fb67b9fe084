// The same module compiled for WeChat (TARO_ENV=weapp): the real calls are made, with the
// answers WeChat gives.
import { beforeEach, describe, expect, it } from 'vitest';
import Taro, { resetTaro, system } from '../testing/taro';
import { isWeapp, requestPayment, requestSubscribe, wechatCode, wechatFontScale } from './platform';
import { isLargeFont } from './store';

beforeEach(resetTaro);

const params = {
  timeStamp: '1795898000',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx2811',
  signType: 'RSA',
  paySign: 'c2lnbg==',
};

describe('WeChat-only APIs in the mini-program', () => {
  it("log in with wx.login and pay with the server's signed parameters", async () => {
    expect(isWeapp()).toBe(true);
    expect(await wechatCode()).toBe('wx-code');
    expect(await requestPayment(params)).toBe(true);
    expect(Taro.requestPayment).toHaveBeenCalledWith(params);
  });

  it('treat closing the cashier as not paid, and pass other failures on', async () => {
    Taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' });
    expect(await requestPayment(params)).toBe(false);
    Taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail system error' });
    await expect(requestPayment(params)).rejects.toMatchObject({ errMsg: 'requestPayment:fail system error' });
  });

  it('return only the subscribe templates the user accepted', async () => {
    Taro.requestSubscribeMessage.mockResolvedValueOnce({
      a: 'accept',
      b: 'reject',
      c: 'ban',
      errMsg: 'requestSubscribeMessage:ok',
    } as never);
    expect(await requestSubscribe(['a', 'b', 'c'])).toEqual(['a']);
    expect(await requestSubscribe([])).toEqual([]);
  });

  it("honour WeChat's own font size: a large one turns large-font mode on unless the user chose", () => {
    expect(wechatFontScale()).toBe(1);
    const family = {
      token: 't',
      user: { id: 'u', role: 'FAMILY', displayName: '李明' },
      elderId: null,
      privacyConsent: null,
    };
    expect(isLargeFont({ ...family, largeFont: null })).toBe(false);
    system.fontSizeSetting = 22;
    expect(wechatFontScale()).toBeCloseTo(22 / 17);
    expect(isLargeFont({ ...family, largeFont: null })).toBe(true);
    expect(isLargeFont({ ...family, largeFont: false })).toBe(false);
  });
});
