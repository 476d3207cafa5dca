import { COMPANY_CATEGORIES, HEADCOUNT_BAND_CODES } from '@meute/domain';
import { z } from 'zod';
import { networkKindSchema } from './networks.ts';

/** Members and directory: organisation profiles, search, applications, dues, network settings. */

export const categorySchema = z.enum(COMPANY_CATEGORIES);
export const headcountBandSchema = z.enum(HEADCOUNT_BAND_CODES);
export const siretSchema = z.string().regex(/^\d{14}$/, { error: '14 chiffres / 14 digits' });
export const nafCodeSchema = z.string().regex(/^\d{2}\.\d{2}[A-Z]$/, { error: 'ex. 62.01Z' });
export const communeCodeSchema = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, { error: 'code INSEE / INSEE code' });
const text = (max: number) => z.string().trim().max(max);

export const placeSchema = z.object({ code: z.string(), name: z.string() });
export const pointSchema = z.object({ lon: z.number(), lat: z.number() });

export const matchReasonSchema = z.object({
  kind: z.enum(['name', 'competence', 'description', 'certification', 'reference', 'distance']),
  detail: z.string(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const organisationSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['company', 'partner']),
  siret: z.string().nullable(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  category: categorySchema.nullable(),
  headcountBand: z.string().nullable(),
  commune: placeSchema.nullable(),
  departement: placeSchema.nullable(),
  point: pointSchema.nullable(),
  competences: z.array(z.string()),
  certifications: z.array(z.string()),
  distanceKm: z.number().nullable(),
  matched: z.array(matchReasonSchema),
});
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;

const facetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValueSchema>;

export const directorySearchQuery = z.strictObject({
  network: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  q: text(200).optional(),
  nafSection: z
    .string()
    .regex(/^[A-U]$/)
    .optional(),
  nafDivision: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  category: categorySchema.optional(),
  departement: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/)
    .optional(),
  region: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  epci: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  competence: z.uuid().optional(),
  certification: text(120).optional(),
  near: communeCodeSchema.optional(),
  km: z.coerce.number().min(1).max(1000).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DirectorySearchQuery = z.infer<typeof directorySearchQuery>;

export const directorySearchResultSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  near: z.object({ code: z.string(), name: z.string(), point: pointSchema.nullable() }).nullable(),
  results: z.array(organisationSummarySchema),
  facets: z.object({
    nafSections: z.array(facetValueSchema),
    categories: z.array(facetValueSchema),
    departements: z.array(facetValueSchema),
    competences: z.array(facetValueSchema),
    certifications: z.array(facetValueSchema),
  }),
});
export type DirectorySearchResult = z.infer<typeof directorySearchResultSchema>;

export const directoryMapSchema = z.object({
  points: z.array(z.object({ id: z.uuid(), name: z.string(), lon: z.number(), lat: z.number() })),
  truncated: z.boolean(),
});

export const exportQuery = directorySearchQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

// Organisation profile -------------------------------------------------------------------------

export const certificationSchema = z.object({
  name: text(120).min(1),
  expiresOn: z.iso.date().nullable(),
});
export const capacitySchema = z.object({
  label: text(200).min(1),
  quantity: z.number().int().min(0).max(1_000_000).nullable(),
  freePercent: z.number().int().min(0).max(100).nullable(),
});
export const referenceSchema = z.object({
  title: text(200).min(1),
  client: text(200),
  year: z.number().int().min(1900).max(2100).nullable(),
  description: text(2000),
});

export const organisationPersonSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  jobTitle: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isLeader: z.boolean(),
});

export const organisationProfileSchema = organisationSummarySchema.extend({
  description: z.string(),
  website: z.string(),
  epci: placeSchema.nullable(),
  region: placeSchema.nullable(),
  nafPath: z.array(z.object({ level: z.string(), code: z.string(), label: z.string() })),
  competenceItems: z.array(z.object({ id: z.uuid(), label: z.string() })),
  freeCompetences: z.array(z.string()),
  certificationItems: z.array(certificationSchema),
  capacities: z.array(capacitySchema),
  references: z.array(referenceSchema),
  people: z.array(organisationPersonSchema),
  networks: z.array(z.object({ slug: z.string(), name: z.string() })),
  canEdit: z.boolean(),
});
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>;

