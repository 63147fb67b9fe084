// Prisma 7 reads no .env and keeps no url in the schema. The CLI is used only for `generate` here;
// migrations go through server/src/db/migrate.ts (the native schema engine cannot be downloaded).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
