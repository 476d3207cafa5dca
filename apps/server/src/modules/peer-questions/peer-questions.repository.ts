import type { Kysely } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/** The roles of the people a question may be routed to: the network's members. */
export const PEER_ROLES = ['member_leader', 'member_employee', 'partner_delegate'] as const;

/**
 * The only place with SQL for questions to peers. Evidence about candidates is read under the
 * ASKER's row-level security: a group they are not in, or a post they may not read, is simply not
 * there — so it can never become a reason shown to them.
 */
export function createPeerQuestionsRepository() {
  return {
    /** The network's members other than the asker, with their job and organisation in this network. */
    async candidates(db: Scoped, networkId: string, askerId: string) {
      const people = await db
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select(['p.id', 'p.display_name', 'p.job_title'])
        .where('m.network_id', '=', networkId)
        .where('m.role', 'in', [...PEER_ROLES])
        .where('p.id', '<>', askerId)
        .where('p.disabled_at', 'is', null)
        .distinct()
        .execute();
      const ids = people.map((p) => p.id);
      const organisations =
        ids.length === 0
          ? []
          : await db
              .selectFrom('person_organisations as po')
              .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
              .innerJoin('network_organisations as no', 'no.organisation_id', 'o.id')
              .select([
                'po.person_id',
                'po.job_title',
                'po.codir_role',
                'o.id as organisation_id',
                'o.name',
                'o.description',
                'o.naf_code',
              ])
              .where('no.network_id', '=', networkId)
              .where('po.person_id', 'in', ids)
              .execute();
      const orgIds = [...new Set(organisations.map((o) => o.organisation_id))];
      const competences =
        orgIds.length === 0
          ? []
          : await db
              .selectFrom('organisation_competences as oc')
              .innerJoin('competences as c', 'c.id', 'oc.competence_id')
              .select(['oc.organisation_id', 'c.label'])
              .where('oc.organisation_id', 'in', orgIds)
              .execute();
      return { people, organisations, competences };
    },

    /**
     * The groups of the network each person is an active member of, as far as the asker may
     * know: the membership rows the asker's row-level security shows (their own groups' members,
     * or every group for the network's staff).
     */
    groupMemberships(db: Scoped, networkId: string, personIds: readonly string[]) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('group_members as gm')
        .innerJoin('working_groups as g', 'g.id', 'gm.group_id')
        .select(['gm.person_id', 'g.name', 'g.theme', 'g.description'])
        .where('g.network_id', '=', networkId)
        .where('g.archived_at', 'is', null)
        .where('gm.status', '=', 'active')
        .where('gm.person_id', 'in', personIds)
        .execute();
    },

    /**
     * Experience reports the asker may read (row-level security: groups whose content they read)
     * and that may name their author to them: never a Chatham House one, never a hidden one.
     */
    readableReports(db: Scoped, networkId: string, personIds: readonly string[]) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('group_posts as gp')
        .innerJoin('working_groups as g', 'g.id', 'gp.group_id')
        .select(['gp.author_id', 'gp.title', 'gp.body_markdown'])
        .where('g.network_id', '=', networkId)
        .where('gp.kind', '=', 'report')
        .where('gp.chatham', '=', false)
        .where('gp.hidden_at', 'is', null)
        .where('gp.author_id', 'in', personIds)
        .execute();
    },

    /** The people of the network that questions may be routed to, among the given ids. */
    async routablePeople(db: Db, networkId: string, ids: readonly string[]) {
      if (ids.length === 0) return new Set<string>();
      const rows = await db
        .selectFrom('memberships')
        .select('person_id')
        .where('network_id', '=', networkId)
        .where('role', 'in', [...PEER_ROLES])
        .where('person_id', 'in', ids)
        .execute();
      return new Set(rows.map((row) => row.person_id));
    },

    async insertQuestion(
      db: Db,
      values: { networkId: string; askerId: string; title: string; body: string },
      routes: readonly { personId: string; why: string }[],
    ) {
      const question = await db
        .insertInto('peer_questions')
        .values({
          network_id: values.networkId,
          asker_id: values.askerId,
          title: values.title,
          body: values.body,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('peer_question_routes')
        .values(
          routes.map((route) => ({ question_id: question.id, person_id: route.personId, why: route.why })),
        )
        .execute();
      return question.id;
    },

    /** Questions the caller reads (row-level security), of one network, with route counts. */
    listQuestions(db: Scoped, networkId: string, filter: { askerId?: string; routedTo?: string }) {
      let query = db
        .selectFrom('peer_questions as q')
        .innerJoin('people as p', 'p.id', 'q.asker_id')
        .select((eb) => [
          'q.id',
          'q.title',
          'q.created_at',
          'q.asker_id',
          'p.display_name as asker_name',
          eb
            .selectFrom('peer_question_routes as r')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('r.question_id', '=', 'q.id')
            .as('routed'),
          eb
            .selectFrom('peer_question_routes as r')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('r.question_id', '=', 'q.id')
            .where('r.status', '=', 'answered')
            .as('answered'),
          eb
            .selectFrom('peer_question_routes as r')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('r.question_id', '=', 'q.id')
            .where('r.status', '=', 'declined')
            .as('declined'),
        ])
        .where('q.network_id', '=', networkId);
      if (filter.askerId) query = query.where('q.asker_id', '=', filter.askerId);
      if (filter.routedTo) {
        const person = filter.routedTo;
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('peer_question_routes as mine')
              .select('mine.question_id')
              .whereRef('mine.question_id', '=', 'q.id')
              .where('mine.person_id', '=', person),
          ),
        );
      }
      return query.orderBy('q.created_at', 'desc').orderBy('q.id').limit(200).execute();
    },

    findQuestion(db: Scoped, networkId: string, id: string) {
      return db
        .selectFrom('peer_questions as q')
        .select(['q.id', 'q.network_id', 'q.asker_id', 'q.title', 'q.body', 'q.created_at'])
        .where('q.network_id', '=', networkId)
        .where('q.id', '=', id)
        .executeTakeFirst();
    },

    /** The routes the caller may see (row-level security: all for the asker and staff, else their own). */
    routes(db: Scoped, questionId: string) {
      return db
        .selectFrom('peer_question_routes')
        .select([
          'person_id',
          'status',
          'why',
          'decline_reason',
          'decline_reason_public',
          'responded_at',
          'routed_at',
        ])
        .where('question_id', '=', questionId)
        .orderBy('routed_at')
        .orderBy('person_id')
        .execute();
    },

    answers(db: Scoped, questionId: string) {
      return db
        .selectFrom('peer_question_answers')
        .select(['id', 'author_id', 'body', 'created_at'])
        .where('question_id', '=', questionId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** Locks the person's route until the end of the transaction. */
    lockRoute(db: Db, questionId: string, personId: string) {
      return db
        .selectFrom('peer_question_routes')
        .select(['status'])
        .where('question_id', '=', questionId)
        .where('person_id', '=', personId)
        .forUpdate()
        .executeTakeFirst();
    },

    async answer(db: Db, questionId: string, personId: string, body: string, at: Date) {
      await db
        .insertInto('peer_question_answers')
        .values({ question_id: questionId, author_id: personId, body, created_at: at })
        .execute();
      await db
        .updateTable('peer_question_routes')
        .set({ status: 'answered', responded_at: at })
        .where('question_id', '=', questionId)
        .where('person_id', '=', personId)
        .execute();
    },

    async decline(db: Db, questionId: string, personId: string, reason: string, isPublic: boolean, at: Date) {
      await db
        .updateTable('peer_question_routes')
        .set({
          status: 'declined',
          decline_reason: reason,
          decline_reason_public: isPublic,
          responded_at: at,
        })
        .where('question_id', '=', questionId)
        .where('person_id', '=', personId)
        .execute();
    },

    async names(db: Kysely<DB>, ids: readonly (string | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
      if (wanted.length === 0) return new Map<string, string>();
      const rows = await db
        .selectFrom('people')
        .select(['id', 'display_name'])
        .where('id', 'in', wanted)
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },

    async locales(db: Db, ids: readonly string[]) {
      if (ids.length === 0) return new Map<string, 'fr' | 'en'>();
      const rows = await db.selectFrom('people').select(['id', 'locale']).where('id', 'in', ids).execute();
      return new Map(rows.map((row) => [row.id, row.locale]));
    },
  };
}

export type PeerQuestionsRepository = ReturnType<typeof createPeerQuestionsRepository>;
