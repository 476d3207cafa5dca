import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A PostgreSQL server. Without it Meute runs its embedded PostgreSQL in MEUTE_DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  MEUTE_DATA_DIR: z.string().default('./data'),
  /** The address people use to reach Meute: links in e-mails point there. */
  PUBLIC_URL: z.string().optional(),
  /** SMTP server for e-mail (smtp://user:pass@host:587). Without it, mails go to the in-app outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Meute <no-reply@meute.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo data: `auto` on the embedded database's first start only. */
  MEUTE_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  demo: 'auto' | 'always' | 'never';
}

/** Reads the environment once; a wrong value stops the start with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(e.MEUTE_DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    demo: e.MEUTE_DEMO,
  };
}
