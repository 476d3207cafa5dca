import { createHash } from 'node:crypto';
import type {
  BoardDecisionRequest,
  BoardSplitRequest,
  createNeedRequest,
  createProjectRequest,
  Need,
  NeedBoard,
  NeedList,
  NetworkThesaurus,
  ProjectDetail,
  ProjectStage,
  SaveSynonymSetRequest,
  SharedNeedGroup,
  UpdateNeedRequest,
} from '@meute/contracts';
import {
  type Actor,
  cannotLinksForDismissedGroup,
  constraintsForSplit,
  DEFAULT_SYNONYM_SETS,
  findSharedNeeds,
  mustLinksForMerge,
  type NeedIdPair,
  type SharedNeedGrouping,
} from '@meute/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import { assertBusinessAllowed } from '../networks/no-business.ts';
import type { NeedsRepository, NeedValues } from './needs.repository.ts';

interface Deps {
  db: Kysely<DB>;
  needs: NeedsRepository;
  networks: NetworksRepository;
  now?: () => Date;
}

/** Only the leaders and employees of a member company post needs for it. */
const POSTING_ROLES = ['member_leader', 'member_employee'] as const;
const canPostForMembers = (actor: Actor) =>
  actor.rolesInNetwork.some((role) => (POSTING_ROLES as readonly string[]).includes(role));

type NeedRow = NonNullable<Awaited<ReturnType<NeedsRepository['findNeed']>>>;

