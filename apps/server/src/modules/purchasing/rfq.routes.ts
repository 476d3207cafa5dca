import {
  campaignParams,
  createdRfqInvitationSchema,
  createRfqInvitationRequest,
  errorSchema,
  rfqInvitationListSchema,
  rfqInvitationParams,
  rfqInvitationSchema,
  rfqTokenParams,
  rfqViewSchema,
  supplierOfferRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { RfqService } from './rfq.service.ts';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  410: errorSchema,
};
const base = '/api/networks/:slug/purchasing/:id/rfq-invitations';

/** Requests for quotation: staff invite suppliers; a supplier answers through its link, without an account. */
export function rfqRoutes(rfq: RfqService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Suppliers invited to quote on a campaign, with the status of each link (staff)',
          params: campaignParams,
          response: { 200: rfqInvitationListSchema, ...errors },
        },
      },
      async (request) => rfq.listInvitations(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      base,
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'Invite a supplier to quote through a personal link, e-mailed when an address is given; the link is returned once (staff)',
          params: campaignParams,
          body: createRfqInvitationRequest,
          response: { 201: createdRfqInvitationSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await rfq.createInvitation(
              requirePerson(request),
              request.params.slug,
              request.params.id,
              request.body,
              request.locale,
            ),
          ),
    );

    app.delete(
      `${base}/:invitationId`,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Revoke a supplier’s link: it no longer opens (staff)',
          params: rfqInvitationParams,
          response: { 200: rfqInvitationSchema, ...errors },
        },
      },
      async (request) =>
        rfq.revokeInvitation(
          requirePerson(request),
          request.params.slug,
          request.params.id,
          request.params.invitationId,
        ),
    );

    app.get(
      '/api/rfq/:token',
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'What a supplier’s link shows, without an account: the request, the pooled volume when large enough, its own offer',
          params: rfqTokenParams,
          response: { 200: rfqViewSchema, ...errors },
        },
      },
      async (request) => rfq.view(request.params.token, request.locale),
    );

    app.put(
      '/api/rfq/:token/offer',
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'Send or revise the supplier’s own offer through its link: price tiers (all-units or incremental), fixed costs, validity',
          params: rfqTokenParams,
          body: supplierOfferRequest,
          response: { 200: rfqViewSchema, ...errors },
        },
      },
      async (request) => rfq.submitOffer(request.params.token, request.body, request.locale),
    );
  };
}
