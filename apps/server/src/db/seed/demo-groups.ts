import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { renderMarkdown } from '../../modules/groups/markdown.ts';
import type { DB } from '../schema.ts';
import type { GroupPostsTable, GroupReaction } from '../schema-group-posts.ts';

/**
 * The working groups of « Club ETI Normandie » (scenario S1) and a few months of their
 * exchanges — all fictional. Cybersécurité gathers 14 IT directors, among them Plastiflex's, who
 * posted the Chatham House report of a ransomware attempt; the demo leader belongs to RSE and
 * Transitions; the club's facilitator is a member of RSE only, so she sees the content of one
 * group and only the names and members of the others.
 */

const THEMES = ['Cybersécurité', 'RSE', 'Transitions', 'Attractivité des métiers'];

const FIRST = [
  'Karine',
  'Thomas',
  'Nadia',
  'Julien',
  'Sophie',
  'Marc',
  'Élodie',
  'Franck',
  'Claire',
  'Yannick',
];
const MORE = [
  'Hélène',
  'Stéphane',
  'Laure',
  'Bruno',
  'Anne',
  'Cédric',
  'Isabelle',
  'Romain',
  'Delphine',
  'Pascal',
];
const LAST = [
  'Lemarchand',
  'Guérin',
  'Benali',
  'Hamel',
  'Lecoq',
  'Duval',
  'Marie',
  'Lebrun',
  'Vautier',
  'Osmont',
  'Letellier',
  'Jouan',
  'Féron',
  'Lepetit',
  'Bazin',
  'Hébert',
  'Lemonnier',
  'Roussel',
  'Delamare',
  'Picot',
];

const CHARTER = (name: string) =>
  [
    `Charte du groupe « ${name} »`,
    '',
    '1. Ce qui se dit dans le groupe reste dans le groupe : pas de capture d’écran, pas de transfert.',
    '2. Les échanges peuvent être réutilisés sans jamais nommer leur auteur en dehors du groupe (règle de Chatham House).',
    '3. Pas de démarchage commercial entre membres.',
    '4. Chacun parle de ce qu’il a vécu, avec bienveillance et sans jugement.',
  ].join('\n');

interface DemoPost {
  author: string;
  kind: 'discussion' | 'report';
  title: string;
  body: string;
  chatham?: boolean;
  at: string;
  replies: { author: string; body: string; hoursLater: number }[];
  reactions?: { who: string; reaction: GroupReaction }[];
}

