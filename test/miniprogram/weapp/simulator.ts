// Runs the Taro weapp build (miniprogram/dist/weapp) headlessly in miniprogram-simulate: the
// app's own JS chunks, its WXML compiled by WeChat's wcc (which miniprogram-simulate ships) and
// rendered by j-component into a jsdom document. WeChat's globals are provided here: `wx` (the
// simulate mock, with request forwarded to a real server, storage in a Map and navigation
// recorded), `App`, `Page` (each page becomes a j-component component whose lifetimes drive the
// Taro page lifecycle), `getApp`, `getCurrentPages` and `requirePlugin`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { distDir } from '../build.js';

const require = createRequire(import.meta.url);

export const WEAPP_DIST = distDir('weapp');

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack';
  url?: string;
}

export interface RecordedRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
  statusCode?: number;
}

/** A rendered node of j-component (a subset of its API). */
export interface SimNode {
  dom: HTMLElement;
  data: Record<string, unknown>;
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  dispatchEvent(name: string, options?: Record<string, unknown>): void;
  attach(parent: Element): void;
  detach(): void;
}

export interface OpenPage {
  /** The page as rendered from its WXML. */
  root: SimNode;
  /** All text rendered by the page. */
  text(): string;
  /** Texts of the nodes the selector matches (j-component selectors, classes unprefixed). */
  texts(selector: string): string[];
  /** Taps the node (a `tap` event through the WXML `bindtap`, as WeChat sends it). */
  tap(node: SimNode): void;
  /** Unloads the page (Taro's onUnload) and removes it from the document. */
  close(): void;
}

export interface Weapp {
  storage: Map<string, unknown>;
  navigations: Navigation[];
  requests: RecordedRequest[];
  /** Opens a page of app.json (e.g. 'pages/guide/index') with the given query, as WeChat does. */
  open(pagePath: string, query?: Record<string, string>): Promise<OpenPage>;
}

type Fn = (...args: any[]) => any;
type Callbacks = { success?: Fn; fail?: Fn; complete?: Fn };

