import type {
  ConsortiumRun,
  CpvMapping,
  createTenderRequest,
  importBoampRequest,
  importTenderRequest,
  Locale,
  runConsortiumRequest,
  TenderDetail,
  TenderList,
  TenderSummary,
} from '@meute/contracts';
import {
  type Actor,
  type ConsortiumCandidate,
  type ConsortiumResult,
  distanceKm,
  findConsortiaInWorker,
  parseXml,
  readBoampNotice,
  readEFormsNotice,
  referencePoint,
  type Tender,
  type TenderLot,
  TimeoutError,
  tenderFromEForms,
  validateTender,
} from '@meute/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import { departementCentre, getDepartement, nutsPoint } from '../../reference/reference.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { ReferenceLookups } from '../directory/reference-lookups.ts';
// Groupements (issue 7): past groupings raise the "already worked together" score.
import { pastPartnersInNetwork } from '../groupements/groupements.repository.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { TendersRepository } from './tenders.repository.ts';

interface Deps {
  db: Kysely<DB>;
  tenders: TendersRepository;
  networks: NetworksRepository;
  reference: Pick<ReferenceLookups, 'commune'>;
  now?: () => Date;
  /** The solver's time limit, in milliseconds (the worker gets a little more). */
  solverTimeLimitMs?: number;
}

/** Staff, and the leaders and employees of member companies, enter tenders. */
const ENTERING_ROLES = ['member_leader', 'member_employee'] as const;
const canEnterTenders = (actor: Actor, canManage: boolean) =>
  canManage || actor.rolesInNetwork.some((role) => (ENTERING_ROLES as readonly string[]).includes(role));

/** A date alone (eForms often gives one) is read as midnight UTC. */
function toDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function firstDeadline(tender: Tender): Date | null {
  const dates = tender.lots.map((lot) => toDate(lot.submissionDeadline)).filter((d): d is Date => d !== null);
  return dates.sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
}

function placeLabel(lot: TenderLot, tender: Tender): string | null {
  const place = lot.place ?? tender.place;
  if (!place) return null;
  return [place.description, place.nuts].filter(Boolean).join(' · ') || null;
}

/**
 * Joint tenders: tenders entered by hand or imported from eForms notices, the network's CPV →
 * competence mapping, and the consortium builder (an integer program solved in a worker thread
 * with a time limit) over the network's member companies.
 */
