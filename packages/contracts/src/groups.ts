import { z } from 'zod';

/**
 * Working groups (« groupes de travail à géométrie variable »): themes, audience, charter and
 * members, and what members say there — threads, experience reports, replies, reactions,
 * mentions, attached files — with Chatham House posts and the leaders' moderation.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
const text = (max: number) => z.string().trim().max(max);

/** An attached file's size cap: 10 MB. */
export const MAX_GROUP_FILE_BYTES = 10 * 1024 * 1024;
/** Threads per page of a group's discussions. */
export const GROUP_THREADS_PAGE_SIZE = 30;

export const codirRoleSchema = z.enum(['ceo', 'it', 'hr', 'finance', 'csr', 'operations', 'sales', 'other']);
export type CodirRole = z.infer<typeof codirRoleSchema>;
export const CODIR_ROLES = codirRoleSchema.options;

export const groupAudienceSchema = z.enum(['leaders', 'leaders-and-codir', 'codir-roles']);
export type GroupAudience = z.infer<typeof groupAudienceSchema>;
export const GROUP_AUDIENCES = groupAudienceSchema.options;

export const groupReactionSchema = z.enum(['thumbs-up', 'thanks', 'insightful', 'same-here']);
export type GroupReaction = z.infer<typeof groupReactionSchema>;
export const GROUP_REACTIONS = groupReactionSchema.options;

export const groupPostKindSchema = z.enum(['discussion', 'report']);
export type GroupPostKind = z.infer<typeof groupPostKindSchema>;

/** Where the caller stands: 'charter-pending' is an active member who has not accepted the current charter. */
export const myGroupStatusSchema = z.enum([
  'none',
  'invited',
  'active',
  'charter-pending',
  'left',
  'removed',
]);
export type MyGroupStatus = z.infer<typeof myGroupStatusSchema>;

// Params -------------------------------------------------------------------------------------

export const groupParams = z.strictObject({ slug, groupSlug: slug });
export const groupPersonParams = z.strictObject({ slug, groupSlug: slug, personId: z.uuid() });
export const groupPostParams = z.strictObject({ slug, groupSlug: slug, postId: z.uuid() });
export const groupReactionParams = z.strictObject({
  slug,
  groupSlug: slug,
  postId: z.uuid(),
  reaction: groupReactionSchema,
});
export const groupFileParams = z.strictObject({ slug, groupSlug: slug, fileId: z.uuid() });
export const groupOrganisationParams = z.strictObject({ slug, organisationId: z.uuid() });
export const codirRoleParams = z.strictObject({ slug, organisationId: z.uuid(), personId: z.uuid() });
export const threadsQuery = z.strictObject({
  /** The opaque cursor of the previous page's `nextCursor`. */
  after: z
    .string()
    .regex(/^[0-9T:.\-Z]+_[0-9a-f-]{36}$/)
    .optional(),
});

// Requests -----------------------------------------------------------------------------------

const audienceFields = {
  audience: groupAudienceSchema.default('leaders'),
  codirRoles: z.array(codirRoleSchema).max(8).default([]),
};

export const createGroupRequest = z.strictObject({
  name: text(120).min(1),
  theme: text(80).min(1),
  description: text(4000).default(''),
  ...audienceFields,
  /** The first version of the charter every member accepts before entering. */
  charter: text(20000).min(1),
  /** The people who lead (moderate) the group: invited, they accept the charter like anyone. */
  leaderIds: z.array(z.uuid()).max(10).default([]),
});
export type CreateGroupRequest = z.input<typeof createGroupRequest>;

export const updateGroupRequest = z.strictObject({
  name: text(120).min(1).optional(),
  theme: text(80).min(1).optional(),
  description: text(4000).optional(),
  audience: groupAudienceSchema.optional(),
  codirRoles: z.array(codirRoleSchema).max(8).optional(),
  archived: z.boolean().optional(),
});
export type UpdateGroupRequest = z.input<typeof updateGroupRequest>;

export const charterRequest = z.strictObject({ body: text(20000).min(1) });
export type CharterRequest = z.infer<typeof charterRequest>;

export const themesRequest = z.strictObject({ themes: z.array(text(80).min(1)).max(40) });
export type ThemesRequest = z.infer<typeof themesRequest>;

/** Joining, accepting an invitation, or accepting a new charter version: the version read. */
export const acceptCharterRequest = z.strictObject({ charterVersion: z.number().int().positive() });
export type AcceptCharterRequest = z.infer<typeof acceptCharterRequest>;

export const inviteToGroupRequest = z.strictObject({
  personId: z.uuid(),
  role: z.enum(['member', 'leader']).default('member'),
});
export type InviteToGroupRequest = z.input<typeof inviteToGroupRequest>;

export const setGroupRoleRequest = z.strictObject({ role: z.enum(['member', 'leader']) });
export type SetGroupRoleRequest = z.infer<typeof setGroupRoleRequest>;

const postBody = text(40000).min(1);

