import type {
  CampaignDetail,
  CampaignStatus,
  CampaignSummary,
  CommitRequest,
  createCampaignRequest,
  createOfferRequest,
  Locale,
  Offer,
} from '@meute/contracts';
import {
  type Actor,
  type AllocationRule,
  type CompanyCategory,
  checkEligibility,
  compareOffers,
  type EligibilityCriterion,
  type EligibilityRule,
  type MemberCommitment,
  normaliseEligibilityRule,
  type PriceSchedule,
  runInWorker,
  TimeoutError,
  validatePriceSchedule,
  type WorkerTaskOutput,
} from '@meute/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB, PurchaseOffersTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import { referenceLookups } from '../directory/reference-lookups.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { PurchasingRepository } from './purchasing.repository.ts';

interface Deps {
  db: Kysely<DB>;
  purchasing: PurchasingRepository;
  networks: NetworksRepository;
  now?: () => Date;
  /** Time limit of the allocation worker, in milliseconds. */
  allocationTimeoutMs?: number;
}

/** Only the leaders and employees of a member company commit for it. */
const COMMITTING_ROLES = ['member_leader', 'member_employee'] as const;
const canCommitForMembers = (actor: Actor) =>
  actor.rolesInNetwork.some((role) => (COMMITTING_ROLES as readonly string[]).includes(role));

const toNumber = (value: string | number | null) => (value === null ? null : Number(value));

const DAY_MS = 86_400_000;
/** How long companies have to opt out once they see their price, unless staff say otherwise. */
const DEFAULT_OPT_OUT_DAYS = 7;
const MAX_OPT_OUT_DAYS = 60;

function eligibilityOf(campaign: {
  eligible_categories: CompanyCategory[];
  eligible_naf_sections: string[];
  eligible_departements: string[];
}): EligibilityRule {
  return {
    categories: campaign.eligible_categories,
    nafSections: campaign.eligible_naf_sections,
    departements: campaign.eligible_departements,
  };
}

/** The criteria of the rule an organisation does not meet (none when it may join). */
function failedCriteria(
  rule: EligibilityRule,
  organisation: {
    category: CompanyCategory | null;
    naf_code: string | null;
    departement_code: string | null;
  },
): EligibilityCriterion[] {
  const nafSection = organisation.naf_code
    ? (referenceLookups().nafSectionOfDivision(organisation.naf_code.slice(0, 2))?.code ?? null)
    : null;
  const verdict = checkEligibility(rule, {
    category: organisation.category,
    nafSection,
    departementCode: organisation.departement_code,
  });
  return verdict.eligible ? [] : verdict.failed;
}

/** A deadline as people read it, in the network's time zone. */
export function formatDeadline(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date);
}

function scheduleOf(offer: {
  pricing_kind: PurchaseOffersTable['pricing_kind'];
  tiers: { fromQuantity: number; unitPriceCents: number }[];
  fixed_cost_cents: string;
}): PriceSchedule {
  return { kind: offer.pricing_kind, tiers: offer.tiers, fixedCostCents: Number(offer.fixed_cost_cents) };
}

/** Where a schedule issue points in the request body, for the error's `field`. */
function scheduleIssueField(issue: ReturnType<typeof validatePriceSchedule>[number]): string {
  const tier = (name: string) => `body.schedule.tiers.${issue.tierIndex ?? 0}.${name}`;
  switch (issue.code) {
    case 'FIXED_COST_INVALID':
      return 'body.schedule.fixedCostCents';
    case 'PRICING_KIND_UNKNOWN':
      return 'body.schedule.kind';
    case 'NO_TIERS':
      return 'body.schedule.tiers';
    case 'UNIT_PRICE_INVALID':
      return tier('unitPriceCents');
    default:
      return tier('fromQuantity');
  }
}

/**
 * Group purchasing: staff open a campaign with its allocation rule, member companies commit
 * quantities until the deadline, staff enter and compare the suppliers' offers, and the award
 * splits the cost by the rule (computed in a worker thread, with a time limit).
 */
