import type {
  Application,
  applyRequest,
  createNetworkRequest,
  Locale,
  NetworkSettings,
  recordDuesRequest,
  updateNetworkSettingsRequest,
} from '@meute/contracts';
import { bandFitsSizeRule, categoryForHeadcountBand, sirenOfSiret, siretError, slugify } from '@meute/domain';
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import { asPerson } from '../../db/database.ts';
import type { DB, NetworksTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { DirectoryRepository } from '../directory/directory.repository.ts';
import { placeColumns } from '../directory/directory.service.ts';
import type { ReferenceLookups } from '../directory/reference-lookups.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { MembershipRepository } from './membership.repository.ts';

interface Deps {
  db: Kysely<DB>;
  membership: MembershipRepository;
  networks: NetworksRepository;
  directory: DirectoryRepository;
  reference: ReferenceLookups;
  mailer: Mailer;
  publicUrl: string;
  now?: () => Date;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Membership: how an organisation joins a network (application, charter, approval), what the
 * network asks of its members (size rule, fees, dues) and how staff configure it.
 */
export function createMembershipService(deps: Deps) {
  const { db, membership, networks, directory, reference, mailer, publicUrl, now = () => new Date() } = deps;

  async function managedNetwork(person: AuthenticatedPerson, slug: string) {
    return asPerson(db, person.personId, async (trx) => {
      const access = await loadNetworkForActor(trx, networks, person, slug);
      if (!access.canManage) throw new AppError('FORBIDDEN');
      return access.network;
    });
  }

  async function staffEmails(networkId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select('p.email')
      .where('m.network_id', '=', networkId)
      .where('m.role', '=', 'staff')
      .where('p.disabled_at', 'is', null)
      .execute();
    return rows.map((row) => row.email);
  }

  return {
    async createNetwork(person: AuthenticatedPerson, request: z.infer<typeof createNetworkRequest>) {
      let parentId: string | null = null;
      if (request.parentSlug) {
        const parent = await asPerson(db, person.personId, async (trx) => {
          const access = await loadNetworkForActor(trx, networks, person, request.parentSlug ?? '');
          return access;
        });
        if (parent.network.kind !== 'federation') {
          throw new AppError('VALIDATION', {
            field: 'body.parentSlug',
            params: { detail: request.parentSlug },
          });
        }
        if (!parent.canManage) throw new AppError('FORBIDDEN');
        parentId = parent.network.id;
      } else if (!person.isInstanceAdmin) {
        throw new AppError('FORBIDDEN');
      }
      const base = slugify(request.name).slice(0, 50) || 'reseau';
      let slug = base;
      for (let n = 2; await membership.slugExists(db, slug); n++) slug = `${base}-${n}`;
      const created = await db.transaction().execute(async (trx) => {
        const network = await membership.createNetwork(trx, {
          slug,
          name: request.name,
          kind: request.kind,
          parentId,
          description: request.description ?? '',
        });
        await networks.addMembership(trx, {
          networkId: network.id,
          personId: person.personId,
          role: request.kind === 'federation' ? 'federation_staff' : 'staff',
        });
        return network;
      });
      return { slug: created.slug };
    },

    async getSettings(person: AuthenticatedPerson, slug: string): Promise<NetworkSettings> {
      return asPerson(db, person.personId, async (trx) => {
        const { network } = await loadNetworkForActor(trx, networks, person, slug);
        const settings = await membership.settingsOf(trx, network.id);
        const charter = await membership.currentCharter(trx, network.id);
        return {
          territory:
            settings.territory_kind && settings.territory_code
              ? {
                  kind: settings.territory_kind,
                  code: settings.territory_code,
                  label:
                    reference.territoryLabel(settings.territory_kind, settings.territory_code) ??
                    settings.territory_code,
                }
              : null,
          entryFeeCents: settings.entry_fee_cents,
          yearlyDuesCents: settings.yearly_dues_cents,
          minStaff: settings.min_staff,
          maxStaff: settings.max_staff,
          isOpenToApplications: settings.is_open_to_applications,
          noBusiness: settings.no_business,
          charter: charter
            ? { version: charter.version, body: charter.body, createdAt: charter.created_at.toISOString() }
            : null,
        };
      });
    },

    async updateSettings(
      person: AuthenticatedPerson,
      slug: string,
      changes: z.infer<typeof updateNetworkSettingsRequest>,
    ) {
      const network = await managedNetwork(person, slug);
      const set: Updateable<NetworksTable> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.description !== undefined) set.description = changes.description;
      if (changes.territory !== undefined) {
        if (changes.territory && !reference.territoryLabel(changes.territory.kind, changes.territory.code)) {
          throw new AppError('VALIDATION', {
            field: 'body.territory.code',
            params: { detail: changes.territory.code },
          });
        }
        set.territory_kind = changes.territory?.kind ?? null;
        set.territory_code = changes.territory?.code ?? null;
      }
      if (changes.entryFeeCents !== undefined) set.entry_fee_cents = changes.entryFeeCents;
      if (changes.yearlyDuesCents !== undefined) set.yearly_dues_cents = changes.yearlyDuesCents;
      if (changes.minStaff !== undefined) set.min_staff = changes.minStaff;
      if (changes.maxStaff !== undefined) set.max_staff = changes.maxStaff;
      if (changes.isOpenToApplications !== undefined)
        set.is_open_to_applications = changes.isOpenToApplications;
      if (changes.noBusiness !== undefined) set.no_business = changes.noBusiness;
      await membership.updateSettings(db, network.id, set);
    },

    /** A new version of the charter: members who join from now on accept this one. */
    async publishCharter(person: AuthenticatedPerson, slug: string, body: string) {
      const network = await managedNetwork(person, slug);
      const row = await membership.publishCharter(db, network.id, body, person.personId);
      return { version: row.version, body, createdAt: row.created_at.toISOString() };
    },

    async listOpenNetworks(person: AuthenticatedPerson) {
      const [open, applications, memberOf] = await Promise.all([
        membership.listOpenNetworks(db),
        membership.applicationsOfPerson(db, person.personId),
        membership.networksOfPersonOrganisations(db, person.personId),
      ]);
      const results = [];
      for (const network of open) {
        const charter = await membership.currentCharter(db, network.id);
        const application = applications.find((a) => a.network_id === network.id);
        results.push({
          slug: network.slug,
          name: network.name,
          kind: network.kind,
          description: network.description,
          territoryLabel:
            network.territory_kind && network.territory_code
              ? reference.territoryLabel(network.territory_kind, network.territory_code)
              : null,
          entryFeeCents: network.entry_fee_cents,
          yearlyDuesCents: network.yearly_dues_cents,
          minStaff: network.min_staff,
          maxStaff: network.max_staff,
          charter: charter ? { version: charter.version, body: charter.body } : null,
          myApplication: application
            ? { status: application.status, createdAt: application.created_at.toISOString() }
            : null,
          isMember: memberOf.has(network.id),
        });
      }
      return results;
    },

    async apply(
      person: AuthenticatedPerson,
      slug: string,
      request: z.infer<typeof applyRequest>,
      locale: Locale,
    ) {
      const network = await membership.findOpenNetwork(db, slug);
      if (!network) throw new AppError('NETWORK_NOT_FOUND');
      const org = request.organisation;
      const problem = siretError(org.siret);
      if (problem) {
        throw new AppError('VALIDATION', {
          field: 'body.organisation.siret',
          params: {
            detail: translate(locale, problem === 'FORMAT' ? 'detail.SIRET_FORMAT' : 'detail.SIRET_CHECKSUM'),
          },
        });
      }
      if (org.nafCode && !reference.nafLabel(org.nafCode)) {
        throw new AppError('VALIDATION', {
          field: 'body.organisation.nafCode',
          params: { detail: org.nafCode },
        });
      }
      const commune = org.communeCode ? reference.commune(org.communeCode) : null;
      if (org.communeCode && !commune) {
        throw new AppError('VALIDATION', {
          field: 'body.organisation.communeCode',
          params: { detail: org.communeCode },
        });
      }
      const charter = await membership.currentCharter(db, network.id);
      if (charter && request.acceptedCharterVersion !== charter.version) {
        throw new AppError('CHARTER_NOT_ACCEPTED', { field: 'body.acceptedCharterVersion' });
      }

      const applicationId = await db.transaction().execute(async (trx) => {
        let organisation = await directory.findOrganisationBySiret(trx, org.siret);
        if (!organisation) {
          organisation = await trx
            .insertInto('organisations')
            .values({
              name: org.name,
              siret: org.siret,
              siren: sirenOfSiret(org.siret),
              naf_code: org.nafCode ?? null,
              headcount_band: org.headcountBand ?? null,
              category: categoryForHeadcountBand(org.headcountBand ?? null),
              ...placeColumns(commune),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await directory.refreshSearch(trx, organisation.id);
          // The applicant created this organisation's record, so they lead it.
          await membership.linkPersonToOrganisation(trx, person.personId, organisation.id, true);
        }
        if (await membership.isMemberOrganisation(trx, network.id, organisation.id)) {
          throw new AppError('ALREADY_MEMBER', { field: 'body.organisation.siret' });
        }
        if (await membership.hasPendingApplication(trx, network.id, organisation.id)) {
          throw new AppError('APPLICATION_PENDING', { field: 'body.organisation.siret' });
        }
        const { id } = await membership.createApplication(trx, {
          networkId: network.id,
          organisationId: organisation.id,
          applicantId: person.personId,
          message: request.message,
          charterVersion: charter?.version ?? null,
        });
        return id;
      });
      for (const to of await staffEmails(network.id)) {
        await mailer.send({
          to,
          subject: translate(locale, 'mail.application.subject', {
            network: network.name,
            organisation: org.name,
          }),
          text: translate(locale, 'mail.application.body', {
            organisation: org.name,
            network: network.name,
            link: `${publicUrl}/n/${network.slug}/membership`,
          }),
          networkId: network.id,
        });
      }
      return { id: applicationId };
    },

    async listApplications(person: AuthenticatedPerson, slug: string): Promise<Application[]> {
      const network = await managedNetwork(person, slug);
      const settings = await membership.settingsOf(db, network.id);
      return asPerson(db, person.personId, async (trx) => {
        const rows = await membership.listApplications(trx, network.id);
        return rows.map((row) => ({
          id: row.id,
          organisation: {
            id: row.organisation_id,
            name: row.organisation_name,
            siret: row.siret,
            headcountBand: row.headcount_band,
            category: row.category,
          },
          applicant: { displayName: row.applicant_name, email: row.applicant_email },
          message: row.message,
          status: row.status,
          charterVersion: row.charter_version,
          sizeFit: bandFitsSizeRule(row.headcount_band, {
            minStaff: settings.min_staff,
            maxStaff: settings.max_staff,
          }),
          decisionReason: row.decision_reason,
          createdAt: row.created_at.toISOString(),
          decidedAt: iso(row.decided_at),
        }));
      });
    },

    async decide(
      person: AuthenticatedPerson,
      slug: string,
      applicationId: string,
      decision: { decision: 'approve' | 'reject'; reason: string },
    ) {
      const network = await managedNetwork(person, slug);
      const application = await membership.findApplication(db, network.id, applicationId);
      if (!application) throw new AppError('NOT_FOUND');
      const at = now();
      await db.transaction().execute(async (trx) => {
        const decided = await membership.decideApplication(trx, applicationId, {
          status: decision.decision === 'approve' ? 'approved' : 'rejected',
          reason: decision.reason,
          decidedBy: person.personId,
          at,
        });
        if (!decided) throw new AppError('APPLICATION_DECIDED');
        if (decision.decision === 'approve') {
          await membership.addOrganisationToNetwork(trx, {
            networkId: network.id,
            organisationId: application.organisation_id,
            charterVersion: application.charter_version,
            acceptedBy: application.applicant_id,
            at: application.created_at,
          });
          await membership.linkPersonToOrganisation(
            trx,
            application.applicant_id,
            application.organisation_id,
            true,
          );
          await networks.addMembership(trx, {
            networkId: network.id,
            personId: application.applicant_id,
            role: 'member_leader',
          });
        }
      });
      const applicant = await db
        .selectFrom('people')
        .select(['email', 'locale'])
        .where('id', '=', application.applicant_id)
        .executeTakeFirst();
      if (applicant) {
        const key = decision.decision === 'approve' ? 'mail.approved' : 'mail.rejected';
        await mailer.send({
          to: applicant.email,
          subject: translate(applicant.locale, `${key}.subject`, { network: network.name }),
          text: translate(applicant.locale, `${key}.body`, {
            network: network.name,
            reason: decision.reason,
            link: `${publicUrl}/n/${network.slug}`,
          }),
          networkId: network.id,
        });
      }
    },

    async listMembers(person: AuthenticatedPerson, slug: string, year: number) {
      const network = await managedNetwork(person, slug);
      return asPerson(db, person.personId, async (trx) => {
        const rows = await membership.listMembers(trx, network.id, year);
        return rows.map((row) => ({
          organisation: {
            id: row.id,
            name: row.name,
            siret: row.siret,
            category: row.category,
            headcountBand: row.headcount_band,
            commune: row.commune_code ? (reference.commune(row.commune_code)?.name ?? null) : null,
          },
          joinedAt: row.joined_at.toISOString(),
          charterVersion: row.charter_version,
          charterAcceptedBy: row.charter_accepted_by,
          charterAcceptedAt: iso(row.charter_accepted_at),
          entryFee:
            row.entry_amount === null
              ? null
              : { amountCents: row.entry_amount, paidAt: iso(row.entry_paid_at) },
          yearlyDues:
            row.yearly_amount === null
              ? null
              : { amountCents: row.yearly_amount, paidAt: iso(row.yearly_paid_at) },
        }));
      });
    },

    async recordDues(person: AuthenticatedPerson, slug: string, request: z.infer<typeof recordDuesRequest>) {
      const network = await managedNetwork(person, slug);
      if (!(await membership.isMemberOrganisation(db, network.id, request.organisationId))) {
        throw new AppError('NOT_FOUND', { field: 'body.organisationId' });
      }
      await membership.recordDues(db, {
        networkId: network.id,
        organisationId: request.organisationId,
        kind: request.kind,
        year: request.year,
        amountCents: request.amountCents,
        paidAt: request.paid ? now() : null,
        recordedBy: person.personId,
      });
    },

    async listCompetences(person: AuthenticatedPerson, slug: string) {
      return asPerson(db, person.personId, async (trx) => {
        const { network } = await loadNetworkForActor(trx, networks, person, slug);
        const rows = await membership.listCompetences(trx, network.id);
        return rows.map((row) => ({
          id: row.id,
          label: row.label,
          isShared: row.network_id === null,
          organisationCount: row.organisation_count,
        }));
      });
    },

    async createCompetence(person: AuthenticatedPerson, slug: string, label: string) {
      const network = await managedNetwork(person, slug);
      const created = await membership.createCompetence(db, network.id, label);
      if (!created) throw new AppError('ALREADY_EXISTS', { field: 'body.label' });
      return created;
    },
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
