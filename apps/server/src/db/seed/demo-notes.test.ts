import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QuestionLists } from '@meute/contracts';
import { buildTestApp, signIn } from '../../test/factories.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo.ts';

describe('demo: the club’s note blanche, questions to peers and its no-business rule', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;

  before(async () => {
    t = await buildTestApp();
    await loadDemoData(t.db);
  });
  after(() => t.close());

  it('has the Cybersécurité group’s note in four versions by three members', async () => {
    const versions = await t.db
      .selectFrom('group_note_versions as v')
      .innerJoin('working_groups as g', 'g.id', 'v.group_id')
      .select(['v.version', 'v.author_id', 'v.body'])
      .where('g.slug', '=', 'cybersecurite')
      .orderBy('v.version')
      .execute();
    assert.equal(versions.length, 4);
    assert.equal(new Set(versions.map((v) => v.author_id)).size, 3);
    assert.match(versions.at(-1)!.body, /plénière de Caen/);
  });

  it('shows the demo leader the question they asked, answered, and one routed to them', async () => {
    const cookie = await signIn(t.app, 'dirigeant@demo.meute.fr', DEMO_PASSWORD);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/networks/club-eti-normandie/questions',
      headers: { cookie },
    });
    assert.equal(response.statusCode, 200, response.body);
    const lists = response.json() as QuestionLists;
    assert.deepEqual(
      lists.asked.map((q) => [q.title, q.answered]),
      [['Qui a déjà changé d’ERP ?', 1]],
    );
    assert.deepEqual(
      lists.routedToMe.map((q) => q.myStatus),
      ['pending'],
    );
  });

  it('turns the club’s « no business » rule on', async () => {
    const club = await t.db
      .selectFrom('networks')
      .select('no_business')
      .where('slug', '=', 'club-eti-normandie')
      .executeTakeFirstOrThrow();
    assert.equal(club.no_business, true);
  });
});
