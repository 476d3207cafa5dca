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

  it('holds about 200 needs, and S10’s board groups the welder, the CACES training and local subcontracting', async () => {
    const perNetwork = await t.db
      .selectFrom('needs as n')
      .innerJoin('networks as w', 'w.id', 'n.network_id')
      .select(['w.slug', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('w.slug')
      .execute();
    const total = perNetwork.reduce((sum, row) => sum + Number(row.count), 0);
    assert.ok(total >= 180 && total <= 230, `${total} needs`);
    assert.equal(
      perNetwork.find((row) => row.slug === 'club-eti-normandie'),
      undefined,
      'the club’s needs start empty',
    );
    const board = await get(
      'federation@demo.meute.fr',
      '/api/networks/pays-de-craon-entreprises/needs/board',
    );
    assert.equal(board.statusCode, 200, board.body);
    const groups: { organisationCount: number; needs: { title: string }[] }[] = board.json().groups;
    const groupAbout = (word: RegExp) => groups.find((g) => g.needs.some((n) => word.test(n.title)));
    const welder = groupAbout(/soudeur/i);
    const caces = groupAbout(/CACES/);
    const local = groupAbout(/sous-traitance locale/i);
    for (const group of [welder, caces, local]) {
      assert.ok(group && group.organisationCount >= 3, board.body);
    }
    assert.equal(new Set([welder, caces, local]).size, 3, 'three different groups');
    assert.ok(groups.length >= 5 && groups.length <= 20, `${groups.length} groups`);
  });

  it('shows S10 step 4: the Pays de Craon’s projects at every stage, and its funder report', async () => {
    const report = await get(
      'federation@demo.meute.fr',
      '/api/networks/pays-de-craon-entreprises/funder-report',
    );
    assert.equal(report.statusCode, 200, report.body);
    const { indicators, projectsByStage } = report.json();
    assert.deepEqual(
      projectsByStage.map((s: { count: number }) => s.count),
      [1, 1, 1, 1, 1],
    );
    assert.ok(indicators.jobsKept > 0 && indicators.trainees > 0, JSON.stringify(indicators));
    assert.ok(indicators.relocatedPurchasesCents > 0, JSON.stringify(indicators));
  });

  it('has the tenders of S2, S4 and S6, and the builder finds S4’s trio near Villeurbanne', async () => {
    const list = await get('federation@demo.meute.fr', '/api/networks/cluster-batiment-rhone/tenders');
    const tender = list.json().tenders.find((t: { title: string }) => t.title.includes('48 logements'));
    assert.ok(tender, list.body);
    assert.equal(tender.lotCount, 3);
    assert.equal(list.json().tenders.length, 2, 'and last spring’s school, won by a trio');
    for (const slug of ['mesure-metrologie-idf', 'alliance-paysage-france']) {
      const other = await get('federation@demo.meute.fr', `/api/networks/${slug}/tenders`);
      assert.equal(other.json().tenders.length, 1, slug);
    }
    const cookie = await signIn(t.app, 'federation@demo.meute.fr', DEMO_PASSWORD);
    const run = await t.app.inject({
      method: 'POST',
      url: `/api/networks/cluster-batiment-rhone/tenders/${tender.id}/consortium`,
      headers: { cookie },
      payload: { minMembers: 2, maxMembers: 5, maxDistanceKm: 40 },
    });
    assert.equal(run.statusCode, 200, run.body);
    assert.equal(run.json().status, 'optimal', run.body);
    assert.ok(run.json().groupings[0].members.length <= 3, run.body);
    const recorded = await t.db
      .selectFrom('groupements')
      .select(['status', 'kind'])
      .orderBy('status')
      .execute();
    assert.deepEqual(
      recorded.map((g) => [g.status, g.kind]),
      [
        ['go', 'solidaire'],
        ['won', 'solidaire'],
      ],
    );
  });
});
