import {
  createGroupNoteRequest,
  errorSchema,
  groupNoteHistorySchema,
  groupNoteListSchema,
  groupNoteParams,
  groupNoteSchema,
  groupNotesParams,
  groupNoteVersionParams,
  groupNoteVersionSchema,
  noteConflictSchema,
  notePreviewSchema,
  previewGroupNoteRequest,
  restoreGroupNoteRequest,
  saveGroupNoteRequest,
} from '@meute/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { translate } from '../../i18n/messages.ts';
import { requirePerson } from '../../plugins/auth.ts';
import type { GroupNotesService, NoteSaveOutcome } from './group-notes.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const base = '/api/networks/:slug/groups/:groupSlug/notes';
const tags = ['groups'];

/** A save's answer: the new version, or 409 with the note as it is now and what others changed. */
function sendOutcome(request: FastifyRequest, reply: FastifyReply, outcome: NoteSaveOutcome) {
  if (outcome.ok) return reply.status(200).send(outcome.note);
  return reply.status(409).send({
    code: 'NOTE_CONFLICT' as const,
    message: translate(request.locale, 'error.NOTE_CONFLICT'),
    current: outcome.current,
    theirChanges: outcome.theirChanges,
    changedBy: outcome.changedBy,
  });
}

/** A working group's shared notes (« note blanche »), for the group's members only. */
export function groupNotesRoutes(service: GroupNotesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'The group’s shared notes (members of the group who accepted its charter)',
          params: groupNotesParams,
          response: { 200: groupNoteListSchema, ...errors },
        },
      },
      async (request) => service.list(requirePerson(request), request.params.slug, request.params.groupSlug),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Start a note (its version 1); the other members are notified',
          params: groupNotesParams,
          body: createGroupNoteRequest,
          response: { 201: groupNoteSchema, ...errors },
        },
      },
      async (request, reply) => {
        const note = await service.create(
          requirePerson(request),
          request.params.slug,
          request.params.groupSlug,
          request.body,
        );
        return reply.status(201).send(note);
      },
    );

    app.post(
      `${base}/preview`,
      {
        schema: {
          tags,
          summary: 'Render Markdown as a saved note would be (sanitised HTML), for the editor’s preview',
          params: groupNotesParams,
          body: previewGroupNoteRequest,
          response: { 200: notePreviewSchema, ...errors },
        },
      },
      async (request) =>
        service.preview(
          requirePerson(request),
          request.params.slug,
          request.params.groupSlug,
          request.body.body,
        ),
    );

    app.get(
      `${base}/:noteId`,
      {
        schema: {
          tags,
          summary: 'A note at its latest version',
          params: groupNoteParams,
          response: { 200: groupNoteSchema, ...errors },
        },
      },
      async (request) =>
        service.get(
          requirePerson(request),
          request.params.slug,
          request.params.groupSlug,
          request.params.noteId,
        ),
    );

    app.put(
      `${base}/:noteId`,
      {
        schema: {
          tags,
          summary:
            'Save a new version based on `baseVersion`; refused with 409 NOTE_CONFLICT and the others’ changes if someone saved since',
          params: groupNoteParams,
          body: saveGroupNoteRequest,
          response: { 200: groupNoteSchema, 409: noteConflictSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { slug, groupSlug, noteId } = request.params;
        const outcome = await service.save(requirePerson(request), slug, groupSlug, noteId, request.body);
        return sendOutcome(request, reply, outcome);
      },
    );

    app.get(
      `${base}/:noteId/versions`,
      {
        schema: {
          tags,
          summary: 'Every version of a note, newest first, with who saved it and when',
          params: groupNoteParams,
          response: { 200: groupNoteHistorySchema, ...errors },
        },
      },
      async (request) =>
        service.history(
          requirePerson(request),
          request.params.slug,
          request.params.groupSlug,
          request.params.noteId,
        ),
    );

    app.get(
      `${base}/:noteId/versions/:version`,
      {
        schema: {
          tags,
          summary: 'One version of a note, compared line by line and word by word with the previous one',
          params: groupNoteVersionParams,
          response: { 200: groupNoteVersionSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug, noteId, version } = request.params;
        return service.version(requirePerson(request), slug, groupSlug, noteId, version);
      },
    );

    app.post(
      `${base}/:noteId/versions/:version/restore`,
      {
        schema: {
          tags,
          summary: 'Bring back an old version as a new version (based on `baseVersion`, like a save)',
          params: groupNoteVersionParams,
          body: restoreGroupNoteRequest,
          response: { 200: groupNoteSchema, 409: noteConflictSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { slug, groupSlug, noteId, version } = request.params;
        const outcome = await service.restore(
          requirePerson(request),
          slug,
          groupSlug,
          noteId,
          version,
          request.body.baseVersion,
        );
        return sendOutcome(request, reply, outcome);
      },
    );
  };
}
