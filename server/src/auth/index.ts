// What other areas may use of auth. Anything not exported here is the area's own.
export { requireActor } from './actor.js';
export { ActorCache } from './actor-cache.js';
export type { Actor } from './actor.js';
export { actorFromAuthorization } from './auth.service.js';
export { claimCodeAttempt } from './auth.store.js';
export { authenticateRequest } from './bot-acting-for.js';
export type { ActingHeaders } from './bot-acting-for.js';
export { authorize, outOfScopeMessage, withinScope } from './permissions.js';
export type { Action, Grant, Target } from './permissions.js';
