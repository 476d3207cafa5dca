import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * A working group with a charter (version 1) and its members, written straight into the tables
 * for tests of what lives inside a group. `active` members accepted the charter; `invited` did not.
 */
export async function buildGroup(
  db: Kysely<DB>,
  values: {
    networkId: string;
    name?: string;
    slug?: string;
    theme?: string;
    active?: string[];
    invited?: string[];
    leaders?: string[];
  },
) {
  const suffix = randomBytes(3).toString('hex');
  const group = await db
    .insertInto('working_groups')
    .values({
      network_id: values.networkId,
      slug: values.slug ?? `groupe-${suffix}`,
      name: values.name ?? `Groupe ${suffix}`,
      theme: values.theme ?? 'Cybersécurité',
    })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('group_charters')
    .values({ group_id: group.id, version: 1, body: 'Ce qui est dit dans le groupe reste dans le groupe.' })
    .execute();
  for (const personId of [...(values.active ?? []), ...(values.leaders ?? [])]) {
    await db
      .insertInto('group_members')
      .values({
        group_id: group.id,
        person_id: personId,
        role: values.leaders?.includes(personId) ? 'leader' : 'member',
        status: 'active',
        charter_version: 1,
        charter_accepted_at: new Date(),
        joined_at: new Date(),
      })
      .execute();
  }
  for (const personId of values.invited ?? []) {
    await db
      .insertInto('group_members')
      .values({ group_id: group.id, person_id: personId, status: 'invited' })
      .execute();
  }
  return group;
}

/** The member leaves the group (or is removed): their access ends at once. */
export async function leaveGroup(db: Kysely<DB>, groupId: string, personId: string) {
  await db
    .updateTable('group_members')
    .set({ status: 'left', left_at: new Date() })
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .execute();
}
