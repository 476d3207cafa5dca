import {
  aidSchemeListQuery,
  aidSchemeListSchema,
  aidSchemeParams,
  aidSchemeSchema,
  createAidSchemeRequest,
  errorSchema,
  myAidSchemesSchema,
  projectAidSchemesQuery,
  projectAidSchemesSchema,
  projectParams,
  slugParams,
  updateAidSchemeRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { AidSchemesService } from './aid-schemes.service.ts';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
const base = '/api/networks/:slug/aid-schemes';
const tags = ['aid-schemes'];

export function aidSchemesRoutes(service: AidSchemesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: "The network's catalogue of aid schemes, and its federation's (archived ones for staff)",
          params: slugParams,
          querystring: aidSchemeListQuery,
          response: { 200: aidSchemeListSchema, ...errors },
        },
      },
      async (request) =>
        service.list(requirePerson(request), request.params.slug, request.query.archived === '1'),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Add an aid scheme with its eligibility rule (staff)',
          params: slugParams,
          body: createAidSchemeRequest,
          response: { 201: aidSchemeSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.create(requirePerson(request), request.params.slug, request.body)),
    );

    app.get(
      `${base}/for-me`,
      {
        schema: {
          tags,
          summary: 'For each of my organisations, the open schemes it may claim, and why',
          params: slugParams,
          response: { 200: myAidSchemesSchema, ...errors },
        },
      },
      async (request) => service.forMe(requirePerson(request), request.params.slug),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'One aid scheme',
          params: aidSchemeParams,
          response: { 200: aidSchemeSchema, ...errors },
        },
      },
      async (request) => service.get(requirePerson(request), request.params.slug, request.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Change an aid scheme (staff of the network that keeps it)',
          params: aidSchemeParams,
          body: updateAidSchemeRequest,
          response: { 200: aidSchemeSchema, ...errors },
        },
      },
      async (request) =>
        service.update(requirePerson(request), request.params.slug, request.params.id, request.body),
    );

    app.post(
      `${base}/:id/archive`,
      {
        schema: {
          tags,
          summary: 'Archive an aid scheme: members no longer see it (staff)',
          params: aidSchemeParams,
          response: { 200: aidSchemeSchema, ...errors },
        },
      },
      async (request) =>
        service.setArchived(requirePerson(request), request.params.slug, request.params.id, true),
    );

    app.post(
      `${base}/:id/restore`,
      {
        schema: {
          tags,
          summary: 'Bring an archived aid scheme back (staff)',
          params: aidSchemeParams,
          response: { 200: aidSchemeSchema, ...errors },
        },
      },
      async (request) =>
        service.setArchived(requirePerson(request), request.params.slug, request.params.id, false),
    );

    app.get(
      '/api/networks/:slug/projects/:id/aid-schemes',
      {
        schema: {
          tags,
          summary: 'The open schemes a collective project may claim, and why (for those who see the project)',
          params: projectParams,
          querystring: projectAidSchemesQuery,
          response: { 200: projectAidSchemesSchema, ...errors },
        },
      },
      async (request) =>
        service.forProject(
          requirePerson(request),
          request.params.slug,
          request.params.id,
          request.query.amountCents ?? null,
        ),
    );
  };
}
