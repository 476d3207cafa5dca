import {
  type ConsortiumRun,
  type Groupement,
  type GroupementStatus,
  type groupementDecisionRequest,
  type groupementDraftSchema,
  type groupementOutcomeRequest,
  MAX_GROUPEMENT_DOCUMENT_BYTES,
  type priceRevisionAnswerRequest,
  type priceRevisionRequest,
  type recordGroupementRequest,
  type TenderGroupements,
} from '@meute/contracts';
import { splitPriceCut, type Tender, validateGroupement, workSharesToBasisPoints } from '@meute/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB, GroupementsTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import {
  type GroupementsRepository,
  type MemberValues,
  pastPartnersInNetwork,
} from './groupements.repository.ts';

interface Deps {
  db: Kysely<DB>;
  groupements: GroupementsRepository;
  networks: NetworksRepository;
  now?: () => Date;
}

export interface UploadedDocument {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

type GroupementRow = Selectable<GroupementsTable>;

const validation = (field: string, detail: string) =>
  new AppError('VALIDATION', { field, params: { detail: `detail.${detail}` } });

function cleanFileName(raw: string) {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f').join('');
  return printable.trim().slice(0, 255);
}

/** Where a groupement may go from each status (staff or the mandataire move it). */
const NEXT_STATUS: Record<GroupementStatus, readonly GroupementStatus[]> = {
  forming: ['go', 'no-go'],
  go: ['no-go', 'submitted', 'won', 'lost'],
  'no-go': ['go'],
  submitted: ['won', 'lost'],
  won: [],
  lost: [],
};

/**
 * The life of a groupement answering a tender. Everyone of the tender's network sees the
 * groupement (members, lots, work shares, status, outcome); documents and revision rounds only
 * the network's staff and the members' people; a member's price only the staff and that member's
 * own people. Reads run under row-level security, which enforces the same rules.
 */
export function createGroupementsService(deps: Deps) {
  const { db, groupements, networks, now = () => new Date() } = deps;

  async function access(trx: Scoped, person: AuthenticatedPerson, slug: string, tenderId: string) {
    const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
    const tender = await groupements.findTender(trx, network.id, tenderId);
    if (!tender) throw new AppError('NOT_FOUND');
    const mine = await groupements.organisationsOf(db, person.personId);
    return { network, canManage, tender, mine };
  }

  type Access = Awaited<ReturnType<typeof access>>;

  async function loadGroupement(trx: Scoped, a: Access, groupementId: string) {
    const row = await groupements.find(trx, a.tender.id, groupementId);
    if (!row) throw new AppError('NOT_FOUND');
    const members = await groupements.members(trx, [row.id]);
    const isMember = members.some((m) => a.mine.has(m.organisation_id));
    const isMandataire = row.mandataire_id !== null && a.mine.has(row.mandataire_id);
    return {
      row,
      members,
      isInsider: a.canManage || isMember,
      canDecide: a.canManage || isMandataire,
    };
  }

  async function views(
    trx: Scoped,
    a: Access,
    personId: string,
    rows: readonly GroupementRow[],
  ): Promise<Groupement[]> {
    const ids = rows.map((r) => r.id);
    const [members, prices, documents, rounds] = await Promise.all([
      groupements.members(trx, ids),
      groupements.prices(trx, ids),
      groupements.documents(trx, ids),
      groupements.rounds(trx, ids),
    ]);
    const answers = await groupements.answers(
      trx,
      rounds.map((r) => r.id),
    );
    const names = await groupements.organisationNames(db, [
      ...new Set(members.map((m) => m.organisation_id)),
    ]);
    const nameOf = (id: string) => names.get(id) ?? '';
    return rows.map((row) => {
      const own = members.filter((m) => m.groupement_id === row.id);
      const isInsider = a.canManage || own.some((m) => a.mine.has(m.organisation_id));
      const isMandataire = row.mandataire_id !== null && a.mine.has(row.mandataire_id);
      const canDecide = a.canManage || isMandataire;
      const priceOf = (organisationId: string) => {
        // Row-level security already hides the others' prices; the service says the same.
        if (!a.canManage && !a.mine.has(organisationId)) return null;
        return (
          prices.find((p) => p.groupement_id === row.id && p.organisation_id === organisationId)
            ?.price_cents ?? null
        );
      };
      return {
        id: row.id,
        tenderId: row.tender_id,
        kind: row.kind,
        mandataireId: row.mandataire_id,
        status: row.status,
        decisionReason: row.decision_reason,
        decidedAt: row.decided_at?.toISOString() ?? null,
        outcomeValueCents: row.outcome_value_cents === null ? null : Number(row.outcome_value_cents),
        outcomeAt: row.outcome_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
        members: own.map((m) => ({
          organisationId: m.organisation_id,
          name: nameOf(m.organisation_id),
          lotIds: m.lot_ids,
          workShareBp: m.work_share_bp,
          priceCents: priceOf(m.organisation_id),
          isPriceVisible: a.canManage || a.mine.has(m.organisation_id),
          isMine: a.mine.has(m.organisation_id),
        })),
        isInsider,
        canEdit: canDecide && row.status === 'forming',
        canDecide,
        documents: isInsider
          ? documents
              .filter((d) => d.groupement_id === row.id)
              .map((d) => ({
                id: d.id,
                name: d.name,
                contentType: d.content_type,
                sizeBytes: d.size_bytes,
                uploadedAt: d.uploaded_at.toISOString(),
                canDelete: canDecide || d.uploaded_by === personId,
              }))
          : [],
        rounds: isInsider
          ? rounds
              .filter((r) => r.groupement_id === row.id)
              .map((r) => ({
                id: r.id,
                cutBp: r.cut_bp,
                cutCents: r.cut_cents,
                totalCutCents: r.total_cut_cents,
                basis: r.basis,
                note: r.note,
                status: r.status,
                createdAt: r.created_at.toISOString(),
                answers: answers
                  .filter((x) => x.round_id === r.id)
                  .map((x) => ({
                    organisationId: x.organisation_id,
                    name: nameOf(x.organisation_id),
                    shareCents: x.share_cents,
                    accepted: x.accepted,
                    answeredAt: x.answered_at?.toISOString() ?? null,
                    canAnswer: r.status === 'open' && a.mine.has(x.organisation_id),
                  })),
              }))
          : [],
      };
    });
  }

  async function one(person: AuthenticatedPerson, slug: string, tenderId: string, groupementId: string) {
    return asPerson(db, person.personId, async (trx) => {
      const a = await access(trx, person, slug, tenderId);
      const { row } = await loadGroupement(trx, a, groupementId);
      const [view] = await views(trx, a, person.personId, [row]);
      return view!;
    });
  }

  /** Checks a draft against the tender and the network; throws the first issue, naming its field. */
  async function checkDraft(networkId: string, tender: Tender, draft: z.infer<typeof groupementDraftSchema>) {
    const inNetwork = await groupements.networkOrganisationIds(db, networkId);
    for (const [i, member] of draft.members.entries()) {
      if (!inNetwork.has(member.organisationId)) {
        throw validation(`body.members.${i}.organisationId`, 'GROUPEMENT_NOT_IN_NETWORK');
      }
    }
    const issue = validateGroupement(draft, tender)[0];
    if (issue) throw validation(`body.${issue.field}`, `GROUPEMENT_${issue.code}`);
  }

  /** A write: loads under the caller's rights, checks them, then writes as the service. */
  async function write<T>(
    person: AuthenticatedPerson,
    slug: string,
    tenderId: string,
    groupementId: string,
    check: (loaded: Awaited<ReturnType<typeof loadGroupement>> & { a: Access }) => T,
  ): Promise<T> {
    return asPerson(db, person.personId, async (trx) => {
      const a = await access(trx, person, slug, tenderId);
      const loaded = await loadGroupement(trx, a, groupementId);
      return check({ ...loaded, a });
    });
  }

  function changeStatus(from: GroupementStatus, to: GroupementStatus) {
    if (!NEXT_STATUS[from].includes(to)) {
      throw new AppError('GROUPEMENT_STATUS_CHANGE', { params: { from, to } });
    }
  }

  return {
    /** The tender's groupements as the caller may see them, and the proposals ready to record. */
    async list(person: AuthenticatedPerson, slug: string, tenderId: string): Promise<TenderGroupements> {
      return asPerson(db, person.personId, async (trx) => {
        const a = await access(trx, person, slug, tenderId);
        const rows = await groupements.listForTender(trx, tenderId);
        const run = a.tender.last_run as ConsortiumRun | null;
        const partners = run ? await pastPartnersInNetwork(db, a.network.id) : new Map<string, string[]>();
        return {
          groupements: await views(trx, a, person.personId, rows),
          proposals: (run?.groupings ?? []).map((grouping) => {
            const shares = workSharesToBasisPoints(grouping.members.map((m) => m.workShare));
            const ids = grouping.members.map((m) => m.organisationId);
            const pairs: [string, string][] = [];
            ids.forEach((x, i) => {
              for (const y of ids.slice(i + 1)) if (partners.get(x)?.includes(y)) pairs.push([x, y]);
            });
            return {
              rank: grouping.rank,
              members: grouping.members.map((m, i) => ({
                organisationId: m.organisationId,
                name: m.name,
                lotIds: m.lotIds,
                workShareBp: shares[i]!,
              })),
              workedTogether: pairs,
            };
          }),
          canRecord: a.canManage,
        };
      });
    },

    get: one,

    /** Records a groupement, from a proposed grouping of the last run or by hand (staff). */
    async record(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      request: z.infer<typeof recordGroupementRequest>,
    ): Promise<Groupement> {
      const { network, tender } = await asPerson(db, person.personId, async (trx) => {
        const a = await access(trx, person, slug, tenderId);
        if (!a.canManage) throw new AppError('FORBIDDEN');
        return a;
      });
      const body = tender.body as Tender;
      let draft: z.infer<typeof groupementDraftSchema>;
      if ('fromRank' in request) {
        const run = tender.last_run as ConsortiumRun | null;
        const grouping = run?.groupings.find((g) => g.rank === request.fromRank);
        if (!grouping) throw validation('body.fromRank', 'GROUPEMENT_NO_PROPOSAL');
        const shares = workSharesToBasisPoints(grouping.members.map((m) => m.workShare));
        // The builder may leave a member without a lot of its own (it only brings a certification):
        // it is then counted on every lot where it covers something, or all lots as a last resort.
        const allLots = body.lots.map((lot) => lot.id);
        const lead = [...grouping.members].sort((x, y) => y.workShare - x.workShare)[0];
        draft = {
          kind: request.kind,
          mandataireId: lead?.organisationId ?? null,
          members: grouping.members.map((m, i) => {
            const covered = grouping.coverage
              .filter((c) => c.providers.some((p) => p.organisationId === m.organisationId))
              .map((c) => c.lotId);
            const lotIds = m.lotIds.length > 0 ? m.lotIds : [...new Set(covered)];
            return {
              organisationId: m.organisationId,
              lotIds: lotIds.length > 0 ? lotIds : allLots,
              workShareBp: shares[i]!,
              priceCents: null,
            };
          }),
        };
      } else {
        draft = request;
      }
      await checkDraft(network.id, body, draft);
      const id = await groupements.create(db, {
        tenderId: tender.id,
        networkId: network.id,
        kind: draft.kind,
        mandataireId: draft.mandataireId,
        members: draft.members as MemberValues[],
        createdBy: person.personId,
      });
      return one(person, slug, tenderId, id);
    },

    /** Changes the make-up while forming (staff, the mandataire's people). Prices given are kept. */
    async edit(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      draft: z.infer<typeof groupementDraftSchema>,
    ): Promise<Groupement> {
      const { a, row } = await write(person, slug, tenderId, groupementId, (loaded) => {
        if (!loaded.canDecide) throw new AppError('FORBIDDEN');
        if (loaded.row.status !== 'forming') throw new AppError('GROUPEMENT_NOT_FORMING');
        return loaded;
      });
      await checkDraft(a.network.id, a.tender.body as Tender, draft);
      // A member's price is its own: someone else editing the make-up cannot set or see it.
      const members = draft.members.map((m) => ({
        ...m,
        priceCents: a.canManage || a.mine.has(m.organisationId) ? m.priceCents : null,
      }));
      const kept = await groupements.prices(db, [row.id]);
      await groupements.replaceDraft(db, row.id, {
        kind: draft.kind,
        mandataireId: draft.mandataireId,
        members,
      });
      for (const price of kept) {
        const member = members.find((m) => m.organisationId === price.organisation_id);
        if (member && member.priceCents === null) {
          await groupements.setPrice(db, row.id, price.organisation_id, price.price_cents);
        }
      }
      return one(person, slug, tenderId, groupementId);
    },

    /** A member's confidential price for its part (staff, that member's people). */
    async setPrice(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      organisationId: string,
      priceCents: number,
    ): Promise<Groupement> {
      await write(person, slug, tenderId, groupementId, (loaded) => {
        const member = loaded.members.find((m) => m.organisation_id === organisationId);
        if (!member) throw new AppError('NOT_FOUND');
        if (!loaded.a.canManage && !loaded.a.mine.has(organisationId)) throw new AppError('FORBIDDEN');
        if (loaded.row.status === 'won' || loaded.row.status === 'lost') {
          throw new AppError('GROUPEMENT_STATUS_CHANGE', {
            params: { from: loaded.row.status, to: loaded.row.status },
          });
        }
      });
      await groupements.setPrice(db, groupementId, organisationId, priceCents);
      return one(person, slug, tenderId, groupementId);
    },

    /** Go or no-go, with its reason (staff, the mandataire's people). */
    async decide(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      request: z.infer<typeof groupementDecisionRequest>,
    ): Promise<Groupement> {
      await write(person, slug, tenderId, groupementId, (loaded) => {
        if (!loaded.canDecide) throw new AppError('FORBIDDEN');
        changeStatus(loaded.row.status, request.decision);
      });
      await groupements.setStatus(db, groupementId, {
        status: request.decision,
        decision: { reason: request.reason, by: person.personId, at: now() },
      });
      return one(person, slug, tenderId, groupementId);
    },

    /** Submitted, won (with the contract's value) or lost (staff, the mandataire's people). */
    async recordOutcome(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      request: z.infer<typeof groupementOutcomeRequest>,
    ): Promise<Groupement> {
      await write(person, slug, tenderId, groupementId, (loaded) => {
        if (!loaded.canDecide) throw new AppError('FORBIDDEN');
        changeStatus(loaded.row.status, request.outcome);
      });
      if (request.outcome === 'won' && request.valueCents === null) {
        throw validation('body.valueCents', 'GROUPEMENT_VALUE_REQUIRED');
      }
      await groupements.setStatus(db, groupementId, {
        status: request.outcome,
        ...(request.outcome === 'submitted'
          ? {}
          : { outcome: { valueCents: request.valueCents, at: now() } }),
      });
      return one(person, slug, tenderId, groupementId);
    },

    /** Checks, before an upload is read, that the caller may add documents (staff, members). */
    async assertCanUpload(person: AuthenticatedPerson, slug: string, tenderId: string, groupementId: string) {
      await write(person, slug, tenderId, groupementId, (loaded) => {
        if (!loaded.isInsider) throw new AppError('FORBIDDEN');
      });
    },

    async addDocument(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      file: UploadedDocument,
    ): Promise<Groupement> {
      const name = cleanFileName(file.filename);
      if (name === '') throw validation('file', 'FILE_NAME_REQUIRED');
      if (file.bytes.length === 0) throw validation('file', 'FILE_EMPTY');
      if (file.bytes.length > MAX_GROUPEMENT_DOCUMENT_BYTES) throw validation('file', 'FILE_TOO_LARGE');
      const contentType = /^[\w.+-]{1,100}\/[\w.+-]{1,100}$/.test(file.mimetype)
        ? file.mimetype.toLowerCase()
        : 'application/octet-stream';
      await this.assertCanUpload(person, slug, tenderId, groupementId);
      await groupements.addDocument(db, {
        groupementId,
        name,
        contentType,
        bytes: file.bytes,
        by: person.personId,
      });
      return one(person, slug, tenderId, groupementId);
    },

    /** A document, read under the caller's row-level security on every download. */
    async document(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      id: string,
    ) {
      return asPerson(db, person.personId, async (trx) => {
        const a = await access(trx, person, slug, tenderId);
        await loadGroupement(trx, a, groupementId);
        const document = await groupements.findDocument(trx, groupementId, id);
        if (!document) throw new AppError('NOT_FOUND');
        return document;
      });
    },

    /** Deletes a document (staff, the mandataire's people, whoever uploaded it). */
    async deleteDocument(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      id: string,
    ): Promise<Groupement> {
      await asPerson(db, person.personId, async (trx) => {
        const a = await access(trx, person, slug, tenderId);
        const loaded = await loadGroupement(trx, a, groupementId);
        const document = await groupements.findDocument(trx, groupementId, id);
        if (!document) throw new AppError('NOT_FOUND');
        if (!loaded.canDecide && document.uploaded_by !== person.personId) throw new AppError('FORBIDDEN');
      });
      await groupements.deleteDocument(db, groupementId, id);
      return one(person, slug, tenderId, groupementId);
    },

    /**
     * Opens a price revision round (staff, the mandataire's people): the buyer's cut is split
     * among the members in proportion to their prices (work shares when a price is missing).
     */
    async openRevision(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      request: z.infer<typeof priceRevisionRequest>,
    ): Promise<Groupement> {
      const { members } = await write(person, slug, tenderId, groupementId, (loaded) => {
        if (!loaded.canDecide) throw new AppError('FORBIDDEN');
        if (loaded.row.status !== 'go' && loaded.row.status !== 'submitted') {
          throw new AppError('GROUPEMENT_STATUS_CHANGE', {
            params: { from: loaded.row.status, to: 'revision' },
          });
        }
        return loaded;
      });
      // Every member's price, read as the service: the split needs them, the caller sees only shares.
      const prices = await groupements.prices(db, [groupementId]);
      const split = splitPriceCut(
        members.map((m) => ({
          organisationId: m.organisation_id,
          workShareBp: m.work_share_bp,
          priceCents: prices.find((p) => p.organisation_id === m.organisation_id)?.price_cents ?? null,
        })),
        request.cutBp !== undefined ? { cutBp: request.cutBp } : { cutCents: request.cutCents! },
      );
      if (!split.ok) {
        throw validation(
          request.cutBp !== undefined ? 'body.cutBp' : 'body.cutCents',
          `GROUPEMENT_${split.reason}`,
        );
      }
      await groupements.openRound(db, {
        groupementId,
        cutBp: request.cutBp ?? null,
        cutCents: request.cutCents ?? null,
        totalCutCents: split.totalCutCents,
        basis: split.basis,
        note: request.note,
        by: person.personId,
        shares: split.shares,
      });
      return one(person, slug, tenderId, groupementId);
    },

    /** A member accepts or refuses its share of the cut (that member's people only). */
    async answerRevision(
      person: AuthenticatedPerson,
      slug: string,
      tenderId: string,
      groupementId: string,
      roundId: string,
      request: z.infer<typeof priceRevisionAnswerRequest>,
    ): Promise<Groupement> {
      await asPerson(db, person.personId, async (trx) => {
        const a = await access(trx, person, slug, tenderId);
        const loaded = await loadGroupement(trx, a, groupementId);
        const round = (await groupements.rounds(trx, [groupementId])).find((r) => r.id === roundId);
        if (!round) throw new AppError('NOT_FOUND');
        if (!loaded.members.some((m) => m.organisation_id === request.organisationId)) {
          throw validation('body.organisationId', 'GROUPEMENT_NOT_YOUR_MEMBER');
        }
        if (!a.mine.has(request.organisationId)) throw new AppError('FORBIDDEN');
        if (round.status !== 'open') throw new AppError('PRICE_REVISION_CLOSED');
      });
      await groupements.answer(db, roundId, request.organisationId, request.accepted, person.personId);
      return one(person, slug, tenderId, groupementId);
    },
  };
}

export type GroupementsService = ReturnType<typeof createGroupementsService>;
