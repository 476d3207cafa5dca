import {
  awardRequest,
  campaignDetailSchema,
  campaignListSchema,
  campaignParams,
  commitmentParams,
  commitRequest,
  createCampaignRequest,
  createOfferRequest,
  errorSchema,
  offerListSchema,
  slugParams,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { PurchasingService } from './purchasing.service.ts';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  503: errorSchema,
};
const base = '/api/networks/:slug/purchasing';

export function purchasingRoutes(purchasing: PurchasingService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Purchase campaigns of a network',
          params: slugParams,
          response: { 200: campaignListSchema, ...errors },
        },
      },
      async (request) => purchasing.list(requirePerson(request), request.params.slug),
    );

    app.post(
      base,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Open a purchase campaign with its allocation rule (staff)',
          params: slugParams,
          body: createCampaignRequest,
          response: { 201: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await purchasing.create(requirePerson(request), request.params.slug, request.body)),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'A campaign: my commitments, the aggregate of the others (when large enough), every commitment for staff, the award',
          params: campaignParams,
          response: { 200: campaignDetailSchema, ...errors },
        },
      },
      async (request) => purchasing.get(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      `${base}/:id/commitments`,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Commit a quantity for my company, or change it, until the deadline',
          params: campaignParams,
          body: commitRequest,
          response: { 200: campaignDetailSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        await purchasing.commit(person, slug, id, request.body, request.locale);
        return purchasing.get(person, slug, id);
      },
    );

    app.delete(
      `${base}/:id/commitments/:organisationId`,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Withdraw my company’s commitment, until the deadline',
          params: commitmentParams,
          response: { 200: campaignDetailSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id, organisationId } = request.params;
        await purchasing.withdraw(person, slug, id, organisationId, request.locale);
        return purchasing.get(person, slug, id);
      },
    );

    app.get(
      `${base}/:id/offers`,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Offers compared at the committed volume, cheapest first (staff)',
          params: campaignParams,
          response: { 200: offerListSchema, ...errors },
        },
      },
      async (request) =>
        purchasing.listOffers(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      `${base}/:id/offers`,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Enter a supplier’s offer: price tiers (all-units or incremental) and fixed costs (staff)',
          params: campaignParams,
          body: createOfferRequest,
          response: { 201: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await purchasing.createOffer(
              requirePerson(request),
              request.params.slug,
              request.params.id,
              request.body,
            ),
          ),
    );

    app.post(
      `${base}/:id/commitments/:organisationId/opt-out`,
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'Opt my company out of an awarded campaign, until the opt-out deadline: the others’ shares are computed again',
          params: commitmentParams,
          response: { 200: campaignDetailSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id, organisationId } = request.params;
        await purchasing.setOptedOut(person, slug, id, organisationId, true, request.locale);
        return purchasing.get(person, slug, id);
      },
    );

    app.delete(
      `${base}/:id/commitments/:organisationId/opt-out`,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'Bring my company back into an awarded campaign, until the opt-out deadline',
          params: commitmentParams,
          response: { 200: campaignDetailSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id, organisationId } = request.params;
        await purchasing.setOptedOut(person, slug, id, organisationId, false, request.locale);
        return purchasing.get(person, slug, id);
      },
    );

    app.post(
      `${base}/:id/award`,
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'Award an offer after the deadline: each company’s share by the campaign’s rule, with the individual rationality and core checks (staff)',
          params: campaignParams,
          body: awardRequest,
          response: { 200: campaignDetailSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        await purchasing.award(person, slug, id, request.body, request.locale);
        return purchasing.get(person, slug, id);
      },
    );
  };
}
