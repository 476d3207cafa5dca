import { z } from 'zod';

/**
 * Questions to peers (« qui a déjà changé d'ERP ? »): a member asks, Meute suggests the members
 * who have lived it and says why, the asker picks whom to route it to; each routed person answers
 * or declines. Read by the asker, the people it was routed to and the network's staff.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const peerQuestionsParams = z.strictObject({ slug });
export const peerQuestionParams = z.strictObject({ slug, id: z.uuid() });

export const QUESTION_TITLE_MAX = 200;
export const QUESTION_BODY_MAX = 5000;
export const QUESTION_MAX_RECIPIENTS = 20;

const questionTitle = z.string().trim().min(3).max(QUESTION_TITLE_MAX);
const questionBody = z.string().trim().max(QUESTION_BODY_MAX);

export const suggestPeersRequest = z.strictObject({
  title: questionTitle,
  body: questionBody.default(''),
});
export type SuggestPeersRequest = z.input<typeof suggestPeersRequest>;

export const askPeersRequest = z.strictObject({
  title: questionTitle,
  body: questionBody.default(''),
  /** Whom to route the question to: people of the network, picked among the suggestions or by hand. */
  recipients: z.array(z.uuid()).max(QUESTION_MAX_RECIPIENTS),
});
export type AskPeersRequest = z.input<typeof askPeersRequest>;

export const answerQuestionRequest = z.strictObject({ body: z.string().trim().min(1).max(10_000) });
export type AnswerQuestionRequest = z.infer<typeof answerQuestionRequest>;

export const declineQuestionRequest = z.strictObject({
  reason: z.string().trim().max(1000).default(''),
  /** Whether the asker may read the reason; otherwise they only see « declined ». */
  reasonIsPublic: z.boolean().default(false),
});
export type DeclineQuestionRequest = z.input<typeof declineQuestionRequest>;

// Responses ---------------------------------------------------------------------------------

export const peerEvidenceKindSchema = z.enum([
  'report',
  'group',
  'competence',
  'job-title',
  'codir-role',
  'organisation',
  'naf',
]);
export type PeerEvidenceKindName = z.infer<typeof peerEvidenceKindSchema>;

export const peerReasonSchema = z.object({
  kind: peerEvidenceKindSchema,
  label: z.string(),
  matched: z.array(z.string()),
});
export type PeerReasonView = z.infer<typeof peerReasonSchema>;

export const peerSuggestionSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  organisationName: z.string().nullable(),
  jobTitle: z.string(),
  score: z.number(),
  reasons: z.array(peerReasonSchema),
});
export type PeerSuggestionView = z.infer<typeof peerSuggestionSchema>;

export const peerSuggestionsSchema = z.object({
  suggestions: z.array(peerSuggestionSchema),
  /** How many suggestions the form ticks by default. */
  defaultPicks: z.number().int(),
});
export type PeerSuggestions = z.infer<typeof peerSuggestionsSchema>;

export const routeStatusSchema = z.enum(['pending', 'answered', 'declined']);
export type RouteStatus = z.infer<typeof routeStatusSchema>;

export const questionRouteSchema = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  status: routeStatusSchema,
  why: z.string(),
  /** Only when given as public, or to the person who declined. */
  declineReason: z.string().nullable(),
  respondedAt: z.string().nullable(),
});
export type QuestionRoute = z.infer<typeof questionRouteSchema>;

export const questionAnswerSchema = z.object({
  id: z.uuid(),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;

export const questionSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  asker: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  routed: z.number().int(),
  answered: z.number().int(),
  declined: z.number().int(),
  /** For a question routed to the caller: their own status. */
  myStatus: routeStatusSchema.nullable(),
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const questionListsSchema = z.object({
  asked: z.array(questionSummarySchema),
  routedToMe: z.array(questionSummarySchema),
  /** Every question of the network, for its staff; null for everyone else. */
  network: z.array(questionSummarySchema).nullable(),
  /** False when the caller has no member organisation in the network: they cannot ask. */
  canAsk: z.boolean(),
});
export type QuestionLists = z.infer<typeof questionListsSchema>;

export const questionDetailSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  asker: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  isAsker: z.boolean(),
  /** Every route for the asker and staff; only their own for a routed person. */
  routes: z.array(questionRouteSchema),
  answers: z.array(questionAnswerSchema),
  myStatus: routeStatusSchema.nullable(),
});
export type QuestionDetail = z.infer<typeof questionDetailSchema>;
