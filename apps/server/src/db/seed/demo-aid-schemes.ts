import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * A few aid schemes for the demo. The schemes named here exist (Bpifrance's Prêt d'amorçage,
 * the France 2030 calls, AD Normandie's Impulsion products, Horizon Europe), but their rules
 * are simplified examples — no amount or deadline is given as a fact — and each description says
 * so. The fictional call is labelled as such.
 */

/** Lists as the service stores them: sorted, so the demo reads like schemes added by staff. */
interface DemoScheme {
  name: string;
  funder: string;
  level: 'territorial' | 'national' | 'european';
  description: string;
  url: string;
  categories?: string[];
  nafSections?: string[];
  regions?: string[];
  projectStages?: string[];
  amountMinCents?: number;
  amountMaxCents?: number;
  /** Days from today; negative: already closed. */
  closesInDays?: number;
}

const FEDERATION_SCHEMES: DemoScheme[] = [
  {
    name: 'France 2030 — appels à projets',
    funder: 'État (SGPI), opérés notamment par Bpifrance et l’ADEME',
    level: 'national',
    description:
      'Exemple : le plan d’investissement France 2030 finance des projets d’innovation et d’industrialisation par des appels à projets thématiques. Conditions simplifiées pour la démonstration : vérifiez chaque appel sur le site officiel.',
    url: '',
    projectStages: ['industrial', 'project'],
  },
  {
    name: 'Horizon Europe',
    funder: 'Commission européenne',
    level: 'european',
    description:
      'Exemple : le programme-cadre de l’Union européenne pour la recherche et l’innovation, souvent en consortium de plusieurs pays. Conditions simplifiées pour la démonstration.',
    url: 'https://research-and-innovation.ec.europa.eu',
    projectStages: ['idea', 'pilot', 'project'],
  },
];

const CLUB_SCHEMES: DemoScheme[] = [
  {
    name: 'AD Normandie — Impulsion',
    funder: 'AD Normandie (Agence de développement pour la Normandie)',
    level: 'territorial',
    description:
      'Exemple : la famille d’aides « Impulsion » de l’agence régionale accompagne le développement des entreprises normandes. Conditions simplifiées pour la démonstration : seules les entreprises situées en Normandie.',
    url: 'https://adnormandie.fr',
    regions: ['28'],
  },
  {
    name: 'Bpifrance — Prêt d’amorçage',
    funder: 'Bpifrance',
    level: 'national',
    description:
      'Exemple : un prêt pour renforcer la trésorerie des jeunes entreprises innovantes au moment d’une levée de fonds. Conditions simplifiées pour la démonstration : TPE et PME, projets aux premières étapes.',
    url: 'https://www.bpifrance.fr',
    categories: ['PME', 'TPE'],
    projectStages: ['idea', 'pilot'],
  },
  {
    name: 'Appel à projets « Industrie mutualisée » (exemple fictif)',
    funder: 'Exemple fictif pour la démonstration',
    level: 'territorial',
    description:
      'Dispositif fictif, inventé pour montrer les conditions de montant et de date limite : ETI et PME industrielles normandes portant un projet collectif.',
    url: '',
    categories: ['ETI', 'PME'],
    nafSections: ['C'],
    regions: ['28'],
    projectStages: ['pilot', 'project'],
    amountMinCents: 2_000_000,
    amountMaxCents: 20_000_000,
    closesInDays: 60,
  },
  {
    name: 'Appel à projets clos (exemple fictif)',
    funder: 'Exemple fictif pour la démonstration',
    level: 'territorial',
    description: 'Dispositif fictif dont la date limite est passée : Meute ne le propose plus.',
    url: '',
    regions: ['28'],
    closesInDays: -10,
  },
];

const SCHEMES_BY_NETWORK: Record<string, DemoScheme[]> = {
  'france-clusters-demo': FEDERATION_SCHEMES,
  'club-eti-normandie': CLUB_SCHEMES,
};

function dateIn(days: number, today: Date): string {
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Adds the demo schemes to the networks of `networkIds` (slug → id) that have some. */
export async function loadDemoAidSchemes(
  db: Kysely<DB>,
  networkIds: ReadonlyMap<string, string>,
  today: Date = new Date(),
): Promise<void> {
  for (const [slug, schemes] of Object.entries(SCHEMES_BY_NETWORK)) {
    const networkId = networkIds.get(slug);
    if (!networkId) continue;
    await db
      .insertInto('aid_schemes')
      .values(
        schemes.map((scheme) => ({
          network_id: networkId,
          name: scheme.name,
          funder: scheme.funder,
          level: scheme.level,
          description: scheme.description,
          url: scheme.url,
          categories: scheme.categories ?? [],
          naf_sections: scheme.nafSections ?? [],
          regions: scheme.regions ?? [],
          project_stages: scheme.projectStages ?? [],
          amount_min_cents: scheme.amountMinCents ?? null,
          amount_max_cents: scheme.amountMaxCents ?? null,
          closes_on: scheme.closesInDays === undefined ? null : dateIn(scheme.closesInDays, today),
        })),
      )
      .execute();
  }
}