export function createPurchasingService(deps: Deps) {
  const { db, purchasing, networks, now = () => new Date(), allocationTimeoutMs = 20_000 } = deps;

  function statusOf(campaign: {
    awarded_offer_id: string | null;
    commitment_deadline: Date;
  }): CampaignStatus {
    if (campaign.awarded_offer_id) return 'awarded';
    return campaign.commitment_deadline.getTime() > now().getTime() ? 'open' : 'closed';
  }

  function toSummary(campaign: {
    id: string;
    title: string;
    category: string;
    unit: string;
    commitment_deadline: Date;
    allocation_rule: CampaignSummary['allocationRule'];
    awarded_offer_id: string | null;
    created_at: Date;
    eligible_categories: CompanyCategory[];
    eligible_naf_sections: string[];
    eligible_departements: string[];
  }): CampaignSummary {
    return {
      id: campaign.id,
      title: campaign.title,
      category: campaign.category,
      unit: campaign.unit,
      commitmentDeadline: campaign.commitment_deadline.toISOString(),
      allocationRule: campaign.allocation_rule,
      status: statusOf(campaign),
      createdAt: campaign.created_at.toISOString(),
      eligibility: {
        categories: campaign.eligible_categories,
        nafSections: campaign.eligible_naf_sections,
        departements: campaign.eligible_departements,
      },
    };
  }

  /** The campaign, the person's standing in its network, and the organisations they commit for. */
  async function loadCampaign(trx: Scoped, person: AuthenticatedPerson, slug: string, id: string) {
    const { network, actor, canManage } = await loadNetworkForActor(trx, networks, person, slug);
    const campaign = await purchasing.findCampaign(trx, network.id, id);
    if (!campaign) throw new AppError('NOT_FOUND');
    const ownOrganisations = await purchasing.memberOrganisationsOf(trx, network.id, person.personId);
    const rule = eligibilityOf(campaign);
    const committable = canCommitForMembers(actor)
      ? ownOrganisations.map((organisation) => ({
          id: organisation.id,
          name: organisation.name,
          failedEligibility: failedCriteria(rule, organisation),
        }))
      : [];
    return { network, actor, canManage, campaign, ownOrganisations, committable };
  }

  async function managedCampaign(person: AuthenticatedPerson, slug: string, id: string) {
    return asPerson(db, person.personId, async (trx) => {
      const loaded = await loadCampaign(trx, person, slug, id);
      if (!loaded.canManage) throw new AppError('FORBIDDEN');
      return loaded;
    });
  }

  /** Locks the campaign and checks that it still takes commitments. */
  async function lockOpenCampaign(trx: Scoped, campaignId: string, locale: Locale) {
    const row = await trx
      .selectFrom('purchase_campaigns')
      .select(['commitment_deadline', 'awarded_offer_id'])
      .where('id', '=', campaignId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.awarded_offer_id) throw new AppError('CAMPAIGN_AWARDED');
    if (row.commitment_deadline.getTime() <= now().getTime()) {
      throw new AppError('COMMITMENTS_CLOSED', {
        params: { deadline: formatDeadline(locale, row.commitment_deadline) },
      });
    }
  }

  function toCommitment(row: Awaited<ReturnType<PurchasingRepository['listCommitments']>>[number]) {
    return {
      organisationId: row.organisation_id,
      organisationName: row.organisation_name ?? '',
      quantity: row.quantity,
      currentUnitPriceCents: row.current_unit_price_cents,
      ceilingUnitPriceCents: row.ceiling_unit_price_cents,
      updatedAt: row.updated_at.toISOString(),
      optedOutAt: row.opted_out_at?.toISOString() ?? null,
    };
  }

  async function commitmentsForEngine(trx: Kysely<DB> | Scoped, campaignId: string) {
    const rows = await purchasing.listCommitments(trx, campaignId);
    // Companies that opted out after the award are no longer part of the group.
    return rows
      .filter((row) => row.opted_out_at === null)
      .map(
        (row): MemberCommitment => ({
          memberId: row.organisation_id,
          quantity: row.quantity,
          currentUnitPriceCents: row.current_unit_price_cents,
          ceilingUnitPriceCents: row.ceiling_unit_price_cents,
        }),
      );
  }

  /** Splits the cost of an offer among the companies by the rule, in a worker thread with a time limit. */
  async function allocate(schedule: PriceSchedule, commitments: MemberCommitment[], rule: AllocationRule) {
    let outcome: WorkerTaskOutput<'allocate-cost'>;
    try {
      outcome = await runInWorker(
        'allocate-cost',
        { schedule, commitments, rule },
        { timeoutMs: allocationTimeoutMs },
      );
    } catch (error) {
      if (error instanceof TimeoutError) throw new AppError('COMPUTATION_TIMEOUT');
      throw error;
    }
    if (!outcome.ok) {
      const codes = [...outcome.scheduleIssues, ...outcome.commitmentIssues].map((issue) => issue.code);
      throw new AppError('OFFER_NOT_AWARDABLE', { params: { detail: codes.join(', ') } });
    }
    const { allocation } = outcome;
    return {
      totalCostCents: allocation.totalCostCents,
      totalQuantity: allocation.totalQuantity,
      averageUnitPriceCents: allocation.averageUnitPriceCents,
      isIndividuallyRational: allocation.individualRationality.holds,
      coreStatus: allocation.core.status,
      coreCoalition: allocation.core.status === 'not-in-core' ? allocation.core.coalitionMemberIds : [],
      shares: allocation.members.map((member) => ({
        organisationId: member.memberId,
        quantity: member.quantity,
        shareCents: member.shareCents,
        standAloneCostCents: Math.round(member.standAloneCostCents),
        isIndividuallyRational: member.isIndividuallyRational,
      })),
    };
  }

  return {
    async list(person: AuthenticatedPerson, slug: string) {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        const rows = await purchasing.listCampaigns(trx, network.id);
        return { campaigns: rows.map(toSummary), canManage };
      });
    },

    async create(person: AuthenticatedPerson, slug: string, request: z.infer<typeof createCampaignRequest>) {
      const network = await asPerson(db, person.personId, async (trx) => {
        const access = await loadNetworkForActor(trx, networks, person, slug);
        if (!access.canManage) throw new AppError('FORBIDDEN');
        return access.network;
      });
      const deadline = new Date(request.commitmentDeadline);
      if (deadline.getTime() <= now().getTime()) {
        throw new AppError('VALIDATION', {
          field: 'body.commitmentDeadline',
          params: { detail: 'detail.DEADLINE_PAST' },
        });
      }
      const eligibility = normaliseEligibilityRule(request.eligibility ?? {});
      if (!eligibility.ok) {
        const { code, value } = eligibility.issue;
        const [list, values] =
          code === 'CATEGORY_UNKNOWN'
            ? ['categories', request.eligibility?.categories]
            : code === 'NAF_SECTION_UNKNOWN'
              ? ['nafSections', request.eligibility?.nafSections]
              : ['departements', request.eligibility?.departements];
        const index = (values ?? []).findIndex(
          (v) =>
            v
              .trim()
              .toUpperCase()
              .replace(/^(\d)$/, '0$1') === value,
        );
        throw new AppError('VALIDATION', {
          field: `body.eligibility.${list}${index >= 0 ? `.${index}` : ''}`,
          params: { detail: `detail.${code}` },
        });
      }
      return purchasing.createCampaign(db, {
        eligibility: eligibility.rule,
        networkId: network.id,
        title: request.title,
        category: request.category,
        specification: request.specification,
        unit: request.unit,
        commitmentDeadline: deadline,
        allocationRule: request.allocationRule,
        createdBy: person.personId,
      });
    },

    async get(person: AuthenticatedPerson, slug: string, id: string): Promise<CampaignDetail> {
      return asPerson(db, person.personId, async (trx) => {
        const { canManage, campaign, ownOrganisations, committable } = await loadCampaign(
          trx,
          person,
          slug,
          id,
        );
        // Row-level security leaves only what this person may see: every commitment for staff,
        // their own organisations' otherwise.
        const visible = (await purchasing.listCommitments(trx, campaign.id)).map(toCommitment);
        const ownIds = new Set(ownOrganisations.map((o) => o.id));
        const aggregate = await purchasing.aggregate(trx, campaign.id);
        let award: CampaignDetail['award'] = null;
        if (campaign.awarded_offer_id && campaign.awarded_at) {
          const shares = await purchasing.listShares(trx, campaign.id);
          const objecting =
            canManage && campaign.award_core_status === 'not-in-core'
              ? (await purchasing.organisationNames(trx, campaign.award_core_coalition)).map((o) => o.name)
              : null;
          award = {
            supplierName: campaign.award_supplier_name ?? '',
            awardedAt: campaign.awarded_at.toISOString(),
            optOutDeadline: campaign.opt_out_deadline?.toISOString() ?? null,
            isFinal: !campaign.opt_out_deadline || campaign.opt_out_deadline.getTime() <= now().getTime(),
            isIndividuallyRational: campaign.award_is_individually_rational ?? false,
            coreStatus: campaign.award_core_status ?? 'not-checked',
            totalCostCents: canManage ? toNumber(campaign.award_total_cost_cents) : null,
            totalQuantity: canManage ? campaign.award_total_quantity : null,
            averageUnitPriceCents: canManage ? campaign.award_average_unit_price_cents : null,
            objectingOrganisations: canManage ? (objecting ?? []) : null,
            shares: shares
              .filter((share) => canManage || ownIds.has(share.organisation_id))
              .map((share) => ({
                organisationId: share.organisation_id,
                organisationName: share.organisation_name ?? '',
                quantity: share.quantity,
                shareCents: Number(share.share_cents),
                standAloneCostCents: Number(share.stand_alone_cost_cents),
                isIndividuallyRational: share.is_individually_rational,
              })),
          };
        }
        return {
          ...toSummary(campaign),
          specification: campaign.specification,
          canManage,
          myOrganisations: committable,
          myCommitments: visible.filter((c) => ownIds.has(c.organisationId)),
          aggregate: {
            organisationCount: aggregate?.organisation_count ?? null,
            totalQuantity: aggregate?.total_quantity ?? null,
            hiddenReason: aggregate?.hidden_reason ?? null,
          },
          commitments: canManage ? visible : null,
          award,
        };
      });
    },

    /** Creates or changes my organisation's commitment, until the deadline. */
    async commit(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: CommitRequest,
      locale: Locale,
    ) {
      const { campaign, committable } = await asPerson(db, person.personId, (trx) =>
        loadCampaign(trx, person, slug, id),
      );
      if (committable.length === 0) throw new AppError('NOT_A_MEMBER_ORGANISATION');
      let organisationId = request.organisationId;
      if (!organisationId) {
        if (committable.length > 1) {
          throw new AppError('VALIDATION', {
            field: 'body.organisationId',
            params: { detail: 'detail.ORGANISATION_REQUIRED' },
          });
        }
        organisationId = committable[0]!.id;
      }
      const organisation = committable.find((o) => o.id === organisationId);
      if (!organisation) {
        throw new AppError('NOT_A_MEMBER_ORGANISATION', { field: 'body.organisationId' });
      }
      if (organisation.failedEligibility.length > 0) {
        throw new AppError('NOT_ELIGIBLE', {
          params: {
            organisation: organisation.name,
            criteria: organisation.failedEligibility
              .map((criterion) => translate(locale, `criterion.${criterion}`))
              .join(', '),
          },
        });
      }
      const chosen = organisation.id;
      await db.transaction().execute(async (trx) => {
        await lockOpenCampaign(trx, campaign.id, locale);
        await purchasing.upsertCommitment(trx, {
          campaignId: campaign.id,
          networkId: campaign.network_id,
          organisationId: chosen,
          quantity: request.quantity,
          currentUnitPriceCents: request.currentUnitPriceCents ?? null,
          ceilingUnitPriceCents: request.ceilingUnitPriceCents ?? null,
          committedBy: person.personId,
          at: now(),
        });
      });
    },

    async withdraw(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      organisationId: string,
      locale: Locale,
    ) {
      const { campaign, committable } = await asPerson(db, person.personId, (trx) =>
        loadCampaign(trx, person, slug, id),
      );
      if (!committable.some((o) => o.id === organisationId)) throw new AppError('NOT_A_MEMBER_ORGANISATION');
      await db.transaction().execute(async (trx) => {
        await lockOpenCampaign(trx, campaign.id, locale);
        if (!(await purchasing.deleteCommitment(trx, campaign.id, organisationId))) {
          throw new AppError('NOT_FOUND');
        }
      });
    },

    async createOffer(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: z.infer<typeof createOfferRequest>,
    ) {
      const { campaign } = await managedCampaign(person, slug, id);
      if (campaign.awarded_offer_id) throw new AppError('CAMPAIGN_AWARDED');
      const schedule: PriceSchedule = {
        kind: request.schedule.kind,
        tiers: request.schedule.tiers,
        fixedCostCents: request.schedule.fixedCostCents,
      };
      const [issue] = validatePriceSchedule(schedule);
      if (issue) {
        throw new AppError('VALIDATION', {
          field: scheduleIssueField(issue),
          params: { detail: `detail.${issue.code}` },
        });
      }
      return purchasing.createOffer(db, {
        campaignId: campaign.id,
        networkId: campaign.network_id,
        supplierName: request.supplierName,
        kind: schedule.kind,
        tiers: request.schedule.tiers,
        fixedCostCents: schedule.fixedCostCents,
        validUntil: request.validUntil ?? null,
        createdBy: person.personId,
      });
    },

    /** The offers side by side at the committed volume, cheapest first. */
    async listOffers(person: AuthenticatedPerson, slug: string, id: string): Promise<{ offers: Offer[] }> {
      return asPerson(db, person.personId, async (trx) => {
        const { canManage, campaign } = await loadCampaign(trx, person, slug, id);
        if (!canManage) throw new AppError('FORBIDDEN');
        const offers = await purchasing.listOffers(trx, campaign.id);
        const commitments = await commitmentsForEngine(trx, campaign.id);
        const compared =
          commitments.length > 0
            ? compareOffers(
                offers.map((offer) => ({ offerId: offer.id, schedule: scheduleOf(offer) })),
                commitments,
              )
            : null;
        const comparisons = compared?.ok ? compared.comparisons : [];
        const result = offers.map((offer): Offer => {
          const rank = comparisons.findIndex((c) => c.offerId === offer.id);
          const comparison = comparisons[rank];
          return {
            id: offer.id,
            supplierName: offer.supplier_name,
            schedule: scheduleOf(offer) as Offer['schedule'],
            validUntil: offer.valid_until,
            createdAt: offer.created_at.toISOString(),
            isAwarded: campaign.awarded_offer_id === offer.id,
            source: offer.rfq_invitation_id ? 'supplier-link' : 'staff',
            comparison: comparison
              ? {
                  totalCostCents: comparison.totalCostCents,
                  averageUnitPriceCents: comparison.averageUnitPriceCents,
                  reachedTierIndex: comparison.reachedTierIndex,
                  standAloneCostCents: comparison.standAloneCostCents,
                  savingsVsStandAloneCents: comparison.savingsVsStandAloneCents,
                  savingsVsCurrentCents: comparison.savingsVsCurrentCents,
                  membersAboveCeiling: comparison.membersAboveCeiling.length,
                  rank: rank + 1,
                }
              : null,
          };
        });
        result.sort((a, b) => (a.comparison?.rank ?? 1e9) - (b.comparison?.rank ?? 1e9));
        return { offers: result };
      });
    },

    /**
     * Awards an offer after the deadline: the cost is split by the campaign's rule in a worker
     * thread with a time limit, and every organisation's share is stored in cents.
     */
    async award(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: { offerId: string; optOutDeadline?: string | undefined },
      locale: Locale,
    ) {
      const { campaign } = await managedCampaign(person, slug, id);
      if (campaign.awarded_offer_id) throw new AppError('CAMPAIGN_AWARDED');
      if (campaign.commitment_deadline.getTime() > now().getTime()) {
        throw new AppError('CAMPAIGN_STILL_OPEN', {
          params: { deadline: formatDeadline(locale, campaign.commitment_deadline) },
        });
      }
      const at = now();
      const optOutDeadline = request.optOutDeadline
        ? new Date(request.optOutDeadline)
        : new Date(at.getTime() + DEFAULT_OPT_OUT_DAYS * DAY_MS);
      const optOutDelay = optOutDeadline.getTime() - at.getTime();
      if (optOutDelay <= 0 || optOutDelay > MAX_OPT_OUT_DAYS * DAY_MS) {
        throw new AppError('VALIDATION', {
          field: 'body.optOutDeadline',
          params: { detail: 'detail.OPT_OUT_DEADLINE_INVALID' },
        });
      }
      const offer = await purchasing.findOffer(db, campaign.id, request.offerId);
      if (!offer) throw new AppError('NOT_FOUND', { field: 'body.offerId' });
      // Taking the campaign's lock waits for a commitment written just before the deadline.
      const commitments = await db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('purchase_campaigns')
          .select('id')
          .where('id', '=', campaign.id)
          .forUpdate()
          .execute();
        return commitmentsForEngine(trx, campaign.id);
      });
      if (commitments.length === 0) throw new AppError('NOTHING_TO_AWARD');
      const split = await allocate(scheduleOf(offer), commitments, campaign.allocation_rule);
      const isSaved = await db.transaction().execute((trx) =>
        purchasing.saveAward(trx, {
          campaignId: campaign.id,
          networkId: campaign.network_id,
          offerId: offer.id,
          supplierName: offer.supplier_name,
          awardedBy: person.personId,
          at,
          optOutDeadline,
          ...split,
        }),
      );
      if (!isSaved) throw new AppError('CAMPAIGN_AWARDED');
    },

    /**
     * Takes my company out of an awarded campaign (or back in), until the opt-out deadline. The
     * shares of the companies that stay are computed again by the campaign's rule, in the same
     * transaction: if the computation fails, nothing changes.
     */
    async setOptedOut(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      organisationId: string,
      optedOut: boolean,
      locale: Locale,
    ) {
      const { campaign, committable } = await asPerson(db, person.personId, (trx) =>
        loadCampaign(trx, person, slug, id),
      );
      if (!committable.some((o) => o.id === organisationId)) throw new AppError('NOT_A_MEMBER_ORGANISATION');
      await db.transaction().execute(async (trx) => {
        const locked = await trx
          .selectFrom('purchase_campaigns')
          .select(['awarded_offer_id', 'opt_out_deadline'])
          .where('id', '=', campaign.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (!locked.awarded_offer_id) throw new AppError('CAMPAIGN_NOT_AWARDED');
        if (!locked.opt_out_deadline || locked.opt_out_deadline.getTime() <= now().getTime()) {
          throw new AppError('OPT_OUT_CLOSED', {
            params: { deadline: formatDeadline(locale, locked.opt_out_deadline ?? now()) },
          });
        }
        const offer = await purchasing.findOffer(trx, campaign.id, locked.awarded_offer_id);
        if (!offer) throw new AppError('NOT_FOUND');
        if (!(await purchasing.setOptedOut(trx, campaign.id, organisationId, optedOut ? now() : null))) {
          throw new AppError('NOT_FOUND');
        }
        const commitments = await commitmentsForEngine(trx, campaign.id);
        const split =
          commitments.length === 0
            ? EMPTY_SPLIT
            : await allocate(scheduleOf(offer), commitments, campaign.allocation_rule);
        await purchasing.replaceAllocation(trx, {
          campaignId: campaign.id,
          networkId: campaign.network_id,
          ...split,
        });
      });
    },
  };
}

/** The award once every company opted out: nothing to buy, nothing to pay. */
const EMPTY_SPLIT = {
  totalCostCents: 0,
  totalQuantity: 0,
  averageUnitPriceCents: 0,
  isIndividuallyRational: true,
  coreStatus: 'not-checked' as const,
  coreCoalition: [],
  shares: [],
};

export type PurchasingService = ReturnType<typeof createPurchasingService>;
