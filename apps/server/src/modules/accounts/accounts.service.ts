import type { Locale, Me } from '@meute/contracts';
import { isSessionAlive, MAX_SIGN_IN_FAILURES_PER_MINUTE, normaliseEmail } from '@meute/domain';
import type { Kysely } from 'kysely';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import type { AccountsRepository } from './accounts.repository.ts';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.ts';

const RESET_LIFETIME_MS = 60 * 60 * 1000;
// More reset mails than this in an hour would let anyone flood someone's mailbox.
const MAX_RESETS_PER_HOUR = 3;
// Refreshing last_seen_at on every request would write on every read; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface AuthenticatedPerson {
  personId: string;
  sessionId: string;
  locale: Locale;
  isInstanceAdmin: boolean;
}

interface Deps {
  db: Kysely<DB>;
  accounts: AccountsRepository;
  networks: NetworksRepository;
  mailer: Mailer;
  publicUrl: string;
  now?: () => Date;
}

/** Accounts: sign-in and sessions, password resets, invitations accepted, the person's own profile. */
export function createAccountsService({
  db,
  accounts,
  networks,
  mailer,
  publicUrl,
  now = () => new Date(),
}: Deps) {
  async function openSession(personId: string, ip: string, userAgent: string) {
    const { token, tokenHash } = newToken();
    await accounts.createSession(db, { tokenHash, personId, ip, userAgent });
    return token;
  }

  return {
    async signIn(input: { email: string; password: string; ip: string; userAgent: string }) {
      const email = normaliseEmail(input.email);
      const since = new Date(now().getTime() - 60_000);
      const failures = await accounts.countRecentFailures(db, email, input.ip, since);
      if (
        failures.byAccount >= MAX_SIGN_IN_FAILURES_PER_MINUTE ||
        failures.byIp >= MAX_SIGN_IN_FAILURES_PER_MINUTE
      ) {
        throw new AppError('RATE_LIMITED');
      }
      const person = await accounts.findPersonByEmail(db, email);
      const isValid = await verifyPassword(person?.password_hash ?? null, input.password);
      if (!person || !isValid) {
        await accounts.recordSignInFailure(db, email, input.ip);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (person.disabled_at) throw new AppError('ACCOUNT_DISABLED');
      const token = await openSession(person.id, input.ip, input.userAgent);
      return { token, personId: person.id };
    },

    async signOut(token: string) {
      await accounts.deleteSession(db, hashToken(token));
    },

    /** The person behind a session cookie, or null when the session is unknown, expired or disabled. */
    async authenticate(token: string): Promise<AuthenticatedPerson | null> {
      const session = await accounts.findSession(db, hashToken(token));
      if (!session) return null;
      const at = now();
      if (
        session.disabled_at ||
        !isSessionAlive({ createdAt: session.created_at, lastSeenAt: session.last_seen_at }, at)
      ) {
        await accounts.deleteSessionById(db, session.id);
        return null;
      }
      if (at.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
        await accounts.touchSession(db, session.id, at);
      }
      return {
        personId: session.person_id,
        sessionId: session.id,
        locale: session.locale,
        isInstanceAdmin: session.is_instance_admin,
      };
    },

    async me(personId: string): Promise<Me> {
      return asPerson(db, personId, async (trx) => {
        const person = await accounts.findPersonById(trx, personId);
        if (!person) throw new AppError('UNAUTHENTICATED');
        const memberships = await accounts.listMemberships(trx, personId);
        return {
          id: person.id,
          email: person.email,
          displayName: person.display_name,
          locale: person.locale,
          isInstanceAdmin: person.is_instance_admin,
          isDemo: person.is_demo,
          memberships: memberships.map((m) => ({
            networkId: m.id,
            slug: m.slug,
            name: m.name,
            kind: m.kind,
            parentId: m.parent_id,
            roles: m.roles,
          })),
        };
      });
    },

    async updateMe(
      personId: string,
      changes: { displayName?: string | undefined; locale?: Locale | undefined },
    ) {
      await asPerson(db, personId, (trx) => accounts.updatePerson(trx, personId, changes));
    },

    async contact(personId: string) {
      const row = await asPerson(db, personId, (trx) => accounts.contactOf(trx, personId));
      return {
        phone: row.phone,
        jobTitle: row.job_title,
        emailVisibility: row.email_visibility,
        phoneVisibility: row.phone_visibility,
      };
    },

    /** What a person shows of their contact details, and to whom (GDPR: their choice). */
    async updateContact(personId: string, changes: Parameters<AccountsRepository['updateContact']>[2]) {
      await asPerson(db, personId, (trx) => accounts.updateContact(trx, personId, changes));
    },

    /** Always succeeds from the outside, so nobody learns which addresses have an account. */
    async requestPasswordReset(email: string, locale: Locale) {
      const person = await accounts.findPersonByEmail(db, normaliseEmail(email));
      if (!person || person.disabled_at) return;
      const hourAgo = new Date(now().getTime() - 60 * 60 * 1000);
      if ((await accounts.countRecentResets(db, person.id, hourAgo)) >= MAX_RESETS_PER_HOUR) return;
      const { token, tokenHash } = newToken();
      await accounts.createPasswordReset(db, {
        tokenHash,
        personId: person.id,
        expiresAt: new Date(now().getTime() + RESET_LIFETIME_MS),
      });
      const link = `${publicUrl}/reset-password?token=${token}`;
      await mailer.send({
        to: person.email,
        subject: translate(locale, 'mail.reset.subject'),
        text: translate(locale, 'mail.reset.body', { name: person.display_name, link }),
        networkId: null,
      });
    },

    /** Sets the new password and signs the person out everywhere. */
    async confirmPasswordReset(token: string, password: string) {
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const personId = await accounts.consumePasswordReset(trx, hashToken(token), now());
        if (!personId) throw new AppError('RESET_INVALID');
        await accounts.setPassword(trx, personId, passwordHash);
        await accounts.deleteSessionsOf(trx, personId);
      });
    },

    async previewInvitation(token: string, viewerId: string | null) {
      const invitation = await networks.findInvitationByToken(db, hashToken(token));
      if (!invitation || invitation.accepted_at || invitation.revoked_at || invitation.expires_at <= now()) {
        throw new AppError('INVITATION_INVALID');
      }
      const existing = await accounts.findPersonByEmail(db, invitation.email);
      return {
        invitation,
        hasAccount: existing !== undefined,
        isForViewer: viewerId !== null && existing?.id === viewerId,
      };
    },

    /**
     * Accepts an invitation. A newcomer creates an account (and is signed in); a person who
     * already has one must be signed in as the invited address.
     */
    async acceptInvitation(input: {
      token: string;
      viewerId: string | null;
      displayName?: string | undefined;
      password?: string | undefined;
      locale: Locale;
      ip: string;
      userAgent: string;
    }): Promise<{ sessionToken: string | null; networkSlug: string }> {
      const invitation = await networks.findInvitationByToken(db, hashToken(input.token));
      if (!invitation) throw new AppError('INVITATION_INVALID');
      const existing = await accounts.findPersonByEmail(db, invitation.email);
      if (existing && existing.id !== input.viewerId) {
        throw new AppError(input.viewerId ? 'INVITATION_WRONG_ACCOUNT' : 'UNAUTHENTICATED');
      }
      if (!existing && input.viewerId) throw new AppError('INVITATION_WRONG_ACCOUNT');
      if (!existing && !input.displayName) throw new AppError('VALIDATION', { field: 'displayName' });
      if (!existing && !input.password) throw new AppError('VALIDATION', { field: 'password' });
      const passwordHash = existing ? null : await hashPassword(input.password ?? '');

      const personId = await db.transaction().execute(async (trx) => {
        if (!(await networks.markInvitationAccepted(trx, invitation.id, now()))) {
          throw new AppError('INVITATION_INVALID');
        }
        const id =
          existing?.id ??
          (
            await accounts.createPerson(trx, {
              email: invitation.email,
              displayName: input.displayName ?? '',
              passwordHash: passwordHash ?? '',
              locale: input.locale,
            })
          ).id;
        await networks.addMembership(trx, {
          networkId: invitation.network_id,
          personId: id,
          role: invitation.role,
        });
        return id;
      });
      const network = await networks.findById(db, invitation.network_id);
      const sessionToken = existing ? null : await openSession(personId, input.ip, input.userAgent);
      return { sessionToken, networkSlug: network?.slug ?? '' };
    },

    /** An instance administrator disables (or re-enables) an account; its sessions end at once. */
    async setAccountDisabled(actor: AuthenticatedPerson, personId: string, disabled: boolean) {
      if (!actor.isInstanceAdmin) throw new AppError('FORBIDDEN');
      const person = await accounts.findPersonById(db, personId);
      if (!person) throw new AppError('NOT_FOUND');
      await db.transaction().execute(async (trx) => {
        await accounts.setDisabled(trx, personId, disabled);
        if (disabled) await accounts.deleteSessionsOf(trx, personId);
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
