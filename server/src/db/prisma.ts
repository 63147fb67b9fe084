// The only door to the generated Prisma client. Data-access code (services, loaders, seed, db)
// imports from here; resolvers and types never do.
export * from '../../../schema/generated/prisma/client.js';
export { Prisma } from '../../../schema/generated/prisma/client.js';
