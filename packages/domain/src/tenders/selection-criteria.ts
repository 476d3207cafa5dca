/**
 * The eForms selection-criterion code list (BT-747), French and English labels. From the OP-TED eForms
 * SDK (CC BY 4.0), /work/shared/data/eforms/selection-criterion.fr-en.json.
 */
export const SELECTION_CRITERION_LABELS: Readonly<Record<string, { fr: string; en: string }>> = {
  'slc-abil-facil-res': {
    fr: "Installations d'étude, techniques et de recherche",
    en: 'Study, technical and research facilities',
  },
  'slc-abil-facil-tools': {
    fr: 'Outils, usines ou équipements techniques',
    en: 'Tools, plant, or technical equipment',
  },
  'slc-abil-mgmt-env': { fr: 'Mesures de gestion environnementale', en: 'Environmental management measures' },
  'slc-abil-mgmt-qual': { fr: 'Mesures pour garantir la qualité', en: 'Measures for ensuring quality' },
  'slc-abil-mgmt-supply': { fr: "Gestion de la chaîne d'approvisionnement", en: 'Supply chain management' },
  'slc-abil-qual-inst': {
    fr: 'Certificats délivrés par des instituts de contrôle de la qualité',
    en: 'Certificates by quality control institutes',
  },
  'slc-abil-qual-smp-w-autent': {
    fr: "Échantillons, descriptions ou photographies avec certification d'authenticité pour les contrats de fourniture",
    en: 'Samples, descriptions, or photographs with certification of authenticity for supply contracts',
  },
  'slc-abil-qual-smp-wo-autent': {
    fr: "Échantillons, descriptions ou photographies sans certification d'authenticité",
    en: 'Samples, descriptions, or photographs without certification of authenticity',
  },
  'slc-abil-ref-services': {
    fr: 'Références sur des services spécifiés',
    en: 'References on specified services',
  },
  'slc-abil-ref-supply': {
    fr: 'Références sur des livraisons spécifiées',
    en: 'References on specified deliveries',
  },
  'slc-abil-ref-work': { fr: 'Références sur des travaux spécifiés', en: 'References on specified works' },
  'slc-abil-staff-qual': {
    fr: 'Qualifications éducatives et professionnelles pertinentes',
    en: 'Relevant educational and professional qualifications',
  },
  'slc-abil-staff-tech-ctrl': {
    fr: 'Techniciens ou organismes techniques pour le contrôle de la qualité',
    en: 'Technicians or technical bodies for quality control',
  },
  'slc-abil-staff-tech-work': {
    fr: 'Techniciens ou organismes techniques pour effectuer le travail',
    en: 'Technicians or technical bodies to carry out the work',
  },
  'slc-abil-staff-yrly-avg-mp': { fr: 'Effectif moyen annuel', en: 'Average yearly manpower' },
  'slc-abil-staff-yrly-no-mgmt': { fr: 'Nombre de cadres', en: 'Number of managerial staff' },
  'slc-abil-subc': { fr: 'Proportion de sous-traitance', en: 'Subcontracting proportion' },
  'slc-sche-env-cert-indep': {
    fr: 'Certificats délivrés par des organismes indépendants concernant les systèmes ou normes de gestion environnementale',
    en: 'Certificates by independent bodies about environmental management systems or standards',
  },
  'slc-sche-qu-cert-indep': {
    fr: "Certificats délivrés par des organismes indépendants concernant les normes d'assurance qualité",
    en: 'Certificates by independent bodies about quality assurance standards',
  },
  'slc-sec-inf': { fr: "Sécurité de l'information", en: 'Security of information' },
  'slc-sec-proc': {
    fr: 'Sécurité pour traiter, stocker et transmettre des informations classifiées',
    en: 'Security to process, store and transmit classified information',
  },
  'slc-sec-supply': { fr: "Sécurité de l'approvisionnement", en: 'Security of supply' },
  'slc-stand-ins': {
    fr: 'Assurance responsabilité professionnelle pour les risques',
    en: 'Professional risk indemnity insurance',
  },
  'slc-stand-other': {
    fr: 'Autres exigences économiques ou financières',
    en: 'Other economic or financial requirements',
  },
  'slc-stand-ratio': { fr: 'Ratio financier', en: 'Financial ratio' },
  'slc-stand-to-avg': { fr: "Chiffre d'affaires annuel moyen", en: 'Average yearly turnover' },
  'slc-stand-to-gen': { fr: "Chiffre d'affaires annuel général", en: 'General yearly turnover' },
  'slc-stand-to-spec': { fr: "Chiffre d'affaires annuel spécifique", en: 'Specific yearly turnover' },
  'slc-stand-to-spec-avg': {
    fr: "Chiffre d'affaires annuel moyen spécifique",
    en: 'Specific average yearly turnover',
  },
  'slc-suit-auth-mbrshp': {
    fr: 'Autorisation ou adhésion à une organisation particulière nécessaire pour les contrats de services',
    en: 'Authorisation or membership of a particular organisation needed for service contracts',
  },
  'slc-suit-reg-prof': {
    fr: 'Inscription à un registre professionnel pertinent',
    en: 'Enrolment in a relevant professional register',
  },
  'slc-suit-reg-trade': { fr: 'Inscription à un registre du commerce', en: 'Enrolment in a trade register' },
};
