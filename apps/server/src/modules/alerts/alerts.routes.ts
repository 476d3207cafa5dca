import {
  acknowledgeAlertRequest,
  alertAcknowledgementsSchema,
  alertListSchema,
  alertParams,
  alertSchema,
  errorSchema,
  pendingAlertsSchema,
  raiseAlertRequest,
  remindResultSchema,
  slugParams,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { AlertsService } from './alerts.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const tags = ['alerts'];
const base = '/api/networks/:slug/alerts';

/** Urgent alerts to a whole network: raise, list, acknowledge; staff: who has not, remind, close. */
export function alertsRoutes(service: AlertsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/alerts/pending',
      {
        schema: {
          tags,
          summary:
            'Open alerts of my networks that one of my organisations has not acknowledged (the banner)',
          response: { 200: pendingAlertsSchema, ...errors },
        },
      },
      async (request) => service.pending(requirePerson(request)),
    );

    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'The alerts of the network, open first (people of the network)',
          params: slugParams,
          response: { 200: alertListSchema, ...errors },
        },
      },
      async (request) => service.list(requirePerson(request), request.params.slug),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary:
            'Raise an alert to the whole network, notified at once in the app and by e-mail (members, staff)',
          params: slugParams,
          body: raiseAlertRequest,
          response: { 201: alertSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.raise(requirePerson(request), request.params.slug, request.body)),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'One alert',
          params: alertParams,
          response: { 200: alertSchema, ...errors },
        },
      },
      async (request) => service.one(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      `${base}/:id/acknowledge`,
      {
        schema: {
          tags,
          summary: 'Acknowledge the alert for my organisation (one acknowledgement per organisation)',
          params: alertParams,
          body: acknowledgeAlertRequest,
          response: { 200: alertSchema, ...errors },
        },
      },
      async (request) =>
        service.acknowledge(requirePerson(request), request.params.slug, request.params.id, request.body),
    );

    app.get(
      `${base}/:id/acknowledgements`,
      {
        schema: {
          tags,
          summary: 'Which member organisations acknowledged (who, when) and which have not (staff)',
          params: alertParams,
          response: { 200: alertAcknowledgementsSchema, ...errors },
        },
      },
      async (request) =>
        service.acknowledgements(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      `${base}/:id/remind`,
      {
        schema: {
          tags,
          summary: 'E-mail a reminder to the organisations that have not acknowledged (staff)',
          params: alertParams,
          response: { 200: remindResultSchema, ...errors },
        },
      },
      async (request) => service.remind(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      `${base}/:id/close`,
      {
        schema: {
          tags,
          summary: 'Close the alert: it stays readable, nobody is asked to acknowledge it any more (staff)',
          params: alertParams,
          response: { 200: alertSchema, ...errors },
        },
      },
      async (request) => service.close(requirePerson(request), request.params.slug, request.params.id),
    );
  };
}
