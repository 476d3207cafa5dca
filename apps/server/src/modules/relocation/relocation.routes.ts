import {
  createExternalSupplierRequest,
  errorSchema,
  externalSupplierParams,
  externalSupplierSchema,
  externalSupplierStatusRequest,
  relocationDashboardSchema,
  relocationOverviewSchema,
  slugParams,
  supplierProposalListSchema,
  updateExternalSupplierRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { RelocationService } from './relocation.service.ts';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
const base = '/api/networks/:slug/relocation';
const lines = `${base}/suppliers`;
const tags = ['relocation'];

export function relocationRoutes(service: RelocationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            "My companies' outside suppliers (every member's for staff) and the network's totals when they reveal no member",
          params: slugParams,
          response: { 200: relocationOverviewSchema, ...errors },
        },
      },
      async (request) => service.overview(requirePerson(request), request.params.slug),
    );

    app.get(
      `${base}/dashboard`,
      {
        schema: {
          tags,
          summary:
            'The relocation challenge (staff): lines replaced, amount listed and brought back, per département, member and year',
          params: slugParams,
          response: { 200: relocationDashboardSchema, ...errors },
        },
      },
      async (request) => service.dashboard(requirePerson(request), request.params.slug),
    );

    app.post(
      lines,
      {
        schema: {
          tags,
          summary: 'List a supplier my company buys from outside the network (what, yearly amount)',
          params: slugParams,
          body: createExternalSupplierRequest,
          response: { 201: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.create(requirePerson(request), request.params.slug, request.body)),
    );

    app.get(
      `${lines}/:id`,
      {
        schema: {
          tags,
          summary: 'One outside supplier of my company (or of a member, for staff)',
          params: externalSupplierParams,
          response: { 200: externalSupplierSchema, ...errors },
        },
      },
      async (request) => service.getLine(requirePerson(request), request.params.slug, request.params.id),
    );

    app.patch(
      `${lines}/:id`,
      {
        schema: {
          tags,
          summary: 'Change an outside supplier of my company',
          params: externalSupplierParams,
          body: updateExternalSupplierRequest,
          response: { 200: externalSupplierSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        await service.update(person, slug, id, request.body);
        return service.getLine(person, slug, id);
      },
    );

    app.post(
      `${lines}/:id/status`,
      {
        schema: {
          tags,
          summary:
            'Mark an outside supplier in talks, replaced by a member company (with the yearly amount brought back), dropped or open',
          params: externalSupplierParams,
          body: externalSupplierStatusRequest,
          response: { 200: externalSupplierSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        await service.setStatus(person, slug, id, request.body);
        return service.getLine(person, slug, id);
      },
    );

    app.delete(
      `${lines}/:id`,
      {
        schema: {
          tags,
          summary: 'Delete an outside supplier of my company',
          params: externalSupplierParams,
          response: { 200: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request) => {
        await service.remove(requirePerson(request), request.params.slug, request.params.id);
        return { id: request.params.id };
      },
    );

    app.get(
      `${lines}/:id/candidates`,
      {
        schema: {
          tags,
          summary:
            'Member companies able to supply it, with why (matched words and competences, NAF, certifications, distance)',
          params: externalSupplierParams,
          response: { 200: supplierProposalListSchema, ...errors },
        },
      },
      async (request) => service.candidates(requirePerson(request), request.params.slug, request.params.id),
    );
  };
}
