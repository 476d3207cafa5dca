import {
  boardDecisionRequest,
  boardSplitRequest,
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
  saveSynonymSetRequest,
  slugParams,
  synonymSetParams,
  thesaurusSchema,
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
      `${base}/board/split`,
      {
        schema: {
          tags,
          summary: 'Split a group: the needs taken apart stay together, never again with the rest (staff)',
          params: slugParams,
          body: boardSplitRequest,
          response: { 200: needBoardSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await service.split(person, request.params.slug, request.body);
        return service.board(person, request.params.slug);
      },
    );

    app.get(
      `${base}/thesaurus`,
      {
        schema: {
          tags,
          summary: 'The engine’s synonym sets: the default thesaurus and the network’s own (staff)',
          params: slugParams,
          response: { 200: thesaurusSchema, ...errors },
        },
      },
      async (request) => service.thesaurus(requirePerson(request), request.params.slug),
    );

    app.post(
      `${base}/thesaurus`,
      {
        schema: {
          tags,
          summary: 'Add a synonym set, or extend a default concept with more terms (staff)',
          params: slugParams,
          body: saveSynonymSetRequest,
          response: { 200: thesaurusSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await service.saveSynonymSet(person, request.params.slug, request.body);
        return service.thesaurus(person, request.params.slug);
      },
    );

    app.put(
      `${base}/thesaurus/:id`,
      {
        schema: {
          tags,
          summary: 'Change a synonym set of the network (staff)',
          params: synonymSetParams,
          body: saveSynonymSetRequest,
          response: { 200: thesaurusSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await service.saveSynonymSet(person, request.params.slug, request.body, request.params.id);
        return service.thesaurus(person, request.params.slug);
      },
    );

    app.delete(
      `${base}/thesaurus/:id`,
      {
        schema: {
          tags,
          summary: 'Remove a synonym set of the network (staff)',
          params: synonymSetParams,
          response: { 200: thesaurusSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await service.deleteSynonymSet(person, request.params.slug, request.params.id);
        return service.thesaurus(person, request.params.slug);
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
