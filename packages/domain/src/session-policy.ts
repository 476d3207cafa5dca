/** Sessions end after 30 minutes without activity, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** At most this many failed sign-ins a minute, counted per account and per IP address. */
export const MAX_SIGN_IN_FAILURES_PER_MINUTE = 10;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

/** Whether a session may still be used at `now` (idle and absolute limits). */
export function isSessionAlive(session: SessionTimes, now: Date): boolean {
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  const ageMs = now.getTime() - session.createdAt.getTime();
  return idleMs < SESSION_IDLE_TIMEOUT_MS && ageMs < SESSION_ABSOLUTE_TIMEOUT_MS;
}

/** The moment a session stops being valid if it stays idle from `lastSeenAt`. */
export function sessionExpiry(session: SessionTimes): Date {
  return new Date(
    Math.min(
      session.lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS,
      session.createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS,
    ),
  );
}
