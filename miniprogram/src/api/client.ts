// One small GraphQL client for weapp and H5: Taro.request underneath (wx.request on WeChat, fetch
// on H5), the session's bearer token, and server errors as ApiError with the stable code.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import Taro from '@tarojs/taro';
import { print } from 'graphql/language/printer';
import { getState, signOut } from '../lib/store';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const printed = new WeakMap<object, string>();
const source = (doc: object) => {
  let text = printed.get(doc);
  if (!text) printed.set(doc, (text = print(doc as never)));
  return text;
};

/** Where /files/... and other server paths live: the origin of the GraphQL endpoint. */
export function serverUrl(path: string): string {
  const base = API_URL.replace(/\/graphql$/, '');
  return `${base}${path}`;
}

export async function gql<R, V extends Record<string, unknown> = Record<string, never>>(
  doc: TypedDocumentNode<R, V>,
  variables?: V,
): Promise<R> {
  const token = getState().token;
  let res: Taro.request.SuccessCallbackResult<{
    data?: R;
    errors?: { message: string; extensions?: { code?: string; details?: Record<string, unknown> } }[];
  }>;
  try {
    res = await Taro.request({
      url: API_URL,
      method: 'POST',
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: { query: source(doc), variables: variables ?? {} },
      timeout: 15000,
    });
  } catch {
    throw new ApiError('网络连接失败，请检查网络后重试。', 'NETWORK');
  }
  const body = res.data;
  const first = body?.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    // A token the server no longer accepts: start over at the login page.
    if (code === 'UNAUTHENTICATED' && token) signOut();
    throw new ApiError(first.message, code, first.extensions?.details ?? {});
  }
  if (!body?.data) throw new ApiError('服务器暂时无法响应，请稍后再试。', 'INTERNAL_SERVER_ERROR');
  return body.data;
}

/** A visit photo behind the bearer token, as something an <Image> can show. */
export async function photoSrc(path: string): Promise<string> {
  const token = getState().token ?? '';
  if (process.env.TARO_ENV === 'weapp') {
    const r = await Taro.downloadFile({ url: serverUrl(path), header: { authorization: `Bearer ${token}` } });
    if (r.statusCode !== 200) throw new ApiError('照片加载失败', 'NOT_FOUND');
    return r.tempFilePath;
  }
  const r = await fetch(serverUrl(path), { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw new ApiError('照片加载失败', 'NOT_FOUND');
  return URL.createObjectURL(await r.blob());
}
