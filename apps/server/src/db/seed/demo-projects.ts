import type { Kysely } from 'kysely';
import type { DB, ProjectStageColumn } from '../schema.ts';

const DAY_MS = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

interface DemoProject {
  title: string;
  description: string;
  stage: ProjectStageColumn;
  /** How many member companies join (the first leads); one more is invited and has not answered. */
  team: number;
  milestones: [title: string, dueInDays: number, isDone: boolean][];
  expenses: [label: string, euros: number][];
  funding: [label: string, funder: string, euros: number, status: 'planned' | 'requested' | 'obtained'][];
  decisions: [text: string, daysAgo: number][];
  /** Indicators reported this year: kind, value (euros for amounts), days ago. */
  indicators: [
    'jobs-kept' | 'jobs-created' | 'trainees' | 'local-purchases-cents' | 'amount-raised-cents',
    number,
    number,
  ][];
}

/**
 * Collective projects of the Pays de Craon at every stage (S10), so that the pipeline, a
 * project's life and the funder report have something true to show: an idea, a pilot action, a
 * project, an industrial process and one on the market, with teams, milestones, budgets,
 * co-financing, decisions and the indicators funders ask for. The shared needs of the board
 * (welder, CACES, local subcontracting) are left for the visitor to turn into projects.
 */
const PROJECTS: DemoProject[] = [
  {
    title: 'Plateforme de réemploi des palettes',
    description:
      'Collecter les palettes des uns pour les expéditions des autres, plutôt que de les racheter.',
    stage: 'idea',
    team: 2,
    milestones: [['Recenser les volumes de palettes de chaque entreprise', 30, false]],
    expenses: [],
    funding: [],
    decisions: [['Lancer un recensement des volumes avant toute décision', 12]],
    indicators: [],
  },
  {
    title: 'Atelier de découpe laser partagé',
    description:
      'Une découpeuse laser achetée et utilisée à plusieurs, installée chez le chef de file, réservée au créneau.',
    stage: 'pilot',
    team: 3,
    milestones: [
      ['Choisir la machine et le fournisseur', -20, true],
      ['Trois mois d’essai en créneaux partagés', 45, false],
    ],
    expenses: [
      ['Location de la machine pendant l’essai', 18_000],
      ['Formation des opérateurs', 4_500],
    ],
    funding: [['Aide à l’investissement', 'Région Pays de la Loire', 9_000, 'requested']],
    decisions: [['Essai de trois mois avant d’acheter', 25]],
    indicators: [['trainees', 6, 40]],
  },
  {
    title: 'Mutualisation des tournées de livraison',
    description: 'Une tournée commune vers Laval et Angers pour les expéditions de moins d’une palette.',
    stage: 'project',
    team: 4,
    milestones: [
      ['Cartographier les tournées actuelles', -60, true],
      ['Appel d’offres transporteur commun', -15, true],
      ['Première tournée commune', 20, false],
    ],
    expenses: [
      ['Étude logistique', 12_000],
      ['Logiciel de planification des tournées', 6_000],
    ],
    funding: [
      ['Appel à projets mobilité', 'ADEME', 7_500, 'obtained'],
      [
        'Participation de la communauté de communes',
        'Communauté de communes du Pays de Craon',
        3_000,
        'obtained',
      ],
    ],
    decisions: [
      ['Retenir un transporteur local plutôt qu’un national', 20],
      ['Partager les coûts au prorata des palettes', 10],
    ],
    indicators: [
      ['jobs-kept', 2, 30],
      ['local-purchases-cents', 46_000, 30],
    ],
  },
  {
    title: 'Méthanisation des coproduits agroalimentaires',
    description:
      'Valoriser ensemble les coproduits des abattoirs et laiteries dans une unité de méthanisation.',
    stage: 'industrial',
    team: 3,
    milestones: [
      ['Permis de construire', -120, true],
      ['Mise en service', -30, true],
      ['Premier bilan d’exploitation', 60, false],
    ],
    expenses: [
      ['Unité de méthanisation', 1_850_000],
      ['Raccordement au réseau de gaz', 240_000],
    ],
    funding: [
      ['Fonds Chaleur', 'ADEME', 420_000, 'obtained'],
      ['Prêt bonifié', 'Bpifrance', 600_000, 'obtained'],
      ['Aide régionale', 'Région Pays de la Loire', 150_000, 'requested'],
    ],
    decisions: [['Créer une société commune de projet', 150]],
    indicators: [
      ['jobs-created', 4, 60],
      ['jobs-kept', 12, 60],
      ['amount-raised-cents', 1_020_000, 90],
    ],
  },
  {
    title: 'Crèche interentreprises',
    description:
      'Vingt places réservées aux salariés des entreprises adhérentes, ouverte de 6 h 30 à 19 h 30.',
    stage: 'market',
    team: 5,
    milestones: [
      ['Ouverture', -200, true],
      ['Bilan de la première année', 30, false],
    ],
    expenses: [['Réservation de places (par an)', 160_000]],
    funding: [['Prestation de service unique', 'Caisse d’allocations familiales', 70_000, 'obtained']],
    decisions: [['Ouvrir dix places de plus à la rentrée', 45]],
    indicators: [
      ['jobs-created', 6, 120],
      ['jobs-kept', 18, 100],
    ],
  },
];

