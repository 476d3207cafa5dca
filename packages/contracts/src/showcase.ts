import { z } from 'zod';

/**
 * The showcase (vitrine): a public page of a network's collective offer. Staff publish it and
 * write its text; each member company chooses, part by part, what of it appears.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const optionalEmail = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value.toLowerCase())
  .pipe(z.union([z.literal(''), z.email()]))
  .nullable()
  .optional();

export const showcaseParams = z.strictObject({ slug });
export const showcaseConsentParams = z.strictObject({ slug, organisationId: z.uuid() });

export const showcaseQuery = z.strictObject({
  /** Words searched in French over the consented parts (accents and word families ignored). */
  q: z.string().trim().max(200).optional(),
  /** A competence label, as listed in `competences`. */
  competence: z.string().trim().max(200).optional(),
  /** A département code (« 76 », « 2A »). */
  departement: z
    .string()
    .trim()
    .regex(/^(?:\d{2,3}|2[AB])$/)
    .optional()
    .or(z.literal('')),
});
export type ShowcaseQuery = z.input<typeof showcaseQuery>;

const translated = z.object({ fr: z.string(), en: z.string() });

export const showcaseTerritoryLevelSchema = z.enum(['none', 'departement', 'commune']);
export type ShowcaseTerritoryLevel = z.infer<typeof showcaseTerritoryLevelSchema>;

/** What the public page shows: only published networks, only consenting companies' consented parts. */
export const publicShowcaseSchema = z.object({
  network: z.object({ slug: z.string(), name: z.string(), kind: z.string() }),
  headline: translated,
  description: translated,
  /** The network's public contact address, if it gave one. */
  contactEmail: z.string().nullable(),
  /** How many companies show something, and how many show a card with their name. */
  companyCount: z.number().int(),
  competences: z.array(z.object({ label: z.string(), companyCount: z.number().int() })),
  certifications: z.array(z.object({ name: z.string(), companyCount: z.number().int() })),
  departements: z.array(z.object({ code: z.string(), name: z.string(), companyCount: z.number().int() })),
  /** Tenders the network's companies won together as a groupement (never who they were). */
  groupingsWon: z.array(
    z.object({
      title: z.string(),
      buyer: z.string(),
      year: z.number().int().nullable(),
      companyCount: z.number().int(),
    }),
  ),
  /** The companies that match the search (all of them without one). */
  companies: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      website: z.string(),
      competences: z.array(z.string()),
      certifications: z.array(z.string()),
      references: z.array(
        z.object({
          title: z.string(),
          client: z.string(),
          year: z.number().int().nullable(),
          description: z.string(),
        }),
      ),
      commune: z.object({ code: z.string(), name: z.string() }).nullable(),
      departement: z.object({ code: z.string(), name: z.string() }).nullable(),
      point: z.object({ lon: z.number(), lat: z.number() }).nullable(),
      contactEmail: z.string().nullable(),
    }),
  ),
});
export type PublicShowcase = z.infer<typeof publicShowcaseSchema>;
export type ShowcaseCompany = PublicShowcase['companies'][number];

export const showcaseSettingsSchema = z.object({
  isPublished: z.boolean(),
  headlineFr: z.string(),
  headlineEn: z.string(),
  descriptionFr: z.string(),
  descriptionEn: z.string(),
  contactEmail: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ShowcaseSettings = z.infer<typeof showcaseSettingsSchema>;

export const showcaseConsentSchema = z.object({
  showIdentity: z.boolean(),
  showCompetences: z.boolean(),
  showCertifications: z.boolean(),
  showReferences: z.boolean(),
  territoryLevel: showcaseTerritoryLevelSchema,
  contactEmail: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ShowcaseConsent = z.infer<typeof showcaseConsentSchema>;

/** The network's showcase page for its people: the settings, and the consents they may give. */
export const showcaseAdminSchema = z.object({
  network: z.object({ slug: z.string(), name: z.string() }),
  canManage: z.boolean(),
  settings: showcaseSettingsSchema,
  /** For staff: how many member companies show something, out of how many. */
  stats: z.object({ consentingCount: z.number().int(), memberCount: z.number().int() }).nullable(),
  /** The person's own organisations in the network, with their consent. */
  myOrganisations: z.array(
    z.object({
      organisationId: z.uuid(),
      name: z.string(),
      /** Only the organisation's leaders decide what it shows. */
      canEdit: z.boolean(),
      consent: showcaseConsentSchema,
    }),
  ),
});
export type ShowcaseAdmin = z.infer<typeof showcaseAdminSchema>;

export const updateShowcaseRequest = z.strictObject({
  isPublished: z.boolean(),
  headlineFr: z.string().trim().max(200),
  headlineEn: z.string().trim().max(200),
  descriptionFr: z.string().trim().max(4000),
  descriptionEn: z.string().trim().max(4000),
  contactEmail: optionalEmail,
});
export type UpdateShowcaseRequest = z.input<typeof updateShowcaseRequest>;

export const updateShowcaseConsentRequest = z.strictObject({
  showIdentity: z.boolean(),
  showCompetences: z.boolean(),
  showCertifications: z.boolean(),
  showReferences: z.boolean(),
  territoryLevel: showcaseTerritoryLevelSchema,
  contactEmail: optionalEmail,
});
export type UpdateShowcaseConsentRequest = z.input<typeof updateShowcaseConsentRequest>;
