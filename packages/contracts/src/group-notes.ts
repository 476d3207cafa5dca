import { z } from 'zod';

/**
 * A working group's shared notes (« note blanche »): title and Markdown body, co-written by the
 * group's members. Every save is a new version; a save names the version it was based on, and a
 * save based on an older one is refused (409 NOTE_CONFLICT) with the other person's changes.
 */

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const groupNotesParams = z.strictObject({ slug, groupSlug: slug });
export const groupNoteParams = z.strictObject({ slug, groupSlug: slug, noteId: z.uuid() });
export const groupNoteVersionParams = z.strictObject({
  slug,
  groupSlug: slug,
  noteId: z.uuid(),
  version: z.coerce.number().int().min(1).max(1_000_000),
});

export const NOTE_TITLE_MAX = 200;
export const NOTE_BODY_MAX = 100_000;
export const NOTE_SUMMARY_MAX = 300;

const noteTitle = z.string().trim().min(1).max(NOTE_TITLE_MAX);
const noteBody = z.string().max(NOTE_BODY_MAX);
const noteSummary = z.string().trim().max(NOTE_SUMMARY_MAX);

export const createGroupNoteRequest = z.strictObject({
  title: noteTitle,
  body: noteBody.default(''),
  summary: noteSummary.default(''),
});
export type CreateGroupNoteRequest = z.input<typeof createGroupNoteRequest>;

export const saveGroupNoteRequest = z.strictObject({
  title: noteTitle,
  body: noteBody,
  /** What changed, in a few words (optional). */
  summary: noteSummary.default(''),
  /** The version the editor started from: the save is refused if someone saved since. */
  baseVersion: z.number().int().min(1),
});
export type SaveGroupNoteRequest = z.input<typeof saveGroupNoteRequest>;

export const restoreGroupNoteRequest = z.strictObject({ baseVersion: z.number().int().min(1) });
export type RestoreGroupNoteRequest = z.infer<typeof restoreGroupNoteRequest>;

export const previewGroupNoteRequest = z.strictObject({ body: noteBody });
export type PreviewGroupNoteRequest = z.infer<typeof previewGroupNoteRequest>;

// Responses ---------------------------------------------------------------------------------

const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const groupNoteSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: person,
});
export type GroupNoteSummary = z.infer<typeof groupNoteSummarySchema>;

export const groupNoteListSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string() }),
  notes: z.array(groupNoteSummarySchema),
  canEdit: z.boolean(),
});
export type GroupNoteList = z.infer<typeof groupNoteListSchema>;

export const groupNoteSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  /** The body's Markdown as sanitised HTML (allow-list, on the server): the only HTML to render. */
  bodyHtml: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: person,
  canEdit: z.boolean(),
});
export type GroupNote = z.infer<typeof groupNoteSchema>;

export const groupNoteVersionSummarySchema = z.object({
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  author: person,
  createdAt: z.string(),
  /** Set when this version brought back an older one. */
  restoredFrom: z.number().int().nullable(),
});
export type GroupNoteVersionSummary = z.infer<typeof groupNoteVersionSummarySchema>;

export const groupNoteHistorySchema = z.object({
  noteId: z.uuid(),
  currentVersion: z.number().int(),
  versions: z.array(groupNoteVersionSummarySchema),
});
export type GroupNoteHistory = z.infer<typeof groupNoteHistorySchema>;

export const diffPartKindSchema = z.enum(['same', 'added', 'removed']);
export type DiffPartKind = z.infer<typeof diffPartKindSchema>;

/** One line of a comparison; a changed line carries its word-level parts. */
export const noteDiffLineSchema = z.object({
  kind: z.enum(['same', 'added', 'removed', 'changed']),
  parts: z.array(z.object({ kind: diffPartKindSchema, text: z.string() })),
});
export type NoteDiffLine = z.infer<typeof noteDiffLineSchema>;

export const noteDiffSchema = z.object({
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int(),
  titleBefore: z.string().nullable(),
  titleAfter: z.string(),
  linesAdded: z.number().int(),
  linesRemoved: z.number().int(),
  lines: z.array(noteDiffLineSchema),
});
export type NoteDiff = z.infer<typeof noteDiffSchema>;

export const groupNoteVersionSchema = groupNoteVersionSummarySchema.extend({
  noteId: z.uuid(),
  body: z.string(),
  /** Compared with the previous version (the first version is compared with nothing). */
  diff: noteDiffSchema,
});
export type GroupNoteVersion = z.infer<typeof groupNoteVersionSchema>;

/** The answer to a save based on an older version: nothing was written. */
export const noteConflictSchema = z.object({
  code: z.literal('NOTE_CONFLICT'),
  message: z.string(),
  /** The note as it is now, to reload. */
  current: groupNoteSchema,
  /** What the others changed since the editor's base version. */
  theirChanges: noteDiffSchema,
  /** Who saved since the base version. */
  changedBy: z.array(z.string()),
});
export type NoteConflict = z.infer<typeof noteConflictSchema>;

export const notePreviewSchema = z.object({ html: z.string() });
export type NotePreview = z.infer<typeof notePreviewSchema>;
