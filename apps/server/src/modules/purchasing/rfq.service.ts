import type {
  CreatedRfqInvitation,
  createRfqInvitationRequest,
  Locale,
  RfqInvitation,
  RfqView,
  supplierOfferRequest,
} from '@meute/contracts';
import { type PriceSchedule, validatePriceSchedule } from '@meute/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import { hashToken, newToken } from '../accounts/secrets.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { PurchasingRepository } from './purchasing.repository.ts';
import type { RfqRepository } from './rfq.repository.ts';

interface Deps {
  db: Kysely<DB>;
  rfq: RfqRepository;
  purchasing: PurchasingRepository;
  networks: NetworksRepository;
  mailer: Mailer;
  publicUrl: string;
  now?: () => Date;
}

const DAY_MS = 86_400_000;
/** A link lasts 14 days unless staff choose otherwise, and a year at most. */
export const RFQ_DEFAULT_LIFETIME_MS = 14 * DAY_MS;
const RFQ_MAX_LIFETIME_MS = 366 * DAY_MS;

/** A date as people read it, in the network's time zone. */
function formatDay(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(date);
}

/** Today's date (YYYY-MM-DD) in Paris, for comparing with a validity date. */
function parisToday(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
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
 * Requests for quotation (RFQ): the staff of a network send a supplier a personal link to a
 * campaign's pooled request; the supplier reads it and sends or revises its own offer without
 * an account, until the link expires, is revoked, or the campaign is awarded.
 */
export function createRfqService(deps: Deps) {
  const { db, rfq, purchasing, networks, mailer, publicUrl, now = () => new Date() } = deps;

  function statusOf(row: { revoked_at: Date | null; answered_at: Date | null; expires_at: Date }) {
    if (row.revoked_at) return 'revoked' as const;
    if (row.answered_at) return 'answered' as const;
    if (row.expires_at.getTime() <= now().getTime()) return 'expired' as const;
    return 'pending' as const;
  }

  function toInvitation(row: Awaited<ReturnType<RfqRepository['listInvitations']>>[number]): RfqInvitation {
    return {
      id: row.id,
      supplierName: row.supplier_name,
      email: row.email,
      status: statusOf(row),
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      revokedAt: row.revoked_at?.toISOString() ?? null,
      lastOpenedAt: row.last_opened_at?.toISOString() ?? null,
      answeredAt: row.answered_at?.toISOString() ?? null,
      createdBy: row.created_by_name ?? null,
    };
  }

  /** The campaign, for the network's staff only (404 outside the network, 403 for its members). */
  function managedCampaign(person: AuthenticatedPerson, slug: string, id: string) {
    return asPerson(db, person.personId, async (trx) => {
      const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
      const campaign = await purchasing.findCampaign(trx, network.id, id);
      if (!campaign) throw new AppError('NOT_FOUND');
      if (!canManage) throw new AppError('FORBIDDEN');
      return { network, campaign };
    });
  }

  /**
   * The invitation a token designates, still usable: looked up by the token's SHA-256 (the
   * token itself is never stored, so there is nothing to compare it with in constant time).
   */
  async function usableInvitation(token: string, locale: Locale) {
    const tokenHash = hashToken(token);
    const invitation = await rfq.findByTokenHash(db, tokenHash);
    if (!invitation) throw new AppError('RFQ_LINK_UNKNOWN');
    if (invitation.revoked_at) throw new AppError('RFQ_LINK_REVOKED');
    if (invitation.expires_at.getTime() <= now().getTime()) {
      throw new AppError('RFQ_LINK_EXPIRED', { params: { date: formatDay(locale, invitation.expires_at) } });
    }
    return { invitation, tokenHash };
  }

  /** What the supplier's link shows; opening it is recorded for the staff. */
  async function view(token: string, locale: Locale): Promise<RfqView> {
    const { invitation, tokenHash } = await usableInvitation(token, locale);
    const at = now();
    await rfq.markOpened(db, invitation.id, at);
    const volume = await rfq.pooledVolume(db, tokenHash, at);
    const offer = await rfq.findOfferOfInvitation(db, invitation.id);
    const status = invitation.awarded_offer_id
      ? 'awarded'
      : invitation.commitment_deadline.getTime() > at.getTime()
        ? 'open'
        : 'closed';
    return {
      networkName: invitation.network_name,
      supplierName: invitation.supplier_name,
      expiresAt: invitation.expires_at.toISOString(),
      campaign: {
        title: invitation.title,
        category: invitation.category,
        specification: invitation.specification,
        unit: invitation.unit,
        commitmentDeadline: invitation.commitment_deadline.toISOString(),
        status,
      },
      pooledVolume:
        volume && volume.organisation_count !== null && volume.total_quantity !== null
          ? { organisationCount: volume.organisation_count, totalQuantity: volume.total_quantity }
          : null,
      offer: offer
        ? {
            schedule: {
              kind: offer.pricing_kind,
              tiers: offer.tiers,
              fixedCostCents: Number(offer.fixed_cost_cents),
            },
            validUntil: offer.valid_until,
            submittedAt: (invitation.answered_at ?? at).toISOString(),
          }
        : null,
      isRetained: invitation.awarded_offer_id ? invitation.awarded_offer_id === offer?.id : null,
    };
  }

  return {
    async createInvitation(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: z.infer<typeof createRfqInvitationRequest>,
      locale: Locale,
    ): Promise<CreatedRfqInvitation> {
      const { network, campaign } = await managedCampaign(person, slug, id);
      if (campaign.awarded_offer_id) throw new AppError('RFQ_CAMPAIGN_AWARDED');
      const at = now();
      const expiresAt = request.expiresAt
        ? new Date(request.expiresAt)
        : new Date(at.getTime() + RFQ_DEFAULT_LIFETIME_MS);
      if (expiresAt.getTime() <= at.getTime()) {
        throw new AppError('VALIDATION', {
          field: 'body.expiresAt',
          params: { detail: 'detail.EXPIRY_PAST' },
        });
      }
      if (expiresAt.getTime() > at.getTime() + RFQ_MAX_LIFETIME_MS) {
        throw new AppError('VALIDATION', {
          field: 'body.expiresAt',
          params: { detail: 'detail.EXPIRY_TOO_FAR' },
        });
      }
      const email = request.email ? request.email : null;
      const { token, tokenHash } = newToken();
      const { id: invitationId } = await rfq.createInvitation(db, {
        campaignId: campaign.id,
        networkId: network.id,
        supplierName: request.supplierName,
        email,
        tokenHash,
        expiresAt,
        createdBy: person.personId,
      });
      const link = `${publicUrl}/rfq/${token}`;
      if (email) {
        await mailer.send({
          to: email,
          subject: translate(locale, 'mail.rfq.subject', { campaign: campaign.title, network: network.name }),
          text: translate(locale, 'mail.rfq.body', {
            network: network.name,
            campaign: campaign.title,
            unit: campaign.unit,
            expires: formatDay(locale, expiresAt),
            link,
          }),
          networkId: network.id,
        });
      }
      const [row] = await rfq.listInvitations(db, campaign.id, invitationId);
      return { invitation: toInvitation(row!), link, isMailed: email !== null };
    },

    async listInvitations(person: AuthenticatedPerson, slug: string, id: string) {
      const { campaign } = await managedCampaign(person, slug, id);
      // Read again under the person's row-level security: the policy is the proof, not this check.
      const rows = await asPerson(db, person.personId, (trx) => rfq.listInvitations(trx, campaign.id));
      return { invitations: rows.map(toInvitation) };
    },

    async revokeInvitation(person: AuthenticatedPerson, slug: string, id: string, invitationId: string) {
      const { campaign } = await managedCampaign(person, slug, id);
      if (!(await rfq.revokeInvitation(db, campaign.id, invitationId, now()))) {
        throw new AppError('NOT_FOUND');
      }
      const [row] = await rfq.listInvitations(db, campaign.id, invitationId);
      return toInvitation(row!);
    },

    view,

    /** Sends or replaces the supplier's own offer, until the campaign is awarded. */
    async submitOffer(token: string, request: z.infer<typeof supplierOfferRequest>, locale: Locale) {
      const { invitation } = await usableInvitation(token, locale);
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
      const validUntil = request.validUntil ?? null;
      if (validUntil && validUntil < parisToday(now())) {
        throw new AppError('VALIDATION', {
          field: 'body.validUntil',
          params: { detail: 'detail.VALID_UNTIL_PAST' },
        });
      }
      await db.transaction().execute(async (trx) => {
        // The campaign's lock orders this write with an award: no offer lands after it.
        const campaign = await trx
          .selectFrom('purchase_campaigns')
          .select('awarded_offer_id')
          .where('id', '=', invitation.campaign_id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (campaign.awarded_offer_id) throw new AppError('RFQ_CLOSED');
        await rfq.upsertOffer(trx, {
          invitationId: invitation.id,
          campaignId: invitation.campaign_id,
          networkId: invitation.network_id,
          supplierName: invitation.supplier_name,
          kind: schedule.kind,
          tiers: request.schedule.tiers,
          fixedCostCents: schedule.fixedCostCents,
          validUntil,
          at: now(),
        });
      });
      return view(token, locale);
    },
  };
}

export type RfqService = ReturnType<typeof createRfqService>;
