import {
  errorSchema,
  publicShowcaseSchema,
  showcaseAdminSchema,
  showcaseConsentParams,
  showcaseParams,
  showcaseQuery,
  updateShowcaseConsentRequest,
  updateShowcaseRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { ShowcaseService } from './showcase.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const base = '/api/networks/:slug/showcase';

/** The showcase: staff publish it, member companies choose what appears, anyone reads it. */
export function showcaseRoutes(showcase: ShowcaseService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags: ['showcase'],
          summary: 'The network’s showcase settings, and the consents of the person’s own companies',
          params: showcaseParams,
          response: { 200: showcaseAdminSchema, ...errors },
        },
      },
      async (request) => showcase.adminView(requirePerson(request), request.params.slug),
    );

    app.put(
      base,
      {
        schema: {
          tags: ['showcase'],
          summary: 'Publish or unpublish the showcase and write its text in French and English (staff)',
          params: showcaseParams,
          body: updateShowcaseRequest,
          response: { 200: showcaseAdminSchema, ...errors },
        },
      },
      async (request) => showcase.updateShowcase(requirePerson(request), request.params.slug, request.body),
    );

    app.put(
      `${base}/consents/:organisationId`,
      {
        schema: {
          tags: ['showcase'],
          summary: 'Choose what of a company appears on the showcase, part by part (the company’s leaders)',
          params: showcaseConsentParams,
          body: updateShowcaseConsentRequest,
          response: { 200: showcaseAdminSchema, ...errors },
        },
      },
      async (request) =>
        showcase.updateConsent(
          requirePerson(request),
          request.params.slug,
          request.params.organisationId,
          request.body,
        ),
    );

    app.get(
      `${base}/preview`,
      {
        schema: {
          tags: ['showcase'],
          summary: 'The showcase as the public will see it, published or not (staff)',
          params: showcaseParams,
          querystring: showcaseQuery,
          response: { 200: publicShowcaseSchema, ...errors },
        },
      },
      async (request) => showcase.preview(requirePerson(request), request.params.slug, request.query),
    );

    app.get(
      '/api/showcase/:slug',
      {
        schema: {
          tags: ['showcase'],
          summary:
            'The public showcase of a network, without an account: its collective offer and the consenting companies, searchable in French',
          params: showcaseParams,
          querystring: showcaseQuery,
          response: { 200: publicShowcaseSchema, ...errors },
        },
      },
      async (request) => showcase.publicView(request.params.slug, request.query),
    );
  };
}
