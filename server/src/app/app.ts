import { createHmac } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { LocalFileStorage } from '../files/storage.js';
import { createAlertBus } from '../alerts/alert-bus.js';
import {
  SANDBOX_TEMPLATES,
  SandboxSubscribeMessageSender,
  WechatSubscribeMessageClient,
} from '../notices/subscribe-message.js';
import { SandboxWechatSessionClient, HttpWechatSessionClient } from '../auth/wechat.client.js';
import { createSmsSender } from '../auth/sms.js';
import { TokenService } from '../auth/token.js';
import { ActorCache } from '../auth/actor-cache.js';
import { CatalogueCache } from '../catalogue/index.js';
import { syncPolicies } from '../catalogue/catalogue.service.js';
import type { Config } from '../common/config.js';
import type { AppServices } from './context.js';
import { EventBus } from '../common/events.js';
import { createLogger, type Logger } from '../common/logger.js';
import { checkSandboxes } from '../common/sandbox.js';
import { databaseTarget, openDatabase, type Database } from '../db/database.js';
import { IdNumberVault } from '../elders/id-crypto.js';
import { createHttpApp, type HttpApp } from '../http/server.js';
import { allPolicies } from '../policies/documents/index.js';
import { syncRegions } from '../regions/regions.service.js';
import { getSchema } from './graphql-schema.js';
import { REGIONS } from '../seed/regions.data.js';
import { createPaymentGateway } from '../payments/payment.gateway.js';
import { registerWalletListeners } from '../wallet/wallet.events.js';
import { registerOrderListeners } from '../orders/orders.events.js';
import { registerCreditListeners } from '../credit/credit.events.js';
import { seedDemo } from '../seed/seed.js';
import { demoMonthStart, seedFinishedMonth } from '../seed/demo-month.js';

export interface App {
  services: AppServices;
  http: HttpApp;
  close(): Promise<void>;
}

/**
 * The app clock. Production reads the system time; tests and demos pass their own, so every
 * domain decision (today's date, the month, deadlines) follows one settable instant.
 */
export const systemClock = (): Date => new Date();

export function buildServices(
  config: Config,
  db: Database,
  logger: Logger = createLogger(),
  clock: () => Date = systemClock,
): AppServices {
  // Production stops here on a sandbox, unless YILIAN_DEMO=1 (then it warns).
  checkSandboxes(config, logger);
  return {
    config,
    db,
    logger,
    // A listener's failure does not undo the change that raised the event; it is logged for
    // the daily sweeps (clearing, refunds) to make good.
    events: new EventBus((err, event) => logger.error({ err, event }, 'event listener failed')),
    clock,
    payments: createPaymentGateway(config.wechatPay),
    alertBus: createAlertBus(config.redisUrl),
    messages: config.wechat
      ? {
          sender: new WechatSubscribeMessageClient(config.wechat.appId, config.wechat.appSecret),
          templates: config.subscribeTemplates ?? {},
        }
      : { sender: new SandboxSubscribeMessageSender(), templates: config.subscribeTemplates ?? SANDBOX_TEMPLATES },
    files: new LocalFileStorage(config.filesDir ?? path.join(os.tmpdir(), 'yilian-files')),
    visits: {
      qrKey: createHmac('sha256', config.secrets.jwtSecret).update('home-qr').digest('base64'),
      geofenceMeters: config.geofenceMeters ?? 300,
    },
    urls: { public: config.publicUrl ?? `http://${config.host}:${config.port}` },
    tokens: new TokenService(config.secrets.jwtSecret, config.tokenTtlSeconds),
    actors: new ActorCache(db.prisma, config.sessionCacheMs ?? 10_000),
    catalogue: new CatalogueCache(config.catalogueCacheMs ?? 30_000),
    vault: new IdNumberVault(config.secrets.idEncryptionKey, config.secrets.idHashKey),
    // Real code2session only with credentials; the sandbox is for demo machines and tests.
    wechat: config.wechat
      ? new HttpWechatSessionClient(config.wechat.appId, config.wechat.appSecret)
      : new SandboxWechatSessionClient(config.secrets.wechatSandboxSecret),
    // The operator's SMS gateway when configured; the sandbox hands the code back only in demo mode.
    sms: createSmsSender(config.sms),
  };
}

/**
 * Keeps the reference data (the region tree and the programmes) current, which every start does,
 * and with `seed` fills an empty database with the demo data (a database with users is left alone).
 */
export async function prepareData(
  services: AppServices,
  opts: { seed: boolean; demoMonth?: boolean },
): Promise<{ seeded: boolean }> {
  await syncRegions(services.db.prisma, REGIONS);
  await syncPolicies(services.db.prisma, allPolicies);
  services.catalogue.clear();
  if (!opts.seed) return { seeded: false };
  if (!opts.demoMonth) return seedDemo(services, { elders: services.config.seedElders });
  // With last month finished: the seed is laid down as of the 1st of last month (enrolments and
  // that month's allowance), then last month's visits, complaint, evaluation and statement.
  const start = demoMonthStart(services.clock());
  const seeded = await seedDemo({ ...services, clock: () => start }, { elders: services.config.seedElders });
  if (seeded.seeded) await seedFinishedMonth(services);
  return seeded;
}

/**
 * Opens (and migrates) the database, loads the programmes' policy documents, seeds demo data on
 * an empty demo database, and builds the HTTP + WebSocket server. Does not listen.
 */
export async function buildApp(
  config: Config,
  opts: {
    db?: Database;
    logger?: Logger;
    seed?: boolean;
    clock?: () => Date;
    /** Seed last month as a finished month of activity (npm start, the console's tests). */
    demoMonth?: boolean;
  } = {},
): Promise<App> {
  const db = opts.db ?? (await openDatabase(databaseTarget(config)));
  const services = buildServices(config, db, opts.logger, opts.clock);
  // Orders first: cancelled visits release their holds before the wallet is cleared and refunded.
  registerOrderListeners(services);
  registerWalletListeners(services);
  registerCreditListeners(services);
  await prepareData(services, { seed: opts.seed ?? config.demo, demoMonth: opts.demoMonth });
  const http = await createHttpApp(services, await getSchema());
  return {
    services,
    http,
    close: async () => {
      await http.close();
      await services.alertBus.close();
      if (!opts.db) await db.close();
    },
  };
}
