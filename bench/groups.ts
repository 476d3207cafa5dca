/**
 * A working group's page through the HTTP API: a network of 500 members, a group of 120 of them
 * holding 2,000 posts (threads and replies) with reactions. 20 concurrent clients load the group
 * (detail), its first page of threads, a later page (keyset cursor) and a thread with its
 * replies. The server runs as its own process on the embedded PostgreSQL (or BENCH_DATABASE_URL).
 * Target: p95 < 300 ms.
 *
 * Each client sends its next request when the previous one answered; every response time is
 * kept and p95 computed from them (nearest rank).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../apps/server/src/db/database.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { hashPassword } from '../apps/server/src/modules/accounts/secrets.ts';
import { renderMarkdown } from '../apps/server/src/modules/groups/markdown.ts';
import { startServerProcess } from './server-process.ts';

const MEMBERS = 500;
const GROUP_MEMBERS = 120;
const POSTS = 2_000;
const THREADS = 400;
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const EMAIL = 'bench-groups@meute.test';
const PASSWORD = 'bench password';

async function main() {
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let stopDatabase = async () => {};
  let tempDir: string | undefined;
  if (!databaseUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-bench-groups-'));
    fs.chmodSync(tempDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: tempDir });
    databaseUrl = embedded.url;
    stopDatabase = embedded.stop;
  }
  console.log(
    `database: ${process.env.BENCH_DATABASE_URL ? 'server (BENCH_DATABASE_URL)' : 'embedded PostgreSQL'}`,
  );
  const db = connect(databaseUrl, 4);
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const { threadId } = await seed(db);
    console.log(
      `seeded ${MEMBERS} members, a group of ${GROUP_MEMBERS} with ${POSTS} posts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const server = await startServerProcess(databaseUrl, 4200);
    const { base } = server;
    const cookie = await server.signIn(EMAIL, PASSWORD);
    const group = `/api/networks/bench-club/groups/bench-group`;
    const first = (await (await fetch(`${base}${group}/posts`, { headers: { cookie } })).json()) as {
      nextCursor: string | null;
    };
    if (!first.nextCursor) throw new Error('the first page has no cursor: seeding failed');
    const later = `${group}/posts?after=${encodeURIComponent(first.nextCursor)}`;

    const scenarios: [string, string][] = [
      ['group detail', group],
      ['threads, first page', `${group}/posts`],
      ['threads, second page', later],
      ['a thread with replies', `${group}/posts/${threadId}`],
      ['group list of the network', '/api/networks/bench-club/groups'],
    ];
    console.log(`\n${CONNECTIONS} concurrent clients, ${DURATION_S} s per scenario:`);
    console.log(
      'scenario'.padEnd(28),
      'req/s'.padStart(7),
      'p50'.padStart(6),
      'p95'.padStart(6),
      'p99'.padStart(6),
      ' errors',
    );
    let worst = 0;
    for (const [name, url] of scenarios) {
      // CONNECTIONS clients, each sending its next request when the previous one answered.
      const times: number[] = [];
      let errors = 0;
      const until = performance.now() + DURATION_S * 1000;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() < until) {
            const sent = performance.now();
            const response = await fetch(`${base}${url}`, { headers: { cookie } });
            await response.arrayBuffer();
            times.push(performance.now() - sent);
            if (!response.ok) errors += 1;
          }
        }),
      );
      times.sort((a, b) => a - b);
      const rank = (p: number) => (times.length ? times[Math.ceil(times.length * p) - 1]! : 0);
      const p95 = rank(0.95);
      worst = Math.max(worst, p95);
      console.log(
        name.padEnd(28),
        (times.length / DURATION_S).toFixed(0).padStart(7),
        rank(0.5).toFixed(0).padStart(6),
        p95.toFixed(0).padStart(6),
        rank(0.99).toFixed(0).padStart(6),
        ` ${errors}`,
      );
    }
    console.log(`\nworst p95: ${worst.toFixed(0)} ms (target: p95 < 300 ms)`);
    await server.stop();
  } finally {
    await db.destroy();
    await stopDatabase();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/** A club of 500 member companies and their leaders; one group of 120 with 2,000 posts. */
