import type { Actor } from '../auth/actor.js';
import type { TokenService } from '../auth/token.js';
import type { ActorCache } from '../auth/actor-cache.js';
import type { CatalogueCache } from '../catalogue/index.js';
import type { WechatSessionClient } from '../auth/wechat.client.js';
import type { SmsSender } from '../auth/sms.js';
import type { Database } from '../db/database.js';
import type { PrismaClient } from '../db/prisma.js';
import type { IdNumberVault } from '../elders/id-crypto.js';
import type { PaymentGateway } from '../payments/payment.gateway.js';
import type { FileStorage } from '../files/storage.js';
import type { AlertBus } from '../alerts/alert-bus.js';
import type { SubscribeMessageSender, TemplateMap } from '../notices/subscribe-message.js';
import type { VisitConfig } from '../orders/visits.service.js';
import type { Config } from '../common/config.js';
import type { EventBus } from '../common/events.js';
import { createLoaders, type Loaders } from './loaders.js';
import { createPrefetch, type Prefetcher } from './prefetch.js';
import type { Logger } from '../common/logger.js';

/** Process-wide services, built once at start-up. */
export interface AppServices {
  config: Config;
  db: Database;
  tokens: TokenService;
  /** The accounts behind verified tokens, kept for `config.sessionCacheMs`. */
  actors: ActorCache;
  /** The service guide and service items, kept for `config.catalogueCacheMs`. */
  catalogue: CatalogueCache;
  vault: IdNumberVault;
  wechat: WechatSessionClient;
  /** SMS login codes for the H5 pages (sandbox unless a gateway is configured). */
  sms: SmsSender;
  logger: Logger;
  events: EventBus;
  /** Now; tests move it to walk past notice periods and month ends. */
  clock: () => Date;
  payments: PaymentGateway;
  files: FileStorage;
  /** Alert events for subscriptions (Redis across instances when configured). */
  alertBus: AlertBus;
  /** WeChat subscribe messages (sandbox without mini-program credentials) and the kind → template map. */
  messages: { sender: SubscribeMessageSender; templates: TemplateMap };
  visits: VisitConfig;
  /** Base URL others reach this server at (set when it starts listening unless configured). */
  urls: { public: string };
}

/** Per-request context: who is calling and a fresh set of DataLoaders. */
export interface Context {
  app: AppServices;
  prisma: PrismaClient;
  actor: Actor | null;
  loaders: Loaders;
  /** Look-ahead for the hottest lists: relations read with the rows, handed to `loaders`. */
  prefetch: Prefetcher;
  requestId: string;
}

export function createContext(app: AppServices, actor: Actor | null, requestId: string): Context {
  const loaders = createLoaders(app.db.prisma, app.catalogue);
  return { app, prisma: app.db.prisma, actor, loaders, prefetch: createPrefetch(loaders), requestId };
}
