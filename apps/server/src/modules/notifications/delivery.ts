import type { Locale } from '@meute/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { NotificationKind } from '../../db/schema-groups.ts';
import type { Mailer, OutgoingMail } from '../../mail/mailer.ts';
import { newToken } from '../accounts/secrets.ts';
import { formatMailDate, mailFooter, mailText } from './mail-texts.ts';

interface Deps {
  db: Kysely<DB>;
  mailer: Mailer;
  publicUrl: string;
  now?: () => Date;
}

export type DigestRunFrequency = 'daily' | 'weekly';

const DAY_MS = 24 * 60 * 60 * 1000;
const UNSUBSCRIBE_LIFETIME_MS = 180 * DAY_MS;
/** An urgent line older than this is no longer urgent: it waits for the digest. */
const URGENT_WINDOW_MS = DAY_MS;
/** Lines older than this are not digested any more (they stay in the app). */
const DIGEST_WINDOW_MS: Record<DigestRunFrequency, number> = { daily: 7 * DAY_MS, weekly: 14 * DAY_MS };
const LINES_PER_SECTION = 8;
const PEOPLE_PER_BATCH = 500;
const PARALLEL_SENDS = 8;

/**
 * The confidentiality rule of `notifications_own`, checked again at sending time: these jobs run
 * as the owner (no row-level security), so a line about a group is sent only while its recipient
 * is an active member of the group who accepted its current charter; and any line only while they
 * still belong to the network (or staff its federation).
 */
const stillAllowed = sql`(
  (n.group_id is null or exists (
     select 1 from group_members gm
      where gm.group_id = n.group_id and gm.person_id = n.person_id and gm.status = 'active'
        and gm.charter_version = (select max(c.version) from group_charters c where c.group_id = n.group_id)))
  and (exists (select 1 from memberships m where m.person_id = n.person_id and m.network_id = n.network_id)
       or exists (select 1 from networks x
                    join memberships m on m.network_id = x.parent_id and m.role = 'federation_staff'
                   where x.id = n.network_id and m.person_id = n.person_id))
)`;

interface Recipient {
  personId: string;
  email: string;
  name: string;
  locale: Locale;
}

interface DigestLine {
  id: string;
  kind: NotificationKind;
  link: string;
  title: string;
  excerpt: string;
  networkName: string;
  groupName: string | null;
}

/** A short excerpt on one line. */
function oneLine(text: string, max: number) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The calendar day in Paris ('YYYY-MM-DD'), which names a daily digest. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}

/** The period a digest run covers: the Paris day, or the Monday of the Paris week. */
export function digestPeriodKey(frequency: DigestRunFrequency, at: Date): string {
  const day = parisDay(at);
  if (frequency === 'daily') return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return `week-of-${new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10)}`;
}

/** Runs `work` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

/**
 * E-mails of the notifications: urgent lines (alerts, mentions) at once, the rest in a daily or
 * weekly digest per person's choice. Both run as the owner from the job queue (or a test), and
 * re-check the confidentiality rule of each line at sending time.
 */
