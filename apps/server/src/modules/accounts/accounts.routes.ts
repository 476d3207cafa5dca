import {
  acceptInvitationRequest,
  contactSchema,
  errorSchema,
  invitationPreviewSchema,
  invitationTokenParams,
  meSchema,
  okSchema,
  passwordResetConfirm,
  passwordResetRequest,
  signInRequest,
  updateContactRequest,
  updateMeRequest,
  uuidSchema,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALE_COOKIE, requirePerson } from '../../plugins/auth.ts';
import type { AccountsService } from './accounts.service.ts';

const tags = ['accounts'];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  410: errorSchema,
  429: errorSchema,
};

export function accountsRoutes(accounts: AccountsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        schema: {
          tags,
          summary: 'Sign in with e-mail and password',
          body: signInRequest,
          response: { 200: meSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { token, personId } = await accounts.signIn({
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        });
        app.sessionCookie.set(reply, token);
        return accounts.me(personId);
      },
    );

    app.post(
      '/api/auth/sign-out',
      { schema: { tags, summary: 'Sign out', response: { 200: okSchema } } },
      async (request, reply) => {
        const token = request.cookies.meute_session;
        if (token) await accounts.signOut(token);
        app.sessionCookie.clear(reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        schema: {
          tags,
          summary: 'The signed-in person and their networks',
          response: { 200: meSchema, ...errors },
        },
      },
      async (request) => accounts.me(requirePerson(request).personId),
    );

    app.patch(
      '/api/auth/me',
      {
        schema: {
          tags,
          summary: 'Change my name or language',
          body: updateMeRequest,
          response: { 200: meSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = requirePerson(request);
        await accounts.updateMe(person.personId, request.body);
        if (request.body.locale)
          reply.setCookie(LOCALE_COOKIE, request.body.locale, {
            path: '/',
            sameSite: 'lax',
            maxAge: 31536000,
          });
        return accounts.me(person.personId);
      },
    );

    app.get(
      '/api/auth/me/contact',
      {
        schema: {
          tags,
          summary: 'My contact details and who sees them',
          response: { 200: contactSchema, ...errors },
        },
      },
      async (request) => accounts.contact(requirePerson(request).personId),
    );

    app.patch(
      '/api/auth/me/contact',
      {
        schema: {
          tags,
          summary: 'Change my contact details and who sees them (members, staff only, nobody)',
          body: updateContactRequest,
          response: { 200: contactSchema, ...errors },
        },
      },
      async (request) => {
        const { personId } = requirePerson(request);
        await accounts.updateContact(personId, request.body);
        return accounts.contact(personId);
      },
    );

    app.post(
      '/api/auth/password-reset',
      {
        schema: {
          tags,
          summary:
            'Send a password reset link by e-mail (answers the same whether the account exists or not)',
          body: passwordResetRequest,
          response: { 202: okSchema, ...errors },
        },
      },
      async (request, reply) => {
        await accounts.requestPasswordReset(request.body.email, request.locale);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/api/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary: 'Choose a new password with a reset link',
          body: passwordResetConfirm,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await accounts.confirmPasswordReset(request.body.token, request.body.password);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/invitations/:token',
      {
        schema: {
          tags,
          summary: 'What an invitation link offers',
          params: invitationTokenParams,
          response: { 200: invitationPreviewSchema, ...errors },
        },
      },
      async (request) => {
        const { invitation, hasAccount } = await accounts.previewInvitation(
          request.params.token,
          request.person?.personId ?? null,
        );
        return {
          email: invitation.email,
          networkName: invitation.network_name,
          networkKind: invitation.network_kind,
          role: invitation.role,
          invitedBy: invitation.invited_by_name,
          hasAccount,
        };
      },
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        schema: {
          tags,
          summary: 'Accept an invitation (a newcomer sets a name and a password)',
          params: invitationTokenParams,
          body: acceptInvitationRequest,
          response: { 200: z.object({ networkSlug: z.string(), me: meSchema }), ...errors },
        },
      },
      async (request, reply) => {
        const result = await accounts.acceptInvitation({
          token: request.params.token,
          viewerId: request.person?.personId ?? null,
          displayName: request.body.displayName,
          password: request.body.password,
          locale: request.locale,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        });
        let personId = request.person?.personId;
        if (result.sessionToken) {
          app.sessionCookie.set(reply, result.sessionToken);
          const session = await accounts.authenticate(result.sessionToken);
          personId = session?.personId;
        }
        return { networkSlug: result.networkSlug, me: await accounts.me(personId ?? '') };
      },
    );

    app.post(
      '/api/admin/people/:id/disable',
      {
        schema: {
          tags,
          summary: 'Disable an account and end its sessions (instance administrators)',
          params: z.strictObject({ id: uuidSchema }),
          body: z.strictObject({ disabled: z.boolean() }),
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await accounts.setAccountDisabled(requirePerson(request), request.params.id, request.body.disabled);
        return { ok: true as const };
      },
    );
  };
}
