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

  it('has campaigns at every stage: open, offers in, awarded with the opt-out window open, awarded', async () => {
    const campaigns = (await get('federation@demo.meute.fr', base)).json().campaigns;
    const statusOf = (title: string) => campaigns.find((c: { title: string }) => c.title === title)?.status;
    assert.deepEqual(
      [
        'Électricité verte 2027',
        'Équipements de protection chantier 2027',
        'Assurance flotte de véhicules utilitaires 2027',
        'Peinture des locaux — printemps 2026',
        'Fournitures de bureau 2026',
      ].map(statusOf),
      ['open', 'closed', 'awarded', 'awarded', 'awarded'],
    );
    const insurance = campaigns.find((c: { title: string }) => c.title.startsWith('Assurance'));
    const award = (await get('federation@demo.meute.fr', `${base}/${insurance.id}`)).json().award;
    assert.equal(award.isFinal, false, 'companies may still opt out');
    assert.equal(award.shares.length, 5, 'one of six opted out');
  });

  it('shows S6 step 4: seven companies repainted their premises together for 15 % less', async () => {
    const campaigns = (await get('federation@demo.meute.fr', base)).json().campaigns;
    const paint = campaigns.find((c: { title: string }) => c.title.startsWith('Peinture'));
    const detail = (await get('federation@demo.meute.fr', `${base}/${paint.id}`)).json();
    assert.equal(detail.award.isFinal, true);
    assert.equal(detail.award.shares.length, 7);
    for (const share of detail.award.shares) {
      assert.equal(share.shareCents, share.quantity * 8_330);
      assert.equal(share.standAloneCostCents, share.quantity * 9_800);
    }
  });

  it('gives the staff a shared-need board: three companies want the same security audit', async () => {
    const board = await get('federation@demo.meute.fr', '/api/networks/cluster-batiment-rhone/needs/board');
    assert.equal(board.statusCode, 200, board.body);
    const counts = board.json().groups.map((g: { organisationCount: number }) => g.organisationCount);
    assert.deepEqual(counts, [3, 2], board.body);
  });
});
