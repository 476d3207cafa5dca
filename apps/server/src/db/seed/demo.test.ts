import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, signIn } from '../../test/factories.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo.ts';

describe('demo: the building cluster shows group purchasing and shared needs', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const base = '/api/networks/cluster-batiment-rhone/purchasing';
  let campaignId: string;

  before(async () => {
    t = await buildTestApp();
    await loadDemoData(t.db);
  });
  after(() => t.close());

  const get = async (email: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: await signIn(t.app, email, DEMO_PASSWORD) } });

  it('shows a member the campaign and its total, not the others’ figures', async () => {
    const list = await get('batisseur@demo.meute.fr', base);
    assert.equal(list.statusCode, 200, list.body);
    const campaign = list
      .json()
      .campaigns.find((c: { title: string }) => c.title === 'Électricité verte 2027');
    assert.ok(campaign, list.body);
    campaignId = campaign.id;
    const detail = (await get('batisseur@demo.meute.fr', `${base}/${campaignId}`)).json();
    assert.equal(detail.aggregate.hiddenReason, null);
    assert.equal(detail.aggregate.organisationCount, 5);
    assert.equal(detail.commitments, null);
    assert.deepEqual(detail.myCommitments, [], 'the visitor’s own company has not committed yet');
    assert.ok(detail.myOrganisations.length > 0, 'the visitor may commit');
  });

  it('shows the federation staff every commitment and both offers compared', async () => {
    const detail = (await get('federation@demo.meute.fr', `${base}/${campaignId}`)).json();
    assert.equal(detail.commitments.length, 5);
    const offers = await get('federation@demo.meute.fr', `${base}/${campaignId}/offers`);
    assert.equal(offers.statusCode, 200, offers.body);
    assert.deepEqual(
      offers
        .json()
        .offers.map((o: { supplierName: string }) => o.supplierName)
        .sort(),
      ['Coopérative Solaire Lyonnaise', 'Rhône Énergies Vertes'],
    );
  });

  it('gives the staff a shared-need board: three companies want the same security audit', async () => {
    const board = await get('federation@demo.meute.fr', '/api/networks/cluster-batiment-rhone/needs/board');
    assert.equal(board.statusCode, 200, board.body);
    const counts = board.json().groups.map((g: { organisationCount: number }) => g.organisationCount);
    assert.deepEqual(counts, [3, 2], board.body);
  });
});
