import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, expectStatuses } from '../../test/role-cast.ts';

/**
 * Who may do what with needs, the shared-need board and projects, for every role: the staff of
 * the network, the federation staff of its parent, a leader and an employee of a member company,
 * a partner's delegate, a member of another network and an anonymous visitor.
 *
 *   federation Nord ── club Alpha: companies A (leader, employee), B, C; partner P
 *   cluster Gamma: company G (a member of another network)
 */
describe('needs: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  const MARKER = 'ZORGLUB-4242';

  function call(who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }

  async function post(who: string, need: object) {
    const response = await call(who, 'POST', '/needs', need);
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  }

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids, alpha } = cast);
    await cast.person('leaderB', alpha.id, 'member_leader');
    await cast.person('leaderC', alpha.id, 'member_leader');
    ids.B = (
      await buildOrganisation(t.db, { name: 'Alpha B', networkIds: [alpha.id], leaders: [ids.leaderB!] })
    ).id;
    ids.C = (
      await buildOrganisation(t.db, { name: 'Alpha C', networkIds: [alpha.id], leaders: [ids.leaderC!] })
    ).id;

    ids.needA = await post('leader', {
      kind: 'need',
      title: 'Audit de cybersécurité mutualisé',
      description: 'Faire auditer la sécurité de notre système d’information',
      visibility: 'network',
    });
    ids.needB = await post('leaderB', {
      kind: 'need',
      title: 'Tester la sécurité de notre SI',
      description: 'Un test d’intrusion pour vérifier nos protections informatiques',
      visibility: 'network',
    });
    ids.needC = await post('leaderC', {
      kind: 'need',
      title: 'Pentest commun',
      description: 'Organiser un pentest groupé de nos réseaux informatiques',
      visibility: 'network',
    });
    ids.energyB = await post('leaderB', {
      kind: 'need',
      title: 'Achat groupé d’électricité',
      description: 'Mutualiser notre fourniture d’énergie pour 2027',
      visibility: 'network',
    });
    ids.energyC = await post('leaderC', {
      kind: 'offer',
      title: 'Achat d’énergie en commun',
      description: 'Acheter ensemble électricité et gaz',
      visibility: 'network',
    });
    // Seen by the staff and company B only, wherever a member looks.
    ids.secret = await post('leaderB', {
      kind: 'idea',
      title: `Audit de sécurité confidentiel ${MARKER}`,
      description: `Notre système d’information a été attaqué ${MARKER}`,
      visibility: 'staff',
    });
  });
  after(() => t.close());

  it('lets only the leaders and employees of a member company post', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', '/needs', { kind: 'idea', title: `Idée de ${who}`, visibility: 'network' }),
      {
        staff: 403,
        fedStaff: 403,
        leader: 201,
        employee: 201,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('lists the needs for every person of the network', async () => {
    await expectStatuses((who) => call(who, 'GET', '/needs'), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('shows a need shared with the network to every person of the network', async () => {
    await expectStatuses((who) => call(who, 'GET', `/needs/${ids.needB}`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets only the people of the posting company edit its need', async () => {
    await expectStatuses((who) => call(who, 'PATCH', `/needs/${ids.needA}`, { quantity: '2 jours' }), {
      staff: 403,
      fedStaff: 403,
      leader: 200,
      employee: 200,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('shows the shared-need board to those who run the network only', async () => {
    await expectStatuses((who) => call(who, 'GET', '/needs/board'), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets only those who run the network merge groups', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', '/needs/board/merge', { needIds: [ids.energyB, ids.energyC] }),
      {
        staff: 200,
        fedStaff: 200,
        leader: 403,
        employee: 403,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('lets only those who run the network dismiss a group', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', '/needs/board/dismiss', { needIds: [ids.energyB, ids.energyC] }),
      {
        staff: 200,
        fedStaff: 200,
        leader: 403,
        employee: 403,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('lets only those who run the network create a project', async () => {
    await expectStatuses((who) => call(who, 'POST', '/projects', { title: `Projet de ${who}` }), {
      staff: 201,
      fedStaff: 201,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('shows a project to staff and to the people of its member companies', async () => {
    const created = await call('staff', 'POST', '/projects', {
      title: 'Cybersécurité A et B',
      needIds: [ids.needA, ids.needB],
    });
    assert.equal(created.statusCode, 201, created.body);
    const projectId = created.json().id;
    await expectStatuses((who) => call(who, 'GET', `/projects/${projectId}`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 404,
      otherMember: 404,
      anonymous: 401,
    });
    await expectStatuses((who) => call(who, 'PATCH', `/projects/${projectId}`, { stage: 'pilot' }), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 404,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets only the posting company withdraw its need', async () => {
    const need = await post('leader', { kind: 'need', title: 'Un besoin à retirer', visibility: 'network' });
    await expectStatuses((who) => call(who, 'DELETE', `/needs/${need}`), {
      staff: 403,
      fedStaff: 403,
      leader: 200,
      // Already withdrawn by the leader of the same company.
      employee: 409,
      partner: 404,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('never shows a need of visibility « staff » to a member, wherever they look', async () => {
    // A project that links the secret need: its company is invited, the need stays hidden.
    const created = await call('staff', 'POST', '/projects', {
      title: 'Sécurité groupée',
      needIds: [ids.secret, ids.needC],
    });
    assert.equal(created.statusCode, 201, created.body);
    const projectId = created.json().id;
    const projectC = await call('leaderC', 'GET', `/projects/${projectId}`);
    assert.equal(projectC.statusCode, 200, projectC.body);
    assert.deepEqual(
      projectC.json().needs.map((n: { id: string }) => n.id),
      [ids.needC],
    );

    const paths = ['/needs', `/needs/${ids.secret}`, '/needs/board', '/projects', `/projects/${projectId}`];
    for (const who of ['leader', 'employee', 'partner', 'otherMember', 'leaderC', 'anonymous']) {
      for (const path of paths) {
        const response = await call(who, 'GET', path);
        assert.ok(!response.body.includes(MARKER), `${who} sees the marker at ${path}`);
        assert.ok(!response.body.includes(ids.secret!), `${who} sees the need's id at ${path}`);
      }
    }
    // The marker is real: the staff and the posting company see it.
    for (const who of ['staff', 'fedStaff', 'leaderB']) {
      const response = await call(who, 'GET', '/needs');
      assert.ok(response.body.includes(MARKER), `${who} sees the need`);
    }
  });
});
