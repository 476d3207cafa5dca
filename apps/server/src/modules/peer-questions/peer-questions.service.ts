import type {
  AskPeersRequest,
  DeclineQuestionRequest,
  Locale,
  PeerSuggestions,
  QuestionDetail,
  QuestionLists,
  QuestionSummary,
  SuggestPeersRequest,
} from '@meute/contracts';
import { type PeerCandidate, type PeerEvidence, type PeerSuggestion, suggestPeers } from '@meute/domain';
import type { Kysely } from 'kysely';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { PeerQuestionsRepository } from './peer-questions.repository.ts';

interface Deps {
  db: Kysely<DB>;
  questions: PeerQuestionsRepository;
  networks: NetworksRepository;
  notifier: Notifier;
  nafLabel: (code: string) => string | null;
  now?: () => Date;
}

const SUGGESTION_LIMIT = 8;
const DEFAULT_PICKS = 3;

const CODIR_LABELS: Record<string, string> = {
  ceo: 'Direction générale',
  it: 'Direction informatique (DSI, système d’information)',
  hr: 'Ressources humaines (recrutement, formation)',
  finance: 'Direction financière',
  csr: 'RSE (responsabilité sociétale)',
  operations: 'Production et opérations',
  sales: 'Commercial et ventes',
  other: '',
};

const TEXTS: Record<
  Locale,
  { question: string; answer: string; declined: string; reason: Record<string, string> }
