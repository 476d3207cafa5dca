import type { SynonymSet } from '../needs/thesaurus.ts';

/**
 * The situations leaders ask their peers about (« qui a déjà changé d'ERP ? »), each with the
 * words people use for it. Narrower than the need engine's thesaurus: « ERP » must meet
 * « progiciel de gestion intégré », not every mention of « informatique ». A broader concept
 * (distance 1) links, more weakly, an ERP question to an IT director.
 */
export const PEER_SYNONYM_SETS: readonly SynonymSet[] = [
  {
    id: 'information-systems',
    label: 'Système d’information',
    terms: ['système d’information', 'systèmes d’information', 'SI', 'informatique', 'IT'],
  },
  {
    id: 'erp',
    label: 'ERP',
    terms: [
      'ERP',
      'PGI',
      'progiciel de gestion',
      'progiciel de gestion intégré',
      'progiciels de gestion intégrés',
      'logiciel de gestion intégré',
      'SAP',
      'Sage X3',
      'Odoo',
      'Divalto',
      'Cegid',
      'Microsoft Dynamics',
    ],
    broader: ['information-systems'],
  },
  {
    id: 'it-lead',
    label: 'Direction informatique',
    terms: [
      'DSI',
      'directeur informatique',
      'directrice informatique',
      'direction informatique',
      'directeur des systèmes d’information',
      'directrice des systèmes d’information',
      'responsable informatique',
      'CIO',
    ],
    broader: ['information-systems'],
  },
  {
    id: 'cybersecurity',
    label: 'Cybersécurité',
    terms: [
      'cybersécurité',
      'cyber-sécurité',
      'sécurité informatique',
      'sécurité du SI',
      'SSI',
      'RSSI',
      'test d’intrusion',
      'tests d’intrusion',
      'pentest',
      'hameçonnage',
      'phishing',
      'NIS2',
      'EDR',
      'SOC',
      'ANSSI',
    ],
    broader: ['information-systems'],
  },
  {
    id: 'ransomware',
    label: 'Rançongiciel',
    terms: [
      'rançongiciel',
      'rançongiciels',
      'ransomware',
      'cyberattaque',
      'cyber-attaque',
      'attaque informatique',
      'cryptolocker',
      'chiffrement des serveurs',
    ],
    broader: ['cybersecurity'],
  },
  {
    id: 'csr',
    label: 'RSE',
    terms: [
      'RSE',
      'responsabilité sociétale',
      'responsabilité sociale des entreprises',
      'CSR',
      'CSRD',
      'bilan carbone',
      'décarbonation',
      'reporting extra-financier',
    ],
  },
  {
    id: 'hiring',
    label: 'Recrutement et attractivité',
    terms: [
      'recrutement',
      'recruter',
      'embauche',
      'attractivité',
      'marque employeur',
      'pénurie de main-d’œuvre',
      'alternance',
      'apprentissage',
      'intégration des nouveaux',
    ],
  },
  {
    id: 'succession',
    label: 'Transmission d’entreprise',
    terms: ['transmission', 'reprise d’entreprise', 'cession', 'succession', 'repreneur'],
  },
  {
    id: 'energy',
    label: 'Énergie',
    terms: [
      'énergie',
      'électricité',
      'contrat d’énergie',
      'photovoltaïque',
      'autoconsommation',
      'sobriété énergétique',
      'efficacité énergétique',
    ],
  },
  {
    id: 'export',
    label: 'Export',
    terms: ['export', 'exportation', 'international', 'VIE', 'salon international'],
  },
  {
    id: 'continuous-improvement',
    label: 'Amélioration continue',
    terms: ['lean', 'amélioration continue', '5S', 'kaizen', 'TPM', 'TRS', 'OEE'],
  },
];
