import { z } from 'zod';

/**
 * Aid schemes (dispositifs d'aide): a network's catalogue of public funding schemes with their
 * eligibility rule, and which of them my organisations and a collective project may claim, why.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const text = (max: number) => z.string().trim().max(max);
const cents = z.number().int().min(0).max(1e15);

export const aidSchemeLevelSchema = z.enum(['territorial', 'national', 'european']);
export type AidSchemeLevel = z.infer<typeof aidSchemeLevelSchema>;

export const aidSchemeParams = z.strictObject({ slug, id: z.uuid() });
export const aidSchemeListQuery = z.strictObject({
  /** `1`: the archived schemes too (staff). */
  archived: z.enum(['0', '1']).optional(),
});
export const projectAidSchemesQuery = z.strictObject({
  /** The aid the project would ask for, in cents, to check the schemes' amount bounds. */
  amountCents: z.coerce.number().int().min(0).max(1e15).optional(),
});

/** The rule and description of a scheme, as staff write it. */
const aidSchemeFields = {
  name: text(200).min(1),
  funder: text(200),
  level: aidSchemeLevelSchema,
  description: text(4000),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  /** TPE, PME, ETI, GE; empty: every size. */
  categories: z.array(z.string().max(10)).max(4),
  /** NAF section letters (A–U). */
  nafSections: z.array(z.string().max(5)).max(21),
  /** NAF divisions, two digits. */
  nafDivisions: z.array(z.string().max(5)).max(100),
  /** INSEE région codes; régions and départements empty: all France. */
  regions: z.array(z.string().max(5)).max(20),
  departements: z.array(z.string().max(5)).max(110),
  projectStages: z.array(z.string().max(20)).max(5),
  amountMinCents: cents.nullable(),
  amountMaxCents: cents.nullable(),
  opensOn: z.iso.date().nullable(),
  closesOn: z.iso.date().nullable(),
};

export const createAidSchemeRequest = z.strictObject({
  name: aidSchemeFields.name,
  funder: aidSchemeFields.funder.default(''),
  level: aidSchemeFields.level,
  description: aidSchemeFields.description.default(''),
  url: aidSchemeFields.url.default(''),
  categories: aidSchemeFields.categories.default([]),
  nafSections: aidSchemeFields.nafSections.default([]),
  nafDivisions: aidSchemeFields.nafDivisions.default([]),
  regions: aidSchemeFields.regions.default([]),
  departements: aidSchemeFields.departements.default([]),
  projectStages: aidSchemeFields.projectStages.default([]),
  amountMinCents: aidSchemeFields.amountMinCents.default(null),
  amountMaxCents: aidSchemeFields.amountMaxCents.default(null),
  opensOn: aidSchemeFields.opensOn.default(null),
  closesOn: aidSchemeFields.closesOn.default(null),
});
export type CreateAidSchemeRequest = z.input<typeof createAidSchemeRequest>;

export const updateAidSchemeRequest = z.strictObject(aidSchemeFields).partial();
export type UpdateAidSchemeRequest = z.input<typeof updateAidSchemeRequest>;

export const aidSchemeSchema = z.object({
  id: z.uuid(),
  /** The network whose catalogue holds the scheme: this one, or its federation. */
  network: z.object({ slug: z.string(), name: z.string() }),
  /** Kept by the federation, read by its networks. */
  isFromFederation: z.boolean(),
  name: z.string(),
  funder: z.string(),
  level: aidSchemeLevelSchema,
  description: z.string(),
  url: z.string(),
  categories: z.array(z.string()),
  nafSections: z.array(z.string()),
  nafDivisions: z.array(z.string()),
  regions: z.array(z.string()),
  departements: z.array(z.string()),
  projectStages: z.array(z.string()),
  amountMinCents: z.number().nullable(),
  amountMaxCents: z.number().nullable(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  isClosed: z.boolean(),
  archivedAt: z.string().nullable(),
  /** Whether I may change or archive it (the staff of the network that keeps it). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AidScheme = z.infer<typeof aidSchemeSchema>;

export const aidSchemeListSchema = z.object({
  schemes: z.array(aidSchemeSchema),
  canManage: z.boolean(),
  /** The day the closing dates are compared with, `YYYY-MM-DD`. */
  today: z.string(),
});
export type AidSchemeList = z.infer<typeof aidSchemeListSchema>;

export const aidCriterionSchema = z.enum(['dates', 'category', 'naf', 'territory', 'stage', 'amount']);
export type AidCriterion = z.infer<typeof aidCriterionSchema>;

/** One criterion of a match: its outcome and why, with the values a sentence needs. */
export const aidCriterionCheckSchema = z.object({
  criterion: aidCriterionSchema,
  status: z.enum(['matched', 'failed', 'unknown']),
  reason: z.string(),
  /** The reason's values: codes, amounts in cents, dates; lists joined with ", ". */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  organisation: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type AidCriterionCheck = z.infer<typeof aidCriterionCheckSchema>;

export const aidSchemeMatchSchema = z.object({
  scheme: aidSchemeSchema,
  verdict: z.enum(['eligible', 'not-eligible', 'unknown']),
  checks: z.array(aidCriterionCheckSchema),
});
export type AidSchemeMatch = z.infer<typeof aidSchemeMatchSchema>;

export const myAidSchemesSchema = z.object({
  today: z.string(),
  organisations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      /** Eligible first, then possibly (unknown), then not eligible; closed schemes left out. */
      matches: z.array(aidSchemeMatchSchema),
    }),
  ),
});
export type MyAidSchemes = z.infer<typeof myAidSchemesSchema>;

export const projectAidSchemesSchema = z.object({
  today: z.string(),
  project: z.object({ id: z.uuid(), title: z.string(), stage: z.string() }),
  requestedAmountCents: z.number().nullable(),
  matches: z.array(aidSchemeMatchSchema),
});
export type ProjectAidSchemes = z.infer<typeof projectAidSchemesSchema>;