/** Resolves when cond() holds; otherwise fails after `ms` with what `describe()` says. */
export async function waitFor(cond: () => boolean, describe: () => string, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let booted: Weapp | null = null;

/**
 * Boots the weapp once per process (Taro's runtime and the app's webpack chunks are global
 * state): jsdom globals, the `wx` API, then app.js and App's onLaunch/onShow.
 * `serverUrl`: where requests go (the origin of every wx.request URL is rewritten to it).
 * `storage`: the wx storage at launch (e.g. a logged-in session).
 */
export function bootWeapp(serverUrl: string, storage: Record<string, unknown> = {}): Weapp {
  if (booted) throw new Error('the weapp runtime can only be booted once per process');
  const g = globalThis as any;

  // j-component renders into a DOM with jsdom's Event/CustomEvent. Only the browser globals it
  // needs are installed, so the server running in this process keeps Node's own globals
  // (vitest's jsdom environment replaces Uint8Array & co., which breaks the server's JWTs).
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  for (const k of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'TouchEvent'])
    g[k] = dom.window[k];

  // Registers the built-in components and sets global.wx to its API mock.
  const simulate = require('miniprogram-simulate');
  const wx = g.wx;

  const store = new Map<string, unknown>(Object.entries(storage));
  wx.getStorageSync = (key: string) => (store.has(key) ? store.get(key) : '');
  wx.setStorageSync = (key: string, value: unknown) => void store.set(key, value);
  wx.removeStorageSync = (key: string) => void store.delete(key);
  wx.clearStorageSync = () => store.clear();

  const navigations: Navigation[] = [];
  for (const api of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'] as const) {
    wx[api] = (o: Callbacks & { url?: string } = {}) => {
      navigations.push({ api, url: o.url });
      const res = { errMsg: `${api}:ok` };
      o.success?.(res);
      o.complete?.(res);
    };
  }

  // wx.request on a real server: success for any HTTP status, fail only when the request failed.
  const requests: RecordedRequest[] = [];
  const base = new URL(serverUrl);
  wx.request = (
    o: Callbacks & {
      url: string;
      method?: string;
      header?: Record<string, string>;
      data?: unknown;
      timeout?: number;
      dataType?: string;
    },
  ) => {
    const target = new URL(o.url);
    target.protocol = base.protocol;
    target.host = base.host;
    const method = (o.method ?? 'GET').toUpperCase();
    const header = { ...(o.header ?? {}) };
    const record: RecordedRequest = { url: o.url, method, header, data: o.data };
    requests.push(record);
    let body: string | undefined;
    if (method === 'GET') {
      if (o.data && typeof o.data === 'object')
        for (const [k, v] of Object.entries(o.data)) target.searchParams.set(k, String(v));
    } else if (o.data !== undefined) {
      body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data);
      if (!Object.keys(header).some((k) => k.toLowerCase() === 'content-type'))
        header['content-type'] = 'application/json';
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), o.timeout ?? 60_000);
    fetch(target, { method, headers: header, body, signal: abort.signal })
      .then(async (r) => {
        const text = await r.text();
        let data: unknown = text;
        if (o.dataType !== 'text') {
          try {
            data = JSON.parse(text);
          } catch {
            // Not JSON: WeChat hands over the text.
          }
        }
        record.statusCode = r.status;
        const responseHeader: Record<string, string> = {};
        r.headers.forEach((value, key) => (responseHeader[key] = value));
        return { data, statusCode: r.status, header: responseHeader, cookies: [], errMsg: 'request:ok' };
      })
      .then(
        (res) => {
          o.success?.(res);
          o.complete?.(res);
        },
        (err: unknown) => {
          const res = { errMsg: `request:fail ${String(err)}` };
          o.fail?.(res);
          o.complete?.(res);
        },
      )
      .finally(() => clearTimeout(timer));
    return {
      abort: () => abort.abort(),
      onHeadersReceived() {},
      offHeadersReceived() {},
      onChunkReceived() {},
      offChunkReceived() {},
    };
  };

  let app: any = null;
  const pages: any[] = [];
  g.App = (options: unknown) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages.slice();
  g.requirePlugin = () => ({});
  g.__wxConfig = { envVersion: 'develop', platform: 'devtools' };

  // A page's Page(options) runs while miniprogram-simulate loads the page's JS; it is registered
  // as a component whose lifetimes play WeChat's page lifecycle with the query of the opening.
  let pendingQuery: Record<string, string> = {};
  let loadingRoute = '';
  g.Page = (options: Record<string, unknown>) => {
    const route = loadingRoute;
    const methods: Record<string, Fn> = {};
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v as Fn;
    g.Component({
      data: options.data,
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = this.__route__ = route;
          this.options = pendingQuery;
          pages.push(this);
          this.onLoad(pendingQuery);
          this.onShow();
        },
        ready(this: any) {
          this.onReady();
        },
        detached(this: any) {
          this.onHide();
          this.onUnload();
          pages.splice(pages.indexOf(this), 1);
        },
      },
    });
  };

  // app.js loads common.js, vendors.js, taro.js and runtime.js, then calls App().
  require(path.join(WEAPP_DIST, 'app.js'));
  if (!app) throw new Error('app.js did not call App()');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
  app.onLaunch(launch);
  app.onShow(launch);

  const loaded = new Map<string, string>();
  const weapp: Weapp = {
    storage: store,
    navigations,
    requests,
    async open(pagePath, query = {}) {
      // The webpack module of a page runs once, so each page is registered once. (A second page
      // re-registers Taro's recursive `comp` component, which only deep trees need.)
      let id = loaded.get(pagePath);
      if (!id) {
        loadingRoute = pagePath;
        id = simulate.load(path.join(WEAPP_DIST, pagePath), pagePath.replace(/\W+/g, '-'), {
          rootPath: WEAPP_DIST,
          compiler: 'official',
          compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
        }) as string;
        loaded.set(pagePath, id);
      }
      pendingQuery = { ...query };
      const root = simulate.render(id) as SimNode;
      const parent = document.createElement('page-wrapper');
      document.body.appendChild(parent);
      root.attach(parent);
      return {
        root,
        text: () => root.dom.textContent ?? '',
        texts: (selector) => root.querySelectorAll(selector).map((n) => n.dom.textContent ?? ''),
        tap: (node) => node.dispatchEvent('tap'),
        close: () => {
          root.detach();
          parent.remove();
        },
      };
    },
  };
  booted = weapp;
  return weapp;
}
