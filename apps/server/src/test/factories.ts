import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { buildApp } from '../app.ts';
import { createContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import type { DB, MembershipsTable, NetworksTable } from '../db/schema.ts';
import { hashPassword } from '../modules/accounts/secrets.ts';
import { createTestDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;

/** The whole app on a fresh database of its own, mails kept in the outbox. */
export async function buildTestApp() {
  const database: Database = await createTestDatabase();
  const context = createContext(
    { publicUrl: 'http://meute.test', smtpUrl: undefined, mailFrom: 'test@meute.test' },
    database,
  );
  const app = await buildApp(context, { serveWeb: false });
  return {
    app,
    context,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const unique = () => randomBytes(4).toString('hex');

export async function buildPerson(
  db: Kysely<DB>,
  values: { email?: string; displayName?: string; isInstanceAdmin?: boolean } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db
    .insertInto('people')
    .values({
      email: values.email ?? `person-${unique()}@example.test`,
      display_name: values.displayName ?? `Person ${unique()}`,
      password_hash: await cachedHash,
      is_instance_admin: values.isInstanceAdmin ?? false,
    })
    .returning(['id', 'email', 'display_name'])
    .executeTakeFirstOrThrow();
}

export async function buildNetwork(
  db: Kysely<DB>,
  values: { kind?: NetworksTable['kind']; parentId?: string; name?: string } = {},
) {
  const suffix = unique();
  return db
    .insertInto('networks')
    .values({
      slug: `network-${suffix}`,
      name: values.name ?? `Network ${suffix}`,
      kind: values.kind ?? 'cluster',
      parent_id: values.parentId ?? null,
    })
    .returning(['id', 'slug', 'name', 'kind'])
    .executeTakeFirstOrThrow();
}

export async function grantRole(
  db: Kysely<DB>,
  personId: string,
  networkId: string,
  role: MembershipsTable['role'],
) {
  await db.insertInto('memberships').values({ person_id: personId, network_id: networkId, role }).execute();
}

type InjectableApp = Awaited<ReturnType<typeof buildTestApp>>['app'];

/** Signs in through the API and returns the Cookie header to send with later requests. */
export async function signIn(app: InjectableApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'meute_session');
  if (!cookie) throw new Error('no session cookie');
  return `meute_session=${cookie.value}`;
}
