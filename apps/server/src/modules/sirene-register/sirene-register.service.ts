import {
  SIRENE_TAKE_IN_MAX,
  type SireneRegisterPage,
  type SireneRegisterQuery,
  type SireneTakeInRequest,
  type SireneTakeInResult,
} from '@meute/contracts';
import type { Kysely } from 'kysely';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { ReferenceLookups } from '../directory/reference-lookups.ts';
import type { ImportsService } from '../imports/imports.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { RegisterFilter, SireneRegisterRepository } from './sirene-register.repository.ts';

const PAGE_SIZE = 50;
/** A page says « more than 10,000 » rather than count a million establishments. */
const TOTAL_CAP = 10_000;

interface Deps {
  db: Kysely<DB>;
  networks: NetworksRepository;
  register: SireneRegisterRepository;
  imports: ImportsService;
  reference: ReferenceLookups;
}

const filterOf = (query: Omit<SireneRegisterQuery, 'page'>): RegisterFilter => ({
  q: query.q,
  departement: query.departement,
  newOnly: query.newOnly === 'true',
});

/**
 * A network's SIRENE register (decision 0016): what its staff imported from the SIRENE stock,
 * searched and taken in as members. Staff only: 403 for the network's members, 404 for others.
 */
export function createSireneRegisterService({ db, networks, register, imports, reference }: Deps) {
  /** The network, when the person runs it. */
  async function managedNetwork(person: AuthenticatedPerson, slug: string) {
    return asPerson(db, person.personId, async (trx) => {
      const access = await loadNetworkForActor(trx, networks, person, slug);
      if (!access.canManage) throw new AppError('FORBIDDEN');
      return access.network;
    });
  }

  return {
    async page(
      person: AuthenticatedPerson,
      slug: string,
      query: SireneRegisterQuery,
    ): Promise<SireneRegisterPage> {
      const network = await managedNetwork(person, slug);
      return asPerson(db, person.personId, async (trx) => {
        const summary = await register.summary(trx, network.id);
        if (!summary) {
          return { register: null, total: 0, totalCap: TOTAL_CAP, page: 1, pageSize: PAGE_SIZE, items: [] };
        }
        const filter = filterOf(query);
        const [rows, total] = await Promise.all([
          register.page(trx, network.id, filter, PAGE_SIZE, (query.page - 1) * PAGE_SIZE),
          register.count(trx, network.id, filter, TOTAL_CAP + 1),
        ]);
        return {
          register: {
            importedAt: summary.imported_at.toISOString(),
            establishments: summary.establishments,
            active: summary.active,
          },
          total,
          totalCap: TOTAL_CAP,
          page: query.page,
          pageSize: PAGE_SIZE,
          items: rows.map((row) => ({
            siret: row.siret,
            name: row.name,
            nafCode: row.naf_code,
            nafLabel: row.naf_code ? reference.nafLabel(row.naf_code) : null,
            headcountBand: row.headcount_band,
            category: row.category,
            communeCode: row.commune_code,
            communeName: row.commune_code ? (reference.commune(row.commune_code)?.name ?? null) : null,
            departementCode: row.departement_code,
            isActive: row.is_active,
            memberOrganisationId: row.member_organisation_id,
          })),
        };
      });
    },

    /**
     * Makes establishments of the register members: the chosen SIRETs, or every active one a
     * search finds (refused, with nothing done, beyond SIRENE_TAKE_IN_MAX: narrow the search).
     */
    async takeIn(
      person: AuthenticatedPerson,
      slug: string,
      request: SireneTakeInRequest,
    ): Promise<SireneTakeInResult> {
      const network = await managedNetwork(person, slug);
      let sirets: readonly string[];
      if ('sirets' in request) sirets = [...new Set(request.sirets)];
      else {
        sirets = await asPerson(db, person.personId, (trx) =>
          register.activeSirets(trx, network.id, filterOf(request.search), SIRENE_TAKE_IN_MAX + 1),
        );
        if (sirets.length > SIRENE_TAKE_IN_MAX) {
          throw new AppError('REGISTER_SELECTION_TOO_LARGE', {
            field: 'search',
            params: { max: SIRENE_TAKE_IN_MAX.toLocaleString('fr-FR') },
          });
        }
      }
      if (sirets.length === 0) return { added: 0, created: 0 };
      return imports.takeInFromRegister(network.id, sirets);
    },
  };
}

export type SireneRegisterService = ReturnType<typeof createSireneRegisterService>;
