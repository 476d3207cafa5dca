import type {
  createExternalSupplierRequest,
  ExternalSupplier,
  ExternalSupplierStatusRequest,
  RelocationDashboard,
  RelocationFigures,
  RelocationOverview,
  SupplierProposalList,
  UpdateExternalSupplierRequest,
} from '@meute/contracts';
import { type Actor, proposeRelocationSuppliers } from '@meute/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { ReferenceLookups } from '../directory/reference-lookups.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import { assertBusinessAllowed } from '../networks/no-business.ts';
import type { ExternalSupplierValues, RelocationRepository } from './relocation.repository.ts';

interface Deps {
  db: Kysely<DB>;
  relocation: RelocationRepository;
  networks: NetworksRepository;
  reference: ReferenceLookups;
  now?: () => Date;
}

/** Only the leaders and employees of a member company list its outside suppliers. */
const BUYING_ROLES = ['member_leader', 'member_employee'] as const;
const canBuyForMembers = (actor: Actor) =>
  actor.rolesInNetwork.some((role) => (BUYING_ROLES as readonly string[]).includes(role));

const PROPOSAL_LIMIT = 10;

type LineRow = NonNullable<Awaited<ReturnType<RelocationRepository['findLine']>>>;

function addFigures(target: RelocationFigures, row: LineRow) {
  target.lineCount += 1;
  target.listedCents += Number(row.yearly_amount_cents);
  if (row.status === 'replaced') {
    target.replacedCount += 1;
    target.broughtBackCents += Number(row.amount_brought_back_cents ?? 0);
  }
}

const emptyFigures = (): RelocationFigures => ({
  organisationCount: 0,
  lineCount: 0,
  replacedCount: 0,
  listedCents: 0,
  broughtBackCents: 0,
});

/**
 * The relocation challenge: a member company's people list what it buys outside the network,
 * get member companies proposed to supply it, and record the outcome; staff follow the
 * challenge on a dashboard. A member's lines reach its own people and the staff only (row-level
 * security); the other members learn only the network's totals, and only once they hide every
 * single member.
 */
