import type {
  BudgetLineRequest,
  BudgetTotals,
  ChangeStageRequest,
  IndicatorRequest,
  MilestoneRequest,
  ProjectEventRequest,
  ProjectLife,
  ProjectPipeline,
  ProjectStage,
  SpanNetworkRequest,
  UpdateBudgetLineRequest,
  UpdateIndicatorRequest,
  UpdateMilestoneRequest,
} from '@meute/contracts';
import { MAX_PROJECT_DOCUMENT_BYTES } from '@meute/contracts';
import { type Kysely, sql } from 'kysely';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { ProjectItemTable, ProjectsRepository } from './projects.repository.ts';

interface Deps {
  db: Kysely<DB>;
  projects: ProjectsRepository;
  networks: NetworksRepository;
  now?: () => Date;
}

/** What the caller may do with a project they see. */
export type ProjectRight = 'write' | 'manage' | 'stage' | 'home-staff' | 'see';

type ProjectRow = NonNullable<Awaited<ReturnType<ProjectsRepository['findProject']>>>;
type TeamRow = Awaited<ReturnType<ProjectsRepository['teams']>>[number];

export interface ProjectAccess {
  project: ProjectRow;
  home: { id: string; slug: string; name: string; parent_id: string | null };
  network: { id: string; slug: string };
  team: TeamRow[];
  mine: Set<string>;
  canManage: boolean;
  canWrite: boolean;
  canChangeStage: boolean;
  isHomeStaff: boolean;
}

