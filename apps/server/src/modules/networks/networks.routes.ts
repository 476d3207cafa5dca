import {
  createInvitationRequest,
  errorSchema,
  invitationListSchema,
  invitationParams,
  invitationSchema,
  networkDetailSchema,
  networkListSchema,
  networkPeopleSchema,
  okSchema,
  slugParams,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { NetworksService } from './networks.service.ts';

const tags = ['networks'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function networksRoutes(networks: NetworksService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/networks',
      {
        schema: { tags, summary: 'The networks I can see', response: { 200: networkListSchema, ...errors } },
      },
      async (request) => ({ networks: await networks.list(requirePerson(request)) }),
    );

    app.get(
      '/api/networks/:slug',
      {
        schema: {
          tags,
          summary: 'A network, its federation and its member networks',
          params: slugParams,
          response: { 200: networkDetailSchema, ...errors },
        },
      },
      async (request) => networks.get(requirePerson(request), request.params.slug),
    );

    app.get(
      '/api/networks/:slug/people',
      {
        schema: {
          tags,
          summary: 'People of a network and their roles',
          params: slugParams,
          response: { 200: networkPeopleSchema, ...errors },
        },
      },
      async (request) => ({ people: await networks.listPeople(requirePerson(request), request.params.slug) }),
    );

    app.get(
      '/api/networks/:slug/invitations',
      {
        schema: {
          tags,
          summary: 'Invitations sent (staff)',
          params: slugParams,
          response: { 200: invitationListSchema, ...errors },
        },
      },
      async (request) => ({
        invitations: await networks.listInvitations(requirePerson(request), request.params.slug),
      }),
    );

    app.post(
      '/api/networks/:slug/invitations',
      {
        schema: {
          tags,
          summary: 'Invite someone by e-mail (staff)',
          params: slugParams,
          body: createInvitationRequest,
          response: { 201: invitationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const invitation = await networks.invite(
          requirePerson(request),
          request.params.slug,
          request.body,
          request.locale,
        );
        return reply.status(201).send(invitation);
      },
    );

    app.delete(
      '/api/networks/:slug/invitations/:id',
      {
        schema: {
          tags,
          summary: 'Revoke a pending invitation (staff)',
          params: invitationParams,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await networks.revokeInvitation(requirePerson(request), request.params.slug, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
