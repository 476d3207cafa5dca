import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * The club's Cybersécurité group co-writes its « note blanche » for the plenary in Caen (four
 * versions by three members), two questions to peers with their answers, and the club's rule:
 * no selling to each other (scenario S1). Call inside the demo transaction, after the groups.
 */
export async function loadDemoNotesAndQuestions(
  db: Kysely<DB>,
  networkIds: Map<string, string>,
  personIds: Map<string, string>,
) {
  const clubId = networkIds.get('club-eti-normandie')!;
  const dirigeant = personIds.get('dirigeant@demo.meute.fr')!;
  await db.updateTable('networks').set({ no_business: true }).where('id', '=', clubId).execute();

  const group = await db
    .selectFrom('working_groups')
    .select('id')
    .where('network_id', '=', clubId)
    .where('slug', '=', 'cybersecurite')
    .executeTakeFirst();
  const members = group
    ? await db
        .selectFrom('group_members as gm')
        .innerJoin('people as p', 'p.id', 'gm.person_id')
        .select(['p.id', 'p.display_name'])
        .where('gm.group_id', '=', group.id)
        .where('gm.status', '=', 'active')
        .orderBy('gm.joined_at')
        .orderBy('p.display_name')
        .execute()
    : [];
  if (group && members.length >= 3) {
    const [first, second, third] = [members[0]!, members[1]!, members[2]!];
    const versions = [
      { by: first.id, at: '2026-11-10T08:30:00Z', summary: 'Premier jet : constat', body: V1 },
      { by: second.id, at: '2026-11-12T17:05:00Z', summary: 'Ajout des recommandations', body: V2 },
      { by: third.id, at: '2026-11-14T09:40:00Z', summary: 'Chiffres du questionnaire', body: V3 },
      { by: first.id, at: '2026-11-18T16:20:00Z', summary: 'Relecture avant la plénière', body: V4 },
    ];
    const title = 'Note blanche — cybersécurité des ETI normandes (plénière de Caen)';
    const note = await db
      .insertInto('group_notes')
      .values({
        network_id: clubId,
        group_id: group.id,
        title,
        current_version: versions.length,
        created_by: first.id,
        created_at: versions[0]!.at,
        updated_at: versions.at(-1)!.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('group_note_versions')
      .values(
        versions.map((v, index) => ({
          note_id: note.id,
          group_id: group.id,
          version: index + 1,
          title,
          body: v.body,
          summary: v.summary,
          author_id: v.by,
          created_at: v.at,
        })),
      )
      .execute();
  }

  // Questions to peers: the demo leader asks the IT directors; an HR director asks the leader.
  const itDirectors = await db
    .selectFrom('person_organisations as po')
    .innerJoin('memberships as m', 'm.person_id', 'po.person_id')
    .innerJoin('people as p', 'p.id', 'po.person_id')
    .select(['p.id', 'p.display_name'])
    .where('m.network_id', '=', clubId)
    .where('po.codir_role', '=', 'it')
    .where('p.id', '<>', dirigeant)
    .orderBy('p.display_name')
    .distinct()
    .limit(3)
    .execute();
  const hrDirectors = await db
    .selectFrom('person_organisations as po')
    .innerJoin('memberships as m', 'm.person_id', 'po.person_id')
    .innerJoin('people as p', 'p.id', 'po.person_id')
    .select(['p.id', 'p.display_name'])
    .where('m.network_id', '=', clubId)
    .where('po.codir_role', '=', 'hr')
    .where('p.id', '<>', dirigeant)
    .orderBy('p.display_name')
    .distinct()
    .limit(2)
    .execute();
  if (itDirectors.length >= 2) {
    const erp = await db
      .insertInto('peer_questions')
      .values({
        network_id: clubId,
        asker_id: dirigeant,
        title: 'Qui a déjà changé d’ERP ?',
        body: 'Notre ERP arrive en fin de support en 2027. Nous hésitons entre une migration vers la nouvelle version de notre éditeur et un changement complet (Odoo, Divalto). Combien de temps, quels pièges, quel accompagnement ?',
        created_at: '2026-11-16T10:15:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const why = 'au CODIR : Direction informatique (Système d’information)';
    await db
      .insertInto('peer_question_routes')
      .values([
        {
          question_id: erp.id,
          person_id: itDirectors[0]!.id,
          status: 'answered',
          why,
          routed_at: '2026-11-16T10:15:00Z',
          responded_at: '2026-11-17T07:50:00Z',
        },
        {
          question_id: erp.id,
          person_id: itDirectors[1]!.id,
          status: 'pending',
          why,
          routed_at: '2026-11-16T10:15:00Z',
        },
      ])
      .execute();
    await db
      .insertInto('peer_question_answers')
      .values({
        question_id: erp.id,
        author_id: itDirectors[0]!.id,
        body: 'Nous sommes passés à Divalto en 2024 : 14 mois de projet au lieu des 9 prévus. Trois conseils : nettoyez vos données articles AVANT la migration, bloquez deux utilisateurs clés à mi-temps pendant toute la durée, et gardez l’ancien ERP en lecture seule au moins un an. Je peux vous montrer notre cahier des charges.',
        created_at: '2026-11-17T07:50:00Z',
      })
      .execute();
  }
  const besnard = await db
    .selectFrom('people')
    .select('id')
    .where('display_name', '=', 'Olivier Besnard')
    .executeTakeFirst();
  if (besnard && hrDirectors.some((p) => p.id !== besnard.id)) {
    const other = hrDirectors.find((p) => p.id !== besnard.id)!;
    const apprentices = await db
      .insertInto('peer_questions')
      .values({
        network_id: clubId,
        asker_id: besnard.id,
        title: 'Comment fidélisez-vous vos alternants après leur diplôme ?',
        body: 'Sur nos 12 alternants de l’an dernier, 3 seulement sont restés. Qu’est-ce qui marche chez vous ?',
        created_at: '2026-11-19T13:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('peer_question_routes')
      .values([
        {
          question_id: apprentices.id,
          person_id: other.id,
          status: 'answered',
          why: 'au CODIR : Ressources humaines (recrutement, formation)',
          routed_at: '2026-11-19T13:00:00Z',
          responded_at: '2026-11-20T08:30:00Z',
        },
        {
          question_id: apprentices.id,
          person_id: dirigeant,
          status: 'pending',
          why: '',
          routed_at: '2026-11-19T13:00:00Z',
        },
      ])
      .execute();
    await db
      .insertInto('peer_question_answers')
      .values({
        question_id: apprentices.id,
        author_id: other.id,
        body: 'Un tuteur formé et déchargé de 10 % de son temps, un entretien de mi-parcours avec la DRH, et une proposition de poste écrite trois mois avant la fin du contrat. Nous gardons 7 alternants sur 10 depuis deux ans.',
        created_at: '2026-11-20T08:30:00Z',
      })
      .execute();
  }
}

const V1 = `# Constat

Entre janvier et octobre 2026, sept membres du club ont subi une tentative de rançongiciel. Deux ont dû arrêter une ligne de production plus de 48 heures.

Les points d’entrée se ressemblent : comptes VPN de prestataires sans double authentification, messagerie, et sauvegardes accessibles depuis le réseau.`;

const V2 = `${V1}

# Recommandations aux dirigeants

1. Rendre la double authentification (MFA) obligatoire pour tous les accès distants, prestataires compris.
2. Garder une copie des sauvegardes hors ligne et tester une restauration complète chaque trimestre.
3. Écrire la procédure de crise sur une page : qui appeler, qui décide d’isoler, qui parle aux clients.`;

const V3 = `# Constat

Entre janvier et octobre 2026, sept membres du club ont subi une tentative de rançongiciel. Deux ont dû arrêter une ligne de production plus de 48 heures.

Les points d’entrée se ressemblent : comptes VPN de prestataires sans double authentification, messagerie, et sauvegardes accessibles depuis le réseau.

Notre questionnaire (14 DSI, octobre 2026) : 9 entreprises sur 14 ont une MFA sur tous les accès distants, 6 sur 14 ont testé une restauration complète cette année, 4 sur 14 ont un exercice de crise planifié.

# Recommandations aux dirigeants

1. Rendre la double authentification (MFA) obligatoire pour tous les accès distants, prestataires compris.
2. Garder une copie des sauvegardes hors ligne et tester une restauration complète chaque trimestre.
3. Écrire la procédure de crise sur une page : qui appeler, qui décide d’isoler, qui parle aux clients.`;

const V4 = `${V3}
4. Budgéter la cybersécurité comme un risque industriel : 5 à 8 % du budget informatique.

# Ce que le club propose

- un exercice de crise commun au printemps 2027, animé par le groupe ;
- un achat groupé de sensibilisation et de tests d’intrusion (voir la campagne en cours) ;
- une liste d’astreinte entre DSI pour s’entraider la nuit d’un incident.

*Note présentée à la plénière de Caen. Le groupe se tient à la disposition des dirigeants qui veulent en parler.*`;
