import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  apiAs,
  browserSkipReason,
  checkScreen,
  DEMO_PASSWORD,
  guideImage,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUSTER = 'cluster-batiment-rhone';

describe('S4: a building cluster forming groupings of 2, 3 or 5 firms', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('proposes a certified trio near Villeurbanne, records it, then reuses firms that worked together', async () => {
    const { db } = app.database;
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'federation@demo.meute.fr', DEMO_PASSWORD, { landing: /\/n\/|\/$/ });

    // Step 1: the social landlord's tender, 48 homes in 3 lots, RGE required.
    await desk.goto(`/n/${CLUSTER}/tenders`);
    await desk.getByRole('link', { name: /48 logements/ }).click();
    await desk.getByRole('heading', { level: 2, name: 'Lots et exigences' }).waitFor();

    // Step 2: the builder proposes a trio within 40 km that covers every lot with the certification.
    await desk.getByLabel('Distance maximale (km)').fill('40');
    await desk.getByRole('button', { name: 'Composer un groupement' }).click();
    const first = desk.getByRole('article', { name: 'Groupement n° 1' });
    await first.waitFor();
    await first.locator('.tender-map svg').waitFor();
    const matrix = first.locator('.coverage-matrix');
    await matrix.waitFor();
    const members = await first.locator('.coverage-matrix thead th.coverage-company').allInnerTexts();
    assert.ok(members.length >= 2 && members.length <= 3, members.join(', '));
    // Every requirement row has at least one ✓.
    const rows = matrix.locator('tbody tr');
    for (let r = 0; r < (await rows.count()); r += 1) {
      assert.ok((await rows.nth(r).locator('td.coverage-yes').count()) > 0, `row ${r} covered`);
    }
    await checkScreen(desk, 's4-proposal');
    await guideImage(desk, 'groupement-carte', 'article[aria-label="Groupement n° 1"]');

    // Staff confirm: the grouping is recorded.
    await desk.getByRole('button', { name: 'Enregistrer ce groupement' }).first().click();
    await desk.getByText('Groupement enregistré.').waitFor();
    const recorded = await db
      .selectFrom('groupements')
      .innerJoin('tenders', 'tenders.id', 'groupements.tender_id')
      .select('groupements.id')
      .where('tenders.title', 'like', '%48 logements%')
      .execute();
    assert.equal(recorded.length, 1);

    // Step 3: a school in Saint-Symphorien-sur-Coise needs 5 trades.
    const competence = async (label: string) =>
      (await db.selectFrom('competences').select('id').where('label', '=', label).executeTakeFirstOrThrow())
        .id;
    const trades = [
      'Isolation thermique',
      'Chauffage et ventilation',
      'Menuiserie extérieure',
      'Plâtrerie',
      'Peinture',
    ];
    const api = await apiAs(app, 'federation@demo.meute.fr', DEMO_PASSWORD);
    const school = await api('POST', `/api/networks/${CLUSTER}/tenders`, {
      title: 'Rénovation du groupe scolaire',
      buyer: 'Commune de Saint-Symphorien-sur-Coise (fictif)',
      communeCode: '69238',
      lots: [
        {
          title: 'Tous corps d’état',
          requirements: await Promise.all(
            trades.map(async (label) => ({ kind: 'competence', code: await competence(label), quantity: 0 })),
          ),
        },
      ],
    });
    assert.equal(school.status, 201, JSON.stringify(school.body));
    await desk.goto(`/n/${CLUSTER}/tenders/${school.body.id}`);
    // Staff start from the trio that won last spring's school together; the builder adds the rest.
    const team = desk.getByLabel('Repartir d’une équipe qui a déjà travaillé ensemble');
    const option = await team.locator('option', { hasText: 'Jean-Jaurès' }).getAttribute('value');
    await team.selectOption(option!);
    await desk
      .getByText(/^L’équipe de « Rénovation énergétique de l’école Jean-Jaurès » est imposée/)
      .waitFor();
    await desk.getByRole('button', { name: 'Composer un groupement' }).click();
    const proposal = desk.getByRole('article', { name: 'Groupement n° 1' });
    await proposal.waitFor();
    const names = await proposal.locator('.coverage-matrix thead th.coverage-company').allInnerTexts();
    const trio = await db
      .selectFrom('groupement_members as gm')
      .innerJoin('groupements as g', 'g.id', 'gm.groupement_id')
      .innerJoin('organisations as o', 'o.id', 'gm.organisation_id')
      .select('o.name')
      .where('g.status', '=', 'won')
      .execute();
    const upper = names.map((name) => name.toUpperCase());
    for (const { name } of trio)
      assert.ok(upper.includes(name.toUpperCase()), `${name} is reused: ${names.join(', ')}`);
    assert.ok(names.length > trio.length, `the missing trades are added: ${names.join(', ')}`);
    const tradeRows = proposal.locator('.coverage-matrix tbody tr');
    for (let r = 0; r < (await tradeRows.count()); r += 1) {
      assert.ok((await tradeRows.nth(r).locator('td.coverage-yes').count()) > 0, `trade ${r} covered`);
    }
    await desk
      .getByText(/^Ont déjà travaillé ensemble/)
      .first()
      .waitFor();
    await checkScreen(desk, 's4-reuse');
    assert.deepEqual(staff.problems, []);
  });
});
