import type { Invitation, Locale, NetworkDetail, NetworkSummary } from '@meute/contracts';
import {
  type Actor,
  canInvite,
  canManageNetwork,
  invitableRoles,
  type NetworkRole,
  normaliseEmail,
} from '@meute/domain';
import type { Kysely } from 'kysely';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import { newToken } from '../accounts/secrets.ts';
import type { NetworksRepository } from './networks.repository.ts';

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

interface Deps {
  db: Kysely<DB>;
  networks: NetworksRepository;
  mailer: Mailer;
  publicUrl: string;
  now?: () => Date;
}

type NetworkRow = Awaited<ReturnType<NetworksRepository['listVisible']>>[number];

function toSummary(row: NetworkRow): NetworkSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    description: row.description,
    isDemo: row.is_demo,
    memberCount: row.member_count,
  };
}

/**
 * The network, if the person may see it (row-level security: otherwise NETWORK_NOT_FOUND, so
 * nobody learns that it exists), and what they may do in it.
 */
export async function loadNetworkForActor(
  trx: Scoped,
  networks: NetworksRepository,
  person: AuthenticatedPerson,
  slug: string,
) {
  const network = await networks.findBySlug(trx, slug);
  if (!network) throw new AppError('NETWORK_NOT_FOUND');
  const actor: Actor = {
    isInstanceAdmin: person.isInstanceAdmin,
    rolesInNetwork: await networks.rolesOf(trx, network.id, person.personId),
    rolesInParentFederation: network.parent_id
      ? await networks.rolesOf(trx, network.parent_id, person.personId)
      : [],
  };
  return { network, actor, canManage: canManageNetwork(actor) };
}

/** Networks: what a person sees of the networks they belong to, and how staff invite people. */
export function createNetworksService({ db, networks, mailer, publicUrl, now = () => new Date() }: Deps) {
  const loadForActor = (trx: Scoped, person: AuthenticatedPerson, slug: string) =>
    loadNetworkForActor(trx, networks, person, slug);

  return {
    async list(person: AuthenticatedPerson): Promise<NetworkSummary[]> {
      return asPerson(db, person.personId, async (trx) => (await networks.listVisible(trx)).map(toSummary));
    },

    async get(person: AuthenticatedPerson, slug: string): Promise<NetworkDetail> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, actor } = await loadForActor(trx, person, slug);
        const parent = network.parent_id ? await networks.findById(trx, network.parent_id) : undefined;
        const children = await networks.listChildren(trx, network.id);
        return {
          ...toSummary(network),
          parent: parent ? { slug: parent.slug, name: parent.name } : null,
          children: children.map(toSummary),
          myRoles: actor.rolesInNetwork as NetworkRole[],
          canManage: canManageNetwork(actor),
          invitableRoles: invitableRoles(actor, network.kind),
        };
      });
    },

    async listPeople(person: AuthenticatedPerson, slug: string) {
      return asPerson(db, person.personId, async (trx) => {
        const { network, actor } = await loadForActor(trx, person, slug);
        const isManager = canManageNetwork(actor);
        const rows = await networks.listPeople(trx, network.id);
        // E-mail addresses are for the staff who run the network, not for every member.
        return rows.map((row) => ({
          personId: row.id,
          displayName: row.display_name,
          email: isManager || row.id === person.personId ? row.email : null,
          roles: row.roles,
        }));
      });
    },

    async invite(
      person: AuthenticatedPerson,
      slug: string,
      input: { email: string; role: NetworkRole },
      locale: Locale,
    ) {
      const email = normaliseEmail(input.email);
      const { token, tokenHash } = newToken();
      const { invitation, network, inviterName } = await asPerson(db, person.personId, async (trx) => {
        const { network, actor } = await loadForActor(trx, person, slug);
        if (!canManageNetwork(actor)) throw new AppError('FORBIDDEN');
        if (!canInvite(actor, network.kind, input.role))
          throw new AppError('ROLE_NOT_INVITABLE', { field: 'role' });
        if (await networks.hasRole(trx, network.id, email, input.role)) {
          throw new AppError('ALREADY_MEMBER', { field: 'email' });
        }
        const invitation = await networks.createInvitation(trx, {
          networkId: network.id,
          email,
          role: input.role,
          tokenHash,
          invitedBy: person.personId,
          expiresAt: new Date(now().getTime() + INVITATION_LIFETIME_MS),
        });
        const inviter = await trx
          .selectFrom('people')
          .select('display_name')
          .where('id', '=', person.personId)
          .executeTakeFirstOrThrow();
        return { invitation, network, inviterName: inviter.display_name };
      });
      await mailer.send({
        to: email,
        subject: translate(locale, 'mail.invitation.subject', { network: network.name }),
        text: translate(locale, 'mail.invitation.body', {
          inviter: inviterName,
          network: network.name,
          role: translate(locale, `role.${input.role}`),
          link: `${publicUrl}/invitations/${token}`,
        }),
        networkId: network.id,
      });
      return {
        id: invitation.id,
        email,
        role: input.role,
        invitedBy: inviterName,
        createdAt: invitation.created_at.toISOString(),
        expiresAt: invitation.expires_at.toISOString(),
        status: 'pending' as const,
      };
    },

    async listInvitations(person: AuthenticatedPerson, slug: string): Promise<Invitation[]> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, actor } = await loadForActor(trx, person, slug);
        if (!canManageNetwork(actor)) throw new AppError('FORBIDDEN');
        const rows = await networks.listInvitations(trx, network.id);
        const at = now();
        return rows.map((row) => ({
          id: row.id,
          email: row.email,
          role: row.role,
          invitedBy: row.invited_by_name,
          createdAt: row.created_at.toISOString(),
          expiresAt: row.expires_at.toISOString(),
          status: row.accepted_at
            ? 'accepted'
            : row.revoked_at
              ? 'revoked'
              : row.expires_at <= at
                ? 'expired'
                : 'pending',
        }));
      });
    },

    async revokeInvitation(person: AuthenticatedPerson, slug: string, invitationId: string) {
      await asPerson(db, person.personId, async (trx) => {
        const { network, actor } = await loadForActor(trx, person, slug);
        if (!canManageNetwork(actor)) throw new AppError('FORBIDDEN');
        if (!(await networks.revokeInvitation(trx, network.id, invitationId, now())))
          throw new AppError('NOT_FOUND');
      });
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;