export function createNotificationDelivery({ db, mailer, publicUrl, now = () => new Date() }: Deps) {
  const absolute = (link: string) => `${publicUrl}${link.startsWith('/') ? link : `/${link}`}`;

  /** Fresh one-click unsubscribe tokens for these people; only their hashes are stored. */
  async function unsubscribeTokens(database: Kysely<DB>, personIds: readonly string[], at: Date) {
    const tokens = new Map<string, string>();
    if (personIds.length === 0) return tokens;
    const rows = personIds.map((personId) => {
      const { token, tokenHash } = newToken();
      tokens.set(personId, token);
      return {
        token_hash: tokenHash,
        person_id: personId,
        expires_at: new Date(at.getTime() + UNSUBSCRIBE_LIFETIME_MS),
      };
    });
    for (let i = 0; i < rows.length; i += 2000) {
      await database
        .insertInto('unsubscribe_tokens')
        .values(rows.slice(i, i + 2000))
        .execute();
    }
    return tokens;
  }

  /** The mail of one urgent line; an alert carries its whole text and checklist. */
  function urgentMail(
    recipient: Recipient,
    line: DigestLine & { networkId: string },
    alert: { description: string; checklist: string[] } | undefined,
    token: string,
  ): OutgoingMail {
    const { locale } = recipient;
    const kind = mailText(locale, `kind.${line.kind}`);
    const body: string[] = [mailText(locale, 'hello', { name: recipient.name }), ''];
    if (line.kind === 'alert' && alert) {
      body.push(
        mailText(locale, 'alert.intro', { network: line.networkName }),
        '',
        line.title,
        '',
        alert.description,
      );
      if (alert.checklist.length > 0) {
        body.push('', mailText(locale, 'alert.checklist'), ...alert.checklist.map((item) => `  - ${item}`));
      }
      body.push('', mailText(locale, 'alert.acknowledge'), absolute(line.link));
    } else {
      body.push(
        mailText(locale, 'urgent.intro', { network: line.networkName }),
        '',
        `${kind} — ${line.title}`,
      );
      if (line.excerpt) body.push(oneLine(line.excerpt, 400));
      body.push('', mailText(locale, 'urgent.open'), absolute(line.link));
    }
    body.push('', mailText(locale, 'signature'), mailFooter(locale, publicUrl, token));
    const subject =
      line.kind === 'alert'
        ? mailText(locale, 'alert.subject', { network: line.networkName, title: oneLine(line.title, 150) })
        : mailText(locale, 'urgent.subject', {
            network: line.networkName,
            kind,
            title: oneLine(line.title, 150),
          });
    return {
      to: recipient.email,
      subject,
      text: body.join('\n'),
      networkId: line.networkId,
      confidential: true,
    };
  }

  /** A digest: sections by network, then by group, each short, with absolute links. */
  function digestMail(
    recipient: Recipient,
    frequency: DigestRunFrequency,
    lines: readonly DigestLine[],
    token: string,
    at: Date,
  ): OutgoingMail {
    const { locale } = recipient;
    const count =
      lines.length === 1
        ? mailText(locale, 'digest.count.one')
        : mailText(locale, 'digest.count.many', { n: lines.length });
    const sections = new Map<string, DigestLine[]>();
    for (const line of lines) {
      const heading = line.groupName
        ? mailText(locale, 'digest.group', { network: line.networkName, group: line.groupName })
        : line.networkName;
      const section = sections.get(heading) ?? [];
      section.push(line);
      sections.set(heading, section);
    }
    const body: string[] = [
      mailText(locale, 'hello', { name: recipient.name }),
      '',
      mailText(locale, `digest.intro.${frequency}`, { count }),
    ];
    for (const [heading, section] of sections) {
      body.push('', heading, '='.repeat(Math.min(heading.length, 60)));
      for (const line of section.slice(0, LINES_PER_SECTION)) {
        body.push(`• ${mailText(locale, `kind.${line.kind}`)} — ${oneLine(line.title, 140)}`);
        if (line.excerpt) body.push(`  ${oneLine(line.excerpt, 160)}`);
        body.push(`  ${absolute(line.link)}`);
      }
      if (section.length > LINES_PER_SECTION) {
        body.push(
          `  ${mailText(locale, 'digest.more', { n: section.length - LINES_PER_SECTION })} ${publicUrl}/notifications`,
        );
      }
    }
    body.push('', mailText(locale, 'digest.all'), `${publicUrl}/notifications`);
    body.push('', mailText(locale, 'signature'), mailFooter(locale, publicUrl, token));
    return {
      to: recipient.email,
      subject: mailText(locale, `digest.subject.${frequency}`, { date: formatMailDate(locale, at) }),
      text: body.join('\n'),
      networkId: null,
      confidential: true,
    };
  }

  return {
    /**
     * E-mails the urgent lines not yet e-mailed (people who turned immediate mails off get them
     * in their digest instead). Safe to run from several instances at once: lines are locked.
     */
    async sendUrgent(): Promise<{ mails: number }> {
      let mails = 0;
      for (;;) {
        const sent = await db.transaction().execute(async (trx) => {
          const at = now();
          const { rows } = await sql<{
            id: string;
            person_id: string;
            kind: NotificationKind;
            subject_id: string | null;
            link: string;
            title: string;
            excerpt: string;
            network_id: string;
            network_name: string;
            group_name: string | null;
            email: string;
            display_name: string;
            locale: Locale;
          }>`
            select n.id, n.person_id, n.kind, n.subject_id, n.link, n.title, n.excerpt, n.network_id,
                   nw.name as network_name, g.name as group_name, p.email, p.display_name, p.locale
              from notifications n
              join people p on p.id = n.person_id and p.disabled_at is null
              join networks nw on nw.id = n.network_id
              left join working_groups g on g.id = n.group_id
              left join notification_preferences np on np.person_id = n.person_id
             where n.urgent and n.emailed_at is null and n.digested_at is null and n.read_at is null
               and n.created_at > ${new Date(at.getTime() - URGENT_WINDOW_MS)}
               and coalesce(np.immediate_email, true)
               and ${stillAllowed}
             order by n.created_at
             limit 200
             for update of n skip locked`.execute(trx);
          if (rows.length === 0) return 0;
          const alertIds = rows
            .filter((r) => r.kind === 'alert' && r.subject_id)
            .map((r) => r.subject_id as string);
          const alerts = new Map(
            alertIds.length === 0
              ? []
              : (
                  await trx
                    .selectFrom('alerts')
                    .select(['id', 'network_id', 'description', 'checklist'])
                    .where('id', 'in', alertIds)
                    .execute()
                ).map((a) => [`${a.network_id}:${a.id}`, a]),
          );
          const tokens = await unsubscribeTokens(trx, [...new Set(rows.map((r) => r.person_id))], at);
          for (const row of rows) {
            const recipient = {
              personId: row.person_id,
              email: row.email,
              name: row.display_name,
              locale: row.locale,
            };
            const line = {
              id: row.id,
              kind: row.kind,
              link: row.link,
              title: row.title,
              excerpt: row.excerpt,
              networkId: row.network_id,
              networkName: row.network_name,
              groupName: row.group_name,
            };
            const alert = row.subject_id ? alerts.get(`${row.network_id}:${row.subject_id}`) : undefined;
            await mailer.send(urgentMail(recipient, line, alert, tokens.get(row.person_id) as string));
          }
          await trx
            .updateTable('notifications')
            .set({ emailed_at: at })
            .where(
              'id',
              'in',
              rows.map((r) => r.id),
            )
            .execute();
          return rows.length;
        });
        mails += sent;
        if (sent < 200) return { mails };
      }
    },

    /**
     * The digest of `frequency` for the period `at` falls in (a Paris day, or week): once per
     * period, whatever the number of instances or retries. Each person who chose it receives one
     * mail of the lines neither read, e-mailed nor digested yet, still theirs to read.
     */
    async runDigest(
      frequency: DigestRunFrequency,
      at: Date = now(),
    ): Promise<{ skipped: boolean; people: number; mails: number }> {
      const periodKey = digestPeriodKey(frequency, at);
      const run = await db
        .insertInto('digest_runs')
        .values({ frequency, period_key: periodKey, started_at: at })
        .onConflict((oc) => oc.columns(['frequency', 'period_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!run) return { skipped: true, people: 0, mails: 0 };

      const { rows } = await sql<{
        id: string;
        person_id: string;
        kind: NotificationKind;
        link: string;
        title: string;
        excerpt: string;
        network_name: string;
        group_name: string | null;
        email: string;
        display_name: string;
        locale: Locale;
      }>`
        select n.id, n.person_id, n.kind, n.link, n.title, n.excerpt, nw.name as network_name,
               g.name as group_name, p.email, p.display_name, p.locale
          from notifications n
          join people p on p.id = n.person_id and p.disabled_at is null
          join networks nw on nw.id = n.network_id
          left join working_groups g on g.id = n.group_id
          left join notification_preferences np on np.person_id = n.person_id
         where n.digested_at is null and n.emailed_at is null and n.read_at is null
           and n.created_at <= ${at} and n.created_at > ${new Date(at.getTime() - DIGEST_WINDOW_MS[frequency])}
           and coalesce(np.digest, 'daily') = ${frequency}
           and ${stillAllowed}
         order by n.person_id, nw.name, g.name nulls first, n.created_at desc`.execute(db);

      const people: { recipient: Recipient; lines: DigestLine[] }[] = [];
      for (const row of rows) {
        let last = people.at(-1);
        if (!last || last.recipient.personId !== row.person_id) {
          last = {
            recipient: {
              personId: row.person_id,
              email: row.email,
              name: row.display_name,
              locale: row.locale,
            },
            lines: [],
          };
          people.push(last);
        }
        last.lines.push({
          id: row.id,
          kind: row.kind,
          link: row.link,
          title: row.title,
          excerpt: row.excerpt,
          networkName: row.network_name,
          groupName: row.group_name,
        });
      }

      let mails = 0;
      for (let i = 0; i < people.length; i += PEOPLE_PER_BATCH) {
        const batch = people.slice(i, i + PEOPLE_PER_BATCH);
        const tokens = await unsubscribeTokens(
          db,
          batch.map((p) => p.recipient.personId),
          at,
        );
        await eachLimited(batch, PARALLEL_SENDS, async ({ recipient, lines }) => {
          await mailer.send(
            digestMail(recipient, frequency, lines, tokens.get(recipient.personId) as string, at),
          );
          mails += 1;
        });
        const ids = batch.flatMap((p) => p.lines.map((line) => line.id));
        await sql`update notifications set digested_at = ${at} where id = any(${ids}::uuid[])`.execute(db);
      }
      await db
        .updateTable('digest_runs')
        .set({ finished_at: now(), people_count: people.length, mails_sent: mails })
        .where('id', '=', run.id)
        .execute();
      return { skipped: false, people: people.length, mails };
    },
  };
}

export type NotificationDelivery = ReturnType<typeof createNotificationDelivery>;
