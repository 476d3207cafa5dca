import { errorSchema, outboxListSchema } from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { OutboxService } from './outbox.service.ts';

export function outboxRoutes(outbox: OutboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/outbox',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Mails kept in the local outbox when no SMTP server is configured (staff: their networks)',
          response: { 200: outboxListSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
        },
      },
      async (request) => ({ messages: await outbox.list(requirePerson(request)) }),
    );
  };
}
