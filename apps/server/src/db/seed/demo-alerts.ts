import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const RANSOMWARE = {
  title: 'Campagne de rançongiciel visant les industriels normands de la plasturgie',
  description: [
    'Depuis lundi, trois entreprises industrielles de l’Orne et du Calvados (plasturgie, mécanique) ont subi une attaque par rançongiciel.',
    'Le scénario est le même à chaque fois : un faux e-mail de transporteur (« avis de livraison en attente ») avec une pièce jointe piégée, puis une connexion au VPN avec un compte volé, de nuit, et le chiffrement des serveurs de production et des sauvegardes en ligne.',
    '',
    'L’ANSSI et le CERT régional sont prévenus. Ne payez pas de rançon ; appelez le 17Cyber en cas de doute.',
  ].join('\n'),
  checklist: [
    'Vos sauvegardes hors ligne existent et une restauration a été testée ce mois-ci',
    'Le VPN exige une double authentification pour tous les comptes, prestataires compris',
    'Les comptes VPN inutilisés depuis 90 jours sont désactivés',
    'Les e-mails « avis de livraison » avec pièce jointe .zip ou .iso sont bloqués',
    'Les équipes savent qui appeler la nuit et le week-end',
  ],
};

const FRAUD = {
  title: 'Faux ordres de virement : tentative d’escroquerie au président',
  description:
    'Deux membres ont reçu des appels d’un faux dirigeant demandant un virement urgent et confidentiel vers l’étranger. Les appels imitent la voix du dirigeant.',
  checklist: [
    'Tout virement inhabituel est confirmé par un rappel sur un numéro connu',
    'La comptabilité connaît la procédure et a le droit de dire non',
  ],
};

/**
 * Alerts of the Club ETI Normandie (S1 step 3): a ransomware campaign in progress, acknowledged by
 * part of the member companies but not yet by Plastiflex (so its leader sees the banner), and an
 * older alert, closed; with the notifications the demo accounts received.
 */
export async function loadDemoAlerts(
  trx: Kysely<DB>,
  networkIds: Map<string, string>,
  personIds: Map<string, string>,
  now = new Date(),
) {
  const clubId = networkIds.get('club-eti-normandie');
  const staffId = personIds.get('animatrice@demo.meute.fr');
  const leaderId = personIds.get('dirigeant@demo.meute.fr');
  if (!clubId || !staffId || !leaderId) return;
  const members = await trx
    .selectFrom('network_organisations as no')
    .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
    .select(['o.id', 'o.name'])
    .where('no.network_id', '=', clubId)
    .where('o.kind', '=', 'company')
    .orderBy('o.name')
    .execute();
  const plastiflex = members.find((m) => m.name === 'Plastiflex');
  const others = members.filter((m) => m !== plastiflex);

  const raisedAt = new Date(now.getTime() - 5 * HOUR_MS);
  const ransomware = await trx
    .insertInto('alerts')
    .values({ network_id: clubId, ...RANSOMWARE, created_at: raisedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('alert_raisers')
    .values({ alert_id: ransomware.id, person_id: staffId, organisation_id: null })
    .execute();
  // About six in ten companies have acknowledged within hours; the others, Plastiflex among them, not yet.
  const acknowledging = others.filter((_, index) => index % 5 < 3);
  if (acknowledging.length > 0) {
    await trx
      .insertInto('alert_acknowledgements')
      .values(
        acknowledging.map((organisation, index) => ({
          alert_id: ransomware.id,
          organisation_id: organisation.id,
          person_id: null,
          acknowledged_at: new Date(raisedAt.getTime() + ((index * 7) % 270) * 60_000 + 10 * 60_000),
        })),
      )
      .execute();
  }

  const fraudAt = new Date(now.getTime() - 24 * DAY_MS);
  const fraud = await trx
    .insertInto('alerts')
    .values({
      network_id: clubId,
      ...FRAUD,
      is_anonymous: true,
      created_at: fraudAt,
      closed_at: new Date(fraudAt.getTime() + 6 * DAY_MS),
      closed_by: staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('alert_raisers')
    .values({ alert_id: fraud.id, person_id: leaderId, organisation_id: plastiflex?.id ?? null })
    .execute();
  const fraudAcks = members.filter((_, index) => index % 6 !== 5);
  if (fraudAcks.length > 0) {
    await trx
      .insertInto('alert_acknowledgements')
      .values(
        fraudAcks.map((organisation, index) => ({
          alert_id: fraud.id,
          organisation_id: organisation.id,
          person_id: organisation.id === plastiflex?.id ? leaderId : null,
          acknowledged_at: new Date(fraudAt.getTime() + (index % 48) * HOUR_MS + HOUR_MS),
        })),
      )
      .execute();
  }

  // Everyone of the club was notified (and e-mailed then); the leader has not opened the new one.
  const people = await trx
    .selectFrom('memberships')
    .select('person_id')
    .distinct()
    .where('network_id', '=', clubId)
    .execute();
  const lines = people.flatMap(({ person_id }) => [
    {
      person_id,
      network_id: clubId,
      group_id: null,
      kind: 'alert' as const,
      subject_id: ransomware.id,
      link: `/n/club-eti-normandie/alerts#alert-${ransomware.id}`,
      title: RANSOMWARE.title,
      excerpt: RANSOMWARE.description.slice(0, 600),
      urgent: true,
      created_at: raisedAt,
      emailed_at: raisedAt,
      read_at: person_id === staffId ? raisedAt : null,
    },
    ...(person_id === leaderId
      ? []
      : [
          {
            person_id,
            network_id: clubId,
            group_id: null,
            kind: 'alert' as const,
            subject_id: fraud.id,
            link: `/n/club-eti-normandie/alerts#alert-${fraud.id}`,
            title: FRAUD.title,
            excerpt: FRAUD.description,
            urgent: true,
            created_at: fraudAt,
            emailed_at: fraudAt,
            read_at: new Date(fraudAt.getTime() + HOUR_MS),
          },
        ]),
  ]);
  if (lines.length > 0) await trx.insertInto('notifications').values(lines).execute();
}
