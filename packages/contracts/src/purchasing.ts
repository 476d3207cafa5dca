import type { AllocationRule, PricingKind } from '@meute/domain';
import { z } from 'zod';

/** Group purchasing: campaigns, commitments, offers and the award. */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const text = (max: number) => z.string().trim().max(max);
const cents = z.number().int().min(0).max(1_000_000_000_000);

export const allocationRuleSchema = z.enum([
  'equal-unit-price',
  'proportional-with-fixed-costs',
  'shapley',
] as const satisfies readonly AllocationRule[]);
export type AllocationRuleName = z.infer<typeof allocationRuleSchema>;
export const pricingKindSchema = z.enum([
  'all-units',
  'incremental',
] as const satisfies readonly PricingKind[]);

/** Who may join: an empty list sets no condition on that criterion. */
export const eligibilitySchema = z.strictObject({
  categories: z
    .array(z.enum(['TPE', 'PME', 'ETI', 'GE']))
    .max(4)
    .default([]),
  /** NAF sections, A to U. */
  nafSections: z.array(z.string().trim().max(2)).max(21).default([]),
  /** Département codes: 01 … 95, 2A, 2B, 971 … 976. */
  departements: z.array(z.string().trim().max(3)).max(101).default([]),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;
export const eligibilityCriterionSchema = z.enum(['category', 'naf-section', 'departement']);

export const campaignParams = z.strictObject({ slug, id: z.uuid() });
export const commitmentParams = z.strictObject({ slug, id: z.uuid(), organisationId: z.uuid() });

export const createCampaignRequest = z.strictObject({
  title: text(200).min(1),
  category: text(120).default(''),
  specification: text(5000).default(''),
  unit: text(40).min(1),
  /** ISO date-time with its offset; must be in the future. */
  commitmentDeadline: z.iso.datetime({ offset: true }),
  allocationRule: allocationRuleSchema,
  eligibility: eligibilitySchema.optional(),
});
export type CreateCampaignRequest = z.input<typeof createCampaignRequest>;

export const commitRequest = z.strictObject({
  /** Needed only when I may commit for several organisations. */
  organisationId: z.uuid().optional(),
  quantity: z.number().positive().max(1e11),
  currentUnitPriceCents: cents.nullable().optional(),
  ceilingUnitPriceCents: cents.nullable().optional(),
});
export type CommitRequest = z.infer<typeof commitRequest>;

export const priceScheduleSchema = z.strictObject({
  kind: pricingKindSchema,
  tiers: z
    .array(
      z.strictObject({
        fromQuantity: z.number().min(0),
        unitPriceCents: z.number().min(0),
      }),
    )
    .min(1)
    .max(50),
  fixedCostCents: cents.default(0),
});

export const createOfferRequest = z.strictObject({
  supplierName: text(200).min(1),
  schedule: priceScheduleSchema,
  validUntil: z.iso.date().nullable().optional(),
});
export type CreateOfferRequest = z.input<typeof createOfferRequest>;

export const awardRequest = z.strictObject({
  offerId: z.uuid(),
  /** Until when companies may opt out once they see their price; 7 days after the award by default. */
  optOutDeadline: z.iso.datetime({ offset: true }).optional(),
});

export const campaignStatusSchema = z.enum(['open', 'closed', 'awarded']);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const campaignSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.string(),
  unit: z.string(),
  commitmentDeadline: z.string(),
  allocationRule: allocationRuleSchema,
  status: campaignStatusSchema,
  createdAt: z.string(),
  eligibility: z.object({
    categories: z.array(z.string()),
    nafSections: z.array(z.string()),
    departements: z.array(z.string()),
  }),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
export const campaignListSchema = z.object({
  campaigns: z.array(campaignSummarySchema),
  canManage: z.boolean(),
});

export const commitmentSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  quantity: z.number(),
  currentUnitPriceCents: z.number().int().nullable(),
  ceilingUnitPriceCents: z.number().int().nullable(),
  updatedAt: z.string(),
  /** When the company opted out after the award; null while it is in. */
  optedOutAt: z.string().nullable(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/**
 * The others' commitments as a member sees them: a total and a count, or nothing and why.
 * Staff get the figures even when members do not (`hiddenReason` then says what members see).
 */
export const aggregateSchema = z.object({
  organisationCount: z.number().int().nullable(),
  totalQuantity: z.number().nullable(),
  hiddenReason: z.enum(['TOO_FEW_ORGANISATIONS', 'DOMINANT_ORGANISATION']).nullable(),
});
export type Aggregate = z.infer<typeof aggregateSchema>;

export const shareSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  quantity: z.number(),
  shareCents: z.number().int(),
  standAloneCostCents: z.number().int(),
  isIndividuallyRational: z.boolean(),
});
export type Share = z.infer<typeof shareSchema>;

export const awardSchema = z.object({
  supplierName: z.string(),
  awardedAt: z.string(),
  /** Companies may opt out until then; after it the shares are final. */
  optOutDeadline: z.string().nullable(),
  isFinal: z.boolean(),
  /** Every member pays no more than it would alone from this offer. */
  isIndividuallyRational: z.boolean(),
  coreStatus: z.enum(['in-core', 'not-in-core', 'not-checked']),
  /** Staff only: the whole group's figures and the coalition that objects, if any. */
  totalCostCents: z.number().int().nullable(),
  totalQuantity: z.number().nullable(),
  averageUnitPriceCents: z.number().nullable(),
  objectingOrganisations: z.array(z.string()).nullable(),
  /** My organisations' shares (every share for staff). */
  shares: z.array(shareSchema),
});
export type Award = z.infer<typeof awardSchema>;

export const campaignDetailSchema = campaignSummarySchema.extend({
  specification: z.string(),
  canManage: z.boolean(),
  /** The organisations I may commit for (empty if I may not commit). */
  myOrganisations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      /** The criteria of the campaign's eligibility rule this organisation does not meet. */
      failedEligibility: z.array(eligibilityCriterionSchema),
    }),
  ),
  myCommitments: z.array(commitmentSchema),
  aggregate: aggregateSchema,
  /** Staff only; null for everyone else. */
  commitments: z.array(commitmentSchema).nullable(),
  award: awardSchema.nullable(),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const offerComparisonSchema = z.object({
  totalCostCents: z.number().int(),
  averageUnitPriceCents: z.number(),
  reachedTierIndex: z.number().int(),
  standAloneCostCents: z.number().int(),
  savingsVsStandAloneCents: z.number().int(),
  savingsVsCurrentCents: z.number().int(),
  membersAboveCeiling: z.number().int(),
  rank: z.number().int(),
});

export const offerSchema = z.object({
  id: z.uuid(),
  supplierName: z.string(),
  schedule: z.object({
    kind: pricingKindSchema,
    tiers: z.array(z.object({ fromQuantity: z.number(), unitPriceCents: z.number() })),
    fixedCostCents: z.number().int(),
  }),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
  isAwarded: z.boolean(),
  /** Entered by staff, or sent by the supplier through a request-for-quotation link. */
  source: z.enum(['staff', 'supplier-link']),
  /** At the committed volume; null while nobody has committed. */
  comparison: offerComparisonSchema.nullable(),
});
export type Offer = z.infer<typeof offerSchema>;
export const offerListSchema = z.object({ offers: z.array(offerSchema) });
