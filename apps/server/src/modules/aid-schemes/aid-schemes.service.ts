import type {
  AidScheme,
  AidSchemeList,
  AidSchemeMatch,
  createAidSchemeRequest,
  MyAidSchemes,
  ProjectAidSchemes,
  UpdateAidSchemeRequest,
} from '@meute/contracts';
import {
  type AidCompanyProfile,
  type AidProjectStage,
  type AidReason,
  type AidRuleInput,
  type AidSchemeRule,
  type AidSubject,
  categoryForHeadcountBand,
  isSchemeClosed,
  matchScheme,
  normaliseAidSchemeRule,
} from '@meute/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { ReferenceLookups } from '../directory/reference-lookups.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type {
  AidSchemeRow,
  AidSchemesRepository,
  AidSchemeValues,
  OrganisationProfileRow,
} from './aid-schemes.repository.ts';

interface Deps {
  db: Kysely<DB>;
  aidSchemes: AidSchemesRepository;
  networks: NetworksRepository;
  reference: Pick<ReferenceLookups, 'nafPath' | 'territoryLabel'>;
  now?: () => Date;
}

/** Today in France, `YYYY-MM-DD`: a scheme closing « le 30 juin » is open all that day in Paris. */
export function parisDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}

const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value));

function ruleOf(row: AidSchemeRow): AidSchemeRule {
  return {
    level: row.level,
    categories: row.categories as AidSchemeRule['categories'],
    nafSections: row.naf_sections,
    nafDivisions: row.naf_divisions,
    regions: row.regions,
    departements: row.departements,
    projectStages: row.project_stages as AidSchemeRule['projectStages'],
    amountMinCents: numberOrNull(row.amount_min_cents),
    amountMaxCents: numberOrNull(row.amount_max_cents),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
  };
}

/** A reason's values as flat params: lists joined with ", ", absent values left out. */
function reasonParams(reason: AidReason): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason)) {
    if (key === 'code' || value === null || value === undefined) continue;
    params[key] = Array.isArray(value) ? value.join(', ') : (value as string | number);
  }
  return params;
}

/**
 * The aid-scheme catalogue: staff of a network (or of its federation, for the federation's
 * catalogue) describe public funding schemes with a structured rule; every person of the network
 * reads the catalogue and sees which schemes their organisations and their projects may claim,
 * criterion by criterion.
 */
