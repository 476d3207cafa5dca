import multipart from '@fastify/multipart';
import {
  acceptCharterRequest,
  charterRequest,
  codirRoleParams,
  codirRoleRequest,
  codirRolesSchema,
  createdPostSchema,
  createGroupRequest,
  createPostRequest,
  editPostRequest,
  errorSchema,
  groupDetailSchema,
  groupFileParams,
  groupFileSchema,
  groupListSchema,
  groupMembersSchema,
  groupOrganisationParams,
  groupParams,
  groupPersonParams,
  groupPostParams,
  groupReactionParams,
  groupThreadSchema,
  hidePostRequest,
  inviteToGroupRequest,
  MAX_GROUP_FILE_BYTES,
  markdownPreviewRequest,
  markdownPreviewSchema,
  replyRequest,
  setGroupRoleRequest,
  slugParams,
  themesRequest,
  threadPageSchema,
  threadsQuery,
  updateGroupRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile, sendDocument } from '../../plugins/attached-documents.ts';
import { requirePerson } from '../../plugins/auth.ts';
import type { GroupsService } from './groups.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['groups'];
const base = '/api/networks/:slug/groups/:groupSlug';
const done = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

/**
 * Working groups and what their members say. Content routes answer only to an active member who
 * accepted the current charter; files are downloaded only through the download route, which
 * checks that right on every download.
 */
