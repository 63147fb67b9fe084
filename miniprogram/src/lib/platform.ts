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

/** Rings a number: the phone's dialler on WeChat, a tel: link in the browser (Taro does both). */
export async function phoneCall(phone: string): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber: phone });
}

/**
 * The phone's position when the user allows it, else null. Short, so a call for help is never held
 * up by a slow or refused location: the call centre can still locate the elder by phone (000 四).
 */
export async function locate(timeoutMs = 3000): Promise<{ latitude: number; longitude: number } | null> {
  try {
    const found = Taro.getLocation({ type: 'wgs84' }).then((r) => ({ latitude: r.latitude, longitude: r.longitude }));
    const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
    return await Promise.race([found.catch(() => null), late]);
  } catch {
    return null;
  }
}
