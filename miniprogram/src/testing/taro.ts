// @tarojs/taro for component tests under jsdom: storage in memory, navigation and requests
// recorded, so a test can check what a page asked for. Only what the pages use is here.
import { vi } from 'vitest';

const storage = new Map<string, unknown>();

export interface RequestCall {
  url: string;
  data: { query: string; variables: Record<string, unknown> };
  header: Record<string, string>;
}

/** Answers GraphQL requests by operation name; a missing answer fails the request loudly. */
export const answers = new Map<string, (variables: Record<string, unknown>) => unknown>();
export const requests: RequestCall[] = [];
export const navigations: { kind: string; url: string }[] = [];
export const router: { params: Record<string, string> } = { params: {} };
/** What WeChat reports of itself (fontSizeSetting: 17 is the standard size). */
export const system: { fontSizeSetting?: number } = { fontSizeSetting: 17 };

const Taro = {
  getStorageSync: (k: string) => storage.get(k) ?? '',
  setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  removeStorageSync: (k: string) => void storage.delete(k),
  getSystemInfoSync: () => ({ ...system }),
  login: vi.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' })),
  requestPayment: vi.fn(async (_: Record<string, string>) => ({ errMsg: 'requestPayment:ok' })),
  requestSubscribeMessage: vi.fn(async ({ tmplIds }: { tmplIds: string[] }) =>
    Object.fromEntries(tmplIds.map((id) => [id, 'accept'])),
  ),
  getCurrentInstance: () => ({ router }),
  request: vi.fn(async (opts: RequestCall) => {
    requests.push(opts);
    const name = /(?:query|mutation)\s+(\w+)/.exec(opts.data.query)?.[1] ?? '';
    const answer = answers.get(name);
    if (!answer) throw new Error(`no answer for ${name}`);
    const result = answer(opts.data.variables);
    return {
      statusCode: 200,
      data:
        result instanceof Error
          ? {
              errors: [
                {
                  message: result.message,
                  extensions: { code: (result as Error & { code?: string }).code ?? 'BAD_USER_INPUT' },
                },
              ],
            }
          : { data: result },
    };
  }),
  navigateTo: vi.fn(async ({ url }: { url: string }) => void navigations.push({ kind: 'navigateTo', url })),
  redirectTo: vi.fn(async ({ url }: { url: string }) => void navigations.push({ kind: 'redirectTo', url })),
  reLaunch: vi.fn(async ({ url }: { url: string }) => void navigations.push({ kind: 'reLaunch', url })),
  navigateBack: vi.fn(async () => void navigations.push({ kind: 'navigateBack', url: '' })),
  showToast: vi.fn(async () => undefined),
  stopPullDownRefresh: vi.fn(),
  previewImage: vi.fn(),
  makePhoneCall: vi.fn(async (_: { phoneNumber: string }) => undefined),
};

export const useDidShow = () => undefined;
export const usePullDownRefresh = () => undefined;

export function resetTaro() {
  storage.clear();
  answers.clear();
  requests.length = 0;
  navigations.length = 0;
  router.params = {};
  system.fontSizeSetting = 17;
  vi.clearAllMocks();
}

export default Taro;