export function createRelocationService(deps: Deps) {
  const { db, relocation, networks, reference, now = () => new Date() } = deps;

  /** The network, the person's standing in it, and the member companies they buy for. */
  async function loadAccess(trx: Scoped, person: AuthenticatedPerson, slug: string) {
    const access = await loadNetworkForActor(trx, networks, person, slug);
    const buyable = canBuyForMembers(access.actor)
      ? await relocation.memberOrganisationsOf(trx, access.network.id, person.personId)
      : [];
    return { ...access, buyable };
  }

  function toLine(row: LineRow, labels: ReadonlyMap<string, string>, editable: ReadonlySet<string>) {
    return {
      id: row.id,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name ?? '',
      what: row.what,
      nafCode: row.naf_code,
      competences: row.competence_ids.map((id) => ({ id, label: labels.get(id) ?? '' })),
      requiredCertifications: row.required_certifications,
      supplierName: row.supplier_name,
      supplierPlace: row.supplier_place,
      yearlyAmountCents: Number(row.yearly_amount_cents),
      status: row.status,
      replacedBy: row.replaced_by_organisation_id
        ? { id: row.replaced_by_organisation_id, name: row.replaced_by_name ?? '' }
        : null,
      amountBroughtBackCents:
        row.amount_brought_back_cents === null ? null : Number(row.amount_brought_back_cents),
      replacedAt: row.replaced_at ? row.replaced_at.toISOString() : null,
      canEdit: editable.has(row.organisation_id),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    } satisfies ExternalSupplier;
  }

  async function labelsOf(trx: Scoped, rows: readonly LineRow[]) {
    const ids = [...new Set(rows.flatMap((row) => row.competence_ids))];
    return new Map((await relocation.competenceLabels(trx, ids)).map((c) => [c.id, c.label]));
  }

  /** A line the person may change: one of the member companies they buy for. */
  async function editableLine(person: AuthenticatedPerson, slug: string, id: string) {
    return asPerson(db, person.personId, async (trx) => {
      const access = await loadAccess(trx, person, slug);
      const row = await relocation.findLine(trx, access.network.id, id);
      if (!row) throw new AppError('NOT_FOUND');
      if (!access.buyable.some((o) => o.id === row.organisation_id)) throw new AppError('FORBIDDEN');
      return { network: access.network, row };
    });
  }

  async function checkCompetences(networkId: string, ids: readonly string[] | undefined) {
    const unique = [...new Set(ids ?? [])];
    if ((await relocation.countCompetences(db, networkId, unique)) !== unique.length) {
      throw new AppError('VALIDATION', {
        field: 'body.competenceIds',
        params: { detail: 'detail.UNKNOWN_COMPETENCE' },
      });
    }
    return unique;
  }

  const uniqueCertifications = (names: readonly string[]) => [
    ...new Map(names.map((name) => [name.toLowerCase(), name])).values(),
  ];

  async function getLine(person: AuthenticatedPerson, slug: string, id: string): Promise<ExternalSupplier> {
    return asPerson(db, person.personId, async (trx) => {
      const { network, buyable } = await loadAccess(trx, person, slug);
      const row = await relocation.findLine(trx, network.id, id);
      if (!row) throw new AppError('NOT_FOUND');
      return toLine(row, await labelsOf(trx, [row]), new Set(buyable.map((o) => o.id)));
    });
  }

  return {
    getLine,

    /** My companies' lines (every member's for staff) and the network's totals when released. */
    async overview(person: AuthenticatedPerson, slug: string): Promise<RelocationOverview> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage, buyable } = await loadAccess(trx, person, slug);
        // Row-level security leaves only the lines of my organisations, or all for staff.
        const rows = await relocation.listLines(trx, network.id);
        const labels = await labelsOf(trx, rows);
        const editable = new Set(buyable.map((o) => o.id));
        const totals = await relocation.networkTotals(trx, network.id);
        const isReleased = totals !== undefined && totals.organisation_count !== null;
        return {
          lines: rows.map((row) => toLine(row, labels, editable)),
          myOrganisations: buyable.map((o) => ({ id: o.id, name: o.name })),
          networkTotals: isReleased
            ? {
                organisationCount: totals.organisation_count ?? 0,
                lineCount: totals.line_count ?? 0,
                replacedCount: totals.replaced_count ?? 0,
                listedCents: Number(totals.listed_cents ?? 0),
                broughtBackCents: Number(totals.brought_back_cents ?? 0),
              }
            : null,
          hiddenReason: canManage ? null : (totals?.hidden_reason ?? null),
          canManage,
        };
      });
    },

    async create(
      person: AuthenticatedPerson,
      slug: string,
      request: z.infer<typeof createExternalSupplierRequest>,
    ) {
      const { network, buyable } = await asPerson(db, person.personId, (trx) =>
        loadAccess(trx, person, slug),
      );
      if (buyable.length === 0) throw new AppError('NOT_A_RELOCATION_BUYER');
      let organisationId = request.organisationId;
      if (!organisationId) {
        if (buyable.length > 1) {
          throw new AppError('VALIDATION', {
            field: 'body.organisationId',
            params: { detail: 'detail.RELOCATION_ORGANISATION_REQUIRED' },
          });
        }
        organisationId = buyable[0]!.id;
      }
      if (!buyable.some((o) => o.id === organisationId)) {
        throw new AppError('NOT_A_RELOCATION_BUYER', { field: 'body.organisationId' });
      }
      const competenceIds = await checkCompetences(network.id, request.competenceIds);
      return relocation.createLine(db, {
        networkId: network.id,
        organisationId,
        what: request.what,
        nafCode: request.nafCode,
        competenceIds,
        requiredCertifications: uniqueCertifications(request.requiredCertifications),
        supplierName: request.supplierName,
        supplierPlace: request.supplierPlace,
        yearlyAmountCents: request.yearlyAmountCents,
        createdBy: person.personId,
      });
    },

    async update(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: UpdateExternalSupplierRequest,
    ) {
      const { network, row } = await editableLine(person, slug, id);
      const values = { ...request } as Partial<ExternalSupplierValues>;
      if (request.competenceIds)
        values.competenceIds = await checkCompetences(network.id, request.competenceIds);
      if (request.requiredCertifications)
        values.requiredCertifications = uniqueCertifications(request.requiredCertifications);
      await relocation.updateLine(db, row.id, values, now());
    },

    /** In talks, replaced by a member company (with the yearly amount brought back), dropped, or open again. */
    async setStatus(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: ExternalSupplierStatusRequest,
    ) {
      const { network, row } = await editableLine(person, slug, id);
      if (request.status !== 'replaced') {
        await relocation.setStatus(
          db,
          row.id,
          {
            status: request.status,
            replacedByOrganisationId: null,
            amountBroughtBackCents: null,
            replacedAt: null,
          },
          now(),
        );
        return;
      }
      await assertBusinessAllowed(db, network.id, 'body.status');
      const replacedBy = request.replacedByOrganisationId;
      if (!replacedBy) {
        throw new AppError('VALIDATION', {
          field: 'body.replacedByOrganisationId',
          params: { detail: 'detail.RELOCATION_REPLACED_BY_REQUIRED' },
        });
      }
      if (replacedBy === row.organisation_id) {
        throw new AppError('VALIDATION', {
          field: 'body.replacedByOrganisationId',
          params: { detail: 'detail.RELOCATION_SELF' },
        });
      }
      if (!(await relocation.isMemberCompany(db, network.id, replacedBy))) {
        throw new AppError('VALIDATION', {
          field: 'body.replacedByOrganisationId',
          params: { detail: 'detail.NOT_A_MEMBER' },
        });
      }
      const amount = request.amountBroughtBackCents;
      if (amount === null || amount === undefined) {
        throw new AppError('VALIDATION', {
          field: 'body.amountBroughtBackCents',
          params: { detail: 'detail.RELOCATION_AMOUNT_REQUIRED' },
        });
      }
      const at = now();
      await relocation.setStatus(
        db,
        row.id,
        {
          status: 'replaced',
          replacedByOrganisationId: replacedBy,
          amountBroughtBackCents: amount,
          // A correction of the amount keeps the date it was replaced.
          replacedAt: row.status === 'replaced' && row.replaced_at ? row.replaced_at : at,
        },
        at,
      );
    },

    async remove(person: AuthenticatedPerson, slug: string, id: string) {
      const { row } = await editableLine(person, slug, id);
      await relocation.deleteLine(db, row.id);
    },

    /**
     * The member companies proposed for a line, with why. Read under the person's row-level
     * security: a company, competence or certification their directory does not show them is
     * not considered, so a proposal never tells more than the directory.
     */
    async candidates(person: AuthenticatedPerson, slug: string, id: string): Promise<SupplierProposalList> {
      return asPerson(db, person.personId, async (trx) => {
        const { network } = await loadNetworkForActor(trx, networks, person, slug);
        const row = await relocation.findLine(trx, network.id, id);
        if (!row) throw new AppError('NOT_FOUND');
        await assertBusinessAllowed(trx, network.id);
        const { organisations, competences, certifications } = await relocation.candidateCompanies(
          trx,
          network.id,
        );
        const labels = await labelsOf(trx, [row]);
        const buyer = organisations.find((o) => o.id === row.organisation_id);
        const pointOf = (o: { lon: number | null; lat: number | null } | undefined) =>
          o && o.lon !== null && o.lat !== null ? { lon: o.lon, lat: o.lat } : null;
        const competencesOf = new Map<string, string[]>();
        for (const c of competences)
          competencesOf.set(c.organisation_id, [...(competencesOf.get(c.organisation_id) ?? []), c.label]);
        const certificationsOf = new Map<string, { name: string; expiresOn: string | null }[]>();
        for (const c of certifications) {
          certificationsOf.set(c.organisation_id, [
            ...(certificationsOf.get(c.organisation_id) ?? []),
            { name: c.name, expiresOn: c.expires_on },
          ]);
        }
        const proposals = proposeRelocationSuppliers(
          {
            buyerOrganisationId: row.organisation_id,
            description: row.what,
            nafCode: row.naf_code,
            competenceLabels: row.competence_ids.map((cid) => labels.get(cid) ?? '').filter(Boolean),
            requiredCertifications: row.required_certifications,
            point: pointOf(buyer),
          },
          organisations.map((o) => ({
            organisationId: o.id,
            description: o.description,
            competenceLabels: (competencesOf.get(o.id) ?? []).sort(),
            freeCompetences: o.free_competences,
            nafCode: o.naf_code,
            certifications: certificationsOf.get(o.id) ?? [],
            point: pointOf(o),
          })),
          { today: now().toISOString().slice(0, 10), limit: PROPOSAL_LIMIT },
        );
        const byId = new Map(organisations.map((o) => [o.id, o]));
        return {
          proposals: proposals.map((p) => {
            const o = byId.get(p.organisationId)!;
            return {
              ...p,
              name: o.name,
              nafCode: o.naf_code,
              commune: o.commune_code ? (reference.commune(o.commune_code)?.name ?? null) : null,
              departement: o.departement_code
                ? (reference.departementName(o.departement_code) ?? o.departement_code)
                : null,
            };
          }),
        };
      });
    },

    /** The challenge for staff: counters, per département of the buying member, per member, per year. */
    async dashboard(person: AuthenticatedPerson, slug: string): Promise<RelocationDashboard> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        if (!canManage) throw new AppError('FORBIDDEN');
        const rows = await relocation.listLines(trx, network.id);
        const totals = emptyFigures();
        const departements = new Map<string, RelocationFigures & { members: Set<string> }>();
        const members = new Map<string, RelocationFigures & { name: string; departement: string | null }>();
        for (const row of rows) {
          addFigures(totals, row);
          const key = row.departement_code ?? '';
          const departement = departements.get(key) ?? { ...emptyFigures(), members: new Set<string>() };
          addFigures(departement, row);
          departement.members.add(row.organisation_id);
          departements.set(key, departement);
          const member = members.get(row.organisation_id) ?? {
            ...emptyFigures(),
            name: row.organisation_name ?? '',
            departement: row.departement_code,
          };
          addFigures(member, row);
          members.set(row.organisation_id, member);
        }
        totals.organisationCount = members.size;
        const years = await relocation.broughtBackByYear(trx, network.id);
        return {
          totals,
          byDepartement: [...departements.entries()]
            .map(([code, d]) => ({
              code: code || null,
              name: code ? (reference.departementName(code) ?? code) : null,
              organisationCount: d.members.size,
              lineCount: d.lineCount,
              replacedCount: d.replacedCount,
              listedCents: d.listedCents,
              broughtBackCents: d.broughtBackCents,
            }))
            .sort((a, b) => b.listedCents - a.listedCents || (a.code ?? '~').localeCompare(b.code ?? '~')),
          byMember: [...members.entries()]
            .map(([organisationId, m]) => ({
              organisationId,
              organisationName: m.name,
              departement: m.departement,
              lineCount: m.lineCount,
              replacedCount: m.replacedCount,
              listedCents: m.listedCents,
              broughtBackCents: m.broughtBackCents,
            }))
            .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'fr')),
          byYear: years.map((y) => ({
            year: y.year,
            replacedCount: Number(y.replaced_count),
            broughtBackCents: Number(y.brought_back_cents),
          })),
        };
      });
    },
  };
}

export type RelocationService = ReturnType<typeof createRelocationService>;
