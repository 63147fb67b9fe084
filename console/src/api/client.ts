// The console's GraphQL client: fetch to /graphql on the same origin, the session's bearer token,
// and server errors as ApiError carrying the stable extensions.code and the server's Chinese message.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql/language/printer';

const TOKEN_KEY = 'yilian.console.token';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

const printed = new WeakMap<object, string>();
const source = (doc: object) => {
  let text = printed.get(doc);
  if (!text) printed.set(doc, (text = print(doc as never)));
  return text;
};

let onSignedOut: () => void = () => {};
/** The app registers what to do when the server no longer accepts the token. */
export function whenSignedOut(fn: () => void) {
  onSignedOut = fn;
}

const authHeader = (): Record<string, string> => {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
};

export async function gql<R, V extends Record<string, unknown> = Record<string, never>>(
  doc: TypedDocumentNode<R, V>,
  variables?: V,
): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader() },
      body: JSON.stringify({ query: source(doc), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('网络连接失败，请检查网络后重试。', 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as {
    data?: R;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const first = body?.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && session.token()) {
      session.clear();
      onSignedOut();
    }
    throw new ApiError(first.message, code);
  }
  if (!body?.data) throw new ApiError('服务器暂时无法响应，请稍后再试。', 'INTERNAL_SERVER_ERROR');
  return body.data;
}

/**
 * A server file (/exports/...) fetched with the console's own token: a plain link would carry no
 * bearer header and get 401. Returns the blob and the file name the server gave it.
 */
export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(path, { headers: authHeader() });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new ApiError(body?.errors?.[0]?.message ?? `下载失败（${res.status}）`, String(res.status));
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  return { blob: await res.blob(), filename: m ? decodeURIComponent(m[1]) : path.split('/').pop()! };
}

/** Saves a blob through a temporary link, as the browser's own download. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
