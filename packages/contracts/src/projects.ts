import { z } from 'zod';
import { projectStageSchema } from './needs.ts';

/**
 * The life of a collective project: its stage log, lead organisation, team, milestones, budget
 * (expenses and co-financing), documents, decisions and outcomes, funder indicators, and the
 * networks it spans. The pipeline is the board of a network's projects by stage.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const text = (max: number) => z.string().trim().max(max);
/** Whole euro cents, up to a thousand billion euros. */
const cents = z.number().int().min(0).max(100_000_000_000_000);

/** A document's size cap: 10 MB. */
export const MAX_PROJECT_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const projectItemParams = z.strictObject({ slug, id: z.uuid(), itemId: z.uuid() });

export const budgetKindSchema = z.enum(['expense', 'funding']);
export type BudgetKind = z.infer<typeof budgetKindSchema>;
export const fundingStatusSchema = z.enum(['planned', 'requested', 'obtained']);
export type FundingStatus = z.infer<typeof fundingStatusSchema>;
export const projectEventKindSchema = z.enum(['decision', 'outcome', 'stage-change']);
export type ProjectEventKind = z.infer<typeof projectEventKindSchema>;
/** Counts, except the *-cents kinds (euro cents). */
export const indicatorKindSchema = z.enum([
  'jobs-kept',
  'jobs-created',
  'trainees',
  'local-purchases-cents',
  'amount-raised-cents',
]);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;
export const INDICATOR_KINDS = indicatorKindSchema.options;

// Requests -----------------------------------------------------------------------------------

export const changeStageRequest = z.strictObject({
  stage: projectStageSchema,
  /** Why, written in the log with the change. */
  note: text(1000).default(''),
});
export type ChangeStageRequest = z.input<typeof changeStageRequest>;

export const setLeadRequest = z.strictObject({ organisationId: z.uuid().nullable() });
export type SetLeadRequest = z.infer<typeof setLeadRequest>;

export const respondToProjectRequest = z.strictObject({
  organisationId: z.uuid(),
  status: z.enum(['joined', 'declined']),
});
export type RespondToProjectRequest = z.infer<typeof respondToProjectRequest>;

export const inviteToProjectRequest = z.strictObject({ organisationId: z.uuid() });
export type InviteToProjectRequest = z.infer<typeof inviteToProjectRequest>;

export const milestoneRequest = z.strictObject({
  title: text(200).min(1),
  dueOn: z.iso.date().nullable().default(null),
});
export type MilestoneRequest = z.input<typeof milestoneRequest>;
export const updateMilestoneRequest = z.strictObject({
  title: text(200).min(1).optional(),
  dueOn: z.iso.date().nullable().optional(),
  isDone: z.boolean().optional(),
});
export type UpdateMilestoneRequest = z.infer<typeof updateMilestoneRequest>;

export const budgetLineRequest = z.strictObject({
  kind: budgetKindSchema,
  label: text(200).min(1),
  amountCents: cents,
  /** Funding lines only: who finances, and how far the request got. */
  funderName: text(200).nullable().default(null),
  fundingStatus: fundingStatusSchema.nullable().default(null),
});
export type BudgetLineRequest = z.input<typeof budgetLineRequest>;
export const updateBudgetLineRequest = z.strictObject({
  label: text(200).min(1).optional(),
  amountCents: cents.optional(),
  funderName: text(200).nullable().optional(),
  fundingStatus: fundingStatusSchema.nullable().optional(),
});
export type UpdateBudgetLineRequest = z.infer<typeof updateBudgetLineRequest>;

export const projectEventRequest = z.strictObject({
  /** Stage changes are logged by the stage route only. */
  kind: z.enum(['decision', 'outcome']),
  text: text(4000).min(1),
  occurredOn: z.iso.date(),
});
export type ProjectEventRequest = z.infer<typeof projectEventRequest>;

export const indicatorRequest = z.strictObject({
  kind: indicatorKindSchema,
  value: cents,
  periodOn: z.iso.date(),
  note: text(1000).default(''),
});
export type IndicatorRequest = z.input<typeof indicatorRequest>;
export const updateIndicatorRequest = z.strictObject({
  value: cents.optional(),
  periodOn: z.iso.date().optional(),
  note: text(1000).optional(),
});
export type UpdateIndicatorRequest = z.infer<typeof updateIndicatorRequest>;

export const spanNetworkRequest = z.strictObject({ networkSlug: slug });
export type SpanNetworkRequest = z.infer<typeof spanNetworkRequest>;

// Responses ----------------------------------------------------------------------------------

export const milestoneSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const budgetLineSchema = z.object({
  id: z.uuid(),
  kind: budgetKindSchema,
  label: z.string(),
  amountCents: z.number(),
  funderName: z.string().nullable(),
  fundingStatus: fundingStatusSchema.nullable(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const budgetTotalsSchema = z.object({
  expensesCents: z.number(),
  obtainedCents: z.number(),
  requestedCents: z.number(),
  plannedCents: z.number(),
  /** Expenses not yet covered by obtained funding (never below zero). */
  gapCents: z.number(),
});
export type BudgetTotals = z.infer<typeof budgetTotalsSchema>;

export const projectDocumentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type ProjectDocument = z.infer<typeof projectDocumentSchema>;

export const projectEventSchema = z.object({
  id: z.uuid(),
  kind: projectEventKindSchema,
  text: z.string(),
  occurredOn: z.string(),
  fromStage: projectStageSchema.nullable(),
  toStage: projectStageSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type ProjectEvent = z.infer<typeof projectEventSchema>;

export const indicatorSchema = z.object({
  id: z.uuid(),
  kind: indicatorKindSchema,
  value: z.number(),
  periodOn: z.string(),
  note: z.string(),
});
export type ProjectIndicator = z.infer<typeof indicatorSchema>;

export const projectTeamMemberSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(['invited', 'joined', 'declined']),
  /** Whether the person asking belongs to it (and so may answer an invitation). */
  isMine: z.boolean(),
});

/** Everything the project page shows, in one read; the `can*` flags say what the caller may do. */
export const projectLifeSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  stage: projectStageSchema,
  homeNetwork: z.object({ slug: z.string(), name: z.string() }),
  spannedNetworks: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string() })),
  leadOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  team: z.array(projectTeamMemberSchema),
  /** Empty unless the caller may see the working files (staff, joined organisations). */
  milestones: z.array(milestoneSchema),
  budgetLines: z.array(budgetLineSchema),
  budget: budgetTotalsSchema,
  documents: z.array(projectDocumentSchema),
  events: z.array(projectEventSchema),
  indicators: z.array(indicatorSchema),
  canManage: z.boolean(),
  canWrite: z.boolean(),
  canChangeStage: z.boolean(),
  canSeeWork: z.boolean(),
  createdAt: z.string(),
});
export type ProjectLife = z.infer<typeof projectLifeSchema>;

export const pipelineCardSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  stage: projectStageSchema,
  leadOrganisationName: z.string().nullable(),
  /** Organisations that joined. */
  teamSize: z.number(),
  nextMilestone: z.object({ title: z.string(), dueOn: z.string().nullable() }).nullable(),
  /** Null when the caller may not see the budget, or there is no budget yet. */
  gapCents: z.number().nullable(),
  /** Another network's project that spans this one. */
  homeNetworkName: z.string().nullable(),
});
export type PipelineCard = z.infer<typeof pipelineCardSchema>;
export const pipelineSchema = z.object({
  canManage: z.boolean(),
  projects: z.array(pipelineCardSchema),
});
export type ProjectPipeline = z.infer<typeof pipelineSchema>;
