import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createOutboxMailer, createSmtpMailer, type Mailer } from './mail/mailer.ts';
import { createAccountsRepository } from './modules/accounts/accounts.repository.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { createAidSchemesRepository } from './modules/aid-schemes/aid-schemes.repository.ts';
import { createAidSchemesService } from './modules/aid-schemes/aid-schemes.service.ts';
import { createAlertsRepository } from './modules/alerts/alerts.repository.ts';
import { createAlertsService } from './modules/alerts/alerts.service.ts';
import { createDirectoryRepository } from './modules/directory/directory.repository.ts';
import { createDirectoryService } from './modules/directory/directory.service.ts';
import { referenceLookups } from './modules/directory/reference-lookups.ts';
import { createFunderReportsRepository } from './modules/funder-reports/funder-reports.repository.ts';
import { createFunderReportsService } from './modules/funder-reports/funder-reports.service.ts';
import { createGroupNotesRepository } from './modules/group-notes/group-notes.repository.ts';
import { createGroupNotesService } from './modules/group-notes/group-notes.service.ts';
import { createGroupementsRepository } from './modules/groupements/groupements.repository.ts';
import { createGroupementsService } from './modules/groupements/groupements.service.ts';
import { createGroupsRepository } from './modules/groups/groups.repository.ts';
import { createGroupsService } from './modules/groups/groups.service.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { createMembershipRepository } from './modules/membership/membership.repository.ts';
import { createMembershipService } from './modules/membership/membership.service.ts';
import { createNeedsRepository } from './modules/needs/needs.repository.ts';
import { createNeedsService } from './modules/needs/needs.service.ts';
import { createNetworksRepository } from './modules/networks/networks.repository.ts';
import { createNetworksService } from './modules/networks/networks.service.ts';
import { createNotificationDelivery } from './modules/notifications/delivery.ts';
import { createNotificationsRepository } from './modules/notifications/notifications.repository.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { createNotifier } from './modules/notifications/notifier.ts';
import { createOutboxService } from './modules/outbox/outbox.service.ts';
import { createPeerQuestionsRepository } from './modules/peer-questions/peer-questions.repository.ts';
import { createPeerQuestionsService } from './modules/peer-questions/peer-questions.service.ts';
import { createProjectsRepository } from './modules/projects/projects.repository.ts';
import { createProjectsService } from './modules/projects/projects.service.ts';
import { createPurchasingRepository } from './modules/purchasing/purchasing.repository.ts';
import { createPurchasingService } from './modules/purchasing/purchasing.service.ts';
import { createRfqRepository } from './modules/purchasing/rfq.repository.ts';
import { createRfqService } from './modules/purchasing/rfq.service.ts';
import { createSavingsRepository } from './modules/purchasing/savings.repository.ts';
import { createSavingsService } from './modules/purchasing/savings.service.ts';
import { createRelocationRepository } from './modules/relocation/relocation.repository.ts';
import { createRelocationService } from './modules/relocation/relocation.service.ts';
import { createShowcaseRepository } from './modules/showcase/showcase.repository.ts';
import { createShowcaseService } from './modules/showcase/showcase.service.ts';
import { createSireneRegisterRepository } from './modules/sirene-register/sirene-register.repository.ts';
import { createSireneRegisterService } from './modules/sirene-register/sirene-register.service.ts';
import { createTendersRepository } from './modules/tenders/tenders.repository.ts';
import { createTendersService } from './modules/tenders/tenders.service.ts';

