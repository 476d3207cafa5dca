import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, expectStatuses } from '../../test/role-cast.ts';

/**
 * Staff teach the shared-need board: split a group that mixes two needs, and add the network's
 * own synonyms (« flocage » ↔ « sérigraphie ») so that needs worded differently meet.
 */
describe('needs: staff split groups and extend the thesaurus', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cast: Awaited<ReturnType<typeof buildRoleCast>>;
  const needs: Record<string, string> = {};

  before(async () => {
    t = await buildTestApp();
    cast = await buildRoleCast(t);
    for (const name of ['B', 'C', 'D']) {
      await cast.person(`leader${name}`, cast.alpha.id, 'member_leader');
      await buildOrganisation(t.db, {
        name: `Alpha ${name}`,
        networkIds: [cast.alpha.id],
        leaders: [cast.ids[`leader${name}`]!],
      });
    }
  });
  after(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) => {
    const cookie = cast.cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${cast.alpha.slug}/needs${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  };
  const post = async (who: string, title: string, description: string) => {
    const response = await call(who, 'POST', '', { visibility: 'network', kind: 'need', title, description });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };
  const groupsOf = (board: { groups: { needs: { id: string }[] }[] }) =>
    board.groups.map((g) => g.needs.map((n) => n.id).sort());

  it('splits a group: the needs taken apart are never proposed again with the rest', async () => {
    needs.A = await post('leader', 'Audit de cybersécurité mutualisé', 'Faire auditer la sécurité de nos SI');
    needs.B = await post(
      'leaderB',
      'Tester la sécurité de notre SI',
      'Un test d’intrusion de nos protections',
    );
    needs.C = await post('leaderC', 'Pentest commun', 'Un pentest groupé de nos réseaux informatiques');
    needs.D = await post('leaderD', 'Sécurité informatique', 'Audit de la sécurité du système d’information');
    const board = (await call('staff', 'GET', '/board')).json();
    const group = board.groups.find((g: { needs: { id: string }[] }) => g.needs.length === 4);
    assert.ok(group, JSON.stringify(groupsOf(board)));

    const outside = await call('staff', 'POST', '/board/split', {
      needIds: [needs.A, needs.B],
      partIds: [needs.C],
    });
    assert.equal(outside.statusCode, 400);
    assert.equal(outside.json().field, 'body.partIds');
    const everything = await call('staff', 'POST', '/board/split', {
      needIds: [needs.A, needs.B],
      partIds: [needs.A, needs.B],
    });
    assert.equal(everything.statusCode, 400);
    assert.match(everything.json().message, /laissez au moins un besoin/);

    const split = await call('staff', 'POST', '/board/split', {
      needIds: [needs.A, needs.B, needs.C, needs.D],
      partIds: [needs.C, needs.B],
    });
    assert.equal(split.statusCode, 200, split.body);
    const after = groupsOf(split.json());
    assert.ok(
      after.some((g) => g.join() === [needs.B, needs.C].sort().join()),
      `the part stays together: ${JSON.stringify(after)}`,
    );
    for (const g of after) {
      assert.ok(!(g.includes(needs.A!) && g.includes(needs.C!)), 'never again with the rest');
      assert.ok(!(g.includes(needs.D!) && g.includes(needs.B!)), 'never again with the rest');
    }
  });

  it('groups needs worded differently once staff add their synonyms, and stops when removed', async () => {
    needs.flocage = await post('leaderB', 'Flocage des tenues de travail', 'Marquer nos vêtements au logo');
    needs.serigraphie = await post('leaderD', 'Sérigraphie sur textiles', 'Personnaliser des t-shirts');
    const together = (board: { groups: { needs: { id: string }[] }[] }) =>
      groupsOf(board).some((g) => g.includes(needs.flocage!) && g.includes(needs.serigraphie!));
    assert.equal(together((await call('staff', 'GET', '/board')).json()), false);

    const unknown = await call('staff', 'POST', '/thesaurus', {
      conceptId: 'no-such-concept',
      label: 'Marquage',
      terms: ['flocage'],
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().field, 'body.conceptId');
    const empty = await call('staff', 'POST', '/thesaurus', { label: 'Marquage', terms: [] });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().field, 'body.terms');

    const added = await call('staff', 'POST', '/thesaurus', {
      label: 'Marquage textile',
      terms: ['flocage', 'sérigraphie', 'marquage textile', 'tenues', 'textiles', 'vêtements', 't-shirts'],
    });
    assert.equal(added.statusCode, 200, added.body);
    const own = added.json().sets.filter((s: { source: string }) => s.source === 'network');
    assert.equal(own.length, 1);
    assert.ok(added.json().sets.some((s: { conceptId: string }) => s.conceptId === 'cybersecurity'));
    assert.equal(together((await call('staff', 'GET', '/board')).json()), true);

    const renamed = await call('staff', 'PUT', `/thesaurus/${own[0].id}`, {
      label: 'Marquage des vêtements',
      terms: ['flocage', 'sérigraphie', 'tenues', 'textiles'],
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(
      renamed.json().sets.find((s: { id: string | null }) => s.id === own[0].id).label,
      'Marquage des vêtements',
    );
    const removed = await call('staff', 'DELETE', `/thesaurus/${own[0].id}`);
    assert.equal(removed.statusCode, 200);
    assert.equal(together((await call('staff', 'GET', '/board')).json()), false);
    assert.equal((await call('staff', 'DELETE', `/thesaurus/${own[0].id}`)).statusCode, 404);
  });

  it('keeps the board’s workings to those who run the network', async () => {
    const staffOnly = {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    } as const;
    await expectStatuses((who) => call(who, 'GET', '/thesaurus'), staffOnly);
    await expectStatuses(
      (who) => call(who, 'POST', '/thesaurus', { label: `Ensemble ${who}`, terms: [`terme-${who}`] }),
      staffOnly,
    );
    await expectStatuses(
      (who) => call(who, 'POST', '/board/split', { needIds: [needs.B, needs.C], partIds: [needs.B] }),
      staffOnly,
    );
    // Row-level security: the app role reads no other network's sets.
    const other = await call('otherMember', 'GET', '/thesaurus');
    assert.ok(!other.body.includes('Ensemble staff'));
  });
});
