import type {
  Locale,
  SavingsCampaignLine,
  SavingsLedger,
  SavingsMonth,
  SavingsOrganisationLine,
} from '@meute/contracts';
import type { Actor } from '@meute/domain';
import type { Kysely } from 'kysely';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { PurchaseOrders } from './purchase-orders-pdf.ts';
import type { PurchasingRepository } from './purchasing.repository.ts';
import type { SavingsRepository } from './savings.repository.ts';

interface Deps {
  db: Kysely<DB>;
  savings: SavingsRepository;
  purchasing: PurchasingRepository;
  networks: NetworksRepository;
}

/** The people of a member company read their own savings; a partner's delegate has none. */
const MEMBER_ROLES = ['member_leader', 'member_employee'] as const;
const isMemberPerson = (actor: Actor) =>
  actor.rolesInNetwork.some((role) => (MEMBER_ROLES as readonly string[]).includes(role));

interface ShareLine {
  campaignId: string;
  organisationId: string;
  organisationName: string;
  quantity: number;
  paidCents: number;
  standAloneCostCents: number;
  /** Quantity × stated current unit price, rounded to the cent; null without a stated price. */
  baselineCents: number | null;
}

type Figures = Pick<
  SavingsCampaignLine,
  'paidCents' | 'baselineCents' | 'savingsVsCurrentCents' | 'savingsVsStandAloneCents' | 'savingsRate'
>;

/** Savings against the current price count only the lines whose company stated that price. */
export function sumFigures(lines: ShareLine[]): Figures {
  let paidCents = 0;
  let savingsVsStandAloneCents = 0;
  let baselineCents: number | null = null;
  let savingsVsCurrentCents: number | null = null;
  for (const line of lines) {
    paidCents += line.paidCents;
    savingsVsStandAloneCents += line.standAloneCostCents - line.paidCents;
    if (line.baselineCents !== null) {
      baselineCents = (baselineCents ?? 0) + line.baselineCents;
      savingsVsCurrentCents = (savingsVsCurrentCents ?? 0) + line.baselineCents - line.paidCents;
    }
  }
  return {
    paidCents,
    baselineCents,
    savingsVsCurrentCents,
    savingsVsStandAloneCents,
    savingsRate: rateOf(savingsVsCurrentCents, baselineCents),
  };
}

function rateOf(savingsCents: number | null, baselineCents: number | null) {
  return savingsCents === null || baselineCents === null || baselineCents <= 0
    ? null
    : savingsCents / baselineCents;
}

/** Every month from the first to the last, so that a chart shows the months without award. */
function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const toNumber = (value: string | number | null) => (value === null ? null : Number(value));

/**
 * The savings ledger of group purchasing and the purchase orders of an award. Staff of the
 * network see every company; the people of a member company see their own companies' lines
 * and the network's totals only when the aggregate rule releases them; nobody else sees any.
 */