function toNeed(row: NeedRow, ownIds: ReadonlySet<string>): Need {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    competenceIds: row.competence_ids,
    nafCode: row.naf_code,
    quantity: row.quantity,
    deadline: row.deadline,
    visibility: row.visibility,
    namedOrganisationIds: row.named_organisation_ids,
    status: row.status,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name ?? '',
    isMine: ownIds.has(row.organisation_id),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const GROUPING_CACHE_SIZE = 50;

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Needs and collective projects: members post needs, offers and ideas for their organisation;
 * staff read the shared-need board (groups computed on request by the engine), dismiss or merge
 * groups, and turn a group into a collective project that invites the organisations concerned.
 */
export function createNeedsService(deps: Deps) {
  const { db, needs, networks, now = () => new Date() } = deps;

  /** The network, the person's standing in it, and the organisations they post for. */
  async function loadAccess(trx: Scoped, person: AuthenticatedPerson, slug: string) {
    const access = await loadNetworkForActor(trx, networks, person, slug);
    const ownOrganisations = await needs.memberOrganisationsOf(trx, access.network.id, person.personId);
    const postable = canPostForMembers(access.actor) ? ownOrganisations : [];
    return { ...access, ownOrganisations, postable };
  }

  async function managedNetwork(person: AuthenticatedPerson, slug: string) {
    return asPerson(db, person.personId, async (trx) => {
      const access = await loadNetworkForActor(trx, networks, person, slug);
      if (!access.canManage) throw new AppError('FORBIDDEN');
      return access.network;
    });
  }

  /** Checks the competences and named organisations a need refers to. */
  async function checkReferences(networkId: string, values: Partial<NeedValues>) {
    const competenceIds = [...new Set(values.competenceIds ?? [])];
    if ((await needs.countCompetences(db, networkId, competenceIds)) !== competenceIds.length) {
      throw new AppError('VALIDATION', {
        field: 'body.competenceIds',
        params: { detail: 'detail.UNKNOWN_COMPETENCE' },
      });
    }
    const named = [...new Set(values.namedOrganisationIds ?? [])];
    if ((await needs.memberOrganisationIds(db, networkId, named)).length !== named.length) {
      throw new AppError('VALIDATION', {
        field: 'body.namedOrganisationIds',
        params: { detail: 'detail.NOT_A_MEMBER' },
      });
    }
    return { competenceIds, named };
  }

  // The last grouping of each network, with the fingerprint of what it was computed from: a
  // board opened again with nothing changed skips the engine (0.6 s for 2,000 needs). Any
  // instance can recompute it, so nothing is lost when another one serves the next request.
  const groupings = new Map<string, { fingerprint: string; grouping: SharedNeedGrouping }>();
  function cachedGrouping(
    networkId: string,
    rows: readonly { id: string; organisation_id: string; updated_at: Date }[],
    decisions: readonly { need_a: string; need_b: string; kind: string }[],
    synonymSets: readonly { id: string; updated_at: Date }[],
    compute: () => SharedNeedGrouping,
  ): SharedNeedGrouping {
    const hash = createHash('sha256');
    // The staff's synonym sets change the grouping too.
    for (const set of synonymSets) hash.update(`set|${set.id}|${set.updated_at.toISOString()}\n`);
    for (const row of rows) hash.update(`${row.id}|${row.organisation_id}|${row.updated_at.toISOString()}\n`);
    for (const d of [...decisions].sort((x, y) =>
      `${x.kind}${x.need_a}${x.need_b}`.localeCompare(`${y.kind}${y.need_a}${y.need_b}`),
    ))
      hash.update(`${d.kind}|${d.need_a}|${d.need_b}\n`);
    const fingerprint = hash.digest('hex');
    const cached = groupings.get(networkId);
    if (cached?.fingerprint === fingerprint) return cached.grouping;
    const grouping = compute();
    groupings.delete(networkId);
    groupings.set(networkId, { fingerprint, grouping });
    // Oldest first in a Map: keep the most recently computed networks only.
    if (groupings.size > GROUPING_CACHE_SIZE) groupings.delete(groupings.keys().next().value!);
    return grouping;
  }

  /** The open needs of the board and the staff's decisions, grouped by the engine. */
  async function computeBoard(trx: Scoped, networkId: string): Promise<NeedBoard> {
    const rows = await needs.boardNeeds(trx, networkId);
    const decisions = await needs.listDecisions(trx, networkId);
    const synonymSets = await needs.listSynonymSets(trx, networkId);
    const pairsOf = (kind: 'cannot' | 'must'): NeedIdPair[] =>
      decisions.filter((d) => d.kind === kind).map((d) => [d.need_a, d.need_b] as const);
    const grouping = cachedGrouping(networkId, rows, decisions, synonymSets, () =>
      findSharedNeeds(
        rows.map((row) => ({
          id: row.id,
          organisationId: row.organisation_id,
          title: row.title,
          description: row.description,
          competenceIds: row.competence_ids,
          nafCode: row.naf_code,
        })),
        {
          cannotLink: pairsOf('cannot'),
          mustLink: pairsOf('must'),
          extraSynonymSets: synonymSets.map((set) => ({
            id: set.concept_id,
            label: set.label,
            terms: set.terms,
          })),
        },
      ),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const competenceIds = [
      ...new Set(grouping.groups.flatMap((g) => g.explanation.sharedCompetences.map((c) => c.competenceId))),
    ];
    const labels = new Map((await needs.competenceLabels(trx, competenceIds)).map((c) => [c.id, c.label]));
    const groups = grouping.groups.map(
      (group): SharedNeedGroup => ({
        key: group.key,
        needs: group.needIds.map((id) => {
          const row = byId.get(id)!;
          return {
            id,
            kind: row.kind,
            title: row.title,
            description: row.description,
            organisationId: row.organisation_id,
            organisationName: row.organisation_name ?? '',
          };
        }),
        organisationCount: group.organisationIds.length,
        confidence: round(group.confidence),
        sharedTerms: group.explanation.sharedTerms.map((t) => ({
          term: t.term,
          organisationCount: t.organisationCount,
        })),
        sharedConcepts: group.explanation.sharedConcepts.map((c) => ({
          label: c.label,
          organisationCount: c.organisationCount,
          matchedWords: c.matchedWords,
        })),
        sharedCompetences: group.explanation.sharedCompetences.map((c) => ({
          label: labels.get(c.competenceId) ?? c.competenceId,
          organisationCount: c.organisationCount,
        })),
        sharedNaf: group.explanation.sharedNaf.map((n) => ({
          code: n.code,
          organisationCount: n.organisationCount,
        })),
        pairs: group.explanation.pairs.map((pair) => ({
          needIds: [pair.needIds[0], pair.needIds[1]],
          similarity: round(pair.similarity),
          terms: pair.topContributions.map((c) => c.term),
        })),
      }),
    );
    return { groups, needCount: rows.length };
  }

  /** The needs named in a staff decision: open needs of the network, every one of them. */
  async function boardNeedsNamed(trx: Scoped, networkId: string, ids: readonly string[]) {
    const wanted = new Set(ids);
    const rows = (await needs.boardNeeds(trx, networkId)).filter((row) => wanted.has(row.id));
    if (rows.length !== wanted.size) throw new AppError('NOT_FOUND', { field: 'body.needIds' });
    return rows;
  }

  return {
    async list(person: AuthenticatedPerson, slug: string): Promise<NeedList> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage, ownOrganisations, postable } = await loadAccess(trx, person, slug);
        const ownIds = new Set(ownOrganisations.map((o) => o.id));
        // Row-level security leaves only what this person may see.
        const rows = await needs.listNeeds(trx, network.id);
        return {
          needs: rows.map((row) => toNeed(row, ownIds)),
          myOrganisations: postable,
          networkOrganisations: await needs.networkOrganisations(trx, network.id),
          canManage,
        };
      });
    },

    async get(person: AuthenticatedPerson, slug: string, id: string): Promise<Need> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, ownOrganisations } = await loadAccess(trx, person, slug);
        const row = await needs.findNeed(trx, network.id, id);
        if (!row) throw new AppError('NOT_FOUND');
        return toNeed(row, new Set(ownOrganisations.map((o) => o.id)));
      });
    },

    async create(person: AuthenticatedPerson, slug: string, request: z.infer<typeof createNeedRequest>) {
      const { network, postable } = await asPerson(db, person.personId, (trx) =>
        loadAccess(trx, person, slug),
      );
      if (postable.length === 0) throw new AppError('NOT_A_NEED_POSTER');
      if (request.kind === 'offer') await assertBusinessAllowed(db, network.id, 'body.kind');
      let organisationId = request.organisationId;
      if (!organisationId) {
        if (postable.length > 1) {
          throw new AppError('VALIDATION', {
            field: 'body.organisationId',
            params: { detail: 'detail.ORGANISATION_REQUIRED' },
          });
        }
        organisationId = postable[0]!.id;
      }
      if (!postable.some((o) => o.id === organisationId)) {
        throw new AppError('NOT_A_NEED_POSTER', { field: 'body.organisationId' });
      }
      const { competenceIds, named } = await checkReferences(network.id, request);
      return needs.createNeed(db, {
        networkId: network.id,
        organisationId,
        kind: request.kind,
        title: request.title,
        description: request.description,
        competenceIds,
        nafCode: request.nafCode,
        quantity: request.quantity,
        deadline: request.deadline,
        visibility: request.visibility,
        namedOrganisationIds: request.visibility === 'named' ? named : [],
        createdBy: person.personId,
      });
    },

    /** Changes a need of one of my organisations; a withdrawn need stays as it was. */
    async update(person: AuthenticatedPerson, slug: string, id: string, request: UpdateNeedRequest) {
      const { network, row } = await asPerson(db, person.personId, async (trx) => {
        const access = await loadAccess(trx, person, slug);
        const found = await needs.findNeed(trx, access.network.id, id);
        if (!found) throw new AppError('NOT_FOUND');
        if (!access.postable.some((o) => o.id === found.organisation_id)) throw new AppError('FORBIDDEN');
        return { network: access.network, row: found };
      });
      if (row.status === 'withdrawn') throw new AppError('NEED_WITHDRAWN');
      if (request.kind === 'offer') await assertBusinessAllowed(db, network.id, 'body.kind');
      const values: Partial<NeedValues> = { ...request } as Partial<NeedValues>;
      const { competenceIds, named } = await checkReferences(network.id, values);
      if (values.competenceIds) values.competenceIds = competenceIds;
      if (values.namedOrganisationIds) values.namedOrganisationIds = named;
      if ((values.visibility ?? row.visibility) !== 'named') values.namedOrganisationIds = [];
      await needs.updateNeed(db, row.id, values, now());
    },

    async withdraw(person: AuthenticatedPerson, slug: string, id: string) {
      const row = await asPerson(db, person.personId, async (trx) => {
        const access = await loadAccess(trx, person, slug);
        const found = await needs.findNeed(trx, access.network.id, id);
        if (!found) throw new AppError('NOT_FOUND');
        if (!access.postable.some((o) => o.id === found.organisation_id)) throw new AppError('FORBIDDEN');
        return found;
      });
      if (row.status === 'withdrawn') throw new AppError('NEED_WITHDRAWN');
      await needs.withdrawNeed(db, row.id, now());
    },

    /** The shared-need board, computed on request (staff). */
    async board(person: AuthenticatedPerson, slug: string): Promise<NeedBoard> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        if (!canManage) throw new AppError('FORBIDDEN');
        return computeBoard(trx, network.id);
      });
    },

    /** Dismisses a group: its pairs of needs from different organisations are never proposed again. */
    async dismiss(person: AuthenticatedPerson, slug: string, request: BoardDecisionRequest) {
      const network = await managedNetwork(person, slug);
      const rows = await asPerson(db, person.personId, (trx) =>
        boardNeedsNamed(trx, network.id, request.needIds),
      );
      const pairs = cannotLinksForDismissedGroup(
        rows.map((row) => ({ id: row.id, organisationId: row.organisation_id })),
      );
      await needs.saveDecisions(db, network.id, 'cannot', pairs, person.personId);
    },

    /** Merges groups: their needs are kept together from now on. */
    async merge(person: AuthenticatedPerson, slug: string, request: BoardDecisionRequest) {
      const network = await managedNetwork(person, slug);
      const rows = await asPerson(db, person.personId, (trx) =>
        boardNeedsNamed(trx, network.id, request.needIds),
      );
      await needs.saveDecisions(
        db,
        network.id,
        'must',
        mustLinksForMerge(rows.map((row) => row.id)),
        person.personId,
      );
    },

    /**
     * Splits a group in two: the needs taken apart stay together, never again with the rest, and
     * an earlier merge across the two parts is undone.
     */
    async split(person: AuthenticatedPerson, slug: string, request: BoardSplitRequest) {
      const network = await managedNetwork(person, slug);
      const group = new Set(request.needIds);
      const part = [...new Set(request.partIds)];
      if (part.some((id) => !group.has(id))) {
        throw new AppError('VALIDATION', {
          field: 'body.partIds',
          params: { detail: 'detail.SPLIT_OUTSIDE_GROUP' },
        });
      }
      const rest = [...group].filter((id) => !part.includes(id));
      if (rest.length === 0) {
        throw new AppError('VALIDATION', { field: 'body.partIds', params: { detail: 'detail.SPLIT_ALL' } });
      }
      await asPerson(db, person.personId, (trx) => boardNeedsNamed(trx, network.id, [...group]));
      const { cannotLink, mustLink } = constraintsForSplit([part, rest]);
      await db.transaction().execute(async (trx) => {
        await needs.deleteDecisions(trx, network.id, 'must', cannotLink);
        await needs.saveDecisions(trx, network.id, 'cannot', cannotLink, person.personId);
        await needs.saveDecisions(trx, network.id, 'must', mustLink, person.personId);
      });
    },

    /** The engine's thesaurus as the staff of a network see it: the default concepts and theirs. */
    async thesaurus(person: AuthenticatedPerson, slug: string): Promise<NetworkThesaurus> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        if (!canManage) throw new AppError('FORBIDDEN');
        const own = await needs.listSynonymSets(trx, network.id);
        return {
          sets: [
            ...own.map((set) => ({
              id: set.id,
              conceptId: set.concept_id,
              label: set.label,
              terms: set.terms,
              source: 'network' as const,
            })),
            ...DEFAULT_SYNONYM_SETS.map((set) => ({
              id: null,
              conceptId: set.id,
              label: set.label,
              terms: [...set.terms],
              source: 'default' as const,
            })),
          ],
        };
      });
    },

    /** Adds a synonym set (extending a default concept when its id is given), or changes one. */
    async saveSynonymSet(
      person: AuthenticatedPerson,
      slug: string,
      request: SaveSynonymSetRequest,
      id?: string,
    ) {
      const network = await managedNetwork(person, slug);
      const terms = [...new Set(request.terms.map((term) => term.trim()).filter(Boolean))];
      if (request.conceptId && !DEFAULT_SYNONYM_SETS.some((set) => set.id === request.conceptId)) {
        throw new AppError('VALIDATION', {
          field: 'body.conceptId',
          params: { detail: 'detail.CONCEPT_UNKNOWN' },
        });
      }
      // A concept of the network's own gets an id no default concept uses.
      const conceptId = request.conceptId ?? `network-${crypto.randomUUID().slice(0, 8)}`;
      const saved = await needs.saveSynonymSet(db, {
        ...(id ? { id } : {}),
        networkId: network.id,
        conceptId,
        label: request.label,
        terms,
        by: person.personId,
      });
      if (!saved) throw new AppError(id ? 'NOT_FOUND' : 'ALREADY_EXISTS', { field: 'body.conceptId' });
    },

    async deleteSynonymSet(person: AuthenticatedPerson, slug: string, id: string) {
      const network = await managedNetwork(person, slug);
      if (!(await needs.deleteSynonymSet(db, network.id, id))) throw new AppError('NOT_FOUND');
    },

    /** Turns needs (a group of the board) into a collective project and invites their organisations. */
    async createProject(
      person: AuthenticatedPerson,
      slug: string,
      request: z.infer<typeof createProjectRequest>,
    ) {
      const network = await managedNetwork(person, slug);
      const rows =
        request.needIds.length > 0
          ? await asPerson(db, person.personId, (trx) => boardNeedsNamed(trx, network.id, request.needIds))
          : [];
      const organisationIds = new Set(rows.map((row) => row.organisation_id));
      if (request.leadOrganisationId) {
        const members = await needs.memberOrganisationIds(db, network.id, [request.leadOrganisationId]);
        if (members.length === 0) {
          throw new AppError('VALIDATION', {
            field: 'body.leadOrganisationId',
            params: { detail: 'detail.NOT_A_MEMBER' },
          });
        }
        organisationIds.add(request.leadOrganisationId);
      }
      return db.transaction().execute((trx) =>
        needs.createProject(trx, {
          networkId: network.id,
          title: request.title,
          description: request.description,
          leadOrganisationId: request.leadOrganisationId,
          createdBy: person.personId,
          organisationIds: [...organisationIds].sort(),
          needIds: rows.map((row) => row.id),
        }),
      );
    },

    /** Projects: every one for staff, those of my organisations otherwise. */
    async listProjects(person: AuthenticatedPerson, slug: string) {
      return asPerson(db, person.personId, async (trx) => {
        const { network } = await loadNetworkForActor(trx, networks, person, slug);
        const rows = await needs.listProjects(trx, network.id);
        return {
          projects: rows.map((row) => ({
            id: row.id,
            title: row.title,
            stage: row.stage,
            memberCount: Number(row.member_count ?? 0),
            createdAt: row.created_at.toISOString(),
          })),
        };
      });
    },

    async getProject(person: AuthenticatedPerson, slug: string, id: string): Promise<ProjectDetail> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        const project = await needs.findProject(trx, network.id, id);
        if (!project) throw new AppError('NOT_FOUND');
        const members = await needs.projectMembers(trx, project.id);
        const linked = await needs.projectNeeds(trx, project.id);
        return {
          id: project.id,
          title: project.title,
          description: project.description,
          stage: project.stage,
          leadOrganisation: project.lead_organisation_id
            ? { id: project.lead_organisation_id, name: project.lead_organisation_name ?? '' }
            : null,
          members: members.map((m) => ({
            organisationId: m.organisation_id,
            organisationName: m.organisation_name ?? '',
            status: m.status,
          })),
          needs: linked.map((n) => ({
            id: n.id,
            kind: n.kind,
            title: n.title,
            organisationName: n.organisation_name ?? '',
          })),
          canManage,
          createdAt: project.created_at.toISOString(),
        };
      });
    },

    async setProjectStage(person: AuthenticatedPerson, slug: string, id: string, stage: ProjectStage) {
      const network = await asPerson(db, person.personId, async (trx) => {
        const access = await loadNetworkForActor(trx, networks, person, slug);
        const project = await needs.findProject(trx, access.network.id, id);
        if (!project) throw new AppError('NOT_FOUND');
        if (!access.canManage) throw new AppError('FORBIDDEN');
        return access.network;
      });
      await needs.setProjectStage(db, id, stage, now());
      return network;
    },
  };
}

export type NeedsService = ReturnType<typeof createNeedsService>;
