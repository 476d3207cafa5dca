import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  apiAs,
  browserSkipReason,
  checkScreen,
  DEMO_PASSWORD,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const STAFF = 'animatrice@demo.meute.fr';
const LEADER = 'dirigeant@demo.meute.fr';
const TITLE = 'Extension de la médiathèque de Caen';

describe('groupements: record a proposed grouping, go, a −5 % revision, won', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lives a groupement from the proposal to the contract won', async () => {
    const { db } = app.database;
    // The leader's company and another company of the club with a competence it lacks.
    const leaderOrg = await db
      .selectFrom('person_organisations as po')
      .innerJoin('people as p', 'p.id', 'po.person_id')
      .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
      .select(['o.id', 'o.name'])
      .where('p.email', '=', LEADER)
      .where('o.kind', '=', 'company')
      .executeTakeFirstOrThrow();
    const held = await db
      .selectFrom('organisation_competences as oc')
      .innerJoin('network_organisations as no', 'no.organisation_id', 'oc.organisation_id')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .innerJoin('organisations as o', 'o.id', 'oc.organisation_id')
      .select(['oc.competence_id', 'oc.organisation_id'])
      .where('n.slug', '=', CLUB)
      .where('o.kind', '=', 'company')
      .execute();
    const own = held.find((row) => row.organisation_id === leaderOrg.id);
    assert.ok(own, 'the leader’s company has a competence');
    const lacking = held.find(
      (row) =>
        row.organisation_id !== leaderOrg.id &&
        !held.some((h) => h.organisation_id === leaderOrg.id && h.competence_id === row.competence_id),
    );
    assert.ok(lacking, 'another company brings a competence the leader’s company lacks');

    const staffApi = await apiAs(app, STAFF, DEMO_PASSWORD);
    const created = await staffApi('POST', `/api/networks/${CLUB}/tenders`, {
      title: TITLE,
      buyer: 'Ville de Caen',
      lots: [
        { title: 'Gros œuvre', requirements: [{ kind: 'competence', code: own.competence_id }] },
        { title: 'Second œuvre', requirements: [{ kind: 'competence', code: lacking.competence_id }] },
      ],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const tenderId = created.body.id as string;
    const run = await staffApi('POST', `/api/networks/${CLUB}/tenders/${tenderId}/consortium`, {
      minMembers: 2,
      maxMembers: 3,
      pinned: [leaderOrg.id],
    });
    assert.equal(run.status, 200, JSON.stringify(run.body));
    assert.ok(run.body.groupings.length > 0, 'the builder proposes a grouping');

    // Staff record the first proposal as a jointly-liable groupement and decide go.
    const { page, problems } = await newSession(browser, app.url);
    await signIn(page, STAFF);
    await page.goto(`/n/${CLUB}/tenders/${tenderId}`);
    await page.getByRole('heading', { level: 2, name: 'Groupement', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Groupements proposés' }).waitFor();
    await page.getByLabel('Forme du groupement').first().selectOption('solidaire');
    await page.getByRole('button', { name: 'Enregistrer ce groupement' }).first().click();
    const card = page.getByRole('article', { name: /Groupement solidaire|Jointly-liable/ });
    await card.waitFor();
    await card.getByText('En constitution').first().waitFor();
    await checkScreen(page, 'groupement-forming');
    await card.getByLabel('Motif de la décision').fill('Lots dans nos métiers, capacité disponible');
    await card.getByRole('button', { name: 'Go : on répond' }).click();
    await card.getByText('Lots dans nos métiers, capacité disponible').waitFor();
    await card.getByLabel('Ajouter un document (10 Mo au plus)').setInputFiles({
      name: 'DC1-groupement.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 DC1'),
    });
    await card.getByRole('link', { name: 'DC1-groupement.pdf' }).waitFor();

    // Each member's price (staff may enter them; the members see only their own).
    const list = await staffApi('GET', `/api/networks/${CLUB}/tenders/${tenderId}/groupements`);
    const groupement = list.body.groupements[0];
    const prices = [12_345_600, 8_765_400, 4_000_000];
    for (const [i, member] of groupement.members.entries()) {
      const set = await staffApi(
        'PUT',
        `/api/networks/${CLUB}/tenders/${tenderId}/groupements/${groupement.id}/members/${member.organisationId}/price`,
        { priceCents: prices[i] },
      );
      assert.equal(set.status, 200, JSON.stringify(set.body));
    }
    await page.reload();
    await card.getByLabel('Baisse demandée (%)').fill('5');
    await card.getByRole('button', { name: 'Répartir la baisse' }).click();
    await card.getByText(/Baisse de −5 % demandée/).waitFor();
    await card.getByText('Répartie selon les prix').waitFor();

    // The leader sees its own price, never another member's, and accepts its share.
    const leader = await newSession(browser, app.url);
    await signIn(leader.page, LEADER);
    await leader.page.goto(`/n/${CLUB}/tenders/${tenderId}`);
    const leaderCard = leader.page.getByRole('article', { name: 'Groupement solidaire' });
    await leaderCard.waitFor();
    await leaderCard.getByText('Confidentiel').first().waitFor();
    const body = await leader.page.content();
    const mine = groupement.members.findIndex(
      (m: { organisationId: string }) => m.organisationId === leaderOrg.id,
    );
    assert.ok(mine >= 0, 'the leader’s company is in the groupement');
    for (const [i, price] of prices.slice(0, groupement.members.length).entries()) {
      const shown = new Intl.NumberFormat('fr-FR').format(price / 100);
      assert.equal(body.includes(shown), i === mine, `price ${shown} shown to the leader: ${i === mine}`);
    }
    await leaderCard.getByRole('button', { name: 'Accepter' }).click();
    await leaderCard.getByText('Acceptée').first().waitFor();
    await checkScreen(leader.page, 'groupement-member');

    // Staff record the contract as won.
    await page.reload();
    await card.getByRole('button', { name: 'Offre déposée' }).click();
    await card.getByText('Offre déposée').first().waitFor();
    await card.getByLabel('Montant du marché (€ HT)').fill('240 000');
    await card.getByRole('button', { name: 'Gagné', exact: true }).click();
    await card.getByText(/Marché gagné : 240\s000\s€/).waitFor();
    await checkScreen(page, 'groupement-won');

    // In English too.
    await page.getByRole('button', { name: 'English' }).first().click();
    await card.getByText(/Contract won/).waitFor();
    await checkScreen(page, 'groupement-won-en');
    assert.deepEqual(problems, []);
  });
});