/** BOAMP descriptors and competence labels compared without case, accents or a "(travaux)" note. */
function descriptorKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function createTendersService(deps: Deps) {
  const { db, tenders, networks, reference, now = () => new Date(), solverTimeLimitMs = 5_000 } = deps;

  function toSummary(row: {
    id: string;
    title: string;
    buyer: string;
    submission_deadline: Date | null;
    source: 'manual' | 'eforms' | 'boamp';
    body: unknown;
    created_at: Date;
  }): TenderSummary {
    return {
      id: row.id,
      title: row.title,
      buyer: row.buyer,
      submissionDeadline: row.submission_deadline?.toISOString() ?? null,
      source: row.source,
      lotCount: (row.body as Tender).lots.length,
      createdAt: row.created_at.toISOString(),
    };
  }

  async function access(trx: Scoped, person: AuthenticatedPerson, slug: string) {
    const loaded = await loadNetworkForActor(trx, networks, person, slug);
    return { ...loaded, canCreate: canEnterTenders(loaded.actor, loaded.canManage) };
  }

  async function networkForCreation(person: AuthenticatedPerson, slug: string) {
    return asPerson(db, person.personId, async (trx) => {
      const loaded = await access(trx, person, slug);
      if (!loaded.canCreate) throw new AppError('FORBIDDEN');
      return loaded.network;
    });
  }

  async function networkForStaff(person: AuthenticatedPerson, slug: string) {
    return asPerson(db, person.personId, async (trx) => {
      const loaded = await access(trx, person, slug);
      if (!loaded.canManage) throw new AppError('FORBIDDEN');
      return loaded.network;
    });
  }

  /** A tender from eForms XML, through the network's CPV mapping; refused whole, naming where. */
  async function tenderOfEForms(networkId: string, xml: string, field: string) {
    const parsed = parseXml(xml);
    if (!parsed.ok) {
      throw new AppError('TENDER_XML_INVALID', {
        field,
        params: {
          line: String(parsed.error.line),
          column: String(parsed.error.column),
          detail: parsed.error.message,
        },
      });
    }
    const read = readEFormsNotice(parsed.root);
    if (!read.ok) {
      const first = read.errors[0] ?? { path: '/', message: 'unreadable notice' };
      throw new AppError('TENDER_NOTICE_INVALID', {
        field,
        params: { path: first.path, detail: first.message },
      });
    }
    const mapping = await tenders.findMapping(db, networkId);
    // French NUTS-3 places get their département's point, so that distances can be measured.
    const nutsPoints = Object.fromEntries(
      [...read.notice.places, ...read.notice.lots.flatMap((lot) => lot.places)].flatMap((place) => {
        const point = place.nuts ? nutsPoint(place.nuts) : null;
        return place.nuts && point ? [[place.nuts, point]] : [];
      }),
    );
    const { tender, unmappedCpv } = tenderFromEForms(read.notice, { mapping, nutsPoints });
    const issue = validateTender(tender)[0];
    if (issue) {
      throw new AppError('TENDER_NOTICE_INVALID', {
        field,
        params: { path: issue.path, detail: issue.message },
      });
    }
    return { tender, unmappedCpv, noticeId: read.notice.id };
  }

  return {
    async list(person: AuthenticatedPerson, slug: string): Promise<TenderList> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage, canCreate } = await access(trx, person, slug);
        const rows = await tenders.listTenders(trx, network.id);
        return { tenders: rows.map(toSummary), canCreate, canManage };
      });
    },

    async get(person: AuthenticatedPerson, slug: string, id: string): Promise<TenderDetail> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await access(trx, person, slug);
        const row = await tenders.findTender(trx, network.id, id);
        if (!row) throw new AppError('NOT_FOUND');
        const tender = row.body as Tender;
        const competenceIds = tender.lots.flatMap((lot) =>
          lot.requirements.filter((r) => r.kind === 'competence').map((r) => r.code),
        );
        const labels = await tenders.competenceLabels(trx, network.id, [...new Set(competenceIds)]);
        const organisations = canManage
          ? (await tenders.memberCompanies(db, network.id)).map((o) => ({ id: o.id, name: o.name }))
          : [];
        // Teams of the network's past groupings, for staff to start again from one (S4 step 3).
        const pastTeams = canManage ? await tenders.pastTeams(trx, network.id, row.id) : [];
        return {
          ...toSummary(row),
          noticeId: row.notice_id,
          lots: tender.lots.map((lot) => ({
            id: lot.id,
            title: lot.title,
            cpvCodes: lot.cpvCodes,
            place: placeLabel(lot, tender),
            requirements: lot.requirements.map((r) => ({
              id: r.id,
              kind: r.kind,
              code: r.code,
              label: r.kind === 'competence' ? (labels.get(r.code) ?? r.label ?? r.code) : r.code,
              quantity: r.quantity,
            })),
          })),
          unmappedCpv: row.unmapped_cpv,
          canManage,
          organisations,
          pastTeams,
          lastRun: (row.last_run as ConsortiumRun | null) ?? null,
        };
      });
    },

    async create(
      person: AuthenticatedPerson,
      slug: string,
      request: z.infer<typeof createTenderRequest>,
    ): Promise<{ id: string }> {
      const network = await networkForCreation(person, slug);
      const known = await tenders.competenceLabels(db, network.id);
      for (const [l, lot] of request.lots.entries()) {
        for (const [r, requirement] of lot.requirements.entries()) {
          if (requirement.kind === 'competence' && !known.has(requirement.code)) {
            throw new AppError('VALIDATION', {
              field: `body.lots.${l}.requirements.${r}.code`,
              params: { detail: 'detail.UNKNOWN_COMPETENCE' },
            });
          }
        }
      }
      const point = request.communeCode ? (reference.commune(request.communeCode)?.point ?? null) : null;
      const place = request.communeCode ? { nuts: null, point, description: request.communeCode } : null;
      const tender: Tender = {
        id: 'manual',
        title: request.title,
        cpvCodes: [],
        place,
        groupLegalForm: { required: null, description: null },
        lots: request.lots.map((lot, l) => ({
          id: `LOT-${l + 1}`,
          title: lot.title,
          cpvCodes: [],
          place: null,
          selectionCriteria: [],
          submissionDeadline: request.submissionDeadline,
          plannedStart: null,
          plannedEnd: null,
          requirements: lot.requirements.map((requirement, r) => ({
            id: `LOT-${l + 1}/r${r + 1}`,
            kind: requirement.kind,
            code: requirement.code,
            quantity: requirement.kind === 'competence' ? requirement.quantity : 0,
            label: requirement.kind === 'competence' ? known.get(requirement.code) : requirement.code,
          })),
        })),
      };
      const issue = validateTender(tender)[0];
      if (issue)
        throw new AppError('VALIDATION', { field: `body.${issue.path}`, params: { detail: issue.message } });
      return tenders.createTender(db, {
        networkId: network.id,
        title: request.title,
        buyer: request.buyer,
        submissionDeadline: toDate(request.submissionDeadline),
        source: 'manual',
        noticeId: null,
        body: tender,
        unmappedCpv: {},
        createdBy: person.personId,
      });
    },

    /** Imports an eForms notice; a bad file is refused whole, with its line and column or element path. */
    async importNotice(
      person: AuthenticatedPerson,
      slug: string,
      request: z.infer<typeof importTenderRequest>,
    ): Promise<{ id: string; unmappedCpv: Record<string, string[]> }> {
      const network = await networkForCreation(person, slug);
      const { tender, unmappedCpv, noticeId } = await tenderOfEForms(network.id, request.xml, 'body.xml');
      const created = await tenders.createTender(db, {
        networkId: network.id,
        title: (tender.title || noticeId).slice(0, 300),
        buyer: '',
        submissionDeadline: firstDeadline(tender),
        source: 'eforms',
        noticeId,
        body: tender,
        unmappedCpv,
        createdBy: person.personId,
      });
      return { id: created.id, unmappedCpv };
    },

    /**
     * Imports a BOAMP notice (a record of the open data): its eForms notice when `donnees` holds
     * one, else one lot from the record's own fields — the object, the buyer, the deadline, the
     * département as the place, and the network's competences that BOAMP's descriptors name.
     */
    async importBoamp(
      person: AuthenticatedPerson,
      slug: string,
      request: z.infer<typeof importBoampRequest>,
      locale: Locale,
    ): Promise<{ id: string; unmappedCpv: Record<string, string[]> }> {
      const network = await networkForCreation(person, slug);
      const read = readBoampNotice(request.boamp);
      if (!read.ok) {
        const { path, code, line, column, value } = read.error;
        const where =
          line !== undefined
            ? translate(locale, 'boamp.where', { line: String(line), column: String(column) })
            : path;
        throw new AppError('TENDER_BOAMP_INVALID', {
          field: 'body.boamp',
          params: { path: where, detail: translate(locale, `boamp.${code}`, { value: value ?? '' }) },
        });
      }
      const notice = read.notice;
      const departement = notice.departements[0] ?? null;
      const departementPoint = departement ? departementCentre(departement) : null;
      let tender: Tender;
      let unmappedCpv: Record<string, string[]> = {};
      if (notice.eformsXml) {
        ({ tender, unmappedCpv } = await tenderOfEForms(network.id, notice.eformsXml, 'body.boamp'));
        if (!tender.place?.point && departementPoint) {
          tender = { ...tender, place: { nuts: tender.place?.nuts ?? null, point: departementPoint } };
        }
      } else {
        const competences = await tenders.competenceLabels(db, network.id);
        const wanted = new Set(notice.descriptors.map(descriptorKey));
        const requirements = [...competences]
          .filter(([, label]) => wanted.has(descriptorKey(label)))
          .map(([code, label], r) => ({
            id: `LOT-1/r${r + 1}`,
            kind: 'competence' as const,
            code,
            label,
            quantity: 0,
          }));
        const unnamed = notice.descriptors.filter(
          (descriptor) =>
            ![...competences.values()].some((label) => descriptorKey(label) === descriptorKey(descriptor)),
        );
        if (unnamed.length > 0) unmappedCpv = { 'LOT-1': unnamed };
        tender = {
          id: notice.id,
          title: notice.title,
          cpvCodes: [],
          place: departement
            ? {
                nuts: null,
                point: departementPoint,
                description: getDepartement(departement)?.name ?? departement,
              }
            : null,
          groupLegalForm: { required: null, description: null },
          lots: [
            {
              id: 'LOT-1',
              title: notice.title,
              cpvCodes: [],
              place: null,
              selectionCriteria: [],
              submissionDeadline: notice.deadline,
              plannedStart: null,
              plannedEnd: null,
              requirements,
            },
          ],
        };
      }
      const issue = validateTender(tender)[0];
      if (issue) {
        throw new AppError('TENDER_BOAMP_INVALID', {
          field: 'body.boamp',
          params: { path: issue.path, detail: issue.message },
        });
      }
      const created = await tenders.createTender(db, {
        networkId: network.id,
        title: notice.title,
        buyer: notice.buyer,
        submissionDeadline: notice.deadline ? new Date(notice.deadline) : firstDeadline(tender),
        source: 'boamp',
        noticeId: notice.id,
        body: tender,
        unmappedCpv,
        createdBy: person.personId,
      });
      return { id: created.id, unmappedCpv };
    },

    async getMapping(person: AuthenticatedPerson, slug: string): Promise<CpvMapping> {
      return asPerson(db, person.personId, async (trx) => {
        const { network } = await access(trx, person, slug);
        return { rules: await tenders.findMapping(trx, network.id) };
      });
    },

    async saveMapping(person: AuthenticatedPerson, slug: string, mapping: CpvMapping): Promise<CpvMapping> {
      const network = await networkForStaff(person, slug);
      const known = await tenders.competenceLabels(db, network.id);
      for (const [i, rule] of mapping.rules.entries()) {
        for (const [j, id] of rule.competences.entries()) {
          if (!known.has(id)) {
            throw new AppError('VALIDATION', {
              field: `body.rules.${i}.competences.${j}`,
              params: { detail: 'detail.UNKNOWN_COMPETENCE' },
            });
          }
        }
      }
      await tenders.saveMapping(db, network.id, mapping.rules, person.personId);
      return { rules: mapping.rules };
    },

    /** Runs the consortium builder over the network's member companies and keeps the last result. */
    async runConsortium(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      bounds: z.infer<typeof runConsortiumRequest>,
    ): Promise<ConsortiumRun> {
      const { network, row } = await asPerson(db, person.personId, async (trx) => {
        const loaded = await access(trx, person, slug);
        const found = await tenders.findTender(trx, loaded.network.id, id);
        if (!found) throw new AppError('NOT_FOUND');
        if (!loaded.canManage) throw new AppError('FORBIDDEN');
        return { network: loaded.network, row: found };
      });
      const tender = row.body as Tender;
      const companies = await tenders.memberCompanies(db, network.id);
      // Groupements (issue 7): companies that already answered a tender together.
      const partners = await pastPartnersInNetwork(db, network.id);
      const names = new Map(companies.map((c) => [c.id, c.name]));
      const today = now().toISOString().slice(0, 10);
      const candidates: ConsortiumCandidate[] = companies.map((company) => {
        const capacities: Record<string, number> = {};
        for (const competence of company.competences) {
          const label = competence.label.toLowerCase();
          capacities[competence.competence_id] = company.capacities
            .filter((c) => c.label.toLowerCase() === label && c.quantity !== null)
            .reduce((sum, c) => sum + (c.quantity ?? 0), 0);
        }
        return {
          id: company.id,
          name: company.name,
          point: company.lon !== null && company.lat !== null ? { lon: company.lon, lat: company.lat } : null,
          capacities,
          certifications: company.certifications
            .filter((c) => c.expires_on === null || String(c.expires_on) >= today)
            .map((c) => c.name),
          pastPartners: partners.get(company.id) ?? [],
        };
      });
      let result: ConsortiumResult;
      try {
        result = await findConsortiaInWorker(tender, candidates, {
          minMembers: bounds.minMembers,
          maxMembers: bounds.maxMembers,
          maxDistanceKm: bounds.maxDistanceKm,
          pinned: bounds.pinned,
          excluded: bounds.excluded,
          topK: 3,
          timeLimitMs: solverTimeLimitMs,
        });
      } catch (error) {
        if (error instanceof TimeoutError) throw new AppError('COMPUTATION_TIMEOUT');
        throw error;
      }
      const labels = await tenders.competenceLabels(db, network.id);
      const labelOf = (kind: string, code: string) =>
        kind === 'competence' ? (labels.get(code) ?? code) : code;
      const nameOf = (organisationId: string) => names.get(organisationId) ?? organisationId;
      const pointOf = new Map(candidates.map((c) => [c.id, c.point]));
      const place = referencePoint(tender);
      // What no member covers: who holds it outside the network, among what this person may read.
      const uncovered = result.infeasibility?.uncovered ?? [];
      const holders =
        uncovered.length === 0
          ? []
          : await asPerson(db, person.personId, (trx) =>
              tenders.outsideHolders(trx, network.id, {
                competenceLabels: uncovered
                  .filter((u) => u.kind === 'competence')
                  .map((u) => labelOf(u.kind, u.code)),
                certificationNames: uncovered.filter((u) => u.kind === 'certification').map((u) => u.code),
                today,
              }),
            );
      const outsideFor = (kind: string, code: string) => {
        const wanted = labelOf(kind, code).toLowerCase();
        return holders
          .filter((h) => (kind === 'competence' ? h.competences.has(wanted) : h.certifications.has(wanted)))
          .map((h) => ({
            organisationId: h.id,
            name: h.name,
            networkName: h.networkName,
            distanceKm: place && h.point ? Math.round(distanceKm(place, h.point) * 10) / 10 : null,
          }))
          .sort(
            (a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.name.localeCompare(b.name),
          )
          .slice(0, 3);
      };
      const at = now();
      const run: ConsortiumRun = {
        place,
        status: result.status,
        ranAt: at.toISOString(),
        bounds: {
          minMembers: bounds.minMembers,
          maxMembers: bounds.maxMembers,
          maxDistanceKm: bounds.maxDistanceKm,
          pinned: bounds.pinned,
          excluded: bounds.excluded,
        },
        candidates: candidates.length,
        groupings: result.groupings.map((grouping) => ({
          rank: grouping.rank,
          proved: grouping.proved,
          members: grouping.members.map((member) => ({
            organisationId: member.companyId,
            name: nameOf(member.companyId),
            distanceKm: member.distanceKm,
            workShare: member.workShare,
            lotIds: member.lotIds,
            pinned: member.pinned,
            point: pointOf.get(member.companyId) ?? null,
          })),
          coverage: grouping.coverage.map((coverage) => ({
            requirementId: coverage.requirementId,
            lotId: coverage.lotId,
            label: labelOf(coverage.kind, coverage.code),
            quantity: coverage.quantity,
            providers: coverage.providers.map((provider) => ({
              organisationId: provider.companyId,
              name: nameOf(provider.companyId),
              amount: provider.amount,
            })),
          })),
        })),
        infeasibility: result.infeasibility
          ? {
              reason: result.infeasibility.reason,
              uncovered: result.infeasibility.uncovered.map((uncovered) => ({
                requirementId: uncovered.requirementId,
                lotId: uncovered.lotId,
                label: labelOf(uncovered.kind, uncovered.code),
                quantity: uncovered.quantity,
                available: uncovered.available,
                nearest: uncovered.nearest.map((holder) => ({
                  organisationId: holder.companyId,
                  name: nameOf(holder.companyId),
                  distanceKm: holder.distanceKm,
                  capacity: holder.capacity,
                  leftOut: holder.leftOut,
                })),
                outside: outsideFor(uncovered.kind, uncovered.code),
              })),
            }
          : null,
      };
      await tenders.saveRun(db, row.id, run, person.personId, at);
      return run;
    },
  };
}

export type TendersService = ReturnType<typeof createTendersService>;