export interface UploadedDocument {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

/** Budget totals: the gap is what obtained funding does not yet cover. */
export function budgetTotals(
  lines: readonly { kind: string; amountCents: number; fundingStatus: string | null }[],
) {
  const totals: BudgetTotals = {
    expensesCents: 0,
    obtainedCents: 0,
    requestedCents: 0,
    plannedCents: 0,
    gapCents: 0,
  };
  for (const line of lines) {
    if (line.kind === 'expense') totals.expensesCents += line.amountCents;
    else if (line.fundingStatus === 'obtained') totals.obtainedCents += line.amountCents;
    else if (line.fundingStatus === 'requested') totals.requestedCents += line.amountCents;
    else totals.plannedCents += line.amountCents;
  }
  totals.gapCents = Math.max(0, totals.expensesCents - totals.obtainedCents);
  return totals;
}

const validation = (field: string, detail: string) =>
  new AppError('VALIDATION', { field, params: { detail: `detail.${detail}` } });

/** A file name as shown and offered for download: no path, no control characters. */
function cleanFileName(raw: string) {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f').join('');
  return printable.trim().slice(0, 255);
}

/**
 * The life of a collective project: stage changes (logged), lead organisation, team, milestones,
 * budget and co-financing, documents, decisions and outcomes, funder indicators, spanned networks.
 * Reads run under the caller's row-level security; writes are checked there first, then made.
 */
export function createProjectsService(deps: Deps) {
  const { db, projects, networks, now = () => new Date() } = deps;

  /** The project as the caller sees it from a network (its own, or one it spans), and their rights. */
  async function loadAccess(trx: Scoped, person: AuthenticatedPerson, slug: string, id: string) {
    const access = await loadNetworkForActor(trx, networks, person, slug);
    const project = await projects.findProject(trx, access.network.id, id);
    if (!project) throw new AppError('NOT_FOUND');
    // The project is seen: its home network is named even to someone outside it.
    const home = await projects.findNetworkById(db, project.network_id);
    // Names of the team's organisations, whatever network they come from: the project is seen.
    const team = await projects.teams(db, [project.id]);
    const mine = await projects.personOrganisationIds(db, person.personId);
    const joinedMine = team.some((m) => m.status === 'joined' && mine.has(m.organisation_id));
    const leadIsMine =
      project.lead_organisation_id !== null &&
      mine.has(project.lead_organisation_id) &&
      team.some((m) => m.organisation_id === project.lead_organisation_id && m.status === 'joined');
    const canManage = access.canManage;
    return {
      project,
      home,
      network: { id: access.network.id, slug: access.network.slug },
      team,
      mine,
      canManage,
      canWrite: canManage || joinedMine,
      canChangeStage: canManage || leadIsMine,
      isHomeStaff: canManage && project.network_id === access.network.id,
    } satisfies ProjectAccess;
  }

  function check(access: ProjectAccess, right: ProjectRight) {
    const allowed =
      right === 'see'
        ? true
        : right === 'write'
          ? access.canWrite
          : right === 'stage'
            ? access.canChangeStage
            : right === 'manage'
              ? access.canManage
              : access.isHomeStaff;
    if (!allowed) throw new AppError('FORBIDDEN');
  }

  /** Checks the caller's right on the project, then runs the write as the application. */
  async function write<T>(
    person: AuthenticatedPerson,
    slug: string,
    id: string,
    right: ProjectRight,
    work: (access: ProjectAccess) => Promise<T>,
  ): Promise<T> {
    const access = await asPerson(db, person.personId, async (trx) => {
      const loaded = await loadAccess(trx, person, slug, id);
      check(loaded, right);
      return loaded;
    });
    return work(access);
  }

  async function life(person: AuthenticatedPerson, slug: string, id: string): Promise<ProjectLife> {
    return asPerson(db, person.personId, async (trx) => {
      const access = await loadAccess(trx, person, slug, id);
      const { project, home, team, mine } = access;
      const canSeeWork = access.canWrite;
      const spanned = await projects.spannedNetworks(db, project.id);
      const lead = project.lead_organisation_id
        ? await projects.organisationName(db, project.lead_organisation_id)
        : undefined;
      // Read under the caller's row-level security: an organisation only invited gets nothing.
      const [milestones, lines, documents, events, indicators] = canSeeWork
        ? await Promise.all([
            projects.milestones(trx, [project.id]),
            projects.budgetLines(trx, [project.id]),
            projects.documents(trx, project.id),
            projects.events(trx, project.id),
            projects.indicators(trx, project.id),
          ])
        : [[], [], [], [], []];
      const budgetLines = lines.map((line) => ({
        id: line.id,
        kind: line.kind,
        label: line.label,
        amountCents: Number(line.amount_cents),
        funderName: line.funder_name,
        fundingStatus: line.funding_status,
      }));
      return {
        id: project.id,
        title: project.title,
        description: project.description,
        stage: project.stage,
        homeNetwork: { slug: home.slug, name: home.name },
        spannedNetworks: spanned,
        leadOrganisation:
          project.lead_organisation_id && lead ? { id: project.lead_organisation_id, name: lead.name } : null,
        team: team.map((m) => ({
          organisationId: m.organisation_id,
          organisationName: m.organisation_name,
          status: m.status,
          isMine: mine.has(m.organisation_id),
        })),
        milestones: milestones.map((m) => ({
          id: m.id,
          title: m.title,
          dueOn: m.due_on,
          doneAt: m.done_at ? m.done_at.toISOString() : null,
        })),
        budgetLines,
        budget: budgetTotals(budgetLines),
        documents: documents.map((d) => ({
          id: d.id,
          name: d.name,
          contentType: d.content_type,
          sizeBytes: d.size_bytes,
          uploadedBy: d.display_name,
          uploadedAt: d.uploaded_at.toISOString(),
        })),
        events: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          text: e.text,
          occurredOn: e.occurred_on,
          fromStage: e.from_stage,
          toStage: e.to_stage,
          authorName: e.display_name,
          createdAt: e.created_at.toISOString(),
        })),
        indicators: indicators.map((i) => ({
          id: i.id,
          kind: i.kind,
          value: Number(i.value),
          periodOn: i.period_on,
          note: i.note,
        })),
        canManage: access.canManage,
        canWrite: access.canWrite,
        canChangeStage: access.canChangeStage,
        canSeeWork,
        createdAt: project.created_at.toISOString(),
      };
    });
  }

  async function deleteItem(
    person: AuthenticatedPerson,
    slug: string,
    id: string,
    table: ProjectItemTable,
    itemId: string,
  ) {
    await write(person, slug, id, 'write', async () => {
      if (!(await projects.deleteItem(db, table, id, itemId))) throw new AppError('NOT_FOUND');
    });
  }

  return {
    life,

    /** The pipeline: the network's projects and those spanning it, with what a card shows. */
    async pipeline(person: AuthenticatedPerson, slug: string): Promise<ProjectPipeline> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        const rows = await projects.listPipeline(trx, network.id);
        const ids = rows.map((row) => row.id);
        const team = await projects.teams(db, ids);
        const mine = await projects.personOrganisationIds(db, person.personId);
        // Under the caller's row-level security: only the projects whose work they may see.
        const milestones = await projects.milestones(trx, ids);
        const lines = await projects.budgetLines(trx, ids);
        const names = new Map(team.map((m) => [m.organisation_id, m.organisation_name]));
        // The home network of a project spanning this one is named even to those outside it.
        const homes = new Map<string, string>();
        for (const networkId of new Set(rows.map((row) => row.network_id))) {
          if (networkId !== network.id)
            homes.set(networkId, (await projects.findNetworkById(db, networkId)).name);
        }
        return {
          canManage,
          projects: rows.map((row) => {
            const members = team.filter((m) => m.project_id === row.id);
            const canSeeWork =
              canManage || members.some((m) => m.status === 'joined' && mine.has(m.organisation_id));
            const next = milestones.find((m) => m.project_id === row.id && m.done_at === null);
            const own = lines
              .filter((line) => line.project_id === row.id)
              .map((line) => ({
                kind: line.kind,
                amountCents: Number(line.amount_cents),
                fundingStatus: line.funding_status,
              }));
            return {
              id: row.id,
              title: row.title,
              stage: row.stage,
              leadOrganisationName: row.lead_organisation_id
                ? (names.get(row.lead_organisation_id) ?? null)
                : null,
              teamSize: members.filter((m) => m.status === 'joined').length,
              nextMilestone: canSeeWork && next ? { title: next.title, dueOn: next.due_on } : null,
              gapCents: canSeeWork && own.length > 0 ? budgetTotals(own).gapCents : null,
              homeNetworkName: homes.get(row.network_id) ?? null,
            };
          }),
        };
      });
    },

    /** Moves the project to another stage and logs who did it, when, and why. */
    async changeStage(person: AuthenticatedPerson, slug: string, id: string, request: ChangeStageRequest) {
      const stage = request.stage as ProjectStage;
      await write(person, slug, id, 'stage', async ({ project }) => {
        if (project.stage === stage) return;
        await db.transaction().execute((trx) =>
          projects.setStage(trx, {
            projectId: id,
            from: project.stage,
            to: stage,
            note: request.note ?? '',
            by: person.personId,
            at: now(),
          }),
        );
      });
    },

    /** The lead organisation: one of the organisations that joined (staff). */
    async setLead(person: AuthenticatedPerson, slug: string, id: string, organisationId: string | null) {
      await write(person, slug, id, 'manage', async ({ team }) => {
        if (
          organisationId &&
          !team.some((m) => m.organisation_id === organisationId && m.status === 'joined')
        ) {
          throw validation('body.organisationId', 'NOT_JOINED');
        }
        await projects.setLead(db, id, organisationId, now());
      });
    },

    /** An organisation invited answers: it joins the project, or declines. */
    async respond(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: { organisationId: string; status: 'joined' | 'declined' },
    ) {
      await write(person, slug, id, 'see', async ({ team, mine, project }) => {
        if (!mine.has(request.organisationId)) throw new AppError('FORBIDDEN');
        if (!team.some((m) => m.organisation_id === request.organisationId)) {
          throw validation('body.organisationId', 'NOT_INVITED');
        }
        await db.transaction().execute(async (trx) => {
          await projects.setMemberStatus(trx, id, request.organisationId, request.status);
          // A lead that leaves is no longer the lead.
          if (request.status === 'declined' && project.lead_organisation_id === request.organisationId) {
            await projects.setLead(trx, id, null, now());
          }
        });
      });
    },

    /** Staff invite another member organisation of the project's networks. */
    async invite(person: AuthenticatedPerson, slug: string, id: string, organisationId: string) {
      await write(person, slug, id, 'manage', async ({ project }) => {
        const spanned = await projects.spannedNetworks(db, id);
        const networkIds = [project.network_id, ...spanned.map((n) => n.id)];
        if (!(await projects.isMemberOfAny(db, organisationId, networkIds))) {
          throw validation('body.organisationId', 'NOT_A_MEMBER');
        }
        await projects.inviteMember(db, id, project.network_id, organisationId);
      });
    },

    async addMilestone(person: AuthenticatedPerson, slug: string, id: string, request: MilestoneRequest) {
      await write(person, slug, id, 'write', () =>
        projects.addMilestone(db, {
          projectId: id,
          title: request.title,
          dueOn: request.dueOn ?? null,
          by: person.personId,
        }),
      );
    },

    async updateMilestone(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      itemId: string,
      request: UpdateMilestoneRequest,
    ) {
      await write(person, slug, id, 'write', async () => {
        const values: { title?: string; due_on?: string | null; done_at?: Date | null } = {};
        if (request.title !== undefined) values.title = request.title;
        if (request.dueOn !== undefined) values.due_on = request.dueOn;
        if (request.isDone !== undefined) values.done_at = request.isDone ? now() : null;
        if (Object.keys(values).length === 0) throw validation('body', 'NOTHING_TO_CHANGE');
        if (!(await projects.updateMilestone(db, id, itemId, values))) throw new AppError('NOT_FOUND');
      });
    },

    deleteMilestone: (person: AuthenticatedPerson, slug: string, id: string, itemId: string) =>
      deleteItem(person, slug, id, 'project_milestones', itemId),

    async addBudgetLine(person: AuthenticatedPerson, slug: string, id: string, request: BudgetLineRequest) {
      const isFunding = request.kind === 'funding';
      const funderName = isFunding ? (request.funderName ?? '') : '';
      if (isFunding && funderName === '') throw validation('body.funderName', 'FUNDER_REQUIRED');
      await write(person, slug, id, 'write', () =>
        projects.addBudgetLine(db, {
          projectId: id,
          kind: request.kind,
          label: request.label,
          amountCents: request.amountCents,
          funderName: isFunding ? funderName : null,
          fundingStatus: isFunding ? (request.fundingStatus ?? 'planned') : null,
          by: person.personId,
        }),
      );
    },

    async updateBudgetLine(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      itemId: string,
      request: UpdateBudgetLineRequest,
    ) {
      await write(person, slug, id, 'write', async () => {
        const line = await projects.findBudgetLine(db, id, itemId);
        if (!line) throw new AppError('NOT_FOUND');
        const isFunding = line.kind === 'funding';
        const funderName = isFunding ? (request.funderName ?? line.funder_name ?? '') : null;
        if (isFunding && !funderName) throw validation('body.funderName', 'FUNDER_REQUIRED');
        await projects.updateBudgetLine(db, id, itemId, {
          label: request.label ?? line.label,
          amount_cents: request.amountCents ?? Number(line.amount_cents),
          funder_name: funderName,
          funding_status: isFunding ? (request.fundingStatus ?? line.funding_status ?? 'planned') : null,
        });
      });
    },

    deleteBudgetLine: (person: AuthenticatedPerson, slug: string, id: string, itemId: string) =>
      deleteItem(person, slug, id, 'project_budget_lines', itemId),

    /** Checks, before the upload is read, that the caller may add documents. */
    async assertCanWrite(person: AuthenticatedPerson, slug: string, id: string) {
      await write(person, slug, id, 'write', async () => undefined);
    },

    async addDocument(person: AuthenticatedPerson, slug: string, id: string, file: UploadedDocument) {
      const name = cleanFileName(file.filename);
      if (name === '') throw validation('file', 'FILE_NAME_REQUIRED');
      if (file.bytes.length === 0) throw validation('file', 'FILE_EMPTY');
      if (file.bytes.length > MAX_PROJECT_DOCUMENT_BYTES) throw validation('file', 'FILE_TOO_LARGE');
      const contentType = /^[\w.+-]{1,100}\/[\w.+-]{1,100}$/.test(file.mimetype)
        ? file.mimetype.toLowerCase()
        : 'application/octet-stream';
      return write(person, slug, id, 'write', () =>
        projects.addDocument(db, {
          projectId: id,
          name,
          contentType,
          bytes: file.bytes,
          by: person.personId,
        }),
      );
    },

    /** A document, read under the caller's row-level security on every download. */
    async document(person: AuthenticatedPerson, slug: string, id: string, itemId: string) {
      return asPerson(db, person.personId, async (trx) => {
        await loadAccess(trx, person, slug, id);
        const document = await projects.findDocument(trx, id, itemId);
        if (!document) throw new AppError('NOT_FOUND');
        return document;
      });
    },

    deleteDocument: (person: AuthenticatedPerson, slug: string, id: string, itemId: string) =>
      deleteItem(person, slug, id, 'project_documents', itemId),

    async addEvent(person: AuthenticatedPerson, slug: string, id: string, request: ProjectEventRequest) {
      await write(person, slug, id, 'write', () =>
        projects.addEvent(db, {
          projectId: id,
          kind: request.kind,
          text: request.text,
          occurredOn: request.occurredOn,
          by: person.personId,
        }),
      );
    },

    async addIndicator(person: AuthenticatedPerson, slug: string, id: string, request: IndicatorRequest) {
      await write(person, slug, id, 'write', () =>
        projects.addIndicator(db, {
          projectId: id,
          kind: request.kind,
          value: request.value,
          periodOn: request.periodOn,
          note: request.note ?? '',
          by: person.personId,
        }),
      );
    },

    async updateIndicator(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      itemId: string,
      request: UpdateIndicatorRequest,
    ) {
      await write(person, slug, id, 'write', async () => {
        const values: { value?: number; period_on?: string; note?: string } = {};
        if (request.value !== undefined) values.value = request.value;
        if (request.periodOn !== undefined) values.period_on = request.periodOn;
        if (request.note !== undefined) values.note = request.note;
        if (Object.keys(values).length === 0) throw validation('body', 'NOTHING_TO_CHANGE');
        if (!(await projects.updateIndicator(db, id, itemId, values))) throw new AppError('NOT_FOUND');
      });
    },

    deleteIndicator: (person: AuthenticatedPerson, slug: string, id: string, itemId: string) =>
      deleteItem(person, slug, id, 'project_indicators', itemId),

    /**
     * The project spans another network: one the home network's staff also manage, or a sister
     * network of the same federation. Its member organisations may then be invited.
     */
    async spanNetwork(person: AuthenticatedPerson, slug: string, id: string, request: SpanNetworkRequest) {
      const target = await projects.findNetworkBySlug(db, request.networkSlug);
      if (!target) throw validation('body.networkSlug', 'NETWORK_UNKNOWN');
      const managed = await asPerson(db, person.personId, async (trx) => {
        const { rows } = await sql<{ id: string }>`select meute_managed_network_ids() as id`.execute(trx);
        return new Set(rows.map((row) => row.id));
      });
      await write(person, slug, id, 'home-staff', async ({ home }) => {
        if (target.id === home.id) throw validation('body.networkSlug', 'NETWORK_IS_HOME');
        const isSister = target.parent_id !== null && target.parent_id === home.parent_id;
        if (!managed.has(target.id) && !isSister)
          throw validation('body.networkSlug', 'NETWORK_NOT_SPANNABLE');
        await projects.addNetwork(db, id, target.id, person.personId);
      });
    },

    async unspanNetwork(person: AuthenticatedPerson, slug: string, id: string, networkId: string) {
      await write(person, slug, id, 'home-staff', async () => {
        if (!(await projects.removeNetwork(db, id, networkId))) throw new AppError('NOT_FOUND');
      });
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
