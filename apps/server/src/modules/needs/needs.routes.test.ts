import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

/** From posted needs to a collective project: the board finds the shared need, staff act on it. */
describe('needs: from posted needs to a collective project', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  const needs: Record<string, string> = {};
  let club: { id: string; slug: string };
  let competenceId: string;

  before(async () => {
    t = await buildTestApp();
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club Besoins' });
    const people: Record<string, { id: string; email: string }> = {};
    for (const who of ['staff', 'leaderA', 'leaderB', 'leaderC', 'leaderD', 'twoHats']) {
      people[who] = await buildPerson(t.db);
    }
    await grantRole(t.db, people.staff!.id, club.id, 'staff');
    for (const who of ['leaderA', 'leaderB', 'leaderC', 'leaderD', 'twoHats']) {
      await grantRole(t.db, people[who]!.id, club.id, 'member_leader');
    }
    for (const name of ['A', 'B', 'C', 'D']) {
      const org = await buildOrganisation(t.db, {
        name: `Entreprise ${name}`,
        networkIds: [club.id],
        leaders: [people[`leader${name}`]!.id, ...(name === 'A' || name === 'B' ? [people.twoHats!.id] : [])],
        competences: name === 'A' ? ['Cybersécurité'] : [],
      });
      orgs[name] = org.id;
    }
    competenceId = (
      await t.db
        .selectFrom('competences')
        .select('id')
        .where('label', '=', 'Cybersécurité')
        .executeTakeFirstOrThrow()
    ).id;
    for (const [who, person] of Object.entries(people)) cookies[who] = await signIn(t.app, person.email);
  });
  after(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/networks/${club.slug}${path}`,
      headers: { cookie: cookies[who]! },
      ...(payload ? { payload } : {}),
    });
  const post = async (who: string, need: object) => {
    const response = await call(who, 'POST', '/needs', { visibility: 'network', kind: 'need', ...need });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };

  it('posts a need with its optional fields and says which field is wrong', async () => {
    needs.A = await post('leaderA', {
      title: 'Audit de cybersécurité mutualisé',
      description: 'Faire auditer la sécurité de notre système d’information',
      competenceIds: [competenceId],
      nafCode: '62.02A',
      quantity: '3 jours',
      deadline: '2027-03-31',
    });
    const read = (await call('leaderA', 'GET', `/needs/${needs.A}`)).json();
    assert.equal(read.organisationName, 'Entreprise A');
    assert.equal(read.isMine, true);
    assert.deepEqual(
      [read.competenceIds, read.nafCode, read.quantity, read.deadline],
      [[competenceId], '62.02A', '3 jours', '2027-03-31'],
    );

    const unknown = await call('leaderA', 'POST', '/needs', {
      kind: 'need',
      title: 'X',
      visibility: 'network',
      competenceIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().field, 'body.competenceIds');
    const badNaf = await call('leaderA', 'POST', '/needs', {
      kind: 'need',
      title: 'X',
      visibility: 'network',
      nafCode: 'abc',
    });
    assert.equal(badNaf.statusCode, 400);
    const ambiguous = await call('twoHats', 'POST', '/needs', {
      kind: 'need',
      title: 'X',
      visibility: 'network',
    });
    assert.equal(ambiguous.statusCode, 400);
    assert.equal(ambiguous.json().field, 'body.organisationId');
  });

  it('shows a need named for some organisations to them only', async () => {
    const named = await post('leaderD', {
      kind: 'offer',
      title: 'Prêt d’une presse plieuse',
      visibility: 'named',
      namedOrganisationIds: [orgs.B],
    });
    const sees = async (who: string) =>
      (await call(who, 'GET', '/needs')).json().needs.some((n: { id: string }) => n.id === named);
    assert.deepEqual(
      {
        B: await sees('leaderB'),
        C: await sees('leaderC'),
        staff: await sees('staff'),
        D: await sees('leaderD'),
      },
      { B: true, C: false, staff: true, D: true },
    );
    const notMember = await call('leaderD', 'PATCH', `/needs/${named}`, {
      namedOrganisationIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(notMember.statusCode, 400);
    assert.equal(notMember.json().field, 'body.namedOrganisationIds');
    const withdrawn = await call('leaderD', 'DELETE', `/needs/${named}`);
    assert.equal(withdrawn.json().status, 'withdrawn');
    assert.equal((await call('leaderD', 'PATCH', `/needs/${named}`, { title: 'Encore' })).statusCode, 409);
    assert.equal(await sees('leaderB'), false, 'a withdrawn need leaves the list');
  });

  it('groups needs that say the same thing in different words, with the evidence', async () => {
    needs.B = await post('leaderB', {
      title: 'Tester la sécurité de notre SI',
      description: 'Un test d’intrusion pour vérifier nos protections informatiques',
    });
    needs.C = await post('leaderC', {
      title: 'Pentest commun',
      description: 'Organiser un pentest groupé de nos réseaux informatiques',
    });
    needs.energyB = await post('leaderB', {
      title: 'Achat groupé d’électricité',
      description: 'Mutualiser notre fourniture d’énergie pour 2027',
    });
    needs.energyD = await post('leaderD', {
      kind: 'idea',
      title: 'Achat d’énergie en commun',
      description: 'Acheter ensemble électricité et gaz',
    });
    needs.alone = await post('leaderD', {
      title: 'Recruter un apprenti soudeur',
      description: 'Formation en alternance',
    });

    const board = (await call('staff', 'GET', '/needs/board')).json();
    assert.equal(board.needCount, 6);
    assert.equal(board.groups.length, 2);
    const [cyber, energy] = board.groups;
    assert.deepEqual(cyber.needs.map((n: { id: string }) => n.id).sort(), [needs.A, needs.B, needs.C].sort());
    assert.equal(cyber.organisationCount, 3, 'the group of 3 organisations comes first');
    assert.ok(cyber.confidence > 0 && cyber.confidence <= 1);
    assert.ok(
      cyber.sharedConcepts.some((c: { label: string }) => c.label === 'Cybersécurité'),
      JSON.stringify(cyber.sharedConcepts),
    );
    assert.ok(cyber.pairs.length > 0);
    assert.deepEqual(energy.needs.map((n: { organisationName: string }) => n.organisationName).sort(), [
      'Entreprise B',
      'Entreprise D',
    ]);
  });

  it('never proposes a dismissed group again', async () => {
    const dismissed = await call('staff', 'POST', '/needs/board/dismiss', {
      needIds: [needs.energyB, needs.energyD],
    });
    assert.equal(dismissed.statusCode, 200);
    assert.equal(dismissed.json().groups.length, 1);
    const board = (await call('staff', 'GET', '/needs/board')).json();
    assert.ok(!JSON.stringify(board).includes(needs.energyB!));
  });

  it('merges groups on staff’s word', async () => {
    const merged = await call('staff', 'POST', '/needs/board/merge', { needIds: [needs.C, needs.alone] });
    assert.equal(merged.statusCode, 200);
    const group = merged
      .json()
      .groups.find((g: { needs: { id: string }[] }) => g.needs.some((n) => n.id === needs.alone));
    assert.ok(group, 'the merged need joins the group');
    assert.ok(group.needs.some((n: { id: string }) => n.id === needs.C));
    const foreign = await call('staff', 'POST', '/needs/board/merge', {
      needIds: [needs.C, '00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(foreign.statusCode, 404);
  });

  it('turns a group into a project that invites its organisations and links its needs', async () => {
    const created = await call('staff', 'POST', '/projects', {
      title: 'Audit de cybersécurité mutualisé',
      needIds: [needs.A, needs.B, needs.C],
      leadOrganisationId: orgs.A,
    });
    assert.equal(created.statusCode, 201, created.body);
    const projectId = created.json().id;
    const project = (await call('leaderB', 'GET', `/projects/${projectId}`)).json();
    assert.equal(project.stage, 'idea');
    assert.equal(project.leadOrganisation.name, 'Entreprise A');
    assert.deepEqual(
      project.members.map(
        (m: { organisationName: string; status: string }) => `${m.organisationName}:${m.status}`,
      ),
      ['Entreprise A:invited', 'Entreprise B:invited', 'Entreprise C:invited'],
    );
    assert.equal(project.needs.length, 3);
    assert.equal(project.canManage, false);

    const moved = await call('staff', 'PATCH', `/projects/${projectId}`, { stage: 'pilot' });
    assert.equal(moved.json().stage, 'pilot');
    const listed = (await call('leaderC', 'GET', '/projects')).json().projects;
    assert.deepEqual(
      listed.map((p: { title: string; stage: string; memberCount: number }) => [
        p.title,
        p.stage,
        p.memberCount,
      ]),
      [['Audit de cybersécurité mutualisé', 'pilot', 3]],
    );
    assert.deepEqual((await call('leaderD', 'GET', '/projects')).json().projects, []);

    const board = (await call('staff', 'GET', '/needs/board')).json();
    assert.ok(!JSON.stringify(board).includes(needs.A!), 'needs in a project leave the board');
  });

  it('recomputes the board when a need changes', async () => {
    const audit = await post('leaderB', {
      title: 'Audit de cybersécurité de notre usine',
      description: 'Faire auditer la sécurité informatique de nos machines',
    });
    const groupOf = async (id: string) =>
      (await call('staff', 'GET', '/needs/board'))
        .json()
        .groups.find((g: { needs: { id: string }[] }) => g.needs.some((n) => n.id === id));
    assert.equal(await groupOf(audit), undefined);
    const edited = await call('leaderD', 'PATCH', `/needs/${needs.alone}`, {
      title: 'Audit de cybersécurité de nos serveurs',
      description: 'Faire auditer la sécurité informatique de nos serveurs',
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const group = await groupOf(audit);
    assert.ok(group, 'the edited need now joins the new one');
    assert.ok(group.needs.some((n: { id: string }) => n.id === needs.alone));
  });
});
