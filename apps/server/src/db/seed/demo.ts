import type { Kysely } from 'kysely';
import { hashPassword } from '../../modules/accounts/secrets.ts';
import type { DB, MembershipsTable, NetworksTable } from '../schema.ts';
import { loadDemoAidSchemes } from './demo-aid-schemes.ts';
import { loadDemoAlerts } from './demo-alerts.ts';
import { loadDemoGroups } from './demo-groups.ts';
import { loadDemoMembers } from './demo-members.ts';
import { loadDemoNeeds } from './demo-needs.ts';
import { loadDemoNotesAndQuestions } from './demo-notes.ts';
import { loadDemoProjects } from './demo-projects.ts';
import { loadDemoPurchasing } from './demo-purchasing.ts';
import { loadDemoRegister } from './demo-register.ts';
import { loadDemoTenders } from './demo-tenders.ts';

/** Every demo account shares this password; the app marks demo accounts as such. */
export const DEMO_PASSWORD = 'meute-demo-2026';

export const DEMO_ACCOUNTS = [
  {
    email: 'admin@demo.meute.fr',
    name: 'Alix Admin',
    what: { fr: "administratrice de l'instance", en: 'instance administrator' },
  },
  {
    email: 'federation@demo.meute.fr',
    name: 'Françoise Fédé',
    what: {
      fr: 'équipe de la fédération France Clusters (démo)',
      en: 'staff of the France Clusters (demo) federation',
    },
  },
  {
    email: 'animatrice@demo.meute.fr',
    name: 'Anne Animatrice',
    what: { fr: 'animatrice du Club ETI Normandie', en: 'staff of Club ETI Normandie' },
  },
  {
    email: 'dirigeant@demo.meute.fr',
    name: 'Damien Dirigeant',
    what: {
      fr: 'dirigeant de Plastiflex, adhérent du Club ETI Normandie et du Cluster Bâtiment Rhône',
      en: 'leader of Plastiflex, member of Club ETI Normandie and Cluster Bâtiment Rhône',
    },
  },
  {
    email: 'batisseur@demo.meute.fr',
    name: 'Bérénice Bâtisseuse',
    what: {
      fr: 'dirigeante adhérente du Cluster Bâtiment Rhône seulement',
      en: 'member leader of Cluster Bâtiment Rhône only',
    },
  },
] as const;

interface DemoNetwork {
  slug: string;
  name: string;
  kind: NetworksTable['kind'];
  description: string;
}

const FEDERATION: DemoNetwork = {
  slug: 'france-clusters-demo',
  name: 'France Clusters (démo)',
  kind: 'federation',
  description: 'Le réseau des réseaux : clusters, grappes et pôles de toute la France.',
};

const NETWORKS: DemoNetwork[] = [
  {
    slug: 'club-eti-normandie',
    name: 'Club ETI Normandie',
    kind: 'club',
    description:
      "Club d'une cinquantaine d'ETI normandes (250 à 4 999 salariés) : échanges entre pairs, en confiance.",
  },
  {
    slug: 'alliance-paysage-france',
    name: 'Alliance Paysage France',
    kind: 'alliance',
    description:
      '17 entreprises du paysage (50 à 550 salariés) qui achètent ensemble et répondent ensemble aux appels d’offres nationaux.',
  },
  {
    slug: 'cluster-batiment-rhone',
    name: 'Cluster Bâtiment Rhône',
    kind: 'cluster',
    description:
      'Les entreprises du bâtiment autour de Lyon forment des groupements de 2, 3 ou 5 entreprises.',
  },
  {
    slug: 'mesure-metrologie-idf',
    name: 'Mesure & Métrologie Île-de-France',
    kind: 'cluster',
    description:
      '182 adhérents de la mesure, dont 54 % de moins de 10 salariés, qui assemblent des offres complètes.',
  },
  {
    slug: 'energie-pays-basque',
    name: 'Énergie Pays Basque',
    kind: 'club',
    description: '21 entreprises autour de Bayonne qui achètent leur énergie ensemble.',
  },
  {
    slug: 'pays-de-craon-entreprises',
    name: 'Pays de Craon Entreprises',
    kind: 'club',
    description: 'Le projet économique territorial de la Communauté de communes du Pays de Craon (Mayenne).',
  },
];

type Role = MembershipsTable['role'];
const ROLES: { email: string; slug: string; role: Role }[] = [
  { email: 'federation@demo.meute.fr', slug: FEDERATION.slug, role: 'federation_staff' },
  { email: 'animatrice@demo.meute.fr', slug: 'club-eti-normandie', role: 'staff' },
  { email: 'dirigeant@demo.meute.fr', slug: 'club-eti-normandie', role: 'member_leader' },
  { email: 'dirigeant@demo.meute.fr', slug: 'club-eti-normandie', role: 'board' },
  { email: 'dirigeant@demo.meute.fr', slug: 'cluster-batiment-rhone', role: 'member_leader' },
  { email: 'batisseur@demo.meute.fr', slug: 'cluster-batiment-rhone', role: 'member_leader' },
];

