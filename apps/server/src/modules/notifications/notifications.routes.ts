import {
  errorSchema,
  notificationListQuery,
  notificationListSchema,
  notificationParams,
  notificationPreferencesSchema,
  okSchema,
  unreadCountSchema,
  unsubscribeParams,
  unsubscribeStatusSchema,
  updateNotificationPreferencesRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { NotificationsService } from './notifications.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const tags = ['notifications'];

/** The bell, the notifications page, e-mail preferences, and the public one-click unsubscribe. */
export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications, newest first, with my unread count',
          querystring: notificationListQuery,
          response: { 200: notificationListSchema, ...errors },
        },
      },
      async (request) => service.list(requirePerson(request), request.query),
    );

    app.get(
      '/api/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'How many of my notifications are unread (the bell)',
          response: { 200: unreadCountSchema, ...errors },
        },
      },
      async (request) => ({ unreadCount: await service.unreadCount(requirePerson(request)) }),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark one of my notifications read',
          params: notificationParams,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await service.markRead(requirePerson(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/notifications/read-all',
      {
        schema: { tags, summary: 'Mark all my notifications read', response: { 200: okSchema, ...errors } },
      },
      async (request) => {
        await service.markAllRead(requirePerson(request));
        return { ok: true as const };
      },
    );

    app.get(
      '/api/notifications/preferences',
      {
        schema: {
          tags,
          summary: 'What I receive by e-mail: immediate mails, a daily or weekly digest',
          response: { 200: notificationPreferencesSchema, ...errors },
        },
      },
      async (request) => service.preferences(requirePerson(request)),
    );

    app.put(
      '/api/notifications/preferences',
      {
        schema: {
          tags,
          summary: 'Change what I receive by e-mail',
          body: updateNotificationPreferencesRequest,
          response: { 200: notificationPreferencesSchema, ...errors },
        },
      },
      async (request) => service.updatePreferences(requirePerson(request), request.body),
    );

    app.get(
      '/api/unsubscribe/:token',
      {
        schema: {
          tags,
          summary: 'The one-click unsubscribe link of an e-mail: whose it is, before the click (no sign-in)',
          params: unsubscribeParams,
          response: { 200: unsubscribeStatusSchema, ...errors },
        },
      },
      async (request) => service.unsubscribeStatus(request.params.token),
    );

    app.post(
      '/api/unsubscribe/:token',
      {
        schema: {
          tags,
          summary: 'Stop every notification e-mail of this address (no sign-in; the link is the proof)',
          params: unsubscribeParams,
          response: { 200: unsubscribeStatusSchema, ...errors },
        },
      },
      async (request) => service.unsubscribe(request.params.token),
    );
  };
}
