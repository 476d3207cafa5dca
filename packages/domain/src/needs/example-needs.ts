/**
 * A small hand-written set of needs in the words members use (fictional companies), with the
 * grouping a network's staff would expect. Used by the tests and printed by the bench; it is
 * not measured quality (we wrote it), only a check that the engine does what the product says.
 */

import type { Need } from './need-index.ts';

export const EXAMPLE_NEEDS: readonly Need[] = [
  {
    id: 'cyber-audit',
    organisationId: 'fonderie-roy',
    title: 'Audit cybersécurité mutualisé',
    description:
      "Faire auditer la sécurité informatique de nos deux sites avec d'autres adhérents, pour en partager le coût.",
  },
  {
    id: 'cyber-test',
    organisationId: 'plasturgie-andre',
    title: 'Tester la sécurité de notre SI',
    description:
      "Après une tentative de rançongiciel le mois dernier, nous cherchons quelqu'un pour éprouver nos défenses.",
  },
  {
    id: 'cyber-pentest',
    organisationId: 'decolletage-arve',
    title: 'Pentest commun',
    description: "Un test d'intrusion sur nos serveurs et notre site web, à commander à plusieurs.",
  },
  {
    id: 'cyber-english',
    organisationId: 'optique-morez',
    title: 'Shared penetration testing',
    description:
      'We would like to have our network and servers tested by ethical hackers, together with other members.',
  },
  {
    id: 'energy-purchase',
    organisationId: 'menuiserie-blanc',
    title: "Achat groupé d'électricité",
    description: "Notre contrat d'électricité arrive à échéance ; négocier un meilleur prix à plusieurs.",
  },
  {
    id: 'energy-contracts',
    organisationId: 'imprimerie-leduc',
    title: "Mutualiser nos contrats d'énergie",
    description: "Regrouper nos volumes de gaz et d'électricité pour peser face aux fournisseurs.",
  },
  {
    id: 'apprentice',
    organisationId: 'chaudronnerie-vidal',
    title: 'Recruter un apprenti soudeur',
    description: 'Accueillir un jeune en alternance pour la soudure TIG.',
  },
  {
    id: 'trade-show',
    organisationId: 'robotique-perrin',
    title: 'Stand au salon de Hanovre',
    description: 'Exposer à la Hannover Messe en avril sur un pavillon régional.',
  },
  {
    id: 'forklift-training',
    organisationId: 'logistique-marchand',
    title: 'Formation CACES chariot élévateur',
    description: 'Six caristes à former cette année.',
  },
  {
    id: 'forklift-drivers',
    organisationId: 'logistique-marchand',
    title: 'Former nos caristes au CACES R489',
    description: 'Session sur site si possible.',
  },
  {
    id: 'nursery',
    organisationId: 'laboratoire-faure',
    title: 'Crèche inter-entreprises',
    description: 'Des places en crèche pour les enfants de nos salariés, près de la zone d’activité.',
  },
  {
    id: 'wood-waste',
    organisationId: 'scierie-landes',
    title: 'Valoriser nos déchets de bois',
    description: 'Trouver une filière pour nos chutes de bois et nos palettes cassées.',
  },
];

/**
 * The groups staff would expect, as sorted need ids. The two forklift needs are alike but come
 * from one organisation: no group. The others have nothing to share.
 */
export const EXPECTED_EXAMPLE_GROUPS: readonly (readonly string[])[] = [
  ['cyber-audit', 'cyber-english', 'cyber-pentest', 'cyber-test'],
  ['energy-contracts', 'energy-purchase'],
];