async function seed(db: ReturnType<typeof connect>) {
  const passwordHash = await hashPassword(PASSWORD);
  return db.transaction().execute(async (trx) => {
    const club = await trx
      .insertInto('networks')
      .values({ slug: 'bench-club', name: 'Bench club', kind: 'club' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into people (email, display_name, password_hash)
              select 'bench-' || n || '@meute.test', 'Dirigeant ' || n, ${passwordHash}
                from generate_series(1, ${MEMBERS - 1}) n`.execute(trx);
    await trx
      .insertInto('people')
      .values({ email: EMAIL, display_name: 'Bench leader', password_hash: passwordHash })
      .execute();
    await sql`insert into organisations (name) select 'Entreprise ' || n from generate_series(1, ${MEMBERS}) n`.execute(
      trx,
    );
    await sql`insert into network_organisations (network_id, organisation_id)
              select ${club.id}, id from organisations`.execute(trx);
    await sql`insert into person_organisations (person_id, organisation_id, is_leader)
              select p.id, o.id, true
                from (select id, row_number() over (order by email) k from people) p
                join (select id, row_number() over (order by name) k from organisations) o using (k)`.execute(
      trx,
    );
    await sql`insert into memberships (network_id, person_id, role, organisation_id)
              select ${club.id}, po.person_id, 'member_leader', po.organisation_id from person_organisations po`.execute(
      trx,
    );
    const group = await trx
      .insertInto('working_groups')
      .values({ network_id: club.id, slug: 'bench-group', name: 'Cybersécurité', theme: 'Cybersécurité' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('group_charters')
      .values({ group_id: group.id, version: 1, body: 'Charte' })
      .execute();
    await sql`insert into group_members (group_id, person_id, role, status, charter_version, charter_accepted_at, joined_at)
              select ${group.id}, id, 'member', 'active', 1, now(), now()
                from people where email = ${EMAIL}
                   or id in (select id from people where email <> ${EMAIL} order by email limit ${GROUP_MEMBERS - 1})`.execute(
      trx,
    );
    const body = [
      'Retour d’expérience : **sauvegardes hors ligne**, MFA sur le VPN et exercice de restauration.',
      '',
      '- premier point',
      '- second point',
      '',
      'Plus de détails sur [le site de l’ANSSI](https://cyber.gouv.fr).',
    ].join('\n');
    const html = renderMarkdown(body);
    // 400 threads, each with 4 replies: 2,000 posts, spread over a year.
    await sql`insert into group_posts (id, group_id, kind, title, body_markdown, body_html, chatham, author_id,
                                       created_at, last_activity_at, reply_count)
              select gen_random_uuid(), ${group.id}, case when n % 3 = 0 then 'report' else 'discussion' end,
                     'Fil ' || n, ${body}, ${html}, n % 5 = 0,
                     (select person_id from group_members order by person_id offset (n % ${GROUP_MEMBERS}) limit 1),
                     now() - (n || ' hours')::interval, now() - (n || ' hours')::interval + interval '30 minutes',
                     ${(POSTS - THREADS) / THREADS}
                from generate_series(1, ${THREADS}) n`.execute(trx);
    await sql`insert into group_posts (group_id, thread_id, kind, body_markdown, body_html, chatham, author_id,
                                       created_at, last_activity_at)
              select t.group_id, t.id, 'reply', ${body}, ${html}, t.chatham,
                     (select person_id from group_members order by person_id offset (r * 7 % ${GROUP_MEMBERS}) limit 1),
                     t.created_at + (r || ' minutes')::interval, t.created_at + (r || ' minutes')::interval
                from group_posts t cross join generate_series(1, ${(POSTS - THREADS) / THREADS}) r
               where t.thread_id is null`.execute(trx);
    await sql`insert into group_post_reactions (post_id, group_id, person_id, reaction)
              select p.id, p.group_id, m.person_id, 'thanks'
                from group_posts p
                join lateral (select person_id from group_members order by person_id limit 3) m on true
               where p.thread_id is null`.execute(trx);
    await sql`analyze`.execute(trx);
    const thread = await trx
      .selectFrom('group_posts')
      .select('id')
      .where('thread_id', 'is', null)
      .orderBy('last_activity_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { threadId: thread.id };
  });
}

await main();
