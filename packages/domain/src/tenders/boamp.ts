/**
 * French BOAMP notices as the open data gives them (the `boamp` dataset of the DILA: one record a
 * notice, with `objet`, `nomacheteur`, `datelimitereponse`, `code_departement`,
 * `descripteur_libelle`…, and the whole notice in `donnees`, a JSON string holding an eForms
 * notice or the older French format). Meute reads the record's own fields, and the eForms XML
 * when `donnees` carries it, which then gives lots and CPV codes.
 */

export interface BoampNotice {
  /** `idweb` or `id`, e.g. `26-12345`. */
  id: string;
  title: string;
  buyer: string;
  /** ISO date-time, or null. */
  deadline: string | null;
  /** Département codes of the place of performance (`69`, `2A`, `974`). */
  departements: string[];
  /** BOAMP's descriptors, e.g. « Peinture (travaux) », « Menuiserie ». */
  descriptors: string[];
  /** The eForms notice inside `donnees`, when there is one. */
  eformsXml: string | null;
}

export type BoampErrorCode =
  | 'JSON_INVALID'
  | 'NOT_ONE_NOTICE'
  | 'NOT_AN_OBJECT'
  | 'NO_OBJET'
  | 'NO_ID'
  | 'DEPARTEMENT_INVALID'
  | 'DATE_INVALID'
  | 'DONNEES_INVALID';

export interface BoampError {
  /** A field path such as `results[0].objet`, or `/` for the whole file. */
  path: string;
  code: BoampErrorCode;
  /** Where in the text, when the JSON itself is broken. */
  line?: number;
  column?: number;
  /** The value at fault, or the count of notices, for the message. */
  value?: string;
}

export type BoampReadResult = { ok: true; notice: BoampNotice } | { ok: false; error: BoampError };

const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

/** The line and column of a character offset, as an editor counts them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Where JSON.parse stopped, from its message: V8 gives a position for most errors, and for an
 * unexpected token the text around it (`..."idweb": }" is not valid JSON`), found back here.
 */
function whereJsonBroke(text: string, message: string): { line: number; column: number } | null {
  const position = /position (\d+)/.exec(message);
  if (position) return lineAndColumn(text, Number(position[1]));
  const token = /Unexpected token '(.)', (?:\.\.\.)?"(.*?)(?:\.\.\.)?" is not valid JSON/s.exec(message);
  if (token?.[1] && token[2]) {
    const around = text.indexOf(token[2]);
    const at = around >= 0 ? text.indexOf(token[1], around) : -1;
    if (at >= 0) return lineAndColumn(text, at);
  }
  if (/Unexpected end of JSON input/.test(message)) return lineAndColumn(text, text.length);
  return null;
}

function parseJson(
  text: string,
  path: string,
  code: 'JSON_INVALID' | 'DONNEES_INVALID',
): { ok: true; value: unknown } | { ok: false; error: BoampError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const where = whereJsonBroke(text, error instanceof Error ? error.message : String(error));
    return { ok: false, error: { path, code, ...(where ?? {}) } };
  }
}

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .map((item) => String(item).trim())
    .filter(Boolean);

/** The first string anywhere in a value that holds an eForms notice. */
function findEFormsXml(value: unknown, depth = 0): string | null {
  if (depth > 20) return null;
  if (typeof value === 'string') {
    return /<(\w+:)?(ContractNotice|PriorInformationNotice)[\s>]/.test(value) ? value : null;
  }
  const items = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  for (const item of items) {
    const found = findEFormsXml(item, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Reads one BOAMP notice from the text of a downloaded record: the record itself, a list of one,
 * or the API's `{ results: [record] }`. Refuses anything else with the place of the problem.
 */
export function readBoampNotice(text: string): BoampReadResult {
  const parsed = parseJson(text, '/', 'JSON_INVALID');
  if (!parsed.ok) return parsed;
  let record: unknown = parsed.value;
  let path = '';
  if (record && typeof record === 'object' && !Array.isArray(record) && 'results' in record) {
    record = (record as { results: unknown }).results;
    path = 'results';
  }
  if (Array.isArray(record)) {
    if (record.length !== 1) {
      return {
        ok: false,
        error: { path: path || '/', code: 'NOT_ONE_NOTICE', value: String(record.length) },
      };
    }
    record = record[0];
    path = `${path}[0]`;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return { ok: false, error: { path: path || '/', code: 'NOT_AN_OBJECT' } };
  }
  const fields = record as Record<string, unknown>;
  const at = (name: string) => (path ? `${path}.${name}` : name);
  const title = typeof fields.objet === 'string' ? fields.objet.trim() : '';
  if (!title) return { ok: false, error: { path: at('objet'), code: 'NO_OBJET' } };
  const id = String(fields.idweb ?? fields.id ?? '').trim();
  if (!id) return { ok: false, error: { path: at('idweb'), code: 'NO_ID' } };
  const departements = asStrings(fields.code_departement).map((code) => code.toUpperCase().padStart(2, '0'));
  const wrong = departements.find((code) => !DEPARTEMENT.test(code));
  if (wrong)
    return { ok: false, error: { path: at('code_departement'), code: 'DEPARTEMENT_INVALID', value: wrong } };
  const deadline = typeof fields.datelimitereponse === 'string' ? fields.datelimitereponse.trim() : '';
  if (deadline && Number.isNaN(Date.parse(deadline))) {
    return { ok: false, error: { path: at('datelimitereponse'), code: 'DATE_INVALID', value: deadline } };
  }
  let eformsXml: string | null = null;
  if (typeof fields.donnees === 'string' && fields.donnees.trim()) {
    const donnees = parseJson(fields.donnees, at('donnees'), 'DONNEES_INVALID');
    if (!donnees.ok) return donnees;
    eformsXml = findEFormsXml(donnees.value);
  }
  return {
    ok: true,
    notice: {
      id,
      title: title.slice(0, 300),
      buyer: typeof fields.nomacheteur === 'string' ? fields.nomacheteur.trim().slice(0, 300) : '',
      deadline: deadline ? new Date(deadline).toISOString() : null,
      departements: [...new Set(departements)],
      descriptors: asStrings(fields.descripteur_libelle),
      eformsXml,
    },
  };
}
