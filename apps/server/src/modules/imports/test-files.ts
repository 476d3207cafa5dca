/**
 * Files for the import tests: SIRENE rows with every column of the real header, SIRETs with
 * their Luhn key, and multipart bodies as a browser sends them.
 */
import { luhnCheckDigit } from '@meute/domain';
import { SIRENE_ETABLISSEMENT_COLUMNS, SIRENE_UNITE_LEGALE_COLUMNS } from './sirene-format.ts';

/** A valid SIRET of a made-up company: `n` picks the SIREN, `establishment` the NIC. */
export function makeSiret(n: number, establishment = 1): string {
  const sirenBody = String(40_000_000 + n).padStart(8, '0');
  const siren = sirenBody + luhnCheckDigit(sirenBody);
  const nicBody = String(establishment).padStart(4, '0');
  return siren + nicBody + luhnCheckDigit(siren + nicBody);
}

/** The same SIRET with a wrong check digit. */
export function breakSiret(siret: string): string {
  const last = Number(siret.at(-1));
  return siret.slice(0, -1) + String((last + 1) % 10);
}

type EtablissementRow = Partial<Record<(typeof SIRENE_ETABLISSEMENT_COLUMNS)[number], string>>;
type UniteLegaleRow = Partial<Record<(typeof SIRENE_UNITE_LEGALE_COLUMNS)[number], string>>;

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** An active establishment in Flers (61169), NAF 25.62A, 20 to 49 employees, unless told otherwise. */
export function etablissement(siret: string, values: EtablissementRow = {}): EtablissementRow {
  return {
    siren: siret.slice(0, 9),
    nic: siret.slice(9),
    siret,
    statutDiffusionEtablissement: 'O',
    dateCreationEtablissement: '2001-04-12',
    trancheEffectifsEtablissement: '12',
    anneeEffectifsEtablissement: '2023',
    etablissementSiege: 'true',
    codePostalEtablissement: '61100',
    libelleCommuneEtablissement: 'FLERS',
    codeCommuneEtablissement: '61169',
    dateDebut: '2001-04-12',
    etatAdministratifEtablissement: 'A',
    activitePrincipaleEtablissement: '25.62A',
    nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
    caractereEmployeurEtablissement: 'O',
    ...values,
  };
}

/** A StockEtablissement CSV: the real header, the rows, LF line ends. */
export function sireneCsv(
  rows: EtablissementRow[],
  columns: readonly string[] = SIRENE_ETABLISSEMENT_COLUMNS,
): string {
  const lines = [columns.join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => csvField((row as Record<string, string>)[column] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function uniteLegaleCsv(rows: UniteLegaleRow[]): string {
  const lines = [SIRENE_UNITE_LEGALE_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      SIRENE_UNITE_LEGALE_COLUMNS.map((column) =>
        csvField((row as Record<string, string>)[column] ?? ''),
      ).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Text as Windows-1252 bytes (French Excel's « CSV (séparateur : point-virgule) »). */
export function windows1252(text: string): Buffer {
  const bytes: number[] = [];
  const extra: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c, Œ: 0x8c, '…': 0x85 };
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (extra[char] !== undefined) bytes.push(extra[char]);
    else throw new Error(`not in Windows-1252: ${char}`);
  }
  return Buffer.from(bytes);
}

/** A multipart/form-data body as a browser sends it, and its content type. */
export async function multipart(
  files: Record<string, { content: Buffer | string; filename: string; type?: string }>,
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [field, file] of Object.entries(files)) {
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    form.append(field, new Blob([new Uint8Array(bytes)], { type: file.type ?? 'text/csv' }), file.filename);
  }
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type')! },
  };
}
