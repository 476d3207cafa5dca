import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PeerSuggestions, QuestionDetail, QuestionLists } from '@meute/contracts';
import { asPerson } from '../../db/database.ts';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';
import { buildGroup } from '../group-notes/test-groups.ts';

/**
 * Questions to peers, for every role of the cast. In club Alpha: the leader of A asks; the
 * partner's delegate wrote an open experience report about their ERP migration in the group
 * « Numérique » (the leader is a member), and a Chatham House report about a ransomware in the
 * same group; the employee of A wrote a report about ERP in the group « Direction » the leader is
 * NOT in; « Ines » (another member) has « ERP » among her company's competences.
 */
describe('questions to peers: suggestions, routing, answers, and who reads what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let slug: string;
  let questionId: string;

  function call(who: string, method: 'GET' | 'POST', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${slug}/questions${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }

  async function post(groupId: string, authorId: string, title: string, body: string, chatham: boolean) {
    await t.db
      .insertInto('group_posts')
      .values({
        group_id: groupId,
        kind: 'report',
        title,
        body_markdown: body,
        body_html: `<p>${body}</p>`,
        chatham,
        author_id: authorId,
      })
      .execute();
  }

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids } = cast);
    slug = cast.alpha.slug;
    await cast.person('ines', cast.alpha.id, 'member_leader');
    await cast.person('bystander', cast.alpha.id, 'member_leader');
    await buildOrganisation(t.db, {
      name: 'Ines Industrie',
      networkIds: [cast.alpha.id],
      leaders: [ids.ines!],
      competences: ['Intégration ERP'],
    });
    const numerique = await buildGroup(t.db, {
      networkId: cast.alpha.id,
      name: 'Numérique',
      theme: 'Transformation numérique',
      active: [ids.leader!, ids.partner!],
    });
    const direction = await buildGroup(t.db, {
      networkId: cast.alpha.id,
      name: 'Direction',
      theme: 'Dirigeants',
      active: [ids.employee!],
    });
    await post(
      numerique.id,
      ids.partner!,
      'Migration ERP vers Odoo',
      'Quatorze mois pour changer de progiciel.',
      false,
    );
    await post(
      numerique.id,
      ids.partner!,
      'Rançongiciel chez nous',
      'Serveurs chiffrés un lundi matin.',
      true,
    );
    await post(direction.id, ids.employee!, 'Notre ERP', 'Choix du progiciel de gestion intégré.', false);
  });
  after(() => t.close());

  it('suggests who has lived it, with why, from what the asker may read only', async () => {
    const response = await call('leader', 'POST', '/suggestions', { title: 'Qui a déjà changé d’ERP ?' });
    assert.equal(response.statusCode, 200, response.body);
    const { suggestions } = response.json() as PeerSuggestions;
    const partner = suggestions.find((s) => s.personId === ids.partner);
    assert.ok(partner, 'the author of the open report is suggested');
    assert.deepEqual(partner.reasons[0], {
      kind: 'report',
      label: 'Migration ERP vers Odoo',
      matched: ['ERP'],
    });
    const ines = suggestions.find((s) => s.personId === ids.ines);
    assert.equal(ines?.reasons[0]?.kind, 'competence');
    // The employee's report lives in a group the leader does not read: never a reason.
    assert.ok(!suggestions.some((s) => s.personId === ids.employee));
    assert.ok(!response.body.includes('Notre ERP'));
  });

  it('never uses a Chatham House report to name its author', async () => {
    const response = await call('leader', 'POST', '/suggestions', { title: 'Rançongiciel : que faire ?' });
    const { suggestions } = response.json() as PeerSuggestions;
    assert.ok(!response.body.includes('Rançongiciel chez nous'));
    for (const s of suggestions) assert.ok(s.reasons.every((r) => r.kind !== 'report'));
  });

  it('routes the question to the people picked, who are notified; the why is kept', async () => {
    const response = await call('leader', 'POST', '', {
      title: 'Qui a déjà changé d’ERP ?',
      body: 'Nous hésitons entre Odoo et Divalto.',
      recipients: [ids.partner, ids.employee],
    });
    assert.equal(response.statusCode, 201, response.body);
    const question = response.json() as QuestionDetail;
    questionId = question.id;
    assert.equal(question.isAsker, true);
    assert.equal(question.routes.length, 2);
    const partnerRoute = question.routes.find((r) => r.person.id === ids.partner)!;
    assert.match(partnerRoute.why, /a écrit un retour d’expérience sur « Migration ERP vers Odoo »/);
    assert.equal(question.routes.find((r) => r.person.id === ids.employee)!.why, '');
    const lines = await t.db
      .selectFrom('notifications')
      .select(['person_id', 'kind', 'group_id', 'link'])
      .where('subject_id', '=', questionId)
      .execute();
    assert.deepEqual(lines.map((l) => l.person_id).sort(), [ids.partner, ids.employee].sort());
    assert.ok(lines.every((l) => l.kind === 'question' && l.group_id === null));
  });

  it('refuses a question without recipient, or to someone outside the network, naming the field', async () => {
    const none = await call('leader', 'POST', '', { title: 'Question', recipients: [] });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().field, 'recipients');
    const outsider = await call('leader', 'POST', '', { title: 'Question', recipients: [ids.otherMember] });
    assert.equal(outsider.statusCode, 400);
    assert.equal(outsider.json().field, 'recipients');
    const self = await call('leader', 'POST', '', { title: 'Question', recipients: [ids.leader] });
    assert.equal(self.statusCode, 400);
    const short = await call('leader', 'POST', '', { title: 'Q', recipients: [ids.partner] });
    assert.equal(short.json().field, 'body.title');
    const count = await t.db.selectFrom('peer_questions').select('id').execute();
    assert.equal(count.length, 1);
  });

  it('lets each role read the question only if asker, asked or staff', async () => {
    const expected: Record<CastRole, number> = {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    };
    await expectStatuses((who) => call(who, 'GET', `/${questionId}`), expected);
    assert.equal((await call('bystander', 'GET', `/${questionId}`)).statusCode, 404);
    assert.equal((await call('ines', 'GET', `/${questionId}`)).statusCode, 404);
    // A routed person sees their own line only.
    const partner = (await call('partner', 'GET', `/${questionId}`)).json() as QuestionDetail;
    assert.deepEqual(
      partner.routes.map((r) => r.person.id),
      [ids.partner],
    );
    const rows = await asPerson(t.db, ids.bystander!, (trx) =>
      Promise.all([
        trx.selectFrom('peer_questions').selectAll().execute(),
        trx.selectFrom('peer_question_routes').selectAll().execute(),
      ]),
    );
    assert.deepEqual(rows, [[], []]);
  });

  it('lists my questions, those routed to me, and every question for staff', async () => {
    await expectStatuses((who) => call(who, 'GET', ''), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
    const leader = (await call('leader', 'GET', '')).json() as QuestionLists;
    assert.equal(leader.asked.length, 1);
    assert.equal(leader.network, null);
    const partner = (await call('partner', 'GET', '')).json() as QuestionLists;
    assert.deepEqual(
      partner.routedToMe.map((q) => [q.id, q.myStatus]),
      [[questionId, 'pending']],
    );
    const staff = (await call('staff', 'GET', '')).json() as QuestionLists;
    assert.equal(staff.network?.length, 1);
    const bystander = (await call('bystander', 'GET', '')).json() as QuestionLists;
    assert.deepEqual([bystander.asked, bystander.routedToMe, bystander.network], [[], [], null]);
  });

  it('lets only a person asked answer, once; the asker is notified and reads the answer', async () => {
    await expectStatuses((who) => call(who, 'POST', `/${questionId}/answer`, { body: `Réponse de ${who}` }), {
      staff: 403,
      fedStaff: 403,
      leader: 403,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
    const again = await call('partner', 'POST', `/${questionId}/answer`, { body: 'Encore' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'QUESTION_ALREADY_ANSWERED');
    const leader = (await call('leader', 'GET', `/${questionId}`)).json() as QuestionDetail;
    assert.deepEqual(leader.answers.map((a) => a.body).sort(), ['Réponse de employee', 'Réponse de partner']);
    assert.ok(leader.routes.every((r) => r.status === 'answered'));
    const toAsker = await t.db
      .selectFrom('notifications')
      .select('title')
      .where('person_id', '=', ids.leader!)
      .where('kind', '=', 'answer')
      .execute();
    assert.equal(toAsker.length, 2);
  });

  it('shows the asker « declined », with the reason only when it was given as public', async () => {
    const ask = async () =>
      (
        (
          await call('leader', 'POST', '', { title: 'Qui a une GPAO ?', recipients: [ids.partner, ids.ines] })
        ).json() as QuestionDetail
      ).id;
    const id = await ask();
    const privately = await call('partner', 'POST', `/${id}/decline`, { reason: 'Trop occupé en ce moment' });
    assert.equal(privately.statusCode, 200);
    assert.equal((privately.json() as QuestionDetail).routes[0]!.declineReason, 'Trop occupé en ce moment');
    await call('ines', 'POST', `/${id}/decline`, {
      reason: 'Nous ne l’avons pas encore fait',
      reasonIsPublic: true,
    });
    const leader = (await call('leader', 'GET', `/${id}`)).json() as QuestionDetail;
    const byPerson = new Map(leader.routes.map((r) => [r.person.id, r]));
    assert.equal(byPerson.get(ids.partner!)!.status, 'declined');
    assert.equal(byPerson.get(ids.partner!)!.declineReason, null);
    assert.equal(byPerson.get(ids.ines!)!.declineReason, 'Nous ne l’avons pas encore fait');
    const staff = (await call('staff', 'GET', `/${id}`)).json() as QuestionDetail;
    assert.ok(!JSON.stringify(staff).includes('Trop occupé'));
    assert.equal((await call('partner', 'POST', `/${id}/answer`, { body: 'x' })).statusCode, 409);
  });

  it('lets the network’s people ask, and nobody else', async () => {
    await expectStatuses((who) => call(who, 'POST', '/suggestions', { title: 'Qui a changé d’ERP ?' }), {
      staff: 200,
      fedStaff: 403,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
  });
});
