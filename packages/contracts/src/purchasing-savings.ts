import { z } from 'zod';

/**
 * The savings ledger of group purchasing (S9): what each awarded campaign saved against the
 * prices the companies paid before, per campaign, per company, per month and for the network.
 *
 * Baseline = quantity × the company's stated current unit price; savings against the current
 * price = baseline − share (null when the company stated no price); savings against going
 * alone = the company's stand-alone cost − share. Amounts in integer cents.
 */

const cents = z.number().int();
const hiddenReason = z.enum(['TOO_FEW_ORGANISATIONS', 'DOMINANT_ORGANISATION']).nullable();

/** Figures of one campaign or one company; `savingsRate` = savings against current / baseline. */
const figures = {
  paidCents: cents,
  baselineCents: cents.nullable(),
  savingsVsCurrentCents: cents.nullable(),
  savingsVsStandAloneCents: cents,
  savingsRate: z.number().nullable(),
};

export const savingsCampaignLineSchema = z.object({
  campaignId: z.uuid(),
  title: z.string(),
  supplierName: z.string(),
  awardedAt: z.string(),
  /** Organisations sharing the award; null for a member when the campaign's aggregate is hidden. */
  participantCount: z.number().int().nullable(),
  ...figures,
});
export type SavingsCampaignLine = z.infer<typeof savingsCampaignLineSchema>;

export const savingsOrganisationLineSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  campaignCount: z.number().int(),
  ...figures,
});
export type SavingsOrganisationLine = z.infer<typeof savingsOrganisationLineSchema>;

export const savingsMonthSchema = z.object({
  /** YYYY-MM, the month of the award in Europe/Paris. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  savingsCents: cents,
  savingsVsStandAloneCents: cents,
  paidCents: cents,
});
export type SavingsMonth = z.infer<typeof savingsMonthSchema>;

/**
 * The network's totals. A member gets each figure only when at least 3 companies contribute to
 * it and none weighs more than 85 % of it; `hidden` then says why a figure is null.
 */
export const savingsTotalsSchema = z.object({
  campaignCount: z.number().int(),
  organisationCount: z.number().int().nullable(),
  paidCents: cents.nullable(),
  baselineCents: cents.nullable(),
  savingsVsCurrentCents: cents.nullable(),
  savingsVsStandAloneCents: cents.nullable(),
  savingsRate: z.number().nullable(),
  hidden: z.object({
    paidCents: hiddenReason,
    baselineCents: hiddenReason,
    savingsVsCurrentCents: hiddenReason,
    savingsVsStandAloneCents: hiddenReason,
  }),
});
export type SavingsTotals = z.infer<typeof savingsTotalsSchema>;

export const savingsLedgerSchema = z.object({
  /** `network`: staff, every company; `own`: a member, its own companies only. */
  scope: z.enum(['network', 'own']),
  networkName: z.string(),
  /** Per campaign: every company's figures for staff, the caller's companies' for a member. */
  campaigns: z.array(savingsCampaignLineSchema),
  organisations: z.array(savingsOrganisationLineSchema),
  /** The same scope as `campaigns`, every month from the first award to the last. */
  months: z.array(savingsMonthSchema),
  /** Sums of the lines above (what the caller sees). */
  visibleTotals: z.object(figures),
  network: savingsTotalsSchema,
});
export type SavingsLedger = z.infer<typeof savingsLedgerSchema>;
