import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations from db/schema.ts; applying them is db/migrate.ts's job.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