/** Loads the groups into the club; call inside the demo transaction. */
export async function loadDemoGroups(
  db: Kysely<DB>,
  networkIds: Map<string, string>,
  personIds: Map<string, string>,
) {
  const clubId = networkIds.get('club-eti-normandie')!;
  const dirigeant = personIds.get('dirigeant@demo.meute.fr')!;
  const animatrice = personIds.get('animatrice@demo.meute.fr')!;
  const companies = await db
    .selectFrom('network_organisations as no')
    .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
    .select(['o.id', 'o.name'])
    .where('no.network_id', '=', clubId)
    .where('o.kind', '=', 'company')
    .orderBy('o.name')
    .execute();
  const plastiflex = companies.find((c) => c.name === 'Plastiflex')!;
  const others = companies.filter((c) => c.id !== plastiflex.id).slice(0, 20);

  // The people: Plastiflex's IT and HR directors, 13 more IT directors, 8 more leaders, 3 HR directors.
  type Person = {
    key: string;
    name: string;
    organisationId: string;
    role: 'it' | 'hr' | 'ceo';
    isLeader: boolean;
  };
  const people: Person[] = [
    { key: 'pf-it', name: 'Karine Lemarchand', organisationId: plastiflex.id, role: 'it', isLeader: false },
    { key: 'pf-hr', name: 'Olivier Besnard', organisationId: plastiflex.id, role: 'hr', isLeader: false },
  ];
  for (let i = 0; i < 13; i += 1) {
    people.push({
      key: `it-${i}`,
      name: `${FIRST[(i + 1) % FIRST.length]} ${LAST[i + 1]}`,
      organisationId: others[i % others.length]!.id,
      role: 'it',
      isLeader: false,
    });
  }
  for (let i = 0; i < 8; i += 1) {
    people.push({
      key: `ceo-${i}`,
      name: `${MORE[i]} ${LAST[(i + 12) % LAST.length]}`,
      organisationId: others[(i + 5) % others.length]!.id,
      role: 'ceo',
      isLeader: true,
    });
  }
  for (let i = 0; i < 3; i += 1) {
    people.push({
      key: `hr-${i}`,
      name: `${MORE[i + 8] ?? 'Anne'} ${LAST[(i + 3) % LAST.length]}`,
      organisationId: others[(i + 9) % others.length]!.id,
      role: 'hr',
      isLeader: false,
    });
  }
  const ids = new Map<string, string>([
    ['dirigeant', dirigeant],
    ['animatrice', animatrice],
  ]);
  for (const person of people) ids.set(person.key, randomUUID());
  const emailOf = (name: string) =>
    `${name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')}@groupes.demo.meute.fr`;
  await db
    .insertInto('people')
    .values(
      people.map((p) => ({
        id: ids.get(p.key)!,
        email: emailOf(p.name),
        display_name: p.name,
        password_hash: null,
        is_demo: true,
      })),
    )
    .execute();
  await db
    .insertInto('person_organisations')
    .values(
      people.map((p) => ({
        person_id: ids.get(p.key)!,
        organisation_id: p.organisationId,
        job_title: p.role === 'it' ? 'DSI' : p.role === 'hr' ? 'DRH' : 'Président-directeur général',
        is_leader: p.isLeader,
        codir_role: p.role,
      })),
    )
    .execute();
  await db
    .insertInto('memberships')
    .values(
      people.map((p) => ({
        person_id: ids.get(p.key)!,
        network_id: clubId,
        role: p.isLeader ? ('member_leader' as const) : ('member_employee' as const),
        organisation_id: p.organisationId,
      })),
    )
    .execute();
  await db
    .updateTable('person_organisations')
    .set({ codir_role: 'ceo' })
    .where('person_id', '=', dirigeant)
    .where('organisation_id', '=', plastiflex.id)
    .execute();

  await db
    .insertInto('group_themes')
    .values(THEMES.map((label, position) => ({ network_id: clubId, label, position })))
    .execute();

  const itKeys = ['pf-it', ...Array.from({ length: 13 }, (_, i) => `it-${i}`)];
  const groups = [
    {
      slug: 'cybersecurite',
      name: 'Cybersécurité',
      theme: 'Cybersécurité',
      description:
        'Les DSI des membres partagent incidents, outils et bonnes pratiques : sauvegardes, MFA, sensibilisation, relations avec l’ANSSI et les assureurs.',
      audience: 'codir-roles' as const,
      codirRoles: ['it'],
      leaders: ['it-0'],
      members: itKeys,
    },
    {
      slug: 'rse',
      name: 'RSE',
      theme: 'RSE',
      description:
        'Bilan carbone, CSRD, achats responsables : les dirigeants et leurs responsables RSE comparent leurs démarches.',
      audience: 'leaders-and-codir' as const,
      codirRoles: [],
      leaders: ['dirigeant'],
      members: ['dirigeant', 'animatrice', 'ceo-0', 'ceo-1', 'ceo-2', 'ceo-3', 'ceo-4', 'hr-0'],
    },
    {
      slug: 'transitions',
      name: 'Transitions',
      theme: 'Transitions',
      description:
        'Transition énergétique, numérique et transmission d’entreprise : entre dirigeants uniquement.',
      audience: 'leaders' as const,
      codirRoles: [],
      leaders: ['ceo-5'],
      members: ['dirigeant', 'ceo-5', 'ceo-6', 'ceo-7', 'ceo-1', 'ceo-3'],
    },
    {
      slug: 'attractivite-des-metiers',
      name: 'Attractivité des métiers',
      theme: 'Attractivité des métiers',
      description:
        'Recruter et fidéliser dans l’industrie : les DRH et les dirigeants partagent ce qui marche (alternance, marque employeur, logement).',
      audience: 'codir-roles' as const,
      codirRoles: ['hr'],
      leaders: ['pf-hr'],
      members: ['pf-hr', 'hr-0', 'hr-1', 'hr-2', 'ceo-2', 'ceo-6'],
    },
  ];

  const groupIds = new Map<string, string>();
  for (const group of groups) groupIds.set(group.slug, randomUUID());
  await db
    .insertInto('working_groups')
    .values(
      groups.map((g) => ({
        id: groupIds.get(g.slug)!,
        network_id: clubId,
        slug: g.slug,
        name: g.name,
        theme: g.theme,
        description: g.description,
        audience: g.audience,
        codir_roles: g.codirRoles,
        created_by: animatrice,
        created_at: new Date('2026-06-02T09:00:00Z'),
      })),
    )
    .execute();
  await db
    .insertInto('group_charters')
    .values(
      groups.map((g) => ({
        group_id: groupIds.get(g.slug)!,
        version: 1,
        body: CHARTER(g.name),
        created_by: animatrice,
        created_at: new Date('2026-06-02T09:00:00Z'),
      })),
    )
    .execute();
  const joined = new Date('2026-06-15T08:00:00Z');
  await db
    .insertInto('group_members')
    .values(
      groups.flatMap((g) =>
        g.members.map((key) => ({
          group_id: groupIds.get(g.slug)!,
          person_id: ids.get(key)!,
          role: g.leaders.includes(key) ? ('leader' as const) : ('member' as const),
          status: 'active' as const,
          charter_version: 1,
          charter_accepted_at: joined,
          joined_at: joined,
          invited_by: animatrice,
        })),
      ),
    )
    .execute();

  const posts: Insertable<GroupPostsTable>[] = [];
  const reactions: { post_id: string; group_id: string; person_id: string; reaction: GroupReaction }[] = [];
  for (const [slug, threads] of Object.entries(EXCHANGES)) {
    const groupId = groupIds.get(slug)!;
    for (const thread of threads) {
      const threadId = randomUUID();
      const at = new Date(thread.at);
      const last = thread.replies.reduce((max, r) => Math.max(max, r.hoursLater), 0);
      posts.push({
        id: threadId,
        group_id: groupId,
        thread_id: null,
        kind: thread.kind,
        title: thread.title,
        body_markdown: thread.body,
        body_html: renderMarkdown(thread.body),
        chatham: thread.chatham ?? false,
        author_id: ids.get(thread.author)!,
        created_at: at,
        last_activity_at: new Date(at.getTime() + last * 3_600_000),
        reply_count: thread.replies.length,
      });
      for (const reply of thread.replies) {
        posts.push({
          id: randomUUID(),
          group_id: groupId,
          thread_id: threadId,
          kind: 'reply',
          title: null,
          body_markdown: reply.body,
          body_html: renderMarkdown(reply.body),
          chatham: thread.chatham ?? false,
          author_id: ids.get(reply.author)!,
          created_at: new Date(at.getTime() + reply.hoursLater * 3_600_000),
          last_activity_at: new Date(at.getTime() + reply.hoursLater * 3_600_000),
        });
      }
      for (const r of thread.reactions ?? []) {
        reactions.push({
          post_id: threadId,
          group_id: groupId,
          person_id: ids.get(r.who)!,
          reaction: r.reaction,
        });
      }
    }
  }
  await db.insertInto('group_posts').values(posts).execute();
  if (reactions.length) await db.insertInto('group_post_reactions').values(reactions).execute();
}