export function groupsRoutes(service: GroupsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_GROUP_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });

    app.get(
      '/api/networks/:slug/groups',
      {
        schema: {
          tags,
          summary: 'The working groups of a network, with the caller’s standing in each, and its themes',
          params: slugParams,
          response: { 200: groupListSchema, ...errors },
        },
      },
      async (request) => service.list(requirePerson(request), request.params.slug),
    );

    app.post(
      '/api/networks/:slug/groups',
      {
        schema: {
          tags,
          summary: 'Create a working group with its audience, charter and leaders (staff)',
          params: slugParams,
          body: createGroupRequest,
          response: { 201: z.object({ slug: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.create(requirePerson(request), request.params.slug, request.body)),
    );

    app.put(
      '/api/networks/:slug/group-themes',
      {
        schema: {
          tags,
          summary: 'Replace the network’s list of group themes (staff)',
          params: slugParams,
          body: themesRequest,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        await service.setThemes(requirePerson(request), request.params.slug, request.body.themes);
        return ok;
      },
    );

    app.post(
      '/api/networks/:slug/groups/markdown-preview',
      {
        schema: {
          tags,
          summary: 'Markdown rendered by the server’s sanitiser, as a post would be stored',
          params: slugParams,
          body: markdownPreviewRequest,
          response: { 200: markdownPreviewSchema, ...errors },
        },
      },
      async (request) => service.preview(requirePerson(request), request.params.slug, request.body.body),
    );

    app.get(
      '/api/networks/:slug/organisations/:organisationId/codir-roles',
      {
        schema: {
          tags,
          summary: 'The CODIR roles of a company’s people (the company’s leader, staff)',
          params: groupOrganisationParams,
          response: { 200: codirRolesSchema, ...errors },
        },
      },
      async (request) =>
        service.codirRoles(requirePerson(request), request.params.slug, request.params.organisationId),
    );

    app.put(
      '/api/networks/:slug/organisations/:organisationId/people/:personId/codir-role',
      {
        schema: {
          tags,
          summary: 'Set the CODIR role of one of a company’s people (the company’s leader, staff)',
          params: codirRoleParams,
          body: codirRoleRequest,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        const { slug, organisationId, personId } = request.params;
        await service.setCodirRole(
          requirePerson(request),
          slug,
          organisationId,
          personId,
          request.body.codirRole,
        );
        return ok;
      },
    );

    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'A group: theme, audience, charter, leaders and the caller’s standing',
          params: groupParams,
          response: { 200: groupDetailSchema, ...errors },
        },
      },
      async (request) =>
        service.detail(requirePerson(request), request.params.slug, request.params.groupSlug),
    );

    app.patch(
      base,
      {
        schema: {
          tags,
          summary: 'Change a group’s name, theme, description, audience, or archive it (staff)',
          params: groupParams,
          body: updateGroupRequest,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        await service.update(
          requirePerson(request),
          request.params.slug,
          request.params.groupSlug,
          request.body,
        );
        return ok;
      },
    );

    app.post(
      `${base}/charter`,
      {
        schema: {
          tags,
          summary: 'A new version of the charter: every member accepts it again (staff, leaders)',
          params: groupParams,
          body: charterRequest,
          response: { 201: done, ...errors },
        },
      },
      async (request, reply) => {
        const { slug, groupSlug } = request.params;
        await service.newCharter(requirePerson(request), slug, groupSlug, request.body.body);
        return reply.status(201).send(ok);
      },
    );

    app.post(
      `${base}/join`,
      {
        schema: {
          tags,
          summary: 'Accept the current charter: join, accept an invitation, or accept a new version',
          params: groupParams,
          body: acceptCharterRequest,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug } = request.params;
        await service.acceptCharter(requirePerson(request), slug, groupSlug, request.body.charterVersion);
        return ok;
      },
    );

    app.post(
      `${base}/leave`,
      {
        schema: {
          tags,
          summary: 'Leave the group (or decline an invitation): access ends at once',
          params: groupParams,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        await service.leave(requirePerson(request), request.params.slug, request.params.groupSlug);
        return ok;
      },
    );

    app.get(
      `${base}/members`,
      {
        schema: {
          tags,
          summary: 'The group’s members (its members, the network’s staff) and who may be invited',
          params: groupParams,
          response: { 200: groupMembersSchema, ...errors },
        },
      },
      async (request) =>
        service.members(requirePerson(request), request.params.slug, request.params.groupSlug),
    );

    app.post(
      `${base}/members`,
      {
        schema: {
          tags,
          summary: 'Invite a person of the network (staff, the group’s leaders; staff name leaders)',
          params: groupParams,
          body: inviteToGroupRequest,
          response: { 201: done, ...errors },
        },
      },
      async (request, reply) => {
        const { slug, groupSlug } = request.params;
        await service.invite(requirePerson(request), slug, groupSlug, request.body);
        return reply.status(201).send(ok);
      },
    );

    app.put(
      `${base}/members/:personId/role`,
      {
        schema: {
          tags,
          summary: 'Name or un-name a leader (staff)',
          params: groupPersonParams,
          body: setGroupRoleRequest,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug, personId } = request.params;
        await service.setRole(requirePerson(request), slug, groupSlug, personId, request.body.role);
        return ok;
      },
    );

    app.delete(
      `${base}/members/:personId`,
      {
        schema: {
          tags,
          summary: 'Remove a member (staff, the group’s leaders): access ends at once',
          params: groupPersonParams,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug, personId } = request.params;
        await service.remove(requirePerson(request), slug, groupSlug, personId);
        return ok;
      },
    );

    app.get(
      `${base}/posts`,
      {
        schema: {
          tags,
          summary: 'One page of threads, most recently active first (members who accepted the charter)',
          params: groupParams,
          querystring: threadsQuery,
          response: { 200: threadPageSchema, ...errors },
        },
      },
      async (request) =>
        service.threads(
          requirePerson(request),
          request.params.slug,
          request.params.groupSlug,
          request.query.after,
        ),
    );

    app.post(
      `${base}/posts`,
      {
        schema: {
          tags,
          summary: 'Post a thread or an experience report, in Markdown, possibly in Chatham House mode',
          params: groupParams,
          body: createPostRequest,
          response: { 201: createdPostSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { slug, groupSlug } = request.params;
        return reply
          .status(201)
          .send(await service.createPost(requirePerson(request), slug, groupSlug, request.body));
      },
    );

    app.get(
      `${base}/posts/:postId`,
      {
        schema: {
          tags,
          summary: 'A thread with its replies, reactions, mentions and files',
          params: groupPostParams,
          response: { 200: groupThreadSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug, postId } = request.params;
        return service.thread(requirePerson(request), slug, groupSlug, postId);
      },
    );

    app.patch(
      `${base}/posts/:postId`,
      {
        schema: {
          tags,
          summary: 'Edit one’s own post',
          params: groupPostParams,
          body: editPostRequest,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug, postId } = request.params;
        await service.editPost(requirePerson(request), slug, groupSlug, postId, request.body);
        return ok;
      },
    );

    app.post(
      `${base}/posts/:postId/replies`,
      {
        schema: {
          tags,
          summary: 'Reply to a thread',
          params: groupPostParams,
          body: replyRequest,
          response: { 201: createdPostSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { slug, groupSlug, postId } = request.params;
        return reply
          .status(201)
          .send(await service.reply(requirePerson(request), slug, groupSlug, postId, request.body));
      },
    );

    app.post(
      `${base}/posts/:postId/hide`,
      {
        schema: {
          tags,
          summary: 'Hide a post, with the reason (the group’s leaders)',
          params: groupPostParams,
          body: hidePostRequest,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug, postId } = request.params;
        await service.moderate(requirePerson(request), slug, groupSlug, postId, request.body.reason);
        return ok;
      },
    );

    app.post(
      `${base}/posts/:postId/unhide`,
      {
        schema: {
          tags,
          summary: 'Show a hidden post again (the group’s leaders)',
          params: groupPostParams,
          response: { 200: done, ...errors },
        },
      },
      async (request) => {
        const { slug, groupSlug, postId } = request.params;
        await service.moderate(requirePerson(request), slug, groupSlug, postId, null);
        return ok;
      },
    );

    for (const [method, on] of [
      ['PUT', true],
      ['DELETE', false],
    ] as const) {
      app.route({
        method,
        url: `${base}/posts/:postId/reactions/:reaction`,
        schema: {
          tags,
          summary: on ? 'Add my reaction to a post' : 'Take my reaction back',
          params: groupReactionParams,
          response: { 200: done, ...errors },
        },
        handler: async (request) => {
          const { slug, groupSlug, postId, reaction } = request.params as z.infer<typeof groupReactionParams>;
          await service.react(requirePerson(request), slug, groupSlug, postId, reaction, on);
          return ok;
        },
      });
    }

    app.post(
      `${base}/files`,
      {
        schema: {
          tags,
          summary: 'Upload a file to attach to a post, 10 MB at most (members)',
          description: 'multipart/form-data with one part `file`; cite its id in `fileIds` when posting.',
          consumes: ['multipart/form-data'],
          params: groupParams,
          response: { 201: groupFileSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = requirePerson(request);
        const { slug, groupSlug } = request.params;
        // The right is checked before a byte of the file is read.
        await service.assertCanPost(person, slug, groupSlug);
        const file = await readUploadedFile(request);
        return reply.status(201).send(await service.uploadFile(person, slug, groupSlug, file));
      },
    );

    app.get(
      `${base}/files/:fileId`,
      {
        schema: {
          tags,
          summary: 'Download a file, as an attachment; the caller’s right is checked on every download',
          params: groupFileParams,
          response: { 200: z.any(), ...errors },
        },
      },
      async (request, reply) => {
        const { slug, groupSlug, fileId } = request.params;
        return sendDocument(reply, await service.file(requirePerson(request), slug, groupSlug, fileId));
      },
    );
  };
}