export const updateOrganisationRequest = z.strictObject({
  name: text(200).min(1).optional(),
  siret: siretSchema.nullable().optional(),
  nafCode: nafCodeSchema.nullable().optional(),
  headcountBand: headcountBandSchema.nullable().optional(),
  communeCode: communeCodeSchema.nullable().optional(),
  description: text(5000).optional(),
  website: z.union([z.literal(''), z.url().max(300)]).optional(),
  competenceIds: z.array(z.uuid()).max(100).optional(),
  freeCompetences: z.array(text(80).min(1)).max(50).optional(),
  certifications: z.array(certificationSchema).max(50).optional(),
  capacities: z.array(capacitySchema).max(50).optional(),
  references: z.array(referenceSchema).max(50).optional(),
});
export type UpdateOrganisationRequest = z.infer<typeof updateOrganisationRequest>;

export const organisationParams = z.strictObject({ id: z.uuid() });

export const visibilitySchema = z.enum(['members', 'staff', 'nobody']);
export const updateContactRequest = z.strictObject({
  phone: text(40).optional(),
  jobTitle: text(120).optional(),
  emailVisibility: visibilitySchema.optional(),
  phoneVisibility: visibilitySchema.optional(),
});
export const contactSchema = z.object({
  phone: z.string(),
  jobTitle: z.string(),
  emailVisibility: visibilitySchema,
  phoneVisibility: visibilitySchema,
});

// Network settings, charter, applications, dues ----------------------------------------------------

export const territoryKindSchema = z.enum(['region', 'departement', 'epci', 'commune']);

export const networkSettingsSchema = z.object({
  territory: z.object({ kind: territoryKindSchema, code: z.string(), label: z.string() }).nullable(),
  entryFeeCents: z.number().int(),
  yearlyDuesCents: z.number().int(),
  minStaff: z.number().int().nullable(),
  maxStaff: z.number().int().nullable(),
  isOpenToApplications: z.boolean(),
  /** The club's rule: no commercial offers between members (no « sell » feature for them). */
  noBusiness: z.boolean(),
  charter: z.object({ version: z.number().int(), body: z.string(), createdAt: z.iso.datetime() }).nullable(),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

export const updateNetworkSettingsRequest = z
  .strictObject({
    name: text(120).min(2).optional(),
    description: text(2000).optional(),
    territory: z
      .object({ kind: territoryKindSchema, code: z.string().regex(/^[0-9AB]{2,9}$/) })
      .nullable()
      .optional(),
    entryFeeCents: z.number().int().min(0).max(100_000_000).optional(),
    yearlyDuesCents: z.number().int().min(0).max(100_000_000).optional(),
    minStaff: z.number().int().min(0).max(1_000_000).nullable().optional(),
    maxStaff: z.number().int().min(0).max(1_000_000).nullable().optional(),
    isOpenToApplications: z.boolean().optional(),
    noBusiness: z.boolean().optional(),
  })
  .refine((v) => v.minStaff == null || v.maxStaff == null || v.minStaff <= v.maxStaff, {
    path: ['maxStaff'],
    error: 'maxStaff < minStaff',
  });

export const publishCharterRequest = z.strictObject({ body: text(50_000).min(10) });

export const createNetworkRequest = z.strictObject({
  name: text(120).min(2),
  kind: networkKindSchema,
  parentSlug: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .nullable()
    .optional(),
  description: text(2000).optional(),
});

export const openNetworkSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: networkKindSchema,
  description: z.string(),
  territoryLabel: z.string().nullable(),
  entryFeeCents: z.number().int(),
  yearlyDuesCents: z.number().int(),
  minStaff: z.number().int().nullable(),
  maxStaff: z.number().int().nullable(),
  charter: z.object({ version: z.number().int(), body: z.string() }).nullable(),
  myApplication: z.object({ status: z.string(), createdAt: z.iso.datetime() }).nullable(),
  isMember: z.boolean(),
});
export const openNetworkListSchema = z.object({ networks: z.array(openNetworkSchema) });

