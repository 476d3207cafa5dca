import type { Locale } from '@meute/contracts';

/** Why a line, a column or a whole file is refused, in French and English. */
const reasons = {
  'file.empty': { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  'file.noRows': {
    fr: 'Le fichier ne contient que la ligne d’en-tête : aucune ligne à importer.',
    en: 'The file holds only its header line: no row to import.',
  },
  'file.missing': {
    fr: 'Aucun fichier reçu (champ « file »).',
    en: 'No file received (field « file »).',
  },
  'file.binary': {
    fr: 'Ce fichier n’est pas un fichier texte CSV (contenu binaire).',
    en: 'This file is not a CSV text file (binary content).',
  },
  'file.utf16': {
    fr: 'Fichier en UTF-16 (« Texte Unicode ») : enregistrez-le en « CSV UTF-8 » ou en XLSX.',
    en: 'UTF-16 file (« Unicode Text »): save it as « CSV UTF-8 » or XLSX.',
  },
  'file.xlsxForSirene': {
    fr: 'Un fichier SIRENE est un CSV (StockEtablissement), pas un classeur.',
    en: 'A SIRENE file is a CSV (StockEtablissement), not a workbook.',
  },
  'file.xlsxUnreadable': {
    fr: 'Classeur XLSX illisible : {detail}',
    en: 'Unreadable XLSX workbook: {detail}',
  },
  'file.tooLarge': {
    fr: 'Le fichier dépasse la taille maximale ({max}).',
    en: 'The file exceeds the maximum size ({max}).',
  },
  'file.noHeader': {
    fr: 'Aucune ligne d’en-tête lisible au début du fichier.',
    en: 'No readable header line at the start of the file.',
  },
  'header.missing': {
    fr: 'Colonne obligatoire absente : {column} (séparateur lu : « {delimiter} », colonnes lues : {found}).',
    en: 'Required column missing: {column} (delimiter read: « {delimiter} », columns read: {found}).',
  },
  'header.missingSheet': {
    fr: 'Colonne obligatoire absente de la première ligne : {column} (colonnes lues : {found}).',
    en: 'Required column missing from the first row: {column} (columns read: {found}).',
  },
  'header.tooManyColumns': {
    fr: 'Trop de colonnes dans l’en-tête ({count}, {max} au plus).',
    en: 'Too many columns in the header ({count}, {max} at most).',
  },
  'header.duplicate': {
    fr: 'Colonne présente deux fois : {column}.',
    en: 'Column present twice: {column}.',
  },
  'csv.quote': {
    fr: 'Guillemet ouvert jamais refermé à partir de cette ligne.',
    en: 'Quote opened and never closed from this line on.',
  },
  'csv.columns': {
    fr: '{count} colonnes au lieu de {expected}.',
    en: '{count} columns instead of {expected}.',
  },
  'csv.extraColumns': {
    fr: 'Plus de colonnes que l’en-tête (séparateur dans une valeur non entourée de guillemets ?).',
    en: 'More columns than the header (a delimiter inside an unquoted value?).',
  },
  'csv.missingColumns': {
    fr: 'Moins de colonnes que l’en-tête (colonne {column} absente).',
    en: 'Fewer columns than the header (column {column} missing).',
  },
  'csv.encoding': {
    fr: 'Caractère invalide pour l’encodage {encoding}.',
    en: 'Invalid character for the {encoding} encoding.',
  },
  'csv.nul': { fr: 'Caractère NUL interdit.', en: 'NUL character not allowed.' },
  'csv.unreadable': { fr: 'Ligne illisible : {detail}', en: 'Unreadable line: {detail}' },
  'siret.required': { fr: 'SIRET manquant.', en: 'Missing SIRET.' },
  'siret.format': {
    fr: 'SIRET invalide « {value} » : 14 chiffres attendus.',
    en: 'Invalid SIRET « {value} »: 14 digits expected.',
  },
  'siret.checksum': {
    fr: 'SIRET invalide « {value} » : la clé de contrôle ne correspond pas.',
    en: 'Invalid SIRET « {value} »: the check digit does not match.',
  },
  'siret.mismatch': {
    fr: 'Le SIRET « {value} » ne correspond pas aux colonnes siren et nic.',
    en: 'The SIRET « {value} » does not match the siren and nic columns.',
  },
  'siret.duplicate': {
    fr: 'SIRET « {value} » en double dans le fichier (déjà ligne {first}).',
    en: 'SIRET « {value} » twice in the file (already line {first}).',
  },
  'name.required': { fr: 'Nom manquant.', en: 'Missing name.' },
  'name.tooLong': {
    fr: 'Nom trop long (200 caractères au plus).',
    en: 'Name too long (200 characters at most).',
  },
  'naf.unknown': {
    fr: 'Code NAF inconnu « {value} » (sous-classe NAF rév. 2 attendue, ex. 62.01Z).',
    en: 'Unknown NAF code « {value} » (NAF rev. 2 sub-class expected, e.g. 62.01Z).',
  },
  'band.unknown': {
    fr: 'Tranche d’effectifs inconnue « {value} » (codes INSEE : NN, 00, 01, 02, 03, 11, 12, 21, 22, 31, 32, 41, 42, 51, 52, 53).',
    en: 'Unknown headcount band « {value} » (INSEE codes: NN, 00, 01, 02, 03, 11, 12, 21, 22, 31, 32, 41, 42, 51, 52, 53).',
  },
  'commune.unknown': {
    fr: 'Code commune INSEE inconnu « {value} » (le code INSEE, pas le code postal).',
    en: 'Unknown INSEE commune code « {value} » (the INSEE code, not the postal code).',
  },
  'state.unknown': {
    fr: 'État administratif inconnu « {value} » (A actif ou F fermé).',
    en: 'Unknown administrative state « {value} » (A active or F closed).',
  },
  'coordinate.invalid': {
    fr: 'Coordonnée Lambert-93 invalide « {value} » (nombre attendu).',
    en: 'Invalid Lambert-93 coordinate « {value} » (number expected).',
  },
  'website.invalid': {
    fr: 'Adresse de site web invalide « {value} ».',
    en: 'Invalid website address « {value} ».',
  },
  'description.tooLong': {
    fr: 'Description trop longue (5 000 caractères au plus).',
    en: 'Description too long (5,000 characters at most).',
  },
  'competence.tooLong': {
    fr: 'Compétence trop longue « {value} » (80 caractères au plus).',
    en: 'Competence too long « {value} » (80 characters at most).',
  },
  'competences.tooMany': {
    fr: 'Trop de compétences ({count}, 50 au plus).',
    en: 'Too many competences ({count}, 50 at most).',
  },
  'uniteLegale.prefix': { fr: 'Fichier des unités légales : {reason}', en: 'Legal units file: {reason}' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReasonCode = keyof typeof reasons;

/** A reason with its parameters, translated when the report is written. */
export interface Reason {
  code: ReasonCode;
  params?: Record<string, string | number>;
}

/** A value quoted in a message: shortened, control characters shown as spaces. */
export function quoteValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we hide
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

export function reasonText(locale: Locale, reason: Reason): string {
  const params = reason.params ?? {};
  return reasons[reason.code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function isReasonCode(code: string): code is ReasonCode {
  return code in reasons;
}
