import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ADMIN_EXAMPLES } from './admin-examples.js';

const require = createRequire(import.meta.url);

// GraphiQL and React come from the project's own node_modules: no machine here reaches a CDN.
const ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.js': {
    file: path.join(path.dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.css': {
    file: path.join(path.dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
    type: 'text/css',
  },
  'react.production.min.js': {
    file: path.join(path.dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: path.join(path.dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
};

const escapeScript = (json: string) => json.replace(/</g, '\\u003c');

function page(): string {
  const tabs = ADMIN_EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ?? '', headers: '' }));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>颐联 · 管理查询台</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="stylesheet" href="/admin/assets/graphiql.min.css" />
<style>
  body { margin: 0; height: 100vh; font-family: system-ui, "WenQuanYi Micro Hei", sans-serif; }
  #bar { padding: 6px 12px; background: #0b5; color: #fff; font-size: 14px;
    display: flex; gap: 8px; align-items: center; }
  #bar input { width: 120px } #graphiql { height: calc(100vh - 40px); }
</style>
</head>
<body>
<div id="bar">
  <strong>颐联管理查询台</strong>
  <span>用户名</span><input id="u" value="district_admin" />
  <span>密码</span><input id="p" type="password" value="demo1234" />
  <button id="login">登录并带上令牌</button><span id="who"></span>
</div>
<div id="graphiql">加载中…</div>
<script src="/admin/assets/react.production.min.js"></script>
<script src="/admin/assets/react-dom.production.min.js"></script>
<script src="/admin/assets/graphiql.min.js"></script>
<script>
  const tabs = ${escapeScript(JSON.stringify(tabs))};
  let token = sessionStorage.getItem('yilian.token') || '';
  const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: {} });
  const authed = (params, opts) => fetcher(params, {
    ...opts,
    headers: { ...(opts && opts.headers), ...(token ? { Authorization: 'Bearer ' + token } : {}) },
  });
  function render() {
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher: authed, defaultTabs: tabs, defaultEditorToolsVisibility: true }));
  }
  document.getElementById('login').onclick = async () => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u:String!,$p:String!){ passwordLogin(username:$u,password:$p)'
          + '{ token user { displayName role } } }',
        variables: { u: document.getElementById('u').value, p: document.getElementById('p').value },
      }),
    });
    const body = await res.json();
    if (body.errors) { document.getElementById('who').textContent = body.errors[0].message; return; }
    token = body.data.passwordLogin.token; sessionStorage.setItem('yilian.token', token);
    document.getElementById('who').textContent = '已登录：' + body.data.passwordLogin.user.displayName;
  };
  render();
</script>
</body>
</html>`;
}

/** Serves the admin query page and its assets; returns false for any other path. */
export function handleAdminPage(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET') return false;
  if (url.pathname === '/admin' || url.pathname === '/admin/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page());
    return true;
  }
  const m = /^\/admin\/assets\/([\w.-]+)$/.exec(url.pathname);
  const asset = m ? ASSETS[m[1]] : undefined;
  if (!asset) return false;
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
  createReadStream(asset.file).pipe(res);
  return true;
}
