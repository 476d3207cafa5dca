import {
  answerQuestionRequest,
  askPeersRequest,
  declineQuestionRequest,
  errorSchema,
  peerQuestionParams,
  peerQuestionsParams,
  peerSuggestionsSchema,
  questionDetailSchema,
  questionListsSchema,
  suggestPeersRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { PeerQuestionsService } from './peer-questions.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const base = '/api/networks/:slug/questions';
const tags = ['groups'];

/** Questions to peers: suggestions with why, routing, answers and refusals. */
export function peerQuestionsRoutes(service: PeerQuestionsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'My questions, the questions routed to me, and (staff) every question of the network',
          params: peerQuestionsParams,
          response: { 200: questionListsSchema, ...errors },
        },
      },
      async (request) => service.lists(requirePerson(request), request.params.slug),
    );

    app.post(
      `${base}/suggestions`,
      {
        schema: {
          tags,
          summary:
            'The members who have lived what the question is about, each with why (only from what the asker may know)',
          params: peerQuestionsParams,
          body: suggestPeersRequest,
          response: { 200: peerSuggestionsSchema, ...errors },
        },
      },
      async (request) => service.suggest(requirePerson(request), request.params.slug, request.body),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Ask the question and route it to the people picked; each is notified',
          params: peerQuestionsParams,
          body: askPeersRequest,
          response: { 201: questionDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        const question = await service.ask(requirePerson(request), request.params.slug, request.body);
        return reply.status(201).send(question);
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'A question with its routes and answers (the asker, the people asked, staff)',
          params: peerQuestionParams,
          response: { 200: questionDetailSchema, ...errors },
        },
      },
      async (request) => service.detail(requirePerson(request), request.params.slug, request.params.id),
    );

    app.post(
      `${base}/:id/answer`,
      {
        schema: {
          tags,
          summary: 'Answer a question routed to me; the asker is notified',
          params: peerQuestionParams,
          body: answerQuestionRequest,
          response: { 200: questionDetailSchema, ...errors },
        },
      },
      async (request) =>
        service.answer(requirePerson(request), request.params.slug, request.params.id, request.body.body),
    );

    app.post(
      `${base}/:id/decline`,
      {
        schema: {
          tags,
          summary: 'Decline a question routed to me, with an optional reason (private unless said public)',
          params: peerQuestionParams,
          body: declineQuestionRequest,
          response: { 200: questionDetailSchema, ...errors },
        },
      },
      async (request) =>
        service.decline(requirePerson(request), request.params.slug, request.params.id, request.body),
    );
  };
}
