import { z } from 'zod';

/** Needs, offers and ideas of a network's members; the staff's shared-need board; collective projects. */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const text = (max: number) => z.string().trim().max(max);

export const needKindSchema = z.enum(['need', 'offer', 'idea']);
export type NeedKind = z.infer<typeof needKindSchema>;
export const needVisibilitySchema = z.enum(['staff', 'network', 'named']);
export type NeedVisibility = z.infer<typeof needVisibilitySchema>;
export const projectStageSchema = z.enum(['idea', 'pilot', 'project', 'industrial', 'market']);
export type ProjectStage = z.infer<typeof projectStageSchema>;
export const PROJECT_STAGES = projectStageSchema.options;

export const needParams = z.strictObject({ slug, id: z.uuid() });
export const projectParams = z.strictObject({ slug, id: z.uuid() });

const nafCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\.\d{1,2}[A-Z]?)?$/)
  .nullable();

/** The fields of a need, as written when it changes (absent: unchanged). */
const needFields = {
  kind: needKindSchema,
  title: text(200).min(1),
  description: text(4000),
  /** Ids of the competences table. */
  competenceIds: z.array(z.uuid()).max(20),
  /** At division level or below: `62`, `62.0`, `62.02`, `62.02A`. */
  nafCode,
  /** Free text with its unit: « 3 jours », « 40 postes ». */
  quantity: text(120),
  deadline: z.iso.date().nullable(),
  visibility: needVisibilitySchema,
  /** The organisations that see a 'named' need (members of the network). */
  namedOrganisationIds: z.array(z.uuid()).max(50),
};

export const createNeedRequest = z.strictObject({
  /** Needed only when I post for several organisations. */
  organisationId: z.uuid().optional(),
  kind: needFields.kind,
  title: needFields.title,
  description: needFields.description.default(''),
  competenceIds: needFields.competenceIds.default([]),
  nafCode: nafCode.default(null),
  quantity: needFields.quantity.default(''),
  deadline: needFields.deadline.default(null),
  visibility: needFields.visibility,
  namedOrganisationIds: needFields.namedOrganisationIds.default([]),
});
export type CreateNeedRequest = z.input<typeof createNeedRequest>;

export const updateNeedRequest = z.strictObject(needFields).partial();
export type UpdateNeedRequest = z.input<typeof updateNeedRequest>;

export const needSchema = z.object({
  id: z.uuid(),
  kind: needKindSchema,
  title: z.string(),
  description: z.string(),
  competenceIds: z.array(z.uuid()),
  nafCode: z.string().nullable(),
  quantity: z.string(),
  deadline: z.string().nullable(),
  visibility: needVisibilitySchema,
  namedOrganisationIds: z.array(z.uuid()),
  status: z.enum(['open', 'withdrawn']),
  organisationId: z.uuid(),
  organisationName: z.string(),
  /** Posted by one of my organisations: I may edit and withdraw it. */
  isMine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof needSchema>;

export const needListSchema = z.object({
  needs: z.array(needSchema),
  /** The organisations I post for (none when my role does not post needs). */
  myOrganisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The member organisations of the network, by name, to name who sees a 'named' need. */
  networkOrganisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  canManage: z.boolean(),
});
export type NeedList = z.infer<typeof needListSchema>;

export const boardNeedSchema = z.object({
  id: z.uuid(),
  kind: needKindSchema,
  title: z.string(),
  description: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
});

export const sharedNeedGroupSchema = z.object({
  key: z.string(),
  needs: z.array(boardNeedSchema),
  organisationCount: z.number().int(),
  /** Mean similarity of its pairs of needs from different organisations, in [0, 1]. */
  confidence: z.number(),
  sharedTerms: z.array(z.object({ term: z.string(), organisationCount: z.number().int() })),
  sharedConcepts: z.array(
    z.object({ label: z.string(), organisationCount: z.number().int(), matchedWords: z.array(z.string()) }),
  ),
  sharedCompetences: z.array(z.object({ label: z.string(), organisationCount: z.number().int() })),
  sharedNaf: z.array(z.object({ code: z.string(), organisationCount: z.number().int() })),
  pairs: z.array(
    z.object({
      needIds: z.tuple([z.uuid(), z.uuid()]),
      similarity: z.number(),
      terms: z.array(z.string()),
    }),
  ),
});
export type SharedNeedGroup = z.infer<typeof sharedNeedGroupSchema>;

export const needBoardSchema = z.object({
  groups: z.array(sharedNeedGroupSchema),
  /** How many open needs, not yet in a project, the engine compared. */
  needCount: z.number().int(),
});
export type NeedBoard = z.infer<typeof needBoardSchema>;

export const boardDecisionRequest = z.strictObject({
  /** The needs of the group (dismiss) or of every group to merge (merge). */
  needIds: z.array(z.uuid()).min(2).max(200),
});
export type BoardDecisionRequest = z.infer<typeof boardDecisionRequest>;

export const boardSplitRequest = z.strictObject({
  /** Every need of the group as the board showed it. */
  needIds: z.array(z.uuid()).min(2).max(200),
  /** The needs to take apart from the others: they stay together, never again with the rest. */
  partIds: z.array(z.uuid()).min(1).max(199),
});
export type BoardSplitRequest = z.infer<typeof boardSplitRequest>;

/** A concept of the engine's thesaurus: the default ones, and the sets staff added. */
export const synonymSetSchema = z.object({
  /** Null for a default concept (not editable). */
  id: z.uuid().nullable(),
  conceptId: z.string(),
  label: z.string(),
  terms: z.array(z.string()),
  /** Where it comes from: Meute's default thesaurus, or this network's staff. */
  source: z.enum(['default', 'network']),
});
export type SynonymSet = z.infer<typeof synonymSetSchema>;
export const thesaurusSchema = z.object({ sets: z.array(synonymSetSchema) });
export type NetworkThesaurus = z.infer<typeof thesaurusSchema>;

export const saveSynonymSetRequest = z.strictObject({
  /** A default concept's id to extend it; omitted for a concept of the network's own. */
  conceptId: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  label: text(120).min(1),
  /** Words or phrases meaning the same thing, as people write them. */
  terms: z.array(text(80).min(1)).min(1).max(50),
});
export type SaveSynonymSetRequest = z.infer<typeof saveSynonymSetRequest>;
export const synonymSetParams = z.strictObject({ slug, id: z.uuid() });

export const createProjectRequest = z.strictObject({
  title: text(200).min(1),
  description: text(4000).default(''),
  /** The needs the project answers: their organisations are invited. */
  needIds: z.array(z.uuid()).max(200).default([]),
  leadOrganisationId: z.uuid().nullable().default(null),
});
export type CreateProjectRequest = z.input<typeof createProjectRequest>;

export const updateProjectRequest = z.strictObject({ stage: projectStageSchema });

export const projectSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  stage: projectStageSchema,
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectListSchema = z.object({ projects: z.array(projectSummarySchema) });

export const projectDetailSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  stage: projectStageSchema,
  leadOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  members: z.array(
    z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      status: z.enum(['invited', 'joined', 'declined']),
    }),
  ),
  /** The linked needs I may see. */
  needs: z.array(
    z.object({ id: z.uuid(), kind: needKindSchema, title: z.string(), organisationName: z.string() }),
  ),
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
