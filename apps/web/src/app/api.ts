import type {
  Invitation,
  InvitationPreview,
  Locale,
  Me,
  NetworkDetail,
  NetworkSummary,
  OutboxMessage,
} from '@meute/contracts';

export type NetworkRole = NetworkDetail['myRoles'][number];
export type NetworkKind = NetworkDetail['kind'];
export type NetworkPerson = {
  personId: string;
  displayName: string;
  email: string | null;
  roles: NetworkRole[];
};
export type { Invitation, InvitationPreview, Locale, Me, NetworkDetail, NetworkSummary, OutboxMessage };

/** A failure as the API describes it: a stable code and a message already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** The server could not be reached at all; the message is chosen by the screen, in its language. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

let onSessionLost: () => void = () => undefined;

/** Called when the server says the session is over (expired, signed out elsewhere). */
export function whenSessionLost(handler: () => void) {
  onSessionLost = handler;
}

// Where a 401 is an answer to show, not a lost session.
const SIGN_IN_PATHS = ['/api/auth/sign-in', '/api/auth/me'];

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        method === 'GET'
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      // The API accepts only JSON bodies on mutations, even empty ones.
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = (data ?? {}) as { code?: string; message?: string; field?: string };
    if (response.status === 401 && error.code === 'UNAUTHENTICATED' && !SIGN_IN_PATHS.includes(path))
      onSessionLost();
    throw new ApiError(response.status, error.code ?? 'HTTP_ERROR', error.message ?? '', error.field);
  }
  return data as T;
}

export const api = {
  me: () => request<Me>('GET', '/api/auth/me'),
  signIn: (email: string, password: string) => request<Me>('POST', '/api/auth/sign-in', { email, password }),
  signOut: () => request<{ ok: true }>('POST', '/api/auth/sign-out'),
  updateMe: (changes: { displayName?: string; locale?: Locale }) =>
    request<Me>('PATCH', '/api/auth/me', changes),
  requestPasswordReset: (email: string) =>
    request<{ ok: true }>('POST', '/api/auth/password-reset', { email }),
  confirmPasswordReset: (token: string, password: string) =>
    request<{ ok: true }>('POST', '/api/auth/password-reset/confirm', { token, password }),
  previewInvitation: (token: string) =>
    request<InvitationPreview>('GET', `/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, body: { displayName?: string; password?: string }) =>
    request<{ networkSlug: string; me: Me }>(
      'POST',
      `/api/invitations/${encodeURIComponent(token)}/accept`,
      body,
    ),
  networks: () => request<{ networks: NetworkSummary[] }>('GET', '/api/networks'),
  network: (slug: string) => request<NetworkDetail>('GET', `/api/networks/${encodeURIComponent(slug)}`),
  people: (slug: string) =>
    request<{ people: NetworkPerson[] }>('GET', `/api/networks/${encodeURIComponent(slug)}/people`),
  invitations: (slug: string) =>
    request<{ invitations: Invitation[] }>('GET', `/api/networks/${encodeURIComponent(slug)}/invitations`),
  invite: (slug: string, email: string, role: NetworkRole) =>
    request<Invitation>('POST', `/api/networks/${encodeURIComponent(slug)}/invitations`, { email, role }),
  revokeInvitation: (slug: string, id: string) =>
    request<{ ok: true }>(
      'DELETE',
      `/api/networks/${encodeURIComponent(slug)}/invitations/${encodeURIComponent(id)}`,
    ),
  outbox: () => request<{ messages: OutboxMessage[] }>('GET', '/api/outbox'),
};
