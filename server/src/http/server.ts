import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { type Actor, authenticateRequest, type ActingHeaders } from '../auth/index.js';
import { createContext, type AppServices, type Context } from '../app/context.js';
import { defaultMessage, DomainError, ErrorCode } from '../common/errors.js';
import { sandboxResponsePlugin, withSandboxRecord } from '../common/sandbox.js';
import { handleAdminPage } from './admin-page.js';
import { BodyTooLarge, readBody, sendJson } from './io.js';
import { PAYMENT_NOTIFY_PATH } from '../payments/index.js';
import { handlePaymentNotify } from './payments.route.js';
import { handleFiles } from './files.route.js';
import { handleDeviceEvents } from './devices.route.js';
import { handleCareBedExports } from './carebeds-exports.route.js';
import { handleExports } from './exports.route.js';
import { handleAnalysisExport } from './analysis-exports.route.js';
import { CONSOLE_DIST, h5Handler, staticHandler } from './h5.route.js';
import { inputValidationPlugin, wsOperationArgs } from './input-validation.js';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
const PARSE_OPTIONS = { maxTokens: 3000 };

/** Turns a bearer token into a context; a present but bad token is an error, not an anonymous call. */
const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) || undefined;
};

async function contextFor(
  app: AppServices,
  authorization: string | undefined,
  acting?: ActingHeaders,
): Promise<Context> {
  const requestId = randomUUID();
  try {
    const actor = await authenticateRequest(app, authorization, acting);
    return createContext(app, actor, requestId);
  } catch (err) {
    if (err instanceof DomainError && err.code !== ErrorCode.UNAUTHENTICATED)
      throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: 403 } } });
    if (!(err instanceof DomainError)) throw err;
    throw new GraphQLError(err.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

/**
 * Every error leaves with a stable code and a Chinese message. Domain errors pass as they are;
 * validation of the request itself becomes BAD_USER_INPUT; anything unexpected is logged and
 * masked, so no internals or stack traces reach a client.
 */
export function formatError(app: AppServices) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    // Resolver errors arrive wrapped; those thrown before execution (input-validation.ts) do not.
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (code === 'BAD_USER_INPUT' && (original as { name?: string })?.name === 'ArgumentValidationError') {
      const details =
        (original as { extensions?: { validationErrors?: { property: string }[] } }).extensions?.validationErrors ?? [];
      const fields = details.map((d) => d.property).join('、');
      return {
        message: `填写的信息有误${fields ? `（${fields}）` : ''}，请检查后重新提交。`,
        path: formatted.path,
        extensions: { code, fields: details.map((d) => d.property) },
      };
    }
    if (code === ErrorCode.BAD_USER_INPUT && !(original instanceof DomainError)) {
      // Apollo's own input errors (variables that do not fit the schema) arrive in English.
      return {
        message: `请求参数有误：${formatted.message}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    if (KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      // Apollo prefixes errors thrown while building the context ("Context creation failed: "),
      // which a user would see in English before the Chinese message: send the domain's own.
      const message = formatted.message.replace(/^Context creation failed: /, '');
      return { ...formatted, message, extensions };
    }
    if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
      return {
        message: `请求格式有误：${formatted.message}`,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code },
      };
    }
    if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE') {
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    app.logger.error({ err: error, path: formatted.path }, 'unexpected error in GraphQL operation');
    return {
      message: defaultMessage(ErrorCode.INTERNAL_SERVER_ERROR),
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

export interface HttpApp {
  server: Server;
  apollo: ApolloServer<Context>;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

export async function createHttpApp(app: AppServices, schema: GraphQLSchema): Promise<HttpApp> {
  // Idle keep-alive connections stay open longer than any client or proxy keeps them (a load
  // balancer's 60 s, undici's 4 s), so the client always closes first: a server that closes an
  // idle socket just as the client reuses it turns a good request into ECONNRESET.
  const server = createServer({ keepAliveTimeout: 65_000 });
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    costLimit: { maxCost: 20_000 },
    // Token limits are graphql-js's own parse option (PARSE_OPTIONS): armor's plugin throws a
    // syntax error from outside Apollo's parse step, which then answers HTTP 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: app.config.production },
  });
  const protection = armor.protect();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const wsArgs = wsOperationArgs(schema, protection.validationRules, PARSE_OPTIONS);
  const wsCleanup = useServer<Record<string, unknown> | undefined, { actor?: Actor | null }>(
    {
      schema,
      // Browsers cannot set headers on a WebSocket, so the token comes in connectionParams; a bad
      // one closes the socket (4403) before any operation runs.
      onConnect: async (ctx) => {
        const auth = (ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization) as string | undefined;
        try {
          ctx.extra.actor = (await contextFor(app, auth)).actor;
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (_ctx, _id, payload) => wsArgs(payload),
      context: (ctx) => createContext(app, ctx.extra.actor ?? null, randomUUID()),
    },
    wss,
  );
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !app.config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: PARSE_OPTIONS,
    // main.ts owns SIGINT/SIGTERM: Apollo's own handler stopped the server a second time, its stop never
    // settled, and the process left without closing the database (the data folder stayed held).
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    formatError: formatError(app),
    // Apollo pretty-prints every response by default; clients parse JSON, so the indentation is pure cost.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // No field carries a cache hint (responses are per caller), so the default cache-control plugin, which
      // hooks every field resolved, does nothing but cost time.
      ApolloServerPluginCacheControlDisabled(),
      // graphql-armor ships CommonJS typings of the same Apollo types.
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's landing page loads its scripts and fonts from Apollo's CDN and Google; /admin is ours.
      ApolloServerPluginLandingPageDisabled(),
      inputValidationPlugin<Context>(),
      sandboxResponsePlugin<Context>(),
      {
        async serverWillStart() {
          return { drainServer: async () => void (await wsCleanup.dispose()) };
        },
      },
    ],
  });
  await apollo.start();

  const h5 = h5Handler(app.config.h5Dir);
  const consoleApp = staticHandler('/console', CONSOLE_DIST);
  server.on('request', (req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, err.body);
      app.logger.error({ err }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [
            { message: defaultMessage(ErrorCode.INTERNAL_SERVER_ERROR), extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ],
        });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', database: app.db.kind });
    // The query page is for admins on demo and staging machines; production turns it off.
    if (!app.config.production && handleAdminPage(req, res)) return;
    if (
      url.pathname === '/graphql' &&
      req.method === 'GET' &&
      !app.config.production &&
      (req.headers.accept ?? '').includes('text/html')
    ) {
      res.writeHead(302, { location: '/admin' });
      return res.end();
    }
    if (h5?.(req, res, url.pathname)) return;
    if (consoleApp?.(req, res, url.pathname)) return;
    if (url.pathname === PAYMENT_NOTIFY_PATH) return handlePaymentNotify(app, req, res);
    if (await handleFiles(app, req, res, url.pathname)) return;
    if (await handleDeviceEvents(app, req, res, url.pathname)) return;
    if (await handleCareBedExports(app, req, res, url.pathname)) return;
    if (await handleAnalysisExport(app, req, res, url)) return;
    if (await handleExports(app, req, res, url.pathname)) return;
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });

    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = raw;
    if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, {
          errors: [{ message: '请求体不是合法的 JSON。', extensions: { code: 'BAD_USER_INPUT' } }],
        });
      }
    }
    const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const response = await withSandboxRecord(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: () =>
          contextFor(app, req.headers.authorization, {
            contactId: header(req, 'x-acting-for'),
            roomId: header(req, 'x-acting-in-room'),
          }),
      }),
    );
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of response.headers) outHeaders[k] = v;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') return res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    server,
    apollo,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          const actual = typeof addr === 'object' && addr ? addr.port : port;
          if (!app.config.publicUrl) app.urls.public = `http://${host}:${actual}`;
          resolve({ url: `http://${host}:${actual}/graphql`, port: actual });
        });
      }),
    close: async () => {
      await apollo.stop();
      wss.close();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