/** The composition root: database → repositories → services, wired by hand. */
export function createContext(
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom'>,
  database: Database,
  log: (message: string) => void = () => undefined,
) {
  const { db } = database;
  const mailer: Mailer = config.smtpUrl
    ? createSmtpMailer(config.smtpUrl, config.mailFrom)
    : createOutboxMailer(db, log);
  const repositories = {
    accounts: createAccountsRepository(),
    networks: createNetworksRepository(),
    directory: createDirectoryRepository(),
    membership: createMembershipRepository(),
    purchasing: createPurchasingRepository(),
    rfq: createRfqRepository(),
    savings: createSavingsRepository(),
    needs: createNeedsRepository(),
    relocation: createRelocationRepository(),
    projects: createProjectsRepository(),
    tenders: createTendersRepository(),
    groupements: createGroupementsRepository(),
    aidSchemes: createAidSchemesRepository(),
    showcase: createShowcaseRepository(),
    sireneRegister: createSireneRegisterRepository(),
  };
  const reference = referenceLookups();
  const imports = createImportsService({ db, databaseUrl: database.url, networks: repositories.networks });
  // Every module that tells people something writes through this one notifier.
  const notifier = createNotifier();
  const services = {
    accounts: createAccountsService({ db, ...repositories, mailer, publicUrl: config.publicUrl }),
    networks: createNetworksService({
      db,
      networks: repositories.networks,
      mailer,
      publicUrl: config.publicUrl,
    }),
    outbox: createOutboxService({ db, mailer }),
    imports,
    sireneRegister: createSireneRegisterService({
      db,
      networks: repositories.networks,
      register: repositories.sireneRegister,
      imports,
      reference,
    }),
    directory: createDirectoryService({
      db,
      directory: repositories.directory,
      networks: repositories.networks,
      reference,
    }),
    membership: createMembershipService({
      db,
      membership: repositories.membership,
      networks: repositories.networks,
      directory: repositories.directory,
      reference,
      mailer,
      publicUrl: config.publicUrl,
    }),
    purchasing: createPurchasingService({
      db,
      purchasing: repositories.purchasing,
      networks: repositories.networks,
    }),
    savings: createSavingsService({
      db,
      savings: repositories.savings,
      purchasing: repositories.purchasing,
      networks: repositories.networks,
    }),
    rfq: createRfqService({
      db,
      rfq: repositories.rfq,
      purchasing: repositories.purchasing,
      networks: repositories.networks,
      mailer,
      publicUrl: config.publicUrl,
    }),
    relocation: createRelocationService({
      db,
      relocation: repositories.relocation,
      networks: repositories.networks,
      reference,
    }),
    needs: createNeedsService({ db, needs: repositories.needs, networks: repositories.networks }),
    funderReports: createFunderReportsService({
      db,
      reports: createFunderReportsRepository(),
      networks: repositories.networks,
      reference,
    }),
    projects: createProjectsService({ db, projects: repositories.projects, networks: repositories.networks }),
    tenders: createTendersService({
      db,
      tenders: repositories.tenders,
      networks: repositories.networks,
      reference,
    }),
    groupements: createGroupementsService({
      db,
      groupements: repositories.groupements,
      networks: repositories.networks,
    }),
    aidSchemes: createAidSchemesService({
      db,
      aidSchemes: repositories.aidSchemes,
      networks: repositories.networks,
      reference,
    }),
    // peer-exchange:groups-services
    groups: createGroupsService({
      db,
      groups: createGroupsRepository(),
      networks: repositories.networks,
      notifier,
    }),
    // peer-exchange:alerts-notifications-services
    alerts: createAlertsService({
      db,
      alerts: createAlertsRepository(),
      networks: repositories.networks,
      notifier,
      mailer,
      publicUrl: config.publicUrl,
    }),
    notifications: createNotificationsService({ db, notifications: createNotificationsRepository() }),
    // E-mails of notifications (urgent at once, digests), run by the job queue started in server.ts.
    notificationDelivery: createNotificationDelivery({ db, mailer, publicUrl: config.publicUrl }),
    // peer-exchange:notes-questions-services
    groupNotes: createGroupNotesService({
      db,
      notes: createGroupNotesRepository(),
      networks: repositories.networks,
      notifier,
    }),
    peerQuestions: createPeerQuestionsService({
      db,
      questions: createPeerQuestionsRepository(),
      networks: repositories.networks,
      notifier,
      nafLabel: reference.nafLabel,
    }),
    showcase: createShowcaseService({
      db,
      showcase: repositories.showcase,
      networks: repositories.networks,
      reference,
    }),
  };
  return { database, mailer, notifier, repositories, services };
}

export type AppContext = ReturnType<typeof createContext>;
