import multipart from '@fastify/multipart';
import {
  errorSchema,
  groupementDecisionRequest,
  groupementDraftSchema,
  groupementItemParams,
  groupementOutcomeRequest,
  groupementParams,
  groupementSchema,
  MAX_GROUPEMENT_DOCUMENT_BYTES,
  memberPriceRequest,
  priceRevisionAnswerRequest,
  priceRevisionRequest,
  recordGroupementRequest,
  tenderGroupementsParams,
  tenderGroupementsSchema,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile, sendDocument } from '../../plugins/attached-documents.ts';
import { requirePerson } from '../../plugins/auth.ts';
import type { GroupementsService } from './groupements.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const base = '/api/networks/:slug/tenders/:id/groupements';
const one = `${base}/:groupementId`;
// Capability 5 (joint tenders): the same OpenAPI tag as the tenders.
const tags = ['tenders'];

/**
 * The groupements answering a tender. Every write answers with the groupement as the caller now
 * sees it. Documents are uploaded as multipart (accepted by this plugin's routes only) and
 * downloaded only through the download route, which checks the caller's right every time.
 */
export function groupementsRoutes(service: GroupementsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_GROUPEMENT_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });

    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            'The groupements answering a tender (prices, documents and revision rounds only for staff and members) and the proposals ready to record',
          params: tenderGroupementsParams,
          response: { 200: tenderGroupementsSchema, ...errors },
        },
      },
      async (request) => service.list(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Record a groupement: a proposed grouping of the last run (its rank) or by hand (staff)',
          params: tenderGroupementsParams,
          body: recordGroupementRequest,
          response: { 201: groupementSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.record(
              requirePerson(request),
              request.params.slug,
              request.params.id,
              request.body,
            ),
          ),
    );

    app.get(
      one,
      {
        schema: {
          tags,
          summary: 'A groupement as the caller may see it',
          params: groupementParams,
          response: { 200: groupementSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, id, groupementId } = request.params;
        return service.get(requirePerson(request), slug, id, groupementId);
      },
    );

    app.put(
      one,
      {
        schema: {
          tags,
          summary: 'Change the make-up while forming (staff, the mandataire’s people)',
          params: groupementParams,
          body: groupementDraftSchema,
          response: { 200: groupementSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, id, groupementId } = request.params;
        return service.edit(requirePerson(request), slug, id, groupementId, request.body);
      },
    );

    app.put(
      `${one}/members/:itemId/price`,
      {
        schema: {
          tags,
          summary: 'A member’s confidential price for its part (staff, that member’s people)',
          params: groupementItemParams,
          body: memberPriceRequest,
          response: { 200: groupementSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, id, groupementId, itemId } = request.params;
        return service.setPrice(
          requirePerson(request),
          slug,
          id,
          groupementId,
          itemId,
          request.body.priceCents,
        );
      },
    );

    app.post(
      `${one}/decision`,
      {
        schema: {
          tags,
          summary: 'Go or no-go, with its reason (staff, the mandataire’s people)',
          params: groupementParams,
          body: groupementDecisionRequest,
          response: { 200: groupementSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, id, groupementId } = request.params;
        return service.decide(requirePerson(request), slug, id, groupementId, request.body);
      },
    );

    app.post(
      `${one}/outcome`,
      {
        schema: {
          tags,
          summary: 'Submitted, won (with the contract’s value) or lost (staff, the mandataire’s people)',
          params: groupementParams,
          body: groupementOutcomeRequest,
          response: { 200: groupementSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, id, groupementId } = request.params;
        return service.recordOutcome(requirePerson(request), slug, id, groupementId, request.body);
      },
    );

    app.post(
      `${one}/revisions`,
      {
        schema: {
          tags,
          summary:
            'Open a price revision round: the buyer’s cut split among the members (staff, the mandataire’s people)',
          params: groupementParams,
          body: priceRevisionRequest,
          response: { 201: groupementSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { slug, id, groupementId } = request.params;
        return reply
          .status(201)
          .send(await service.openRevision(requirePerson(request), slug, id, groupementId, request.body));
      },
    );

    app.post(
      `${one}/revisions/:itemId/answer`,
      {
        schema: {
          tags,
          summary: 'Accept or refuse a member’s share of the cut (that member’s people)',
          params: groupementItemParams,
          body: priceRevisionAnswerRequest,
          response: { 200: groupementSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, id, groupementId, itemId } = request.params;
        return service.answerRevision(requirePerson(request), slug, id, groupementId, itemId, request.body);
      },
    );

    app.post(
      `${one}/documents`,
      {
        schema: {
          tags,
          summary: 'Upload a document, 10 MB at most (staff, the members’ people)',
          description: 'multipart/form-data with one part `file`.',
          consumes: ['multipart/form-data'],
          params: groupementParams,
          response: { 201: groupementSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = requirePerson(request);
        const { slug, id, groupementId } = request.params;
        // The right is checked before a byte of the file is read.
        await service.assertCanUpload(person, slug, id, groupementId);
        const file = await readUploadedFile(request);
        return reply.status(201).send(await service.addDocument(person, slug, id, groupementId, file));
      },
    );

    app.get(
      `${one}/documents/:itemId`,
      {
        schema: {
          tags,
          summary:
            'Download a document, as an attachment; the caller’s right is checked on every download (staff, the members’ people)',
          params: groupementItemParams,
          response: { 200: z.any(), ...errors },
        },
      },
      async (request, reply) => {
        const { slug, id, groupementId, itemId } = request.params;
        const document = await service.document(requirePerson(request), slug, id, groupementId, itemId);
        return sendDocument(reply, document);
      },
    );

    app.delete(
      `${one}/documents/:itemId`,
      {
        schema: {
          tags,
          summary: 'Delete a document (staff, the mandataire’s people, whoever uploaded it)',
          params: groupementItemParams,
          response: { 200: groupementSchema, ...errors },
        },
      },
      async (request) => {
        const { slug, id, groupementId, itemId } = request.params;
        return service.deleteDocument(requirePerson(request), slug, id, groupementId, itemId);
      },
    );
  };
}
