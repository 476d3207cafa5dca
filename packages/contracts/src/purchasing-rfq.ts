import { z } from 'zod';
import { priceScheduleSchema, pricingKindSchema } from './purchasing.ts';

/**
 * Requests for quotation: staff send a supplier a link with a token, and the supplier answers
 * the pooled request through it, without an account.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);

export const rfqInvitationParams = z.strictObject({ slug, id: z.uuid(), invitationId: z.uuid() });
/** Any string: an unknown or malformed token is a 404, never a validation error. */
export const rfqTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

export const createRfqInvitationRequest = z.strictObject({
  supplierName: z.string().trim().min(1).max(200),
  /** The link is e-mailed to this address when it is given. */
  email: z
    .string()
    .trim()
    .max(254)
    .transform((value) => value.toLowerCase())
    .pipe(z.union([z.literal(''), z.email()]))
    .nullable()
    .optional(),
  /** ISO date-time with its offset; 14 days from now by default; must be in the future. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateRfqInvitationRequest = z.input<typeof createRfqInvitationRequest>;

export const rfqInvitationStatusSchema = z.enum(['pending', 'answered', 'expired', 'revoked']);
export type RfqInvitationStatus = z.infer<typeof rfqInvitationStatusSchema>;

export const rfqInvitationSchema = z.object({
  id: z.uuid(),
  supplierName: z.string(),
  email: z.string().nullable(),
  status: rfqInvitationStatusSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  /** When the supplier last opened the link; null if never. */
  lastOpenedAt: z.string().nullable(),
  /** When the supplier last sent or revised its offer. */
  answeredAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type RfqInvitation = z.infer<typeof rfqInvitationSchema>;
export const rfqInvitationListSchema = z.object({ invitations: z.array(rfqInvitationSchema) });

/** Answer to a creation: the link is shown once, only its hash is kept. */
export const createdRfqInvitationSchema = z.object({
  invitation: rfqInvitationSchema,
  link: z.string(),
  isMailed: z.boolean(),
});
export type CreatedRfqInvitation = z.infer<typeof createdRfqInvitationSchema>;

export const supplierOfferRequest = z.strictObject({
  schedule: priceScheduleSchema,
  /** The last day the offer holds; today or later. */
  validUntil: z.iso.date().nullable().optional(),
});
export type SupplierOfferRequest = z.input<typeof supplierOfferRequest>;

export const supplierOfferSchema = z.object({
  schedule: z.object({
    kind: pricingKindSchema,
    tiers: z.array(z.object({ fromQuantity: z.number(), unitPriceCents: z.number() })),
    fixedCostCents: z.number().int(),
  }),
  validUntil: z.string().nullable(),
  submittedAt: z.string(),
});
export type SupplierOffer = z.infer<typeof supplierOfferSchema>;

/**
 * What a supplier's link shows: the request, the pooled volume only when the members' aggregate
 * rule releases it, and this supplier's own offer. Never another offer, never a member.
 */
export const rfqViewSchema = z.object({
  networkName: z.string(),
  supplierName: z.string(),
  expiresAt: z.string(),
  campaign: z.object({
    title: z.string(),
    category: z.string(),
    specification: z.string(),
    unit: z.string(),
    commitmentDeadline: z.string(),
    /** `awarded`: the request is closed, offers are no longer taken. */
    status: z.enum(['open', 'closed', 'awarded']),
  }),
  /** Null when fewer than 3 companies committed or one weighs more than 85 %. */
  pooledVolume: z.object({ organisationCount: z.number().int(), totalQuantity: z.number() }).nullable(),
  offer: supplierOfferSchema.nullable(),
  /** Once awarded: whether this supplier's offer was retained; null before. */
  isRetained: z.boolean().nullable(),
});
export type RfqView = z.infer<typeof rfqViewSchema>;