export function createAidSchemesService(deps: Deps) {
  const { db, aidSchemes, networks, reference, now = () => new Date() } = deps;

  /** The network, whether I manage it or its federation, and the catalogues it reads. */
  async function loadAccess(trx: Scoped, person: AuthenticatedPerson, slug: string) {
    const access = await loadNetworkForActor(trx, networks, person, slug);
    const managesFederation =
      access.actor.isInstanceAdmin || access.actor.rolesInParentFederation.includes('federation_staff');
    const networkIds = [access.network.id, ...(access.network.parent_id ? [access.network.parent_id] : [])];
    const canEdit = (row: AidSchemeRow) =>
      row.network_id === access.network.id ? access.canManage : managesFederation;
    return { ...access, networkIds, canEdit };
  }

  function toScheme(row: AidSchemeRow, networkId: string, canEdit: boolean, today: string): AidScheme {
    const rule = ruleOf(row);
    return {
      id: row.id,
      network: { slug: row.network_slug ?? '', name: row.network_name ?? '' },
      isFromFederation: row.network_id !== networkId,
      name: row.name,
      funder: row.funder,
      level: row.level,
      description: row.description,
      url: row.url,
      categories: [...rule.categories],
      nafSections: [...rule.nafSections],
      nafDivisions: [...rule.nafDivisions],
      regions: [...rule.regions],
      departements: [...rule.departements],
      projectStages: [...rule.projectStages],
      amountMinCents: rule.amountMinCents,
      amountMaxCents: rule.amountMaxCents,
      opensOn: rule.opensOn,
      closesOn: rule.closesOn,
      isClosed: isSchemeClosed(rule, today),
      archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
      canEdit,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  function profileOf(row: OrganisationProfileRow): AidCompanyProfile {
    const section = row.naf_code
      ? (reference.nafPath(row.naf_code).find((step) => step.level === 'section')?.code ?? null)
      : null;
    return {
      id: row.id,
      name: row.name,
      category: row.category ?? categoryForHeadcountBand(row.headcount_band),
      nafCode: row.naf_code,
      nafSection: section,
      departementCode: row.departement_code,
      regionCode: row.region_code,
    };
  }

  const VERDICT_ORDER = { eligible: 0, unknown: 1, 'not-eligible': 2 } as const;

  function matchAll(
    rows: readonly AidSchemeRow[],
    subject: AidSubject,
    context: { networkId: string; canEdit: (row: AidSchemeRow) => boolean; today: string },
  ): AidSchemeMatch[] {
    return rows
      .filter((row) => !isSchemeClosed(ruleOf(row), context.today))
      .map((row) => {
        const match = matchScheme(ruleOf(row), subject, context.today);
        return {
          scheme: toScheme(row, context.networkId, context.canEdit(row), context.today),
          verdict: match.verdict,
          checks: match.checks.map((check) => ({
            criterion: check.criterion,
            status: check.status,
            reason: check.reason.code,
            params: reasonParams(check.reason),
            ...(check.organisation ? { organisation: check.organisation } : {}),
          })),
        };
      })
      .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
  }

  /** Cleans a rule or throws a validation error naming the field and the value's position. */
  function normalise(input: AidRuleInput): AidSchemeRule {
    const result = normaliseAidSchemeRule(input, {
      isNafDivision: (code) => reference.nafPath(code).some((step) => step.level === 'division'),
      isRegion: (code) => reference.territoryLabel('region', code) !== null,
      isDepartement: (code) => reference.territoryLabel('departement', code) !== null,
    });
    if (result.ok) return result.rule;
    const { issue } = result;
    const index = 'index' in issue ? `.${issue.index}` : '';
    throw new AppError('VALIDATION', {
      field: `body.${issue.field}${index}`,
      params: { detail: `detail.${issue.code}` },
    });
  }

  /** A scheme I may change, from this network's page: mine to edit, or not found / forbidden. */
  async function editableScheme(person: AuthenticatedPerson, slug: string, id: string) {
    return asPerson(db, person.personId, async (trx) => {
      const access = await loadAccess(trx, person, slug);
      const row = await aidSchemes.findScheme(trx, access.networkIds, id);
      if (!row) throw new AppError('NOT_FOUND');
      if (!access.canEdit(row)) throw new AppError('FORBIDDEN');
      return { row, access };
    });
  }

  async function getScheme(person: AuthenticatedPerson, slug: string, id: string): Promise<AidScheme> {
    return asPerson(db, person.personId, async (trx) => {
      const access = await loadAccess(trx, person, slug);
      const row = await aidSchemes.findScheme(trx, access.networkIds, id);
      if (!row || (row.archived_at && !access.canEdit(row))) throw new AppError('NOT_FOUND');
      return toScheme(row, access.network.id, access.canEdit(row), parisDate(now()));
    });
  }

  return {
    get: getScheme,

    /** The catalogue: this network's schemes and its federation's; archived ones for staff on request. */
    async list(person: AuthenticatedPerson, slug: string, includeArchived: boolean): Promise<AidSchemeList> {
      return asPerson(db, person.personId, async (trx) => {
        const access = await loadAccess(trx, person, slug);
        const today = parisDate(now());
        const rows = await aidSchemes.listSchemes(trx, access.networkIds, {
          includeArchived: includeArchived && access.canManage,
        });
        return {
          schemes: rows
            .filter((row) => !row.archived_at || access.canEdit(row))
            .map((row) => toScheme(row, access.network.id, access.canEdit(row), today)),
          canManage: access.canManage,
          today,
        };
      });
    },

    async create(
      person: AuthenticatedPerson,
      slug: string,
      request: z.infer<typeof createAidSchemeRequest>,
    ): Promise<AidScheme> {
      const network = await asPerson(db, person.personId, async (trx) => {
        const access = await loadAccess(trx, person, slug);
        if (!access.canManage) throw new AppError('FORBIDDEN');
        return access.network;
      });
      const rule = normalise(request);
      const values: AidSchemeValues = {
        ...rule,
        name: request.name,
        funder: request.funder,
        description: request.description,
        url: request.url,
      };
      const { id } = await aidSchemes.createScheme(db, {
        ...values,
        networkId: network.id,
        createdBy: person.personId,
      });
      return getScheme(person, slug, id);
    },

    /** Changes a scheme; the rule is checked whole, as it will be once changed. */
    async update(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: UpdateAidSchemeRequest,
    ): Promise<AidScheme> {
      const { row } = await editableScheme(person, slug, id);
      const current = ruleOf(row);
      const rule = normalise({ ...current, ...request });
      await aidSchemes.updateScheme(
        db,
        row.id,
        {
          ...rule,
          ...(request.name !== undefined ? { name: request.name } : {}),
          ...(request.funder !== undefined ? { funder: request.funder } : {}),
          ...(request.description !== undefined ? { description: request.description } : {}),
          ...(request.url !== undefined ? { url: request.url } : {}),
        },
        now(),
      );
      return getScheme(person, slug, id);
    },

    /** Archives a scheme (members stop seeing it) or, with `archived` false, brings it back. */
    async setArchived(person: AuthenticatedPerson, slug: string, id: string, archived: boolean) {
      const { row } = await editableScheme(person, slug, id);
      const at = now();
      if (Boolean(row.archived_at) !== archived) {
        await aidSchemes.setArchived(db, row.id, archived ? at : null, at);
      }
      return getScheme(person, slug, id);
    },

    /** For each of my organisations in the network, the open schemes and whether it may claim them. */
    async forMe(person: AuthenticatedPerson, slug: string): Promise<MyAidSchemes> {
      return asPerson(db, person.personId, async (trx) => {
        const access = await loadAccess(trx, person, slug);
        const today = parisDate(now());
        const rows = await aidSchemes.listSchemes(trx, access.networkIds);
        const organisations = await aidSchemes.myOrganisations(trx, access.network.id, person.personId);
        const context = { networkId: access.network.id, canEdit: access.canEdit, today };
        return {
          today,
          organisations: organisations.map((organisation) => ({
            id: organisation.id,
            name: organisation.name,
            matches: matchAll(rows, { kind: 'company', company: profileOf(organisation) }, context),
          })),
        };
      });
    },

    /** The open schemes a project may claim, for someone who may see the project. */
    async forProject(
      person: AuthenticatedPerson,
      slug: string,
      projectId: string,
      requestedAmountCents: number | null,
    ): Promise<ProjectAidSchemes> {
      return asPerson(db, person.personId, async (trx) => {
        const access = await loadAccess(trx, person, slug);
        // Row-level security: a project the person may not see is not found.
        const project = await aidSchemes.findProject(trx, access.network.id, projectId);
        if (!project) throw new AppError('NOT_FOUND');
        const organisations = (
          await aidSchemes.projectOrganisations(trx, project.id, project.lead_organisation_id)
        ).map(profileOf);
        const lead = organisations.find((o) => o.id === project.lead_organisation_id) ?? null;
        const today = parisDate(now());
        const rows = await aidSchemes.listSchemes(trx, access.networkIds);
        const subject: AidSubject = {
          kind: 'project',
          stage: project.stage as AidProjectStage,
          requestedAmountCents,
          lead,
          members: organisations.filter((o) => o !== lead),
        };
        return {
          today,
          project: { id: project.id, title: project.title, stage: project.stage },
          requestedAmountCents,
          matches: matchAll(rows, subject, { networkId: access.network.id, canEdit: access.canEdit, today }),
        };
      });
    },
  };
}

export type AidSchemesService = ReturnType<typeof createAidSchemesService>;