export const createPostRequest = z.strictObject({
  kind: groupPostKindSchema.default('discussion'),
  title: text(200).min(1),
  body: postBody,
  chatham: z.boolean().default(false),
  fileIds: z.array(z.uuid()).max(10).default([]),
  mentionIds: z.array(z.uuid()).max(50).default([]),
});
export type CreatePostRequest = z.input<typeof createPostRequest>;

export const replyRequest = z.strictObject({
  body: postBody,
  fileIds: z.array(z.uuid()).max(10).default([]),
  mentionIds: z.array(z.uuid()).max(50).default([]),
});
export type ReplyRequest = z.input<typeof replyRequest>;

export const editPostRequest = z.strictObject({ title: text(200).min(1).optional(), body: postBody });
export type EditPostRequest = z.infer<typeof editPostRequest>;

export const hidePostRequest = z.strictObject({ reason: text(500).min(1) });
export type HidePostRequest = z.infer<typeof hidePostRequest>;

export const markdownPreviewRequest = z.strictObject({ body: text(40000) });
export const markdownPreviewSchema = z.object({ html: z.string() });

export const codirRoleRequest = z.strictObject({ codirRole: codirRoleSchema.nullable() });
export type CodirRoleRequest = z.infer<typeof codirRoleRequest>;
export const codirRolesSchema = z.object({
  people: z.array(z.object({ personId: z.uuid(), codirRole: codirRoleSchema.nullable() })),
});
export type CodirRoles = z.infer<typeof codirRolesSchema>;

// Responses ----------------------------------------------------------------------------------

export const groupSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  theme: z.string(),
  description: z.string(),
  audience: groupAudienceSchema,
  codirRoles: z.array(codirRoleSchema),
  memberCount: z.number().int(),
  myStatus: myGroupStatusSchema,
  myRole: z.enum(['member', 'leader']).nullable(),
  /** Whether the caller may join by accepting the charter (eligible, not removed). */
  canJoin: z.boolean(),
  archived: z.boolean(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

export const groupListSchema = z.object({
  groups: z.array(groupSummarySchema),
  themes: z.array(z.string()),
  canManage: z.boolean(),
});
export type GroupList = z.infer<typeof groupListSchema>;

const personRef = z.object({ personId: z.uuid(), displayName: z.string() });
export type GroupPersonRef = z.infer<typeof personRef>;

export const groupDetailSchema = groupSummarySchema.extend({
  charter: z.object({ version: z.number().int(), body: z.string(), createdAt: z.iso.datetime() }),
  /** The charter version the caller accepted, if any. */
  myCharterVersion: z.number().int().nullable(),
  leaders: z.array(personRef),
  canManage: z.boolean(),
  /** Staff or a leader of the group: invite, remove, new charter version. */
  canInvite: z.boolean(),
  /** A leader of the group who accepted the charter: hide posts. */
  canModerate: z.boolean(),
  canSeeContent: z.boolean(),
  canSeeMembers: z.boolean(),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;

export const groupMemberSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  organisationName: z.string().nullable(),
  codirRole: codirRoleSchema.nullable(),
  role: z.enum(['member', 'leader']),
  status: z.enum(['invited', 'active', 'left', 'removed']),
  /** Whether they accepted the group's current charter. */
  acceptedCurrentCharter: z.boolean(),
  joinedAt: z.iso.datetime().nullable(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const groupMembersSchema = z.object({
  members: z.array(groupMemberSchema),
  /** People of the network who may be invited (staff and the group's leaders only). */
  invitable: z.array(personRef.extend({ organisationName: z.string().nullable() })),
});
export type GroupMembers = z.infer<typeof groupMembersSchema>;

export const groupFileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export type GroupFile = z.infer<typeof groupFileSchema>;

export const threadSummarySchema = z.object({
  id: z.uuid(),
  kind: groupPostKindSchema,
  /** Empty when a leader hid the thread from the caller. */
  title: z.string(),
  excerpt: z.string(),
  author: personRef.nullable(),
  chatham: z.boolean(),
  hidden: z.boolean(),
  replyCount: z.number().int(),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadPageSchema = z.object({
  threads: z.array(threadSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ThreadPage = z.infer<typeof threadPageSchema>;

export const groupPostSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['discussion', 'report', 'reply']),
  title: z.string().nullable(),
  /** The sanitised HTML (empty when hidden from the caller). */
  html: z.string(),
  /** The Markdown source, for its author's edits (empty when hidden from the caller). */
  markdown: z.string(),
  author: personRef.nullable(),
  chatham: z.boolean(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  hidden: z.object({ reason: z.string(), at: z.iso.datetime() }).nullable(),
  reactions: z.array(z.object({ reaction: groupReactionSchema, count: z.number().int(), mine: z.boolean() })),
  files: z.array(groupFileSchema),
  mentions: z.array(personRef),
  canEdit: z.boolean(),
});
export type GroupPost = z.infer<typeof groupPostSchema>;

export const groupThreadSchema = z.object({
  thread: groupPostSchema,
  replies: z.array(groupPostSchema),
  canModerate: z.boolean(),
});
export type GroupThread = z.infer<typeof groupThreadSchema>;

export const createdPostSchema = z.object({ id: z.uuid() });
