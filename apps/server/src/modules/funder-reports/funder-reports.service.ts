import type { FunderReport, FunderReportQuery } from '@meute/contracts';
import type { Kysely } from 'kysely';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { ReferenceLookups } from '../directory/reference-lookups.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { FunderReportsRepository, ReportScope } from './funder-reports.repository.ts';

interface Deps {
  db: Kysely<DB>;
  reports: FunderReportsRepository;
  networks: NetworksRepository;
  reference: ReferenceLookups;
  now?: () => Date;
}

const STAGES = ['idea', 'pilot', 'project', 'industrial', 'market'] as const;

/** Today in Paris, as an ISO date: a report "to today" means the French calendar day. */
function parisDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
}

/**
 * Funder reports: what a network did for its territory over a period — jobs kept and created,
 * trainees, purchases brought back into the network, money raised, projects by stage — for the
 * staff who report to public funders. Staff only: a member's figures stay in its projects.
 */
export function createFunderReportsService(deps: Deps) {
  const { db, reports, networks, reference, now = () => new Date() } = deps;

  return {
    async report(person: AuthenticatedPerson, slug: string, query: FunderReportQuery): Promise<FunderReport> {
      const today = parisDate(now());
      const from = query.from ?? `${today.slice(0, 4)}-01-01`;
      const to = query.to ?? today;
      if (from > to) {
        throw new AppError('VALIDATION', {
          field: 'querystring.to',
          params: { detail: 'detail.PERIOD_REVERSED' },
        });
      }
      if (query.departement && query.region) {
        throw new AppError('VALIDATION', {
          field: 'querystring.region',
          params: { detail: 'detail.ONE_TERRITORY' },
        });
      }
      const territory = query.departement
        ? { kind: 'departement' as const, code: query.departement }
        : query.region
          ? { kind: 'region' as const, code: query.region }
          : null;
      const territoryName = territory ? reference.territoryLabel(territory.kind, territory.code) : null;
      if (territory && !territoryName) {
        throw new AppError('VALIDATION', {
          field: `querystring.${territory.kind}`,
          params: { detail: 'detail.TERRITORY_UNKNOWN' },
        });
      }
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage } = await loadNetworkForActor(trx, networks, person, slug);
        if (!canManage) throw new AppError('FORBIDDEN');
        const scope: ReportScope = { networkId: network.id, from, to, territory };
        const projects = await reports.projects(trx, scope);
        const relocated = await reports.relocated(trx, scope);
        const organisationCount = await reports.joinedOrganisationCount(
          trx,
          projects.map((p) => p.id),
        );
        const sum = (pick: (p: (typeof projects)[number]) => number) =>
          projects.reduce((total, p) => total + pick(p), 0);
        return {
          networkName: network.name,
          from,
          to,
          territory: territory && territoryName ? { ...territory, name: territoryName } : null,
          indicators: {
            jobsKept: sum((p) => p.jobs_kept),
            jobsCreated: sum((p) => p.jobs_created),
            trainees: sum((p) => p.trainees),
            relocatedPurchasesCents: relocated.broughtBackCents,
            relocatedSupplierCount: relocated.count,
            reportedLocalPurchasesCents: sum((p) => p.local_purchases),
            fundingObtainedCents: sum((p) => p.funding_obtained),
            fundingRequestedCents: sum((p) => p.funding_requested),
            reportedAmountsRaisedCents: sum((p) => p.amounts_raised),
            projectCount: projects.length,
            organisationCount,
          },
          projectsByStage: STAGES.map((stage) => ({
            stage,
            count: projects.filter((p) => p.stage === stage).length,
          })),
          projects: projects.map((p) => ({
            id: p.id,
            title: p.title,
            stage: p.stage,
            leadOrganisationName: p.lead_name,
            jobsKept: p.jobs_kept,
            jobsCreated: p.jobs_created,
            trainees: p.trainees,
            fundingObtainedCents: p.funding_obtained,
            reportedAmountsRaisedCents: p.amounts_raised,
          })),
        };
      });
    },
  };
}

export type FunderReportsService = ReturnType<typeof createFunderReportsService>;
