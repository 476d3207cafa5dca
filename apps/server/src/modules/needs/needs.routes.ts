import {
  boardDecisionRequest,
  createNeedRequest,
  createProjectRequest,
  errorSchema,
  needBoardSchema,
  needListSchema,
  needParams,
  needSchema,
  projectDetailSchema,
  projectListSchema,
  projectParams,
  slugParams,
  updateNeedRequest,
  updateProjectRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { NeedsService } from './needs.service.ts';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
const base = '/api/networks/:slug/needs';
const projects = '/api/networks/:slug/projects';
const tags = ['needs'];

export function needsRoutes(service: NeedsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'Needs, offers and ideas of a network that I may see, and the organisations I post for',
          params: slugParams,
          response: { 200: needListSchema, ...errors },
        },
      },
      async (request) => service.list(requirePerson(request), request.params.slug),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Post a need, an offer or an idea for my company, with its visibility',
          params: slugParams,
          body: createNeedRequest,
          response: { 201: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.create(requirePerson(request), request.params.slug, request.body)),
    );

    app.get(
      `${base}/board`,
      {
        schema: {
          tags,
          summary:
            'The shared-need board: groups of similar needs from different organisations, with the evidence (staff)',
          params: slugParams,
          response: { 200: needBoardSchema, ...errors },
        },
      },
      async (request) => service.board(requirePerson(request), request.params.slug),
    );

    app.post(
      `${base}/board/dismiss`,
      {
        schema: {
          tags,
          summary: 'Dismiss a group: its needs are never proposed together again (staff)',
          params: slugParams,
          body: boardDecisionRequest,
          response: { 200: needBoardSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await service.dismiss(person, request.params.slug, request.body);
        return service.board(person, request.params.slug);
      },
    );

    app.post(
      `${base}/board/merge`,
      {
        schema: {
          tags,
          summary: 'Merge groups: their needs are kept together from now on (staff)',
          params: slugParams,
          body: boardDecisionRequest,
          response: { 200: needBoardSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await service.merge(person, request.params.slug, request.body);
        return service.board(person, request.params.slug);
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'A need I may see',
          params: needParams,
          response: { 200: needSchema, ...errors },
        },
      },
      async (request) => service.get(requirePerson(request), request.params.slug, request.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Change a need of my company',
          params: needParams,
          body: updateNeedRequest,
          response: { 200: needSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        await service.update(person, slug, id, request.body);
        return service.get(person, slug, id);
      },
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Withdraw a need of my company',
          params: needParams,
          response: { 200: needSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        await service.withdraw(person, slug, id);
        return service.get(person, slug, id);
      },
    );

    app.get(
      projects,
      {
        schema: {
          tags,
          summary: 'Collective projects: all of them for staff, those of my companies otherwise',
          params: slugParams,
          response: { 200: projectListSchema, ...errors },
        },
      },
      async (request) => service.listProjects(requirePerson(request), request.params.slug),
    );

    app.post(
      projects,
      {
        schema: {
          tags,
          summary: 'Turn needs into a collective project, inviting their organisations (staff)',
          params: slugParams,
          body: createProjectRequest,
          response: { 201: z.object({ id: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createProject(requirePerson(request), request.params.slug, request.body)),
    );

    app.get(
      `${projects}/:id`,
      {
        schema: {
          tags,
          summary: 'A project: its stage, member organisations and the linked needs I may see',
          params: projectParams,
          response: { 200: projectDetailSchema, ...errors },
        },
      },
      async (request) => service.getProject(requirePerson(request), request.params.slug, request.params.id),
    );

    app.patch(
      `${projects}/:id`,
      {
        schema: {
          tags,
          summary: 'Move a project to another stage (staff)',
          params: projectParams,
          body: updateProjectRequest,
          response: { 200: projectDetailSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        await service.setProjectStage(person, slug, id, request.body.stage);
        return service.getProject(person, slug, id);
      },
    );
  };
}
