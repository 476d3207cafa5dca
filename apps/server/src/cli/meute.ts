import fs from 'node:fs';
import readline from 'node:readline/promises';
import { Command } from 'commander';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { DataDirectoryInUseError } from '../db/embedded.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from '../db/seed/demo.ts';
import { type ImportCommandOptions, runImportCommand } from '../modules/imports/import-command.ts';
import { startServer } from '../server.ts';

/** `meute start | migrate | demo | backup FILE | restore FILE | reset`, on the same configuration as the server. */
const program = new Command('meute').description('Meute — la plateforme des réseaux d’entreprises');

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function confirm(question: string, assumeYes: boolean): Promise<boolean> {
  if (assumeYes) return true;
  if (!process.stdin.isTTY) {
    console.error(`${question}\nRelancez avec --yes pour confirmer. / Run again with --yes to confirm.`);
    return false;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question} [o/N] `);
  rl.close();
  return /^(o|oui|y|yes)$/i.test(answer.trim());
}

program
  .command('start')
  .description('Démarre Meute / start Meute (embedded database unless DATABASE_URL is set)')
  .action(async () => {
    const server = await startServer(loadConfig());
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void server.close().then(() => process.exit(0)));
    }
  });

program
  .command('migrate')
  .description('Applique les migrations / apply database migrations')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrateToLatest(database.db);
      console.log(
        applied.length
          ? `Migrations appliquées / applied: ${applied.join(', ')}`
          : 'Base à jour / up to date',
      );
    } finally {
      await database.close();
    }
  });

program
  .command('demo')
  .description('Charge les données de démonstration / load the demo data')
  .action(async () => {
    await withDatabase(async (database) => {
      const { loaded } = await loadDemo(database);
      console.log(
        loaded ? 'Données de démonstration chargées / demo data loaded' : 'Déjà présentes / already there',
      );
      console.log(`Comptes / accounts (mot de passe / password: ${DEMO_PASSWORD}):`);
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(28)} ${account.what.fr}`);
    });
  });

program
  .command('backup')
  .argument('<file>', 'fichier de sauvegarde / backup file (.meute.gz)')
  .description('Sauvegarde toutes les données / back up all data')
  .action(async (file: string) => {
    await withDatabase(async (database) => {
      const counts = await backupDatabase(database.url, file);
      const rows = counts.reduce((sum, c) => sum + c.rows, 0);
      console.log(
        `Sauvegarde écrite / backup written: ${file} (${rows} lignes / rows, ${counts.length} tables)`,
      );
    });
  });

program
  .command('restore')
  .argument('<file>', 'fichier de sauvegarde / backup file')
  .option('-y, --yes', 'ne pas demander confirmation / do not ask for confirmation')
  .description('Remplace toutes les données par la sauvegarde / replace all data with the backup')
  .action(async (file: string, options: { yes?: boolean }) => {
    if (!fs.existsSync(file)) throw new Error(`Fichier introuvable / file not found: ${file}`);
    const ok = await confirm(
      'Toutes les données actuelles seront remplacées par la sauvegarde. / All current data will be replaced.',
      options.yes === true,
    );
    if (!ok) process.exit(1);
    await withDatabase(async (database) => {
      const counts = await restoreDatabase(database.url, file);
      const rows = counts.reduce((sum, c) => sum + c.rows, 0);
      console.log(`Sauvegarde restaurée / backup restored: ${rows} lignes / rows`);
    });
  });

program
  .command('reset')
  .option('-y, --yes', 'ne pas demander confirmation / do not ask for confirmation')
  .description(
    'Efface toutes les données puis réapplique les migrations / erase everything and migrate again',
  )
  .action(async (options: { yes?: boolean }) => {
    const ok = await confirm(
      'Toutes les données seront effacées. / All data will be erased.',
      options.yes === true,
    );
    if (!ok) process.exit(1);
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await sql`drop schema public cascade; create schema public;`.execute(database.db);
      await migrateToLatest(database.db);
      console.log('Base réinitialisée / database reset');
    } finally {
      await database.close();
    }
  });

program
  .command('import')
  .argument('<kind>', 'sirene | members')
  .argument('<file>', 'StockEtablissement (CSV) ou tableur des membres (CSV, XLSX) / file to import')
  .requiredOption('--network <slug>', 'réseau qui reçoit les organisations / network receiving them')
  .option('--unite-legale <file>', 'sirene : StockUniteLegale, pour les noms / for the names')
  .option('--include-closed', 'sirene : aussi les établissements fermés / closed establishments too')
  .option(
    '--members',
    'sirene : tous les établissements deviennent membres du réseau (sinon : registre SIRENE) / every establishment becomes a member (else: the SIRENE register)',
  )
  .description('Importe des organisations, tout ou rien / import organisations, all or nothing')
  .action(async (kind: string, file: string, options: ImportCommandOptions) => {
    const code = await withDatabase((database) => runImportCommand(database, kind, file, options));
    process.exitCode = code;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message =
    error instanceof DataDirectoryInUseError || error instanceof Error ? error.message : String(error);
  console.error(`meute: ${message}`);
  process.exit(error instanceof DataDirectoryInUseError ? 2 : 1);
}