export function createSavingsService({ db, savings, purchasing, networks }: Deps) {
  /** Who may read what: every share (`network`) or their own organisations' (`own`). */
  async function loadReader(
    trx: Parameters<typeof loadNetworkForActor>[0],
    person: AuthenticatedPerson,
    slug: string,
  ) {
    const { network, actor, canManage } = await loadNetworkForActor(trx, networks, person, slug);
    if (!canManage && !isMemberPerson(actor)) throw new AppError('FORBIDDEN');
    const own = canManage ? [] : await purchasing.memberOrganisationsOf(trx, network.id, person.personId);
    return { network, canManage, ownIds: new Set(own.map((o) => o.id)) };
  }

  return {
    async ledger(person: AuthenticatedPerson, slug: string): Promise<SavingsLedger> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage, ownIds } = await loadReader(trx, person, slug);
        // Row-level security already leaves a member its own organisations' shares; the filter
        // keeps it so even for a person who is also a partner's delegate of another company.
        const shares: ShareLine[] = (await savings.listAwardedShares(trx, network.id))
          .filter((row) => canManage || ownIds.has(row.organisation_id))
          .map((row) => ({
            campaignId: row.campaign_id,
            organisationId: row.organisation_id,
            organisationName: row.organisation_name ?? '',
            quantity: row.quantity,
            paidCents: Number(row.share_cents),
            standAloneCostCents: Number(row.stand_alone_cost_cents),
            baselineCents:
              row.current_unit_price_cents === null
                ? null
                : Math.round(row.quantity * row.current_unit_price_cents),
          }));
        const campaignRows = await savings.listAwardedCampaigns(trx, network.id);

        const campaigns: SavingsCampaignLine[] = [];
        const monthly = new Map<string, ShareLine[]>();
        for (const campaign of campaignRows) {
          const lines = shares.filter((share) => share.campaignId === campaign.id);
          if (lines.length === 0) continue;
          // A member learns how many companies shared the award only as the campaign's
          // aggregate tells everyone (3 or more, none above 85 %).
          const participantCount = canManage
            ? lines.length
            : ((await purchasing.aggregate(trx, campaign.id))?.organisation_count ?? null);
          campaigns.push({
            campaignId: campaign.id,
            title: campaign.title,
            supplierName: campaign.award_supplier_name ?? '',
            awardedAt: (campaign.awarded_at ?? new Date(0)).toISOString(),
            participantCount,
            ...sumFigures(lines),
          });
          monthly.set(campaign.award_month, [...(monthly.get(campaign.award_month) ?? []), ...lines]);
        }

        const byOrganisation = new Map<string, ShareLine[]>();
        for (const share of shares) {
          byOrganisation.set(share.organisationId, [
            ...(byOrganisation.get(share.organisationId) ?? []),
            share,
          ]);
        }
        const organisations: SavingsOrganisationLine[] = [...byOrganisation.values()]
          .map((lines) => ({
            organisationId: lines[0]!.organisationId,
            organisationName: lines[0]!.organisationName,
            campaignCount: new Set(lines.map((line) => line.campaignId)).size,
            ...sumFigures(lines),
          }))
          .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'fr'));

        const monthKeys = [...monthly.keys()].sort();
        const months: SavingsMonth[] =
          monthKeys.length === 0
            ? []
            : monthRange(monthKeys[0]!, monthKeys.at(-1)!).map((month) => {
                const figures = sumFigures(monthly.get(month) ?? []);
                return {
                  month,
                  savingsCents: figures.savingsVsCurrentCents ?? 0,
                  savingsVsStandAloneCents: figures.savingsVsStandAloneCents,
                  paidCents: figures.paidCents,
                };
              });

        const totals = await savings.networkTotals(trx, network.id);
        const baselineCents = toNumber(totals?.baseline_cents ?? null);
        const savingsVsCurrentCents = toNumber(totals?.savings_vs_current_cents ?? null);
        const visibleTotals = sumFigures(shares);
        return {
          scope: canManage ? 'network' : 'own',
          networkName: network.name,
          campaigns,
          organisations,
          months,
          visibleTotals,
          network: {
            campaignCount: totals?.campaign_count ?? 0,
            organisationCount: totals?.organisation_count ?? null,
            paidCents: toNumber(totals?.paid_cents ?? null),
            baselineCents,
            savingsVsCurrentCents,
            savingsVsStandAloneCents: toNumber(totals?.savings_vs_stand_alone_cents ?? null),
            savingsRate: rateOf(savingsVsCurrentCents, baselineCents),
            hidden: {
              paidCents: totals?.paid_hidden ?? null,
              baselineCents: totals?.baseline_hidden ?? null,
              savingsVsCurrentCents: totals?.savings_vs_current_hidden ?? null,
              savingsVsStandAloneCents: totals?.savings_vs_stand_alone_hidden ?? null,
            },
          },
        };
      });
    },

    /**
     * The purchase orders of an awarded campaign, one per participating organisation the
     * person may see: every one for staff, their own organisations' for a member's people.
     */
    async purchaseOrders(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      locale: Locale,
    ): Promise<PurchaseOrders> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage, ownIds } = await loadReader(trx, person, slug);
        const campaign = await purchasing.findCampaign(trx, network.id, id);
        if (!campaign) throw new AppError('NOT_FOUND');
        if (!campaign.awarded_offer_id || !campaign.awarded_at)
          throw new AppError('PURCHASE_ORDERS_NOT_READY');
        const rows = (await savings.listAwardedShares(trx, network.id, campaign.id)).filter(
          (row) => canManage || ownIds.has(row.organisation_id),
        );
        if (rows.length === 0 && !canManage) throw new AppError('FORBIDDEN');
        return {
          locale,
          networkName: network.name,
          campaign: {
            id: campaign.id,
            title: campaign.title,
            category: campaign.category,
            specification: campaign.specification,
            unit: campaign.unit,
            allocationRule: campaign.allocation_rule,
            supplierName: campaign.award_supplier_name ?? '',
            awardedAt: campaign.awarded_at,
          },
          orders: rows.map((row) => ({
            organisationId: row.organisation_id,
            organisationName: row.organisation_name ?? '',
            quantity: row.quantity,
            amountCents: Number(row.share_cents),
          })),
        };
      });
    },
  };
}

export type SavingsService = ReturnType<typeof createSavingsService>;
