import { z } from 'zod';

/**
 * The life of a groupement answering a tender: kind, mandataire, members with their lots and
 * work shares, go/no-go, documents, price revision rounds and outcome. A member's price is
 * confidential: only the network's staff and the member's own people read it.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const cents = z.number().int().min(0).max(100_000_000_000_000);

export const MAX_GROUPEMENT_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const groupementKindSchema = z.enum(['conjoint', 'solidaire']);
export const groupementStatusSchema = z.enum(['forming', 'go', 'no-go', 'submitted', 'won', 'lost']);
export type GroupementStatus = z.infer<typeof groupementStatusSchema>;

export const tenderGroupementsParams = z.strictObject({ slug, id: z.uuid() });
export const groupementParams = z.strictObject({ slug, id: z.uuid(), groupementId: z.uuid() });
export const groupementItemParams = groupementParams.extend({ itemId: z.uuid() });

export const groupementMemberInput = z.strictObject({
  organisationId: z.uuid(),
  lotIds: z.array(z.string().min(1).max(100)).max(50),
  /** Share of the work in basis points; the members add up to 10,000. */
  workShareBp: z.number().int().min(0).max(10_000),
  /** The member's price for its part, in cents (confidential). */
  priceCents: cents.nullable().default(null),
});

export const groupementDraftSchema = z.strictObject({
  kind: groupementKindSchema,
  mandataireId: z.uuid().nullable(),
  members: z.array(groupementMemberInput).min(1).max(10),
});

/** Record a groupement: from a proposed grouping of the last builder run (its rank), or by hand. */
export const recordGroupementRequest = z.union([
  z.strictObject({
    fromRank: z.number().int().min(1).max(20),
    kind: groupementKindSchema.default('conjoint'),
  }),
  groupementDraftSchema,
]);
export type RecordGroupementRequest = z.input<typeof recordGroupementRequest>;
export type GroupementDraftRequest = z.input<typeof groupementDraftSchema>;

export const groupementDecisionRequest = z.strictObject({
  decision: z.enum(['go', 'no-go']),
  reason: z.string().trim().max(2000).default(''),
});

export const groupementOutcomeRequest = z.strictObject({
  outcome: z.enum(['submitted', 'won', 'lost']),
  /** The contract's value, in cents (for a won tender). */
  valueCents: cents.nullable().default(null),
});

export const memberPriceRequest = z.strictObject({ priceCents: cents });

export const priceRevisionRequest = z
  .strictObject({
    /** The cut the buyer asks, in basis points of the total price (500 = −5 %)… */
    cutBp: z.number().int().min(1).max(10_000).optional(),
    /** …or as an amount in cents. */
    cutCents: z.number().int().min(1).max(100_000_000_000_000).optional(),
    note: z.string().trim().max(2000).default(''),
  })
  .refine((value) => (value.cutBp === undefined) !== (value.cutCents === undefined), {
    path: ['cutBp'],
    message: 'give either cutBp or cutCents',
  });
export type PriceRevisionRequest = z.input<typeof priceRevisionRequest>;

export const priceRevisionAnswerRequest = z.strictObject({
  /** The member organisation answering (one of the caller's). */
  organisationId: z.uuid(),
  accepted: z.boolean(),
});

export const groupementSchema = z.object({
  id: z.uuid(),
  tenderId: z.uuid(),
  kind: groupementKindSchema,
  mandataireId: z.string().nullable(),
  status: groupementStatusSchema,
  decisionReason: z.string(),
  decidedAt: z.string().nullable(),
  outcomeValueCents: z.number().nullable(),
  outcomeAt: z.string().nullable(),
  createdAt: z.string(),
  members: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      lotIds: z.array(z.string()),
      workShareBp: z.number().int(),
      /** Null unless the caller may read it: the network's staff, or the member's own people. */
      priceCents: z.number().nullable(),
      /** The caller may read this member's price (null above then means not given yet). */
      isPriceVisible: z.boolean(),
      isMine: z.boolean(),
    }),
  ),
  /** The caller is staff or one of the members' people: documents and revision rounds. */
  isInsider: z.boolean(),
  canEdit: z.boolean(),
  canDecide: z.boolean(),
  documents: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      uploadedAt: z.string(),
      canDelete: z.boolean(),
    }),
  ),
  rounds: z.array(
    z.object({
      id: z.uuid(),
      cutBp: z.number().nullable(),
      cutCents: z.number().nullable(),
      totalCutCents: z.number(),
      basis: z.enum(['price', 'work-share']),
      note: z.string(),
      status: z.enum(['open', 'closed']),
      createdAt: z.string(),
      answers: z.array(
        z.object({
          organisationId: z.string(),
          name: z.string(),
          shareCents: z.number(),
          accepted: z.boolean().nullable(),
          answeredAt: z.string().nullable(),
          canAnswer: z.boolean(),
        }),
      ),
    }),
  ),
});
export type Groupement = z.infer<typeof groupementSchema>;

export const tenderGroupementsSchema = z.object({
  groupements: z.array(groupementSchema),
  /** The proposed groupings of the last builder run, ready to record. */
  proposals: z.array(
    z.object({
      rank: z.number().int(),
      members: z.array(
        z.object({
          organisationId: z.string(),
          name: z.string(),
          lotIds: z.array(z.string()),
          workShareBp: z.number().int(),
        }),
      ),
      /** Pairs of these members that already answered a tender together (submitted or won). */
      workedTogether: z.array(z.tuple([z.string(), z.string()])),
    }),
  ),
  canRecord: z.boolean(),
});
export type TenderGroupements = z.infer<typeof tenderGroupementsSchema>;