/** Outside suppliers some Craon companies listed, and those already replaced by a member (relocation challenge). */
const RELOCATION: [what: string, yearlyEuros: number, broughtBackEuros: number | null][] = [
  ['Usinage de pièces de rechange', 48_000, 42_000],
  ['Étiquettes et emballages imprimés', 22_000, 22_000],
  ['Maintenance des compresseurs', 15_000, null],
  ['Transport frigorifique', 65_000, 50_000],
  ['Nettoyage industriel', 30_000, null],
];

export async function loadDemoProjects(
  db: Kysely<DB>,
  networkId: string,
  staffPersonId: string,
  now = new Date(),
): Promise<void> {
  const companies = await db
    .selectFrom('network_organisations as no')
    .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
    .select('o.id')
    .where('no.network_id', '=', networkId)
    .where('o.kind', '=', 'company')
    .orderBy('o.name')
    .execute();
  const needed = PROJECTS.reduce((total, p) => total + p.team + 1, 0);
  if (companies.length < needed + RELOCATION.length) return;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  let next = 0;
  for (const demo of PROJECTS) {
    const team = companies.slice(next, next + demo.team + 1);
    next += demo.team + 1;
    const project = await db
      .insertInto('projects')
      .values({
        network_id: networkId,
        title: demo.title,
        description: demo.description,
        stage: demo.stage,
        lead_organisation_id: team[0]!.id,
        created_by: staffPersonId,
        created_at: daysAgo(240),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('project_members')
      .values(
        team.map((company, index) => ({
          project_id: project.id,
          organisation_id: company.id,
          network_id: networkId,
          status: index < demo.team ? ('joined' as const) : ('invited' as const),
        })),
      )
      .execute();
    if (demo.milestones.length > 0) {
      await db
        .insertInto('project_milestones')
        .values(
          demo.milestones.map(([title, dueInDays, isDone]) => ({
            project_id: project.id,
            title,
            due_on: isoDate(daysAgo(-dueInDays)),
            done_at: isDone ? daysAgo(-dueInDays) : null,
            created_by: staffPersonId,
          })),
        )
        .execute();
    }
    const lines = [
      ...demo.expenses.map(([label, euros]) => ({
        project_id: project.id,
        kind: 'expense' as const,
        label,
        amount_cents: euros * 100,
        funder_name: null,
        funding_status: null,
      })),
      ...demo.funding.map(([label, funder, euros, status]) => ({
        project_id: project.id,
        kind: 'funding' as const,
        label,
        amount_cents: euros * 100,
        funder_name: funder,
        funding_status: status,
      })),
    ];
    if (lines.length > 0) await db.insertInto('project_budget_lines').values(lines).execute();
    if (demo.decisions.length > 0) {
      await db
        .insertInto('project_events')
        .values(
          demo.decisions.map(([text, days]) => ({
            project_id: project.id,
            kind: 'decision' as const,
            text,
            occurred_on: isoDate(daysAgo(days)),
            author_id: staffPersonId,
          })),
        )
        .execute();
    }
    if (demo.indicators.length > 0) {
      await db
        .insertInto('project_indicators')
        .values(
          demo.indicators.map(([kind, value, days]) => ({
            project_id: project.id,
            kind,
            value: kind.endsWith('-cents') ? value * 100 : value,
            period_on: isoDate(daysAgo(days)),
            created_by: staffPersonId,
          })),
        )
        .execute();
    }
  }
  // Relocation: each line bought by one company; a replaced one is now bought from another member.
  await db
    .insertInto('external_suppliers')
    .values(
      RELOCATION.map(([what, yearly, back], index) => ({
        network_id: networkId,
        organisation_id: companies[next + index]!.id,
        what,
        yearly_amount_cents: yearly * 100,
        status: back === null ? ('open' as const) : ('replaced' as const),
        replaced_by_organisation_id: back === null ? null : companies[index]!.id,
        amount_brought_back_cents: back === null ? null : back * 100,
        replaced_at: back === null ? null : daysAgo(50 + index * 20),
        created_by: staffPersonId,
      })),
    )
    .execute();
}
