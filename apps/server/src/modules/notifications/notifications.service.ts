import type {
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  UnsubscribeStatus,
  UpdateNotificationPreferencesRequest,
} from '@meute/contracts';
import type { Kysely } from 'kysely';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import { hashToken } from '../accounts/secrets.ts';
import type { NotificationsRepository } from './notifications.repository.ts';

interface Deps {
  db: Kysely<DB>;
  notifications: NotificationsRepository;
  now?: () => Date;
}

const DEFAULT_PREFERENCES: NotificationPreferences = { digest: 'daily', immediateEmail: true };

/** m•••@example.fr: enough for a person to recognise their address, not to learn someone else's. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/**
 * A person's notifications in the app (read under row-level security: a line about a group is
 * gone once they leave it), their e-mail preferences, and the one-click unsubscribe.
 */
export function createNotificationsService({ db, notifications, now = () => new Date() }: Deps) {
  async function unsubscribeToken(token: string) {
    const tokenHash = hashToken(token);
    const row = await notifications.findUnsubscribeToken(db, tokenHash, now());
    if (!row) throw new AppError('NOT_FOUND');
    return { tokenHash, row };
  }

  return {
    async list(person: AuthenticatedPerson, query: NotificationListQuery): Promise<NotificationList> {
      const limit = Number(query.limit ?? 30);
      return asPerson(db, person.personId, async (trx) => {
        const rows = await notifications.list(trx, {
          unread: query.unread === 'true',
          before: query.before ? new Date(query.before) : null,
          limit,
        });
        const unreadCount = await notifications.unreadCount(trx);
        return {
          unreadCount,
          hasMore: rows.length > limit,
          notifications: rows.slice(0, limit).map((row) => ({
            id: row.id,
            kind: row.kind,
            network: { slug: row.network_slug, name: row.network_name },
            group: row.group_id && row.group_name ? { name: row.group_name } : null,
            link: row.link,
            title: row.title,
            excerpt: row.excerpt,
            urgent: row.urgent,
            createdAt: row.created_at.toISOString(),
            readAt: row.read_at ? row.read_at.toISOString() : null,
          })),
        };
      });
    },

    unreadCount(person: AuthenticatedPerson): Promise<number> {
      return asPerson(db, person.personId, (trx) => notifications.unreadCount(trx));
    },

    async markRead(person: AuthenticatedPerson, id: string) {
      const isMarked = await asPerson(db, person.personId, (trx) => notifications.markRead(trx, id, now()));
      if (!isMarked) throw new AppError('NOT_FOUND');
    },

    async markAllRead(person: AuthenticatedPerson) {
      await asPerson(db, person.personId, (trx) => notifications.markAllRead(trx, now()));
    },

    async preferences(person: AuthenticatedPerson): Promise<NotificationPreferences> {
      const row = await asPerson(db, person.personId, (trx) => notifications.preferences(trx));
      return row ? { digest: row.digest, immediateEmail: row.immediate_email } : DEFAULT_PREFERENCES;
    },

    async updatePreferences(
      person: AuthenticatedPerson,
      request: UpdateNotificationPreferencesRequest,
    ): Promise<NotificationPreferences> {
      const current = await this.preferences(person);
      const next = {
        digest: request.digest ?? current.digest,
        immediateEmail: request.immediateEmail ?? current.immediateEmail,
      };
      await notifications.savePreferences(
        db,
        person.personId,
        { digest: next.digest, immediate_email: next.immediateEmail },
        now(),
      );
      return next;
    },

    /** What the unsubscribe page shows before the click; no sign-in needed. */
    async unsubscribeStatus(token: string): Promise<UnsubscribeStatus> {
      const { row } = await unsubscribeToken(token);
      return {
        email: maskEmail(row.email),
        isUnsubscribed: row.digest === 'never' && row.immediate_email === false,
      };
    },

    /** The one click: no more digests nor immediate mails (the in-app notifications stay). */
    async unsubscribe(token: string): Promise<UnsubscribeStatus> {
      const { tokenHash, row } = await unsubscribeToken(token);
      await notifications.useUnsubscribeToken(db, tokenHash, row.person_id, now());
      return { email: maskEmail(row.email), isUnsubscribed: true };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
