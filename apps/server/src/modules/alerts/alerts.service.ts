import type {
  AcknowledgeAlertRequest,
  Alert,
  AlertAcknowledgements,
  AlertList,
  Locale,
  PendingAlerts,
  RaiseAlertRequest,
  RemindResult,
} from '@meute/contracts';
import { raiseAlertRequest } from '@meute/contracts';
import type { Kysely } from 'kysely';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import { mailText } from '../notifications/mail-texts.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { type AlertsRepository, MEMBER_ROLES } from './alerts.repository.ts';

interface Deps {
  db: Kysely<DB>;
  alerts: AlertsRepository;
  networks: NetworksRepository;
  notifier: Notifier;
  mailer: Mailer;
  publicUrl: string;
  now?: () => Date;
}

type AlertRow = NonNullable<Awaited<ReturnType<AlertsRepository['find']>>>;

const alertLink = (slug: string, id: string) => `/n/${slug}/alerts#alert-${id}`;

/**
 * Urgent alerts to a whole network. A member (a leader or employee of a member company) or staff
 * raises one; everyone of the network is notified at once (in the app and by e-mail); each member
 * company acknowledges it once; staff see who has not, remind them and close it.
 */
export function createAlertsService(deps: Deps) {
  const { db, alerts, networks, notifier, mailer, publicUrl, now = () => new Date() } = deps;

  async function load(trx: Scoped, person: AuthenticatedPerson, slug: string) {
    const access = await loadNetworkForActor(trx, networks, person, slug);
    const speaking = await alerts.speakingFor(db, person.personId, access.network.id);
    const isMember = access.actor.rolesInNetwork.some((role) =>
      (MEMBER_ROLES as readonly string[]).includes(role),
    );
    return { ...access, speaking, canRaise: access.canManage || isMember };
  }

  async function present(
    trx: Scoped,
    person: AuthenticatedPerson,
    rows: AlertRow[],
    speaking: { id: string; name: string }[],
  ): Promise<Alert[]> {
    const ids = rows.map((row) => row.id);
    const [raisers, acknowledgements, counts, members] = await Promise.all([
      alerts.raisers(trx, ids),
      alerts.acknowledgements(trx, ids),
      alerts.acknowledgedCounts(db, ids),
      rows[0] ? alerts.memberOrganisations(db, rows[0].network_id) : Promise.resolve([]),
    ]);
    return rows.map((row) => {
      const raiser = raisers.find((r) => r.alert_id === row.id);
      return {
        id: row.id,
        title: row.title,
        description: row.description,
        checklist: row.checklist,
        isAnonymous: row.is_anonymous,
        raisedBy: raiser
          ? { personName: raiser.display_name ?? null, organisationName: raiser.organisation_name ?? null }
          : null,
        isMine: raiser?.person_id === person.personId,
        createdAt: row.created_at.toISOString(),
        closedAt: row.closed_at ? row.closed_at.toISOString() : null,
        lastRemindedAt: row.last_reminded_at ? row.last_reminded_at.toISOString() : null,
        acknowledgedCount: counts.get(row.id) ?? 0,
        organisationCount: members.length,
        myOrganisations: speaking.map((organisation) => {
          const ack = acknowledgements.find(
            (a) => a.alert_id === row.id && a.organisation_id === organisation.id,
          );
          return {
            id: organisation.id,
            name: organisation.name,
            acknowledgedAt: ack ? ack.acknowledged_at.toISOString() : null,
            acknowledgedBy: ack ? (ack.display_name ?? null) : null,
          };
        }),
      };
    });
  }

  async function one(person: AuthenticatedPerson, slug: string, id: string): Promise<Alert> {
    return asPerson(db, person.personId, async (trx) => {
      const { network, speaking } = await load(trx, person, slug);
      const row = await alerts.find(trx, network.id, id);
      if (!row) throw new AppError('NOT_FOUND');
      const [alert] = await present(trx, person, [row], speaking);
      return alert as Alert;
    });
  }

  /** The alert as staff of its network may act on it. */
  async function loadForStaff(person: AuthenticatedPerson, slug: string, id: string) {
    return asPerson(db, person.personId, async (trx) => {
      const { network, canManage } = await load(trx, person, slug);
      const row = await alerts.find(trx, network.id, id);
      if (!row) throw new AppError('NOT_FOUND');
      if (!canManage) throw new AppError('FORBIDDEN');
      return { network, row };
    });
  }

  return {
    one,

    async list(person: AuthenticatedPerson, slug: string): Promise<AlertList> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, speaking, canManage, canRaise } = await load(trx, person, slug);
        const rows = await alerts.list(trx, network.id);
        return { canRaise, canManage, alerts: await present(trx, person, rows, speaking) };
      });
    },

    async raise(person: AuthenticatedPerson, slug: string, input: RaiseAlertRequest): Promise<Alert> {
      const request = raiseAlertRequest.parse(input);
      const { network, speaking } = await asPerson(db, person.personId, async (trx) => {
        const loaded = await load(trx, person, slug);
        if (!loaded.canRaise) throw new AppError('FORBIDDEN');
        return loaded;
      });
      // The raiser's company, if they speak for one: it knows, so it has acknowledged.
      const organisationId = speaking[0]?.id ?? null;
      const at = now();
      const id = await db.transaction().execute(async (trx) => {
        const alert = await alerts.insert(trx, {
          networkId: network.id,
          title: request.title,
          description: request.description,
          checklist: request.checklist,
          isAnonymous: request.isAnonymous,
          personId: person.personId,
          organisationId,
          at,
        });
        if (organisationId) await alerts.acknowledge(trx, alert.id, [organisationId], person.personId, at);
        const people = await alerts.networkPeople(trx, network.id);
        await notifier.notify(
          trx,
          people
            .filter((personId) => personId !== person.personId)
            .map((personId) => ({
              personId,
              networkId: network.id,
              groupId: null,
              kind: 'alert' as const,
              subjectId: alert.id,
              link: alertLink(network.slug, alert.id),
              title: request.title,
              excerpt: request.description,
              urgent: true,
            })),
        );
        return alert.id;
      });
      return one(person, slug, id);
    },

    /** My organisation has read it: one acknowledgement per organisation, who and when recorded. */
    async acknowledge(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
      request: AcknowledgeAlertRequest,
    ): Promise<Alert> {
      const { row, speaking } = await asPerson(db, person.personId, async (trx) => {
        const loaded = await load(trx, person, slug);
        const found = await alerts.find(trx, loaded.network.id, id);
        if (!found) throw new AppError('NOT_FOUND');
        return { row: found, speaking: loaded.speaking };
      });
      if (speaking.length === 0) throw new AppError('FORBIDDEN');
      let organisationIds = speaking.map((o) => o.id);
      if (request.organisationId) {
        if (!organisationIds.includes(request.organisationId)) {
          throw new AppError('FORBIDDEN', { field: 'organisationId' });
        }
        organisationIds = [request.organisationId];
      }
      await alerts.acknowledge(db, row.id, organisationIds, person.personId, now());
      return one(person, slug, id);
    },

    /** For staff: which member organisations acknowledged (who, when), and which have not. */
    async acknowledgements(
      person: AuthenticatedPerson,
      slug: string,
      id: string,
    ): Promise<AlertAcknowledgements> {
      const { network, row } = await loadForStaff(person, slug, id);
      return asPerson(db, person.personId, async (trx) => {
        const acks = await alerts.acknowledgements(trx, [row.id]);
        const members = await alerts.memberOrganisations(db, network.id);
        const done = new Set(acks.map((a) => a.organisation_id));
        return {
          acknowledged: acks.map((a) => ({
            organisationId: a.organisation_id,
            organisationName: a.organisation_name,
            personName: a.display_name ?? null,
            acknowledgedAt: a.acknowledged_at.toISOString(),
          })),
          pending: members.filter((m) => !done.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
        };
      });
    },

    /** For staff: a reminder e-mail to the people of every organisation that has not acknowledged. */
    async remind(person: AuthenticatedPerson, slug: string, id: string): Promise<RemindResult> {
      const { network, row } = await loadForStaff(person, slug, id);
      if (row.closed_at) return { remindedOrganisations: 0, mails: 0 };
      const members = await alerts.memberOrganisations(db, network.id);
      const counts = await db
        .selectFrom('alert_acknowledgements')
        .select('organisation_id')
        .where('alert_id', '=', row.id)
        .execute();
      const done = new Set(counts.map((c) => c.organisation_id));
      const pending = members.filter((m) => !done.has(m.id));
      const people = await alerts.organisationPeople(
        db,
        network.id,
        pending.map((p) => p.id),
      );
      const at = now();
      for (const recipient of people) {
        const locale = recipient.locale as Locale;
        await mailer.send({
          to: recipient.email,
          subject: mailText(locale, 'reminder.subject', { network: network.name, title: row.title }),
          text: [
            mailText(locale, 'hello', { name: recipient.display_name }),
            '',
            mailText(locale, 'reminder.intro', {
              network: network.name,
              organisation: recipient.organisation_name,
            }),
            '',
            row.title,
            '',
            row.description,
            ...(row.checklist.length > 0
              ? ['', mailText(locale, 'alert.checklist'), ...row.checklist.map((item) => `  - ${item}`)]
              : []),
            '',
            mailText(locale, 'alert.acknowledge'),
            `${publicUrl}${alertLink(network.slug, row.id)}`,
            '',
            mailText(locale, 'signature'),
          ].join('\n'),
          networkId: network.id,
          confidential: true,
        });
      }
      await alerts.markReminded(db, row.id, at);
      return { remindedOrganisations: pending.length, mails: people.length };
    },

    /** For staff: the alert is over; it stays readable, nobody is asked to acknowledge it any more. */
    async close(person: AuthenticatedPerson, slug: string, id: string): Promise<Alert> {
      const { row } = await loadForStaff(person, slug, id);
      await alerts.close(db, row.id, person.personId, now());
      return one(person, slug, id);
    },

    /** The banner: open alerts of my networks that one of my organisations has not acknowledged. */
    async pending(person: AuthenticatedPerson): Promise<PendingAlerts> {
      const speaking = await alerts.speakingFor(db, person.personId, null);
      const rows = await alerts.unacknowledged(
        db,
        speaking.map((s) => ({ networkId: s.network_id, organisationId: s.id })),
      );
      return {
        alerts: rows
          .map((row) => {
            const done = new Set(row.acknowledged_ids ?? []);
            const mine = speaking.filter((s) => s.network_id === row.network_id && !done.has(s.id));
            const network = speaking.find((s) => s.network_id === row.network_id);
            return {
              id: row.id,
              networkSlug: network?.network_slug ?? '',
              networkName: network?.network_name ?? '',
              title: row.title,
              createdAt: row.created_at.toISOString(),
              organisations: mine.map((m) => ({ id: m.id, name: m.name })),
            };
          })
          .filter((alert) => alert.organisations.length > 0),
      };
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
