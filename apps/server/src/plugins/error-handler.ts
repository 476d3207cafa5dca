import type { Locale } from '@meute/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { hasMessage, translate } from '../i18n/messages.ts';

/**
 * One place turns every failure into `{code, message, field}` in the caller's language.
 * Expected failures keep their status; anything else is logged and becomes a 500 that shows
 * no internals.
 */
export function registerErrorHandler(app: FastifyInstance, options: { serveSpa: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = request.locale;
    if (error instanceof AppError) {
      const field = error.field;
      if (error.code === 'VALIDATION') {
        // A detail may be a message key, translated here in the caller's language.
        const raw = error.params.detail ?? '';
        const detail = hasMessage(raw) ? translate(locale, raw) : raw;
        const message = translate(locale, 'error.VALIDATION', { field: field ?? '', detail });
        return reply.status(400).send({ code: error.code, message, ...(field ? { field } : {}), detail });
      }
      const message = translate(locale, error.messageKey, error.params);
      return reply.status(error.status).send({ code: error.code, message, ...(field ? { field } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0]!;
      const where = error.validationContext ?? 'body';
      const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const issue = {
        ...first.params,
        code: first.keyword,
        path: path ? path.split('.') : [],
        message: first.message,
      };
      const keys = (first.params as { keys?: string[] }).keys;
      const field = [where, path, keys?.join(',')].filter(Boolean).join('.');
      const detail = describeIssue(locale, issue);
      return reply.status(400).send({
        code: 'VALIDATION',
        message: translate(locale, 'error.VALIDATION', { field, detail }),
        field,
        detail,
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply
        .status(400)
        .send({ code: 'MALFORMED_JSON', message: translate(locale, 'error.MALFORMED_JSON') });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ code: 'PAYLOAD_TOO_LARGE', message: translate(locale, 'error.PAYLOAD_TOO_LARGE') });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: translate(locale, 'error.UNSUPPORTED_MEDIA_TYPE') });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ code: 'BAD_REQUEST', message: translate(locale, 'error.NOT_FOUND') });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({
      code: 'INTERNAL',
      message: translate(locale, 'error.INTERNAL', { requestId: String(request.id) }),
      requestId: String(request.id),
    });
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any page address outside the API gets its index.html.
    if (options.serveSpa && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: translate(request.locale, 'error.NOT_FOUND') });
  });
}

const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/** Zod's own wording of a validation issue, in the caller's language. */
function describeIssue(locale: Locale, issue: Record<string, unknown>): string {
  try {
    const described = zodLocales[locale](issue as never);
    const text = typeof described === 'string' ? described : described?.message;
    return text ?? String(issue.message ?? '');
  } catch {
    return String(issue.message ?? '');
  }
}
