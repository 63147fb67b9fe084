// The WeChat-only APIs behind one guard. On H5, Taro's login, requestPayment and
// requestSubscribeMessage are "not supported" yet resolve as success in a production build, so
// they are never called there: process.env.TARO_ENV decides.
import Taro from '@tarojs/taro';

export const isWeapp = () => process.env.TARO_ENV === 'weapp';

export async function wechatCode(): Promise<string> {
  if (!isWeapp()) throw new Error('wx.login 仅在微信小程序中可用');
  const { code } = await Taro.login();
  return code;
}

export interface PayParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

/** Opens WeChat Pay's cashier; resolves true when the user paid, false when they closed it. */
export async function requestPayment(p: PayParams): Promise<boolean> {
  if (!isWeapp()) throw new Error('微信支付仅在微信小程序中可用');
  try {
    await Taro.requestPayment({
      timeStamp: p.timeStamp,
      nonceStr: p.nonceStr,
      package: p.package,
      signType: p.signType as 'RSA',
      paySign: p.paySign,
    });
    return true;
  } catch (err) {
    if (String((err as { errMsg?: string }).errMsg ?? '').includes('cancel')) return false;
    throw err;
  }
}

/** Asks for one-time subscribe-message consent; returns the template ids the user accepted. */
export async function requestSubscribe(templateIds: string[]): Promise<string[]> {
  if (!isWeapp() || !templateIds.length) return [];
  const res = (await Taro.requestSubscribeMessage({
    tmplIds: templateIds,
    entityIds: [],
  } as never)) as unknown as Record<string, string>;
  return templateIds.filter((id) => res[id] === 'accept');
}

/** WeChat's own font size (iOS reports it; 17 is the standard size). */
export function wechatFontScale(): number {
  if (!isWeapp()) return 1;
  try {
    const setting = (Taro.getSystemInfoSync() as { fontSizeSetting?: number }).fontSizeSetting;
    return setting ? Math.min(1.6, Math.max(1, setting / 17)) : 1;
  } catch {
    return 1;
  }
}