const it = (i: number) => `it-${i}`;

const EXCHANGES: Record<string, DemoPost[]> = {
  cybersecurite: [
    {
      author: 'pf-it',
      kind: 'report',
      chatham: true,
      title: 'Tentative de rançongiciel bloquée : ce qui s’est passé et ce que nous changeons',
      at: '2026-11-03T07:40:00Z',
      body: [
        'Retour d’expérience à chaud, en mode Chatham House : réutilisez-le, ne nous citez pas.',
        '',
        '**Ce qui s’est passé.** Dimanche à 2 h 10, connexion VPN avec le compte d’un prestataire de maintenance, sans double authentification. L’attaquant a tenté de désactiver l’antivirus sur deux serveurs de production, puis de supprimer les clichés des sauvegardes.',
        '',
        '**Ce qui nous a sauvés.**',
        '- l’EDR a isolé les deux serveurs à 2 h 34 et réveillé l’astreinte ;',
        '- les sauvegardes hors ligne (bandes, rotation hebdomadaire) étaient intactes ;',
        '- la procédure d’astreinte tenait sur une page, avec les bons numéros.',
        '',
        '**Ce que nous changeons.**',
        '1. MFA obligatoire pour tous les comptes VPN, prestataires compris (fait lundi) ;',
        '2. comptes prestataires ouverts à la demande, pour 48 h ;',
        '3. exercice de restauration complet chaque trimestre.',
        '',
        'Je tiens la chronologie détaillée et les indicateurs de compromission à la disposition des membres du groupe.',
      ].join('\n'),
      replies: [
        {
          author: it(0),
          body: 'Merci pour ce partage très concret. Quel EDR utilisez-vous, et en mode détection seule ou blocage ?',
          hoursLater: 1,
        },
        {
          author: 'pf-it',
          body: 'En blocage sur les serveurs, détection seule sur les postes d’atelier (trop de faux positifs sur les automates).',
          hoursLater: 2,
        },
        {
          author: it(1),
          body: 'Même scénario chez nous il y a un an, via un compte de télémaintenance. Depuis, nos prestataires passent par un bastion.',
          hoursLater: 3,
        },
        {
          author: it(2),
          body: 'Nous vérifions ce matin nos comptes VPN inactifs : 11 comptes de plus de 90 jours…',
          hoursLater: 4,
        },
        {
          author: it(3),
          body: 'Votre assureur a-t-il été prévenu, même sans sinistre ? Le nôtre l’exige sous 48 h.',
          hoursLater: 6,
        },
        {
          author: 'pf-it',
          body: 'Oui, déclaration faite lundi matin ; ils demandent la chronologie et la preuve du MFA.',
          hoursLater: 7,
        },
        {
          author: it(4),
          body: 'Pour les sauvegardes, nous sommes passés à un stockage immuable (rétention verrouillée 30 jours). Je peux en parler à la prochaine réunion.',
          hoursLater: 20,
        },
        {
          author: it(5),
          body: 'Très utile. Nous lançons le même exercice de restauration en décembre.',
          hoursLater: 26,
        },
        {
          author: it(6),
          body: 'Merci. Nous avons relayé la checklist au comité de direction ce matin.',
          hoursLater: 40,
        },
      ],
      reactions: [
        { who: it(0), reaction: 'thanks' },
        { who: it(1), reaction: 'same-here' },
        { who: it(2), reaction: 'insightful' },
        { who: it(3), reaction: 'thanks' },
        { who: it(7), reaction: 'thumbs-up' },
        { who: it(8), reaction: 'insightful' },
      ],
    },
    {
      author: it(0),
      kind: 'discussion',
      title: 'Campagne commune de sensibilisation au hameçonnage',
      at: '2026-09-15T08:00:00Z',
      body: 'Plusieurs d’entre nous cherchent un prestataire de faux hameçonnage. Qui a une expérience à partager (fréquence des campagnes, taux de clic au départ et après six mois) ?',
      replies: [
        {
          author: it(4),
          body: 'Taux de clic de 23 % à la première campagne, 6 % après quatre campagnes trimestrielles. L’essentiel : un message bienveillant après le clic, jamais de sanction.',
          hoursLater: 5,
        },
        {
          author: it(7),
          body: 'Nous serions intéressés par une commande groupée, si l’équipe du club peut la porter.',
          hoursLater: 28,
        },
      ],
      reactions: [{ who: it(4), reaction: 'thumbs-up' }],
    },
    {
      author: it(8),
      kind: 'discussion',
      title: 'NIS 2 : qui est concerné parmi nous ?',
      at: '2026-10-06T13:30:00Z',
      body: 'La transposition de la directive **NIS 2** arrive. Avez-vous fait l’exercice de savoir si vous êtes « entité importante » ? Le site de l’ANSSI propose un test d’éligibilité.',
      replies: [
        {
          author: it(9),
          body: 'Oui, fabrication de produits en plastique et plus de 250 salariés : nous sommes dedans.',
          hoursLater: 3,
        },
        {
          author: it(10),
          body: 'Nous préparons une note pour le CODIR ; je la partagerai ici quand elle sera relue.',
          hoursLater: 50,
        },
      ],
    },
    {
      author: it(11),
      kind: 'report',
      title: 'Migration de nos automates vers un réseau industriel segmenté',
      at: '2026-08-25T09:15:00Z',
      body: 'Six mois de travaux pour séparer le réseau de production du réseau bureautique. Les trois leçons : cartographier d’abord, couper ensuite ; impliquer les régleurs dès le début ; prévoir un budget pour les vieux automates qui ne supportent rien.',
      replies: [
        { author: it(12), body: 'Quel budget au final, pour quelle taille de site ?', hoursLater: 30 },
      ],
      reactions: [{ who: it(12), reaction: 'insightful' }],
    },
  ],
  rse: [
    {
      author: 'dirigeant',
      kind: 'report',
      title: 'Notre premier bilan carbone : ce que nous aurions aimé savoir',
      at: '2026-09-08T10:00:00Z',
      body: 'Les achats de matières représentent 71 % de nos émissions : l’énergie du site, que nous pensions prioritaire, pèse moins de 10 %. Commencez par vos achats et vos fournisseurs de résine.',
      replies: [
        {
          author: 'ceo-0',
          body: 'Même constat : 64 % pour l’acier chez nous. Avez-vous demandé des données à vos fournisseurs ?',
          hoursLater: 4,
        },
        {
          author: 'dirigeant',
          body: 'Oui, deux sur cinq ont répondu avec des facteurs d’émission spécifiques. Les autres, ratios monétaires.',
          hoursLater: 6,
        },
        {
          author: 'animatrice',
          body: 'Je propose d’inviter le cabinet qui a accompagné Plastiflex à la plénière de janvier.',
          hoursLater: 24,
        },
      ],
      reactions: [
        { who: 'ceo-0', reaction: 'insightful' },
        { who: 'ceo-1', reaction: 'thanks' },
      ],
    },
    {
      author: 'ceo-2',
      kind: 'discussion',
      title: 'CSRD : report de calendrier, on continue ?',
      at: '2026-10-20T16:00:00Z',
      body: 'Avec le report, certains arrêtent leur double matérialité. Nous continuons, nos clients donneurs d’ordre la demandent. Et vous ?',
      replies: [
        { author: 'ceo-3', body: 'Nous continuons aussi, à un rythme plus doux.', hoursLater: 2 },
        {
          author: 'hr-0',
          body: 'Côté social, les indicateurs nous servent déjà pour la marque employeur.',
          hoursLater: 20,
        },
      ],
    },
  ],
  transitions: [
    {
      author: 'ceo-5',
      kind: 'discussion',
      title: 'Transmission : quand en parler à ses équipes ?',
      at: '2026-09-29T07:30:00Z',
      body: 'Je prépare la transmission de l’entreprise familiale d’ici trois ans. À quel moment l’avez-vous annoncée au CODIR, puis aux salariés ?',
      replies: [
        {
          author: 'dirigeant',
          body: 'Au CODIR dix-huit mois avant, aux salariés une fois le repreneur choisi. Trop tôt, l’incertitude fait partir les meilleurs.',
          hoursLater: 5,
        },
        {
          author: 'ceo-6',
          body: 'Nous avons fait l’inverse, en toute transparence, et cela s’est bien passé — mais nous sommes 250, pas 1 000.',
          hoursLater: 26,
        },
      ],
      reactions: [{ who: 'ceo-7', reaction: 'thanks' }],
    },
    {
      author: 'dirigeant',
      kind: 'report',
      title: 'Contrat d’achat d’électricité renouvelable (PPA) : retour après un an',
      at: '2026-11-05T09:00:00Z',
      body: 'Prix fixe sur 10 ans pour 40 % de notre consommation. Après un an : une facture plus stable, un peu plus chère que le marché cet été. Le vrai sujet a été la clause de volume.',
      replies: [
        {
          author: 'ceo-1',
          body: 'Seriez-vous prêt à présenter le montage à la plénière ? Plusieurs ETI du club y réfléchissent.',
          hoursLater: 8,
        },
      ],
    },
  ],
  'attractivite-des-metiers': [
    {
      author: 'pf-hr',
      kind: 'report',
      title: 'Alternance : 12 alternants recrutés grâce aux portes ouvertes avec le lycée de Flers',
      at: '2026-10-01T12:00:00Z',
      body: 'Une journée portes ouvertes commune avec le lycée professionnel, des régleurs volontaires comme ambassadeurs, et un logement trouvé pour chaque alternant : 12 recrutements, 11 encore là après trois mois.',
      replies: [
        {
          author: 'hr-1',
          body: 'Le logement, c’est notre premier frein. Comment l’avez-vous trouvé ?',
          hoursLater: 3,
        },
        {
          author: 'pf-hr',
          body: 'Convention avec le foyer de jeunes travailleurs et deux bailleurs sociaux, plus une aide de 150 € par mois.',
          hoursLater: 5,
        },
      ],
      reactions: [{ who: 'hr-1', reaction: 'insightful' }],
    },
  ],
};
