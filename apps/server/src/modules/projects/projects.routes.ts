import multipart from '@fastify/multipart';
import {
  budgetLineRequest,
  changeStageRequest,
  errorSchema,
  indicatorRequest,
  inviteToProjectRequest,
  MAX_PROJECT_DOCUMENT_BYTES,
  milestoneRequest,
  pipelineSchema,
  projectEventRequest,
  projectItemParams,
  projectLifeSchema,
  projectParams,
  respondToProjectRequest,
  setLeadRequest,
  slugParams,
  spanNetworkRequest,
  updateBudgetLineRequest,
  updateIndicatorRequest,
  updateMilestoneRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile, sendDocument } from '../../plugins/attached-documents.ts';
import { requirePerson } from '../../plugins/auth.ts';
import type { ProjectsService } from './projects.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const base = '/api/networks/:slug/projects/:id';
// Capability 3 (needs & collective projects): the same OpenAPI tag as the needs.
const tags = ['needs'];

/**
 * The life of a collective project. Every write answers with the whole project as the caller now
 * sees it. Documents are uploaded as multipart (accepted by this plugin's routes only) and
 * downloaded only through the download route, which checks the caller's right every time.
 */
export function projectsRoutes(service: ProjectsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_PROJECT_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });

    app.get(
      '/api/networks/:slug/projects/pipeline',
      {
        schema: {
          tags,
          summary: 'The project pipeline: the projects of the network and those spanning it, by stage',
          params: slugParams,
          response: { 200: pipelineSchema, ...errors },
        },
      },
      async (request) => service.pipeline(requirePerson(request), request.params.slug),
    );

    app.get(
      `${base}/life`,
      {
        schema: {
          tags,
          summary:
            'A project with its team, milestones, budget, documents, decisions and indicators (the working files for staff and organisations that joined)',
          params: projectParams,
          response: { 200: projectLifeSchema, ...errors },
        },
      },
      async (request) => service.life(requirePerson(request), request.params.slug, request.params.id),
    );

    /** Registers a write that answers with the project as the caller now sees it. */
    function writeRoute<B extends z.ZodType | undefined, P extends z.ZodType>(
      method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      path: string,
      summary: string,
      params: P,
      body: B,
      status: 200 | 201,
      run: (
        person: ReturnType<typeof requirePerson>,
        params: z.infer<P> & { slug: string; id: string },
        body: B extends z.ZodType ? z.infer<B> : undefined,
      ) => Promise<unknown>,
    ) {
      app.route({
        method,
        url: `${base}${path}`,
        schema: {
          tags,
          summary,
          params,
          ...(body ? { body } : {}),
          response: { [status]: projectLifeSchema, ...errors },
        },
        handler: async (request, reply) => {
          const person = requirePerson(request);
          const p = request.params as z.infer<P> & { slug: string; id: string };
          await run(person, p, request.body as B extends z.ZodType ? z.infer<B> : undefined);
          const life = await service.life(person, p.slug, p.id);
          // The status is 200 or 201, both answered with the project: the union confuses inference.
          return reply.status(status).send(life as never);
        },
      });
    }

    writeRoute(
      'POST',
      '/stage',
      'Move the project to another stage, logged with who, when and why (staff, the lead organisation)',
      projectParams,
      changeStageRequest,
      200,
      (person, p, body) => service.changeStage(person, p.slug, p.id, body),
    );
    writeRoute(
      'PUT',
      '/lead',
      'Set the lead organisation among those that joined (staff)',
      projectParams,
      setLeadRequest,
      200,
      (person, p, body) => service.setLead(person, p.slug, p.id, body.organisationId),
    );
    writeRoute(
      'POST',
      '/membership',
      'Join or decline the project for one of my organisations (an invited organisation)',
      projectParams,
      respondToProjectRequest,
      200,
      (person, p, body) => service.respond(person, p.slug, p.id, body),
    );
    writeRoute(
      'POST',
      '/members',
      'Invite a member organisation of the project’s networks (staff)',
      projectParams,
      inviteToProjectRequest,
      201,
      (person, p, body) => service.invite(person, p.slug, p.id, body.organisationId),
    );
    writeRoute(
      'POST',
      '/milestones',
      'Add a milestone (staff, organisations that joined)',
      projectParams,
      milestoneRequest,
      201,
      (person, p, body) => service.addMilestone(person, p.slug, p.id, body),
    );
    writeRoute(
      'PATCH',
      '/milestones/:itemId',
      'Change a milestone or mark it done (staff, organisations that joined)',
      projectItemParams,
      updateMilestoneRequest,
      200,
      (person, p, body) => service.updateMilestone(person, p.slug, p.id, p.itemId, body),
    );
    writeRoute(
      'DELETE',
      '/milestones/:itemId',
      'Delete a milestone (staff, organisations that joined)',
      projectItemParams,
      undefined,
      200,
      (person, p) => service.deleteMilestone(person, p.slug, p.id, p.itemId),
    );
    writeRoute(
      'POST',
      '/budget-lines',
      'Add an expense or a funding line (staff, organisations that joined)',
      projectParams,
      budgetLineRequest,
      201,
      (person, p, body) => service.addBudgetLine(person, p.slug, p.id, body),
    );
    writeRoute(
      'PATCH',
      '/budget-lines/:itemId',
      'Change a budget line (staff, organisations that joined)',
      projectItemParams,
      updateBudgetLineRequest,
      200,
      (person, p, body) => service.updateBudgetLine(person, p.slug, p.id, p.itemId, body),
    );
    writeRoute(
      'DELETE',
      '/budget-lines/:itemId',
      'Delete a budget line (staff, organisations that joined)',
      projectItemParams,
      undefined,
      200,
      (person, p) => service.deleteBudgetLine(person, p.slug, p.id, p.itemId),
    );
    writeRoute(
      'DELETE',
      '/documents/:itemId',
      'Delete a document (staff, organisations that joined)',
      projectItemParams,
      undefined,
      200,
      (person, p) => service.deleteDocument(person, p.slug, p.id, p.itemId),
    );
    writeRoute(
      'POST',
      '/events',
      'Log a decision or an outcome (staff, organisations that joined)',
      projectParams,
      projectEventRequest,
      201,
      (person, p, body) => service.addEvent(person, p.slug, p.id, body),
    );
    writeRoute(
      'POST',
      '/indicators',
      'Record an indicator for funders: jobs kept or created, trainees, local purchases, amount raised',
      projectParams,
      indicatorRequest,
      201,
      (person, p, body) => service.addIndicator(person, p.slug, p.id, body),
    );
    writeRoute(
      'PATCH',
      '/indicators/:itemId',
      'Change an indicator (staff, organisations that joined)',
      projectItemParams,
      updateIndicatorRequest,
      200,
      (person, p, body) => service.updateIndicator(person, p.slug, p.id, p.itemId, body),
    );
    writeRoute(
      'DELETE',
      '/indicators/:itemId',
      'Delete an indicator (staff, organisations that joined)',
      projectItemParams,
      undefined,
      200,
      (person, p) => service.deleteIndicator(person, p.slug, p.id, p.itemId),
    );
    writeRoute(
      'POST',
      '/networks',
      'Span another network: one the home staff also run, or a sister network of the same federation',
      projectParams,
      spanNetworkRequest,
      201,
      (person, p, body) => service.spanNetwork(person, p.slug, p.id, body),
    );
    writeRoute(
      'DELETE',
      '/networks/:itemId',
      'Stop spanning a network (the home network’s staff)',
      projectItemParams,
      undefined,
      200,
      (person, p) => service.unspanNetwork(person, p.slug, p.id, p.itemId),
    );

    app.post(
      `${base}/documents`,
      {
        schema: {
          tags,
          summary: 'Upload a document, 10 MB at most (staff, organisations that joined)',
          description: 'multipart/form-data with one part `file`.',
          consumes: ['multipart/form-data'],
          params: projectParams,
          response: { 201: projectLifeSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = requirePerson(request);
        const { slug, id } = request.params;
        // The right is checked before a byte of the file is read.
        await service.assertCanWrite(person, slug, id);
        const file = await readUploadedFile(request);
        await service.addDocument(person, slug, id, file);
        return reply.status(201).send(await service.life(person, slug, id));
      },
    );

    app.get(
      `${base}/documents/:itemId`,
      {
        schema: {
          tags,
          summary:
            'Download a document, as an attachment; the caller’s right is checked on every download (staff, organisations that joined)',
          params: projectItemParams,
          response: { 200: z.any(), ...errors },
        },
      },
      async (request, reply) => {
        const { slug, id, itemId } = request.params;
        const document = await service.document(requirePerson(request), slug, id, itemId);
        return sendDocument(reply, document);
      },
    );
  };
}
