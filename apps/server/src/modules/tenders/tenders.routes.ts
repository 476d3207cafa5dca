import {
  consortiumRunSchema,
  cpvMappingSchema,
  createTenderRequest,
  errorSchema,
  importBoampRequest,
  importTenderRequest,
  runConsortiumRequest,
  slugParams,
  tenderDetailSchema,
  tenderListSchema,
  tenderParams,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { TendersService } from './tenders.service.ts';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  503: errorSchema,
};
const base = '/api/networks/:slug/tenders';

export function tendersRoutes(tenders: TendersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags: ['tenders'],
          summary: 'Tenders of a network',
          params: slugParams,
          response: { 200: tenderListSchema, ...errors },
        },
      },
      async (request) => tenders.list(requirePerson(request), request.params.slug),
    );

    app.post(
      base,
      {
        schema: {
          tags: ['tenders'],
          summary: 'Enter a tender by hand: lots and their requirements (staff, member companies)',
          params: slugParams,
          body: createTenderRequest,
          response: { 201: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await tenders.create(requirePerson(request), request.params.slug, request.body)),
    );

    app.post(
      `${base}/import`,
      {
        schema: {
          tags: ['tenders'],
          summary:
            'Import an eForms contract notice (XML); a bad file is refused whole (staff, member companies)',
          params: slugParams,
          body: importTenderRequest,
          response: {
            201: z.object({ id: z.uuid(), unmappedCpv: z.record(z.string(), z.array(z.string())) }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await tenders.importNotice(requirePerson(request), request.params.slug, request.body)),
    );

    app.post(
      `${base}/import-boamp`,
      {
        schema: {
          tags: ['tenders'],
          summary:
            'Import a French BOAMP notice (a JSON record of the open data); a bad file is refused whole (staff, member companies)',
          params: slugParams,
          body: importBoampRequest,
          response: {
            201: z.object({ id: z.uuid(), unmappedCpv: z.record(z.string(), z.array(z.string())) }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await tenders.importBoamp(
              requirePerson(request),
              request.params.slug,
              request.body,
              request.locale,
            ),
          ),
    );

    app.get(
      `${base}/cpv-mapping`,
      {
        schema: {
          tags: ['tenders'],
          summary: 'The network’s CPV → competence mapping',
          params: slugParams,
          response: { 200: cpvMappingSchema, ...errors },
        },
      },
      async (request) => tenders.getMapping(requirePerson(request), request.params.slug),
    );

    app.put(
      `${base}/cpv-mapping`,
      {
        schema: {
          tags: ['tenders'],
          summary: 'Replace the network’s CPV → competence mapping (staff)',
          params: slugParams,
          body: cpvMappingSchema,
          response: { 200: cpvMappingSchema, ...errors },
        },
      },
      async (request) => tenders.saveMapping(requirePerson(request), request.params.slug, request.body),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags: ['tenders'],
          summary: 'A tender: its lots, requirements and the last proposed groupings',
          params: tenderParams,
          response: { 200: tenderDetailSchema, ...errors },
        },
      },
      async (request) => tenders.get(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      `${base}/:id/consortium`,
      {
        schema: {
          tags: ['tenders'],
          summary:
            'Run the consortium builder: the best groupings of member companies and each requirement’s coverage (staff)',
          params: tenderParams,
          body: runConsortiumRequest,
          response: { 200: consortiumRunSchema, ...errors },
        },
      },
      async (request) =>
        tenders.runConsortium(requirePerson(request), request.params.slug, request.params.id, request.body),
    );
  };
}
