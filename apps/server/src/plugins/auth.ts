import type { Locale } from '@meute/contracts';
import { SESSION_ABSOLUTE_TIMEOUT_MS } from '@meute/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { pickLocale } from '../i18n/messages.ts';
import type { AccountsService, AuthenticatedPerson } from '../modules/accounts/accounts.service.ts';

export const SESSION_COOKIE = 'meute_session';
export const LOCALE_COOKIE = 'meute_lang';

declare module 'fastify' {
  interface FastifyRequest {
    person: AuthenticatedPerson | null;
    locale: Locale;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Who is calling and in which language, for every request; and the CSRF guard.
 * CSRF: the session cookie is SameSite=Lax, the API accepts only JSON bodies (a cross-site
 * form cannot send them without a preflight), and a state-changing request whose Origin or
 * Sec-Fetch-Site says it comes from another site is refused.
 */
export function registerAuth(
  app: FastifyInstance,
  accounts: AccountsService,
  options: { secureCookies: boolean },
) {
  app.decorateRequest('person', null);
  app.decorateRequest('locale', 'fr');

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language']);
    if (STATE_CHANGING.has(request.method) && request.url.startsWith('/api/') && isCrossSite(request)) {
      throw new AppError('CSRF');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.person = await accounts.authenticate(token);
      if (request.person && !request.cookies[LOCALE_COOKIE]) request.locale = request.person.locale;
    }
  });

  app.decorate('sessionCookie', {
    set(reply: FastifyReply, token: string) {
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        maxAge: SESSION_ABSOLUTE_TIMEOUT_MS / 1000,
      });
    },
    clear(reply: FastifyReply) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });
}

function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    sessionCookie: { set(reply: FastifyReply, token: string): void; clear(reply: FastifyReply): void };
  }
}

/** The signed-in person, or a 401 in their language. */
export function requirePerson(request: FastifyRequest): AuthenticatedPerson {
  if (!request.person) throw new AppError('UNAUTHENTICATED');
  return request.person;
}
