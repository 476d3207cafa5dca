/**
 * `meute import sirene FILE --network SLUG [--unite-legale FILE] [--include-closed] [--members]` and
 * `meute import members FILE --network SLUG`: the same import as the web app's, run by the
 * operator on the server, with a progress bar on the bytes read (on a terminal), then the
 * summary and every bad row, in French.
 */
import fs from 'node:fs';
import type { ImportReport } from '@meute/contracts';
import cliProgress from 'cli-progress';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import { createNetworksRepository } from '../networks/networks.repository.ts';
import {
  createImportsService,
  type ImportFile,
  type ImportKind,
  type ImportStep,
} from './imports.service.ts';

const STEP_LABELS: Record<ImportStep, string> = {
  prepare: 'préparation',
  load: 'lecture',
  check: 'vérification des lignes',
  register: 'registre SIRENE du réseau',
  stage: 'préparation de l’écriture',
  write: 'écriture des organisations',
  link: 'rattachement au réseau',
  search: 'texte de recherche',
  index: 'index des organisations',
  commit: 'validation',
};

export interface ImportCommandOptions {
  network: string;
  uniteLegale?: string;
  includeClosed?: boolean;
  members?: boolean;
}

const number = (n: number) => n.toLocaleString('fr-FR');
const seconds = (ms: number) => (ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const megabytes = (bytes: number) => (bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

/** Writes the report as people read it; returns the process's exit code (1 when rejected). */
export function printReport(report: ImportReport, out: (line: string) => void): number {
  if (report.status === 'imported') {
    out(
      `Import terminé : ${number(report.rows)} lignes lues, ${number(report.created)} organisations créées, ${number(report.updated)} mises à jour, ${number(report.skipped)} ignorées (établissements fermés).`,
    );
    if (report.register !== undefined) {
      out(
        `Registre SIRENE du réseau : ${number(report.register)} établissements (l’équipe y choisit les membres à ajouter).`,
      );
    }
    return 0;
  }
  out(
    `Import refusé, rien n’a été importé : ${number(report.errorCount)} erreur${report.errorCount > 1 ? 's' : ''} sur ${number(report.rows)} lignes lues.`,
  );
  for (const error of report.errors) {
    out(`  ligne ${error.line}${error.column ? `, colonne ${error.column}` : ''} : ${error.reason}`);
  }
  if (report.errorCount > report.errors.length) {
    out(`  … et ${number(report.errorCount - report.errors.length)} autres erreurs.`);
  }
  return 1;
}

export async function runImportCommand(
  database: Database,
  kind: string,
  file: string,
  options: ImportCommandOptions,
): Promise<number> {
  if (kind !== 'sirene' && kind !== 'members') {
    console.error('meute import : le type est « sirene » ou « members ».');
    return 1;
  }
  if ((options.uniteLegale || options.members) && kind !== 'sirene') {
    console.error(
      `meute import : ${options.members ? '--members' : '--unite-legale'} ne sert qu’à un import sirene.`,
    );
    return 1;
  }
  const paths = [file, ...(options.uniteLegale ? [options.uniteLegale] : [])];
  for (const path of paths) {
    if (!fs.existsSync(path) || !fs.statSync(path).isFile()) {
      console.error(`meute import : fichier introuvable : ${path}`);
      return 1;
    }
  }
  const total = paths.reduce((sum, path) => sum + fs.statSync(path).size, 0);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'Lecture {bar} {percentage} % | {read} / {size} Mo | reste {eta_formatted}',
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let read = 0;
  bar?.start(total, 0, { read: megabytes(0), size: megabytes(total) });
  let barDone = false;
  const finishBar = () => {
    if (!bar || barDone) return;
    barDone = true;
    bar.update(total, { read: megabytes(total) });
    bar.stop();
  };

  const imports = createImportsService({
    db: database.db,
    databaseUrl: database.url,
    networks: createNetworksRepository(),
  });
  async function* files(): AsyncGenerator<ImportFile> {
    yield { role: 'file', stream: fs.createReadStream(file, { highWaterMark: 1 << 20 }) };
    if (options.uniteLegale) {
      yield {
        role: 'uniteLegale',
        stream: fs.createReadStream(options.uniteLegale, { highWaterMark: 1 << 20 }),
      };
    }
  }
  const started = performance.now();
  let report: ImportReport;
  try {
    report = await imports.importAsOperator(
      options.network,
      {
        kind: kind as ImportKind,
        includeClosed: options.includeClosed === true,
        members: options.members === true,
        locale: 'fr',
        onBytes: (bytes) => {
          read += bytes;
          bar?.update(read, { read: megabytes(read) });
        },
        // After the bar, on a terminal: each step as it ends (checking and writing take longer).
        onStep: (step, ms) => {
          if (!bar) return;
          if (step === 'load') finishBar();
          if (step !== 'prepare') console.error(`  ${STEP_LABELS[step]} : ${seconds(ms)} s`);
        },
      },
      files(),
    );
  } catch (error) {
    finishBar();
    if (error instanceof AppError) {
      console.error(`meute import : ${translate('fr', error.messageKey)} (${options.network})`);
      return 1;
    }
    throw error;
  }
  finishBar();
  const code = printReport(report, (line) => console.log(line));
  console.log(`Durée : ${seconds(performance.now() - started)} s`);
  return code;
}
