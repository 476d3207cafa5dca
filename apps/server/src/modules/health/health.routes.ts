import { healthSchema } from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

export function healthRoutes(db: Kysely<DB>, kind: DatabaseKind): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { schema: { hide: true, response: { 200: healthSchema } } }, async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: kind };
    });
  };
}
