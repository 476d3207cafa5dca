import {
  errorSchema,
  sireneRegisterPageSchema,
  sireneRegisterQuery,
  sireneTakeInRequest,
  sireneTakeInResultSchema,
  slugParams,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { SireneRegisterService } from './sirene-register.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export function sireneRegisterRoutes(register: SireneRegisterService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/networks/:slug/sirene-register',
      {
        schema: {
          tags: ['directory'],
          summary: 'Search the network’s SIRENE register, 50 establishments a page (staff)',
          params: slugParams,
          querystring: sireneRegisterQuery,
          response: { 200: sireneRegisterPageSchema, ...errors },
        },
      },
      async (request) => register.page(requirePerson(request), request.params.slug, request.query),
    );

    app.post(
      '/api/networks/:slug/sirene-register/members',
      {
        schema: {
          tags: ['directory'],
          summary:
            'Make establishments of the SIRENE register members of the network: chosen SIRETs, or every active one a search finds (staff)',
          params: slugParams,
          body: sireneTakeInRequest,
          response: { 200: sireneTakeInResultSchema, ...errors },
        },
      },
      async (request) => register.takeIn(requirePerson(request), request.params.slug, request.body),
    );
  };
}