> = {
  fr: {
    question: '{name} vous pose une question : « {title} »',
    answer: '{name} a répondu à votre question « {title} »',
    declined: '{name} a décliné votre question « {title} »',
    reason: {
      report: 'a écrit un retour d’expérience sur « {label} »',
      group: 'membre du groupe « {label} »',
      competence: 'compétence « {label} »',
      'job-title': 'fonction : {label}',
      'codir-role': 'au CODIR : {label}',
      organisation: 'activité de {label}',
      naf: 'activité (NAF) : {label}',
    },
  },
  en: {
    question: '{name} asks you: “{title}”',
    answer: '{name} answered your question “{title}”',
    declined: '{name} declined your question “{title}”',
    reason: {
      report: 'wrote an experience report on “{label}”',
      group: 'member of the group “{label}”',
      competence: 'competence “{label}”',
      'job-title': 'job: {label}',
      'codir-role': 'in the management team: {label}',
      organisation: 'business of {label}',
      naf: 'activity (NAF): {label}',
    },
  },
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** The « why » stored with a route, in the asker's language, as the asker saw it. */
function describeWhy(suggestion: PeerSuggestion, locale: Locale): string {
  return suggestion.reasons
    .map((reason) => {
      const text = fill(TEXTS[locale].reason[reason.kind] ?? '{label}', { label: reason.label });
      return reason.matched.length > 0 ? `${text} (${reason.matched.join(', ')})` : text;
    })
    .join(' ; ')
    .slice(0, 1000);
}

/**
 * Questions to peers. The suggestions are computed from what the ASKER may know about each
 * member — their profile in the directory, the groups whose members the asker sees, the
 * experience reports the asker may read — and a Chatham House report is never a reason: its
 * author stays unnamed outside the group. A question is read by its asker, the people it was
 * routed to and the network's staff.
 */
export function createPeerQuestionsService({
  db,
  questions,
  networks,
  notifier,
  nafLabel,
  now = () => new Date(),
}: Deps) {
  async function loadNetwork(trx: Scoped, person: AuthenticatedPerson, slug: string) {
    const access = await loadNetworkForActor(trx, networks, person, slug);
    return { ...access, canAsk: access.actor.rolesInNetwork.length > 0 };
  }

  /** Everything the asker may know that says what each member has lived. */
  async function collectCandidates(trx: Scoped, networkId: string, askerId: string) {
    const { people, organisations, competences } = await questions.candidates(trx, networkId, askerId);
    const ids = people.map((p) => p.id);
    const [groups, reports] = await Promise.all([
      questions.groupMemberships(trx, networkId, ids),
      questions.readableReports(trx, networkId, ids),
    ]);
    const byPerson = new Map<string, PeerEvidence[]>(ids.map((id) => [id, []]));
    const add = (personId: string | null, evidence: PeerEvidence) => {
      if (personId && evidence.text.trim()) byPerson.get(personId)?.push(evidence);
    };
    for (const person of people)
      add(person.id, { kind: 'job-title', label: person.job_title, text: person.job_title });
    const organisationOf = new Map<string, string>();
    for (const org of organisations) {
      organisationOf.set(org.person_id, org.name);
      if (org.job_title) add(org.person_id, { kind: 'job-title', label: org.job_title, text: org.job_title });
      const codir = org.codir_role ? CODIR_LABELS[org.codir_role] : '';
      if (codir) add(org.person_id, { kind: 'codir-role', label: codir.split(' (')[0]!, text: codir });
      add(org.person_id, { kind: 'organisation', label: org.name, text: org.description });
      const naf = org.naf_code ? nafLabel(org.naf_code) : null;
      if (naf) add(org.person_id, { kind: 'naf', label: naf, text: naf });
      for (const competence of competences.filter((c) => c.organisation_id === org.organisation_id))
        add(org.person_id, { kind: 'competence', label: competence.label, text: competence.label });
    }
    for (const group of groups)
      add(group.person_id, {
        kind: 'group',
        label: group.name,
        text: `${group.name}. ${group.theme}. ${group.description}`,
      });
    for (const report of reports)
      add(report.author_id, {
        kind: 'report',
        label: report.title ?? '',
        text: `${report.title ?? ''}\n${report.body_markdown}`,
      });
    const candidates: PeerCandidate[] = ids.map((personId) => ({
      personId,
      evidence: byPerson.get(personId)!,
    }));
    const info = new Map(people.map((p) => [p.id, p]));
    return { candidates, info, organisationOf };
  }

  async function suggestFor(trx: Scoped, networkId: string, askerId: string, title: string, body: string) {
    const { candidates, info, organisationOf } = await collectCandidates(trx, networkId, askerId);
    const suggestions = suggestPeers(`${title}\n${body}`, candidates, { limit: SUGGESTION_LIMIT });
    return suggestions.map((s) => ({
      suggestion: s,
      view: {
        personId: s.personId,
        name: info.get(s.personId)?.display_name ?? '',
        organisationName: organisationOf.get(s.personId) ?? null,
        jobTitle: info.get(s.personId)?.job_title ?? '',
        score: s.score,
        reasons: s.reasons,
      },
    }));
  }

  function toSummary(
    row: Awaited<ReturnType<PeerQuestionsRepository['listQuestions']>>[number],
    myStatus: QuestionSummary['myStatus'] = null,
  ): QuestionSummary {
    return {
      id: row.id,
      title: row.title,
      asker: { id: row.asker_id, name: row.asker_name },
      createdAt: row.created_at.toISOString(),
      routed: Number(row.routed ?? 0),
      answered: Number(row.answered ?? 0),
      declined: Number(row.declined ?? 0),
      myStatus,
    };
  }

  async function detail(person: AuthenticatedPerson, slug: string, id: string): Promise<QuestionDetail> {
    return asPerson(db, person.personId, async (trx) => {
      const { network } = await loadNetwork(trx, person, slug);
      const question = await questions.findQuestion(trx, network.id, id);
      if (!question) throw new AppError('NOT_FOUND');
      const [routes, answers] = await Promise.all([questions.routes(trx, id), questions.answers(trx, id)]);
      const names = await questions.names(db, [
        question.asker_id,
        ...routes.map((r) => r.person_id),
        ...answers.map((a) => a.author_id),
      ]);
      const mine = routes.find((r) => r.person_id === person.personId);
      return {
        id: question.id,
        title: question.title,
        body: question.body,
        asker: { id: question.asker_id, name: names.get(question.asker_id) ?? '' },
        createdAt: question.created_at.toISOString(),
        isAsker: question.asker_id === person.personId,
        routes: routes.map((r) => ({
          person: { id: r.person_id, name: names.get(r.person_id) ?? '' },
          status: r.status,
          why: r.why,
          // A reason given privately stays with the person who declined.
          declineReason:
            r.status === 'declined' &&
            r.decline_reason &&
            (r.decline_reason_public || r.person_id === person.personId)
              ? r.decline_reason
              : null,
          respondedAt: r.responded_at ? r.responded_at.toISOString() : null,
        })),
        answers: answers.map((a) => ({
          id: a.id,
          author: a.author_id ? { id: a.author_id, name: names.get(a.author_id) ?? '' } : null,
          body: a.body,
          createdAt: a.created_at.toISOString(),
        })),
        myStatus: mine?.status ?? null,
      };
    });
  }

  /** A routed person's answer or refusal, once, with the asker notified in the same transaction. */
  async function respond(
    person: AuthenticatedPerson,
    slug: string,
    id: string,
    work: (trx: Scoped, at: Date) => Promise<void>,
    what: 'answer' | 'declined',
  ) {
    const { network, question } = await asPerson(db, person.personId, async (trx) => {
      const { network } = await loadNetwork(trx, person, slug);
      const question = await questions.findQuestion(trx, network.id, id);
      if (!question) throw new AppError('NOT_FOUND');
      return { network, question };
    });
    await db.transaction().execute(async (trx) => {
      const route = await questions.lockRoute(trx, id, person.personId);
      // Staff read the question but were not asked.
      if (!route) throw new AppError('FORBIDDEN');
      if (route.status !== 'pending') throw new AppError('QUESTION_ALREADY_ANSWERED');
      await work(trx, now());
      const locales = await questions.locales(trx, [question.asker_id]);
      const names = await questions.names(db, [person.personId]);
      const texts = TEXTS[locales.get(question.asker_id) ?? 'fr'];
      await notifier.notify(trx, [
        {
          personId: question.asker_id,
          networkId: network.id,
          groupId: null,
          kind: 'answer',
          subjectId: id,
          link: `/n/${network.slug}/questions?question=${id}`,
          title: fill(what === 'answer' ? texts.answer : texts.declined, {
            name: names.get(person.personId) ?? '',
            title: question.title,
          }),
        },
      ]);
    });
    return detail(person, slug, id);
  }

  return {
    async suggest(
      person: AuthenticatedPerson,
      slug: string,
      input: Required<SuggestPeersRequest>,
    ): Promise<PeerSuggestions> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canAsk } = await loadNetwork(trx, person, slug);
        if (!canAsk) throw new AppError('FORBIDDEN');
        const suggestions = await suggestFor(trx, network.id, person.personId, input.title, input.body);
        return { suggestions: suggestions.map((s) => s.view), defaultPicks: DEFAULT_PICKS };
      });
    },

    async ask(
      person: AuthenticatedPerson,
      slug: string,
      input: Required<AskPeersRequest>,
    ): Promise<QuestionDetail> {
      const recipients = [...new Set(input.recipients)];
      if (recipients.length === 0)
        throw new AppError('VALIDATION', {
          field: 'recipients',
          params: { detail: 'detail.QUESTION_NO_RECIPIENT' },
        });
      const { network, whys } = await asPerson(db, person.personId, async (trx) => {
        const { network, canAsk } = await loadNetwork(trx, person, slug);
        if (!canAsk) throw new AppError('FORBIDDEN');
        const routable = await questions.routablePeople(trx, network.id, recipients);
        if (recipients.some((id) => !routable.has(id) || id === person.personId))
          throw new AppError('VALIDATION', {
            field: 'recipients',
            params: { detail: 'detail.QUESTION_RECIPIENT_UNKNOWN' },
          });
        // The why is computed here again, from what the asker may know: never taken from the client.
        const suggestions = await suggestFor(trx, network.id, person.personId, input.title, input.body);
        const whys = new Map(
          suggestions.map((s) => [s.suggestion.personId, describeWhy(s.suggestion, person.locale)]),
        );
        return { network, whys };
      });
      const id = await db.transaction().execute(async (trx) => {
        const questionId = await questions.insertQuestion(
          trx,
          { networkId: network.id, askerId: person.personId, title: input.title, body: input.body },
          recipients.map((personId) => ({ personId, why: whys.get(personId) ?? '' })),
        );
        const locales = await questions.locales(trx, recipients);
        const names = await questions.names(db, [person.personId]);
        await notifier.notify(
          trx,
          recipients.map((personId) => ({
            personId,
            networkId: network.id,
            groupId: null,
            kind: 'question' as const,
            subjectId: questionId,
            link: `/n/${network.slug}/questions?question=${questionId}`,
            title: fill(TEXTS[locales.get(personId) ?? 'fr'].question, {
              name: names.get(person.personId) ?? '',
              title: input.title,
            }),
            excerpt: input.body,
          })),
        );
        return questionId;
      });
      return detail(person, slug, id);
    },

    async lists(person: AuthenticatedPerson, slug: string): Promise<QuestionLists> {
      return asPerson(db, person.personId, async (trx) => {
        const { network, canManage, canAsk } = await loadNetwork(trx, person, slug);
        const [asked, routed, all] = await Promise.all([
          questions.listQuestions(trx, network.id, { askerId: person.personId }),
          questions.listQuestions(trx, network.id, { routedTo: person.personId }),
          canManage ? questions.listQuestions(trx, network.id, {}) : Promise.resolve(null),
        ]);
        const mine = new Map<string, QuestionSummary['myStatus']>();
        for (const row of routed) {
          const own = (await questions.routes(trx, row.id)).find((r) => r.person_id === person.personId);
          mine.set(row.id, own?.status ?? null);
        }
        return {
          asked: asked.map((row) => toSummary(row)),
          routedToMe: routed.map((row) => toSummary(row, mine.get(row.id) ?? null)),
          network: all ? all.map((row) => toSummary(row)) : null,
          canAsk,
        };
      });
    },

    detail,

    answer(person: AuthenticatedPerson, slug: string, id: string, body: string) {
      return respond(
        person,
        slug,
        id,
        (trx, at) => questions.answer(trx, id, person.personId, body, at),
        'answer',
      );
    },

    decline(person: AuthenticatedPerson, slug: string, id: string, input: Required<DeclineQuestionRequest>) {
      return respond(
        person,
        slug,
        id,
        (trx, at) => questions.decline(trx, id, person.personId, input.reason, input.reasonIsPublic, at),
        'declined',
      );
    },
  };
}

export type PeerQuestionsService = ReturnType<typeof createPeerQuestionsService>;
