import {
  applicationListSchema,
  applicationParams,
  applyRequest,
  competenceListSchema,
  createCompetenceRequest,
  createNetworkRequest,
  decideApplicationRequest,
  errorSchema,
  memberOrganisationListSchema,
  networkSettingsSchema,
  okSchema,
  openNetworkListSchema,
  publishCharterRequest,
  recordDuesRequest,
  slugParams,
  updateNetworkSettingsRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { MembershipService } from './membership.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function membershipRoutes(membership: MembershipService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/networks',
      {
        schema: {
          tags: ['networks'],
          summary:
            'Create a network (in a federation I run, or anywhere as an administrator); I become its staff',
          body: createNetworkRequest,
          response: { 201: z.object({ slug: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await membership.createNetwork(requirePerson(request), request.body)),
    );

    app.get(
      '/api/networks/:slug/settings',
      {
        schema: {
          tags: ['networks'],
          summary: 'Territory, fees, size rule, charter of a network',
          params: slugParams,
          response: { 200: networkSettingsSchema, ...errors },
        },
      },
      async (request) => membership.getSettings(requirePerson(request), request.params.slug),
    );

    app.patch(
      '/api/networks/:slug/settings',
      {
        schema: {
          tags: ['networks'],
          summary: 'Configure a network (staff)',
          params: slugParams,
          body: updateNetworkSettingsRequest,
          response: { 200: networkSettingsSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await membership.updateSettings(person, request.params.slug, request.body);
        return membership.getSettings(person, request.params.slug);
      },
    );

    app.post(
      '/api/networks/:slug/charter',
      {
        schema: {
          tags: ['networks'],
          summary: 'Publish a new version of the charter (staff)',
          params: slugParams,
          body: publishCharterRequest,
          response: {
            201: z.object({ version: z.number(), body: z.string(), createdAt: z.string() }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await membership.publishCharter(requirePerson(request), request.params.slug, request.body.body),
          ),
    );

    app.get(
      '/api/membership/open-networks',
      {
        schema: {
          tags: ['directory'],
          summary: 'Networks that accept applications, with their fees, size rule and charter',
          response: { 200: openNetworkListSchema, ...errors },
        },
      },
      async (request) => ({ networks: await membership.listOpenNetworks(requirePerson(request)) }),
    );

    app.post(
      '/api/networks/:slug/applications',
      {
        schema: {
          tags: ['directory'],
          summary: 'Apply to join a network for my company',
          params: slugParams,
          body: applyRequest,
          response: { 201: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await membership.apply(requirePerson(request), request.params.slug, request.body, request.locale),
          ),
    );

    app.get(
      '/api/networks/:slug/applications',
      {
        schema: {
          tags: ['directory'],
          summary: 'Membership applications, with the size-rule check (staff)',
          params: slugParams,
          response: { 200: applicationListSchema, ...errors },
        },
      },
      async (request) => ({
        applications: await membership.listApplications(requirePerson(request), request.params.slug),
      }),
    );

    app.post(
      '/api/networks/:slug/applications/:id/decision',
      {
        schema: {
          tags: ['directory'],
          summary: 'Approve or reject an application (a rejection states its reason) (staff)',
          params: applicationParams,
          body: decideApplicationRequest,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await membership.decide(requirePerson(request), request.params.slug, request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/networks/:slug/members',
      {
        schema: {
          tags: ['directory'],
          summary: 'Member organisations with charter acceptance and dues of a year (staff)',
          params: slugParams,
          querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: memberOrganisationListSchema, ...errors },
        },
      },
      async (request) => {
        const year = request.query.year ?? new Date().getFullYear();
        return {
          year,
          members: await membership.listMembers(requirePerson(request), request.params.slug, year),
        };
      },
    );

    app.post(
      '/api/networks/:slug/dues',
      {
        schema: {
          tags: ['directory'],
          summary: 'Record an entry fee or yearly dues, paid or not (staff)',
          params: slugParams,
          body: recordDuesRequest,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await membership.recordDues(requirePerson(request), request.params.slug, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/networks/:slug/competences',
      {
        schema: {
          tags: ['directory'],
          summary: 'The competence taxonomy of a network (shared and its own)',
          params: slugParams,
          response: { 200: competenceListSchema, ...errors },
        },
      },
      async (request) => ({
        competences: await membership.listCompetences(requirePerson(request), request.params.slug),
      }),
    );

    app.post(
      '/api/networks/:slug/competences',
      {
        schema: {
          tags: ['directory'],
          summary: 'Add a competence to the network’s taxonomy (staff)',
          params: slugParams,
          body: createCompetenceRequest,
          response: { 201: z.object({ id: z.uuid(), label: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await membership.createCompetence(
              requirePerson(request),
              request.params.slug,
              request.body.label,
            ),
          ),
    );
  };
}
