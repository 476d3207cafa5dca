import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { NotificationKind } from '../../db/schema-groups.ts';

/**
 * What a module says happened, for one recipient. Title and excerpt are written for that
 * recipient: for a Chatham House post they never name the author.
 */
export interface NewNotification {
  personId: string;
  networkId: string;
  /** Set for anything about a group's content: the line vanishes when the person leaves the group. */
  groupId: string | null;
  kind: NotificationKind;
  subjectId: string | null;
  /** Where it lives in the web app, e.g. `/n/club-eti-normandie/groups/cyber/posts/…`. */
  link: string;
  title: string;
  excerpt?: string;
  /** Alerts and mentions are e-mailed at once; everything else waits for the person's digest. */
  urgent?: boolean;
}

type Db = Kysely<DB> | Transaction<DB>;

/** Delay before the urgent mailer looks: the caller's transaction has committed by then. */
const URGENT_WAKE_DELAY_MS = 1500;

/**
 * The one door through which every module notifies people. It writes the in-app lines in the
 * caller's transaction (so nothing is notified about work that rolls back); e-mailing urgent
 * lines and digests is the notifications module's background work: an urgent line wakes the job
 * queue (when it runs), whose minute sweep also catches any line written while it was down.
 */
export function createNotifier() {
  let wake: (() => void) | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  return {
    async notify(db: Db, notifications: readonly NewNotification[]): Promise<void> {
      if (notifications.length === 0) return;
      await db
        .insertInto('notifications')
        .values(
          notifications.map((n) => ({
            person_id: n.personId,
            network_id: n.networkId,
            group_id: n.groupId,
            kind: n.kind,
            subject_id: n.subjectId,
            link: n.link,
            title: n.title.slice(0, 300),
            excerpt: (n.excerpt ?? '').slice(0, 600),
            urgent: n.urgent ?? false,
          })),
        )
        .execute();
      if (wake && !pending && notifications.some((n) => n.urgent)) {
        pending = setTimeout(() => {
          pending = undefined;
          wake?.();
        }, URGENT_WAKE_DELAY_MS);
        pending.unref();
      }
    },

    /** The job queue asks to be woken when urgent lines are written (null: stop waking it). */
    onUrgent(callback: (() => void) | null): void {
      wake = callback ?? undefined;
      if (!callback && pending) {
        clearTimeout(pending);
        pending = undefined;
      }
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
