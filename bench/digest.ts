/**
 * A daily digest run for 10,000 people: 20 networks, 5 working groups each, 5 notifications per
 * person (network lines, lines of groups they belong to, and lines of a group they left, which the
 * run must re-check and leave out), e-mailed through the outbox mailer (one row per mail, as on an
 * installation without SMTP). The run is the one the job queue starts at 07:00, Europe/Paris.
 * Target: < 60 s.
 *
 * `node bench/digest.ts` (BENCH_PEOPLE=10000; BENCH_DATABASE_URL to use a PostgreSQL server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../apps/server/src/db/database.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { createOutboxMailer } from '../apps/server/src/mail/mailer.ts';
import { createNotificationDelivery } from '../apps/server/src/modules/notifications/delivery.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const NETWORKS = 20;
const GROUPS_PER_NETWORK = 5;
const LINES_PER_PERSON = 5;
const TARGET_S = 60;

async function main() {
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let stopDatabase = async () => {};
  let tempDir: string | undefined;
  if (!databaseUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-bench-digest-'));
    fs.chmodSync(tempDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: tempDir });
    databaseUrl = embedded.url;
    stopDatabase = embedded.stop;
  }
  console.log(
    `database: ${process.env.BENCH_DATABASE_URL ? 'server (BENCH_DATABASE_URL)' : 'embedded PostgreSQL'}`,
  );
  const db = connect(databaseUrl, 10);
  try {
    await migrateToLatest(db);
    const seeding = performance.now();
    await db.transaction().execute(async (trx) => {
      await sql`insert into networks (slug, name, kind)
                select 'bench-digest-' || n, 'Réseau ' || n, 'club' from generate_series(1, ${NETWORKS}) n`.execute(
        trx,
      );
      await sql`insert into people (email, display_name, locale)
                select 'digest-' || i || '@bench.test', 'Personne ' || i, case when i % 4 = 0 then 'en' else 'fr' end
                  from generate_series(1, ${PEOPLE}) i`.execute(trx);
      // Each person belongs to one network.
      await sql`insert into memberships (network_id, person_id, role)
                select n.id, p.id, 'member_leader'
                  from (select id, row_number() over (order by email) as r from people where email like 'digest-%') p
                  join (select id, row_number() over (order by slug) - 1 as k from networks where slug like 'bench-digest-%') n
                    on n.k = p.r % ${NETWORKS}`.execute(trx);
      await sql`insert into working_groups (network_id, slug, name, theme)
                select n.id, 'groupe-' || g, 'Groupe ' || g, 'Thème ' || g
                  from networks n cross join generate_series(1, ${GROUPS_PER_NETWORK}) g
                 where n.slug like 'bench-digest-%'`.execute(trx);
      await sql`insert into group_charters (group_id, version, body)
                select id, 1, 'Charte' from working_groups`.execute(trx);
      // Everyone is an active member of group 1 and 2 of their network, and left group 3.
      await sql`insert into group_members (group_id, person_id, status, charter_version, charter_accepted_at, joined_at, left_at)
                select g.id, m.person_id,
                       case when g.slug = 'groupe-3' then 'left' else 'active' end,
                       1, now(), now(), case when g.slug = 'groupe-3' then now() end
                  from memberships m join working_groups g on g.network_id = m.network_id
                 where g.slug in ('groupe-1', 'groupe-2', 'groupe-3')`.execute(trx);
      await sql`insert into notifications (person_id, network_id, group_id, kind, link, title, excerpt, created_at)
                select m.person_id, m.network_id,
                       case k when 1 then null when 2 then g1.id when 3 then g1.id when 4 then g2.id else g3.id end,
                       case k when 1 then 'question' else 'post' end,
                       case k when 1 then '/n/bench' when 2 then '/n/bench/groups/groupe-1/posts/2'
                              when 3 then '/n/bench/groups/groupe-1/posts/3' when 4 then '/n/bench/groups/groupe-2/posts/4'
                              else '/n/bench/groups/groupe-3/posts/5' end,
                       case k when 5 then 'Message du groupe quitté'
                              else 'Nouveau message numéro ' || k || ' sur un sujet qui intéresse les membres' end,
                       'Un extrait du message, quelques phrases pour donner envie de le lire en entier dans le groupe.',
                       now() - interval '3 hours'
                  from memberships m
                  join working_groups g1 on g1.network_id = m.network_id and g1.slug = 'groupe-1'
                  join working_groups g2 on g2.network_id = m.network_id and g2.slug = 'groupe-2'
                  join working_groups g3 on g3.network_id = m.network_id and g3.slug = 'groupe-3'
                  cross join generate_series(1, ${LINES_PER_PERSON}) k`.execute(trx);
    });
    await sql`analyze`.execute(db);
    console.log(
      `seeded ${PEOPLE} people, ${PEOPLE * LINES_PER_PERSON} notifications in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const delivery = createNotificationDelivery({
      db,
      mailer: createOutboxMailer(db, () => undefined),
      publicUrl: 'https://meute.example',
    });
    const started = performance.now();
    const result = await delivery.runDigest('daily', new Date());
    const seconds = (performance.now() - started) / 1000;
    const leftLines = await sql<{ count: string }>`
      select count(*) as count from outbox_emails where body_text like '%groupe-3%' or body_text like '%groupe quitté%'`.execute(
      db,
    );
    console.log(
      `daily digest: ${result.mails} mails to ${result.people} people in ${seconds.toFixed(1)} s ` +
        `(${((seconds * 1000) / Math.max(1, result.mails)).toFixed(2)} ms a mail; target < ${TARGET_S} s) — ` +
        `lines of a group left e-mailed: ${leftLines.rows[0]?.count}`,
    );
    if (result.mails !== PEOPLE || Number(leftLines.rows[0]?.count) !== 0) {
      throw new Error('the digest did not reach every person, or leaked a line of a group they left');
    }
  } finally {
    await db.destroy();
    await stopDatabase();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

await main();
