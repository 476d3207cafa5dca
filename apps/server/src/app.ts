import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { aidSchemesRoutes } from './modules/aid-schemes/aid-schemes.routes.ts';
import { alertsRoutes } from './modules/alerts/alerts.routes.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { funderReportsRoutes } from './modules/funder-reports/funder-reports.routes.ts';
import { groupNotesRoutes } from './modules/group-notes/group-notes.routes.ts';
import { groupementsRoutes } from './modules/groupements/groupements.routes.ts';
import { groupsRoutes } from './modules/groups/groups.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { membershipRoutes } from './modules/membership/membership.routes.ts';
import { needsRoutes } from './modules/needs/needs.routes.ts';
import { networksRoutes } from './modules/networks/networks.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { outboxRoutes } from './modules/outbox/outbox.routes.ts';
import { peerQuestionsRoutes } from './modules/peer-questions/peer-questions.routes.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { purchasingRoutes } from './modules/purchasing/purchasing.routes.ts';
import { rfqRoutes } from './modules/purchasing/rfq.routes.ts';
import { savingsRoutes } from './modules/purchasing/savings.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { relocationRoutes } from './modules/relocation/relocation.routes.ts';
import { showcaseRoutes } from './modules/showcase/showcase.routes.ts';
import { sireneRegisterRoutes } from './modules/sirene-register/sirene-register.routes.ts';
import { tendersRoutes } from './modules/tenders/tenders.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { rejectNulCharacters } from './plugins/input-hygiene.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  /** Serve the built web app (apps/web/dist) when it exists. */
  serveWeb?: boolean;
}

/** The table of contents of Meute: plugins, then every capability, registered by hand. */
export async function buildApp(context: AppContext, options: BuildAppOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Meute API',
        version: '0.1.0',
        description: 'The API of Meute, the platform of business networks.',
      },
      tags: [
        { name: 'accounts', description: 'Sign-in, sessions, password resets, invitations' },
        { name: 'networks', description: 'Networks, federations, their people and invitations' },
        {
          name: 'directory',
          description: 'Members and directory: organisations, applications, dues, search, exports',
        },
        {
          name: 'purchasing',
          description: 'Group purchasing: campaigns, commitments, offers, award and allocation',
        },
        {
          name: 'needs',
          description: 'Needs, offers and ideas; the shared-need board; collective projects',
        },
        {
          name: 'aid-schemes',
          description: 'Aid schemes: the catalogue of public funding, and who may claim which, and why',
        },
        {
          name: 'relocation',
          description:
            'The relocation challenge: outside suppliers, member companies proposed, amounts brought back',
        },
        {
          name: 'tenders',
          description: 'Joint tenders: manual entry, eForms import, CPV mapping, consortium builder',
        },
        {
          name: 'groups',
          description:
            'Working groups: charters, members, posts, files, Chatham House, notes, questions to peers',
        },
        {
          name: 'alerts',
          description: 'Urgent alerts to a whole network and their acknowledgements',
        },
        {
          name: 'notifications',
          description: 'In-app notifications, unread counts, e-mail preferences and digests',
        },
        {
          name: 'showcase',
          description: 'The public showcase of a network’s collective offer, and what each member shows',
        },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'meute_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveSpa = options.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  registerErrorHandler(app, { serveSpa });
  rejectNulCharacters(app);
  registerAuth(app, context.services.accounts, { secureCookies: options.secureCookies ?? false });

  await app.register(healthRoutes(context.database.db, context.database.kind));
  await app.register(accountsRoutes(context.services.accounts));
  await app.register(networksRoutes(context.services.networks));
  await app.register(outboxRoutes(context.services.outbox));
  await app.register(directoryRoutes(context.services.directory));
  await app.register(membershipRoutes(context.services.membership));
  await app.register(importsRoutes(context.services.imports));
  await app.register(sireneRegisterRoutes(context.services.sireneRegister));
  await app.register(purchasingRoutes(context.services.purchasing));
  await app.register(rfqRoutes(context.services.rfq));
  await app.register(savingsRoutes(context.services.savings));
  await app.register(needsRoutes(context.services.needs));
  await app.register(funderReportsRoutes(context.services.funderReports));
  await app.register(relocationRoutes(context.services.relocation));
  await app.register(projectsRoutes(context.services.projects));
  await app.register(tendersRoutes(context.services.tenders));
  await app.register(groupementsRoutes(context.services.groupements));
  await app.register(aidSchemesRoutes(context.services.aidSchemes));
  await app.register(showcaseRoutes(context.services.showcase));
  // peer-exchange:groups-routes
  await app.register(groupsRoutes(context.services.groups));
  // peer-exchange:alerts-notifications-routes
  await app.register(alertsRoutes(context.services.alerts));
  await app.register(notificationsRoutes(context.services.notifications));
  // peer-exchange:notes-questions-routes
  await app.register(groupNotesRoutes(context.services.groupNotes));
  await app.register(peerQuestionsRoutes(context.services.peerQuestions));
  await app.register(referenceRoutes());

  if (serveSpa) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
