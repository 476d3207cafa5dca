import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The network the mail is about: its staff may read it in the development outbox. */
  networkId: string | null;
  /** Group content, alerts and digests: only the recipient reads it in the development outbox, never staff. */
  confidential?: boolean;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<void>;
}

/** Real delivery through an SMTP server (SMTP_URL). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * Without SMTP, mails land in a table that staff read in the app, so invitations and password
 * resets work on a laptop with no mail server.
 */
export function createOutboxMailer(db: Kysely<DB>, log: (message: string) => void): Mailer {
  return {
    kind: 'outbox',
    async send(mail) {
      await db
        .insertInto('outbox_emails')
        .values({
          network_id: mail.networkId,
          recipient: mail.to,
          subject: mail.subject,
          body_text: mail.text,
          confidential: mail.confidential ?? false,
        })
        .execute();
      log(`Mail to ${mail.to} kept in the outbox: ${mail.subject}`);
    },
  };
}
