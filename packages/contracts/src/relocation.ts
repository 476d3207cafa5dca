import { z } from 'zod';

/**
 * The relocation challenge (« défi de relocalisation »): what a member buys outside the network,
 * the member companies proposed to supply it, and the staff's dashboard. A member's lines are
 * confidential to its people and the network's staff.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const text = (max: number) => z.string().trim().max(max);
/** A yearly amount in euro cents: at most 10 billion euros. */
const cents = z.int().min(0).max(1_000_000_000_000);

export const externalSupplierStatusSchema = z.enum(['open', 'in-talks', 'replaced', 'dropped']);
export type ExternalSupplierStatus = z.infer<typeof externalSupplierStatusSchema>;
export const EXTERNAL_SUPPLIER_STATUSES = externalSupplierStatusSchema.options;

export const externalSupplierParams = z.strictObject({ slug, id: z.uuid() });

const nafCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\.\d{1,2}[A-Z]?)?$/)
  .nullable();

const supplierFields = {
  /** What is bought, in the member's words. */
  what: text(200).min(1),
  /** At division level or below: `25`, `25.62`, `25.62B`. */
  nafCode,
  /** Ids of the competences table. */
  competenceIds: z.array(z.uuid()).max(20),
  /** Certifications a supplier must hold (« ISO 9001 »). */
  requiredCertifications: z.array(text(80).min(1)).max(10),
  /** The outside supplier's name: confidential to the member and the staff. */
  supplierName: text(200),
  /** Its commune or place (« Lyon », « Allemagne »). */
  supplierPlace: text(200),
  yearlyAmountCents: cents,
};

export const createExternalSupplierRequest = z.strictObject({
  /** Needed only when I buy for several organisations of the network. */
  organisationId: z.uuid().optional(),
  what: supplierFields.what,
  nafCode: nafCode.default(null),
  competenceIds: supplierFields.competenceIds.default([]),
  requiredCertifications: supplierFields.requiredCertifications.default([]),
  supplierName: supplierFields.supplierName.default(''),
  supplierPlace: supplierFields.supplierPlace.default(''),
  yearlyAmountCents: supplierFields.yearlyAmountCents,
});
export type CreateExternalSupplierRequest = z.input<typeof createExternalSupplierRequest>;

export const updateExternalSupplierRequest = z.strictObject(supplierFields).partial();
export type UpdateExternalSupplierRequest = z.input<typeof updateExternalSupplierRequest>;

/** Where a line stands: 'replaced' names the member company and the yearly amount brought back. */
export const externalSupplierStatusRequest = z.strictObject({
  status: externalSupplierStatusSchema,
  replacedByOrganisationId: z.uuid().nullable().optional(),
  amountBroughtBackCents: cents.nullable().optional(),
});
export type ExternalSupplierStatusRequest = z.input<typeof externalSupplierStatusRequest>;

const organisationRef = z.object({ id: z.uuid(), name: z.string() });

export const externalSupplierSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  what: z.string(),
  nafCode: z.string().nullable(),
  competences: z.array(z.object({ id: z.uuid(), label: z.string() })),
  requiredCertifications: z.array(z.string()),
  supplierName: z.string(),
  supplierPlace: z.string(),
  yearlyAmountCents: z.number(),
  status: externalSupplierStatusSchema,
  replacedBy: organisationRef.nullable(),
  amountBroughtBackCents: z.number().nullable(),
  replacedAt: z.string().nullable(),
  /** Whether I may change it (a leader or employee of the buying member). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExternalSupplier = z.infer<typeof externalSupplierSchema>;

export const relocationFiguresSchema = z.object({
  organisationCount: z.number(),
  lineCount: z.number(),
  replacedCount: z.number(),
  listedCents: z.number(),
  broughtBackCents: z.number(),
});
export type RelocationFigures = z.infer<typeof relocationFiguresSchema>;

export const relocationOverviewSchema = z.object({
  /** My organisations' lines; every member's for staff. */
  lines: z.array(externalSupplierSchema),
  /** The organisations I list suppliers for (leader or employee of a member company). */
  myOrganisations: z.array(organisationRef),
  /** The network's totals, or null while they would reveal a member (see hiddenReason). */
  networkTotals: relocationFiguresSchema.nullable(),
  hiddenReason: z.enum(['TOO_FEW_ORGANISATIONS', 'DOMINANT_ORGANISATION']).nullable(),
  canManage: z.boolean(),
});
export type RelocationOverview = z.infer<typeof relocationOverviewSchema>;

export const supplierProposalSchema = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  commune: z.string().nullable(),
  departement: z.string().nullable(),
  nafCode: z.string().nullable(),
  score: z.number(),
  matchedWords: z.array(z.string()),
  matchedCompetences: z.array(z.string()),
  nafMatch: z.enum(['class', 'group', 'division']).nullable(),
  certificationsHeld: z.array(z.string()),
  certificationsExpired: z.array(z.string()),
  certificationsMissing: z.array(z.string()),
  distanceKm: z.number().nullable(),
});
export type SupplierProposal = z.infer<typeof supplierProposalSchema>;

export const supplierProposalListSchema = z.object({ proposals: z.array(supplierProposalSchema) });
export type SupplierProposalList = z.infer<typeof supplierProposalListSchema>;

export const relocationDashboardSchema = z.object({
  totals: relocationFiguresSchema,
  byDepartement: z.array(
    relocationFiguresSchema.extend({ code: z.string().nullable(), name: z.string().nullable() }),
  ),
  byMember: z.array(
    relocationFiguresSchema.omit({ organisationCount: true }).extend({
      organisationId: z.uuid(),
      organisationName: z.string(),
      departement: z.string().nullable(),
    }),
  ),
  /** « Purchases made locally »: the yearly amount brought back, by year of replacement. */
  byYear: z.array(z.object({ year: z.number(), replacedCount: z.number(), broughtBackCents: z.number() })),
});
export type RelocationDashboard = z.infer<typeof relocationDashboardSchema>;