export const applyRequest = z.strictObject({
  organisation: z.strictObject({
    siret: siretSchema,
    name: text(200).min(1),
    headcountBand: headcountBandSchema.nullable().optional(),
    nafCode: nafCodeSchema.nullable().optional(),
    communeCode: communeCodeSchema.nullable().optional(),
  }),
  message: text(2000).default(''),
  acceptedCharterVersion: z.number().int().positive().nullable(),
});

export const sizeFitSchema = z.enum(['yes', 'no', 'unknown']);
export const applicationSchema = z.object({
  id: z.uuid(),
  organisation: z.object({
    id: z.uuid(),
    name: z.string(),
    siret: z.string().nullable(),
    headcountBand: z.string().nullable(),
    category: categorySchema.nullable(),
  }),
  applicant: z.object({ displayName: z.string(), email: z.string() }),
  message: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  charterVersion: z.number().int().nullable(),
  sizeFit: sizeFitSchema,
  decisionReason: z.string(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type Application = z.infer<typeof applicationSchema>;
export const applicationListSchema = z.object({ applications: z.array(applicationSchema) });

export const decideApplicationRequest = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: text(2000).default('') })
  .refine((v) => v.decision === 'approve' || v.reason.length > 0, {
    path: ['reason'],
    error: 'reason required',
  });
export const applicationParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/),
  id: z.uuid(),
});

export const memberOrganisationSchema = z.object({
  organisation: z.object({
    id: z.uuid(),
    name: z.string(),
    siret: z.string().nullable(),
    category: categorySchema.nullable(),
    headcountBand: z.string().nullable(),
    commune: z.string().nullable(),
  }),
  joinedAt: z.iso.datetime(),
  charterVersion: z.number().int().nullable(),
  charterAcceptedBy: z.string().nullable(),
  charterAcceptedAt: z.iso.datetime().nullable(),
  entryFee: z.object({ amountCents: z.number().int(), paidAt: z.iso.datetime().nullable() }).nullable(),
  yearlyDues: z.object({ amountCents: z.number().int(), paidAt: z.iso.datetime().nullable() }).nullable(),
});
export const memberOrganisationListSchema = z.object({
  year: z.number().int(),
  members: z.array(memberOrganisationSchema),
});

export const recordDuesRequest = z.strictObject({
  organisationId: z.uuid(),
  kind: z.enum(['entry', 'yearly']),
  year: z.number().int().min(2000).max(2100),
  amountCents: z.number().int().min(0).max(100_000_000),
  paid: z.boolean(),
});

export const competenceSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  isShared: z.boolean(),
  organisationCount: z.number().int(),
});
export const competenceListSchema = z.object({ competences: z.array(competenceSchema) });
export const createCompetenceRequest = z.strictObject({ label: text(80).min(2) });

export const networkStatsSchema = z.object({
  memberCount: z.number().int(),
  bySection: z.array(facetValueSchema),
  byCategory: z.array(facetValueSchema),
  byDepartement: z.array(facetValueSchema),
});

// Reference data -------------------------------------------------------------------------------------

export const nafSuggestionSchema = z.object({ code: z.string(), label: z.string(), level: z.string() });
export const communeSuggestionSchema = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  postalCodes: z.array(z.string()),
});
export const referenceQuery = z.strictObject({ q: text(100).min(1) });

// Imports -----------------------------------------------------------------------------------------

export const importKindSchema = z.enum(['sirene', 'members']);
export const importQuery = z.strictObject({
  kind: importKindSchema,
  /** SIRENE only: also import closed establishments (etatAdministratifEtablissement = F). */
  includeClosed: z.enum(['true', 'false']).optional(),
  /**
   * SIRENE only: every establishment of the file becomes a member of the network. Without, the
   * file becomes the network's SIRENE register, from which staff take members in.
   */
  members: z.enum(['true', 'false']).optional(),
});

export const importErrorSchema = z.object({
  /** Line of the file, counting the header as line 1. */
  line: z.number().int(),
  column: z.string(),
  reason: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

/** An import is all or nothing: with any error, nothing is written and every bad row is listed. */
export const importReportSchema = z.object({
  status: z.enum(['imported', 'rejected']),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** SIRENE: how many establishments the network's SIRENE register now holds. */
  register: z.number().int().optional(),
  errors: z.array(importErrorSchema),
  /** How many errors there were in all (the list stops at 1,000). */
  errorCount: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
