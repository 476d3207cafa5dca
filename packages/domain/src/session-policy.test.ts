import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isSessionAlive,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  sessionExpiry,
} from './session-policy.ts';

const t0 = new Date('2026-11-21T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('session policy', () => {
  it('ends a session after 30 minutes without activity', () => {
    assert.equal(isSessionAlive({ createdAt: t0, lastSeenAt: t0 }, at(SESSION_IDLE_TIMEOUT_MS - 1)), true);
    assert.equal(isSessionAlive({ createdAt: t0, lastSeenAt: t0 }, at(SESSION_IDLE_TIMEOUT_MS)), false);
  });

  it('ends an active session 12 hours after sign-in', () => {
    const lastSeenAt = at(SESSION_ABSOLUTE_TIMEOUT_MS - 1000);
    assert.equal(isSessionAlive({ createdAt: t0, lastSeenAt }, at(SESSION_ABSOLUTE_TIMEOUT_MS - 1)), true);
    assert.equal(isSessionAlive({ createdAt: t0, lastSeenAt }, at(SESSION_ABSOLUTE_TIMEOUT_MS)), false);
    assert.deepEqual(sessionExpiry({ createdAt: t0, lastSeenAt }), at(SESSION_ABSOLUTE_TIMEOUT_MS));
  });
});
