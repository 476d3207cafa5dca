import type { OutboxMessage } from '@meute/contracts';
import { type Kysely, sql } from 'kysely';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';

/**
 * The development outbox: with no SMTP server, staff read here the invitations sent for their
 * networks; an instance administrator reads every mail, password resets included.
 */
export function createOutboxService({ db, mailer }: { db: Kysely<DB>; mailer: Mailer }) {
  return {
    async list(person: AuthenticatedPerson): Promise<OutboxMessage[]> {
      if (mailer.kind !== 'outbox') throw new AppError('NOT_AVAILABLE');
      // An administrator reads every mail but the confidential ones (group content, alerts,
      // digests), which stay with their recipient like for everybody else.
      const rows = person.isInstanceAdmin
        ? await db
            .selectFrom('outbox_emails')
            .selectAll()
            .where((eb) =>
              eb.or([
                eb('confidential', '=', false),
                eb(
                  sql<string>`lower(recipient)`,
                  '=',
                  eb
                    .selectFrom('people')
                    .select(sql<string>`lower(email)`.as('email'))
                    .where('id', '=', person.personId),
                ),
              ]),
            )
            .orderBy('created_at', 'desc')
            .limit(200)
            .execute()
        : await asPerson(db, person.personId, (trx) =>
            trx.selectFrom('outbox_emails').selectAll().orderBy('created_at', 'desc').limit(200).execute(),
          );
      return rows.map((row) => ({
        id: row.id,
        to: row.recipient,
        subject: row.subject,
        text: row.body_text,
        createdAt: row.created_at.toISOString(),
      }));
    },
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