const CLUB_CHARTER = `Charte du Club ETI Normandie

1. Confidentialité : ce qui se dit au club reste au club.
2. Pas de démarchage commercial entre membres.
3. Bienveillance et franc-parler : on partage ses réussites comme ses échecs.
4. Assiduité : chaque membre participe à au moins trois rencontres par an.
5. Entraide : chaque membre répond aux questions de ses pairs quand il a vécu la situation.`;

async function configureClub(db: Kysely<DB>, clubId: string, staffId: string) {
  await db
    .updateTable('networks')
    .set({
      territory_kind: 'region',
      territory_code: '28',
      entry_fee_cents: 200_000,
      yearly_dues_cents: 150_000,
      min_staff: 250,
      max_staff: 4999,
    })
    .where('id', '=', clubId)
    .execute();
  await db
    .insertInto('network_charters')
    .values({ network_id: clubId, version: 1, body: CLUB_CHARTER, created_by: staffId })
    .execute();
}

/** Loads the demo federation, its networks and accounts. Running it twice changes nothing. */
/**
 * The demo: its data, then the demo club's SIRENE register (imported through the imports
 * service, on a connection of its own, once the data is committed). Nothing when already there.
 */
export async function loadDemo(database: { db: Kysely<DB>; url: string }): Promise<{ loaded: boolean }> {
  const result = await loadDemoData(database.db);
  if (result.loaded) await loadDemoRegister(database.db, database.url);
  return result;
}

export async function loadDemoData(db: Kysely<DB>): Promise<{ loaded: boolean }> {
  const already = await db
    .selectFrom('networks')
    .select('id')
    .where('slug', '=', FEDERATION.slug)
    .executeTakeFirst();
  if (already) return { loaded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const personIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const row = await trx
        .insertInto('people')
        .values({
          email: account.email,
          display_name: account.name,
          password_hash: passwordHash,
          is_demo: true,
          is_instance_admin: account.email === 'admin@demo.meute.fr',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personIds.set(account.email, row.id);
    }
    const federation = await trx
      .insertInto('networks')
      .values({ ...FEDERATION, is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const networkIds = new Map<string, string>([[FEDERATION.slug, federation.id]]);
    for (const network of NETWORKS) {
      const row = await trx
        .insertInto('networks')
        .values({ ...network, parent_id: federation.id, is_demo: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      networkIds.set(network.slug, row.id);
    }
    for (const { email, slug, role } of ROLES) {
      await trx
        .insertInto('memberships')
        .values({ person_id: personIds.get(email)!, network_id: networkIds.get(slug)!, role })
        .execute();
    }
    await configureClub(
      trx,
      networkIds.get('club-eti-normandie')!,
      personIds.get('animatrice@demo.meute.fr')!,
    );
    await trx
      .updateTable('networks')
      .set({
        territory_kind: 'departement',
        territory_code: '69',
        entry_fee_cents: 50_000,
        yearly_dues_cents: 60_000,
      })
      .where('slug', '=', 'cluster-batiment-rhone')
      .execute();
    await trx
      .updateTable('networks')
      .set({ territory_kind: 'commune', territory_code: '53084', is_open_to_applications: true })
      .where('slug', '=', 'pays-de-craon-entreprises')
      .execute();
    await loadDemoMembers(trx, networkIds, personIds);
    await loadDemoPurchasing(
      trx,
      networkIds.get('cluster-batiment-rhone')!,
      personIds.get('federation@demo.meute.fr')!,
    );
    await loadDemoNeeds(trx, networkIds);
    await loadDemoAidSchemes(trx, networkIds);
    await loadDemoTenders(trx, networkIds, personIds.get('federation@demo.meute.fr')!);
    await loadDemoProjects(
      trx,
      networkIds.get('pays-de-craon-entreprises')!,
      personIds.get('federation@demo.meute.fr')!,
    );
    // peer-exchange:demo-groups (the club's working groups and their exchanges)
    await loadDemoGroups(trx, networkIds, personIds);
    // peer-exchange:demo-alerts-notifications (an alert in progress)
    await loadDemoAlerts(trx, networkIds, personIds);
    // peer-exchange:demo-notes-questions (a note being co-written, questions to peers)
    await loadDemoNotesAndQuestions(trx, networkIds, personIds);
    // Every member of the club accepted its charter when joining; most paid this year's dues.
    const clubId = networkIds.get('club-eti-normandie')!;
    const members = await trx
      .selectFrom('network_organisations')
      .select('organisation_id')
      .where('network_id', '=', clubId)
      .execute();
    await trx
      .updateTable('network_organisations')
      .set({ charter_version: 1, charter_accepted_at: new Date('2026-01-15T10:00:00Z') })
      .where('network_id', '=', clubId)
      .execute();
    await trx
      .insertInto('network_dues')
      .values(
        members.map((m, index) => ({
          network_id: clubId,
          organisation_id: m.organisation_id,
          kind: 'yearly' as const,
          year: 2026,
          amount_cents: 150_000,
          paid_at: index % 7 === 3 ? null : new Date('2026-02-01T09:00:00Z'),
        })),
      )
      .execute();
  });
  return { loaded: true };
}
