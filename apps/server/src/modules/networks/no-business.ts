import type { Kysely } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

type Db = Kysely<DB> | Scoped;

/**
 * The club's « no business » rule (`networks.no_business`): members make no commercial offers to
 * each other, so the product offers them no « sell » feature — offers in the needs module,
 * member companies proposed as replacement suppliers in the relocation challenge. The one place
 * every such feature asks.
 */
export async function isBusinessForbidden(db: Db, networkId: string): Promise<boolean> {
  const row = await db
    .selectFrom('networks')
    .select('no_business')
    .where('id', '=', networkId)
    .executeTakeFirst();
  return row?.no_business === true;
}

/** Refuses a « sell » feature in a network whose rule forbids business between members (403 NO_BUSINESS). */
export async function assertBusinessAllowed(db: Db, networkId: string, field?: string): Promise<void> {
  if (await isBusinessForbidden(db, networkId)) throw new AppError('NO_BUSINESS', field ? { field } : {});
}
