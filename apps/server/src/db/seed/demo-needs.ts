import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * Needs posted by companies of the building cluster, so that the staff's shared-need board has
 * something to show: three companies say « security audit » in different words, two want to buy
 * energy together, and an idea stands alone. The demo leaders' own companies post nothing.
 */
const NEEDS = [
  {
    title: 'Audit de cybersécurité mutualisé',
    description: 'Faire auditer la sécurité de notre système d’information, à plusieurs pour payer moins.',
  },
  {
    title: 'Pentest commun',
    description: 'Organiser un test d’intrusion groupé de nos réseaux informatiques.',
  },
  {
    title: 'Tester la sécurité de notre SI',
    description: 'Un test d’intrusion pour vérifier nos protections après une tentative de rançongiciel.',
  },
  {
    title: 'Achat groupé d’électricité',
    description: 'Mutualiser nos contrats d’électricité pour 2027, sites de chantier et dépôts.',
  },
  {
    title: 'Mutualiser nos contrats d’énergie',
    description: 'Négocier ensemble la fourniture d’électricité et de gaz de nos ateliers.',
  },
  {
    title: 'Une plateforme de réemploi des matériaux',
    description: 'Idée : reprendre les chutes de chantier des uns pour les chantiers des autres.',
    kind: 'idea' as const,
  },
];

export async function loadDemoNeeds(db: Kysely<DB>, networkId: string): Promise<void> {
  const companies = await db
    .selectFrom('network_organisations as no')
    .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
    .select('o.id')
    .where('no.network_id', '=', networkId)
    .where('o.kind', '=', 'company')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('person_organisations as po')
            .innerJoin('people as p', 'p.id', 'po.person_id')
            .select('po.person_id')
            .whereRef('po.organisation_id', '=', 'o.id')
            .where('p.is_demo', '=', true),
        ),
      ),
    )
    .orderBy('o.name', 'desc')
    .limit(NEEDS.length)
    .execute();
  if (companies.length < NEEDS.length) return;
  await db
    .insertInto('needs')
    .values(
      NEEDS.map((need, index) => ({
        network_id: networkId,
        organisation_id: companies[index]!.id,
        kind: need.kind ?? 'need',
        title: need.title,
        description: need.description,
        visibility: 'network' as const,
      })),
    )
    .execute();
}
