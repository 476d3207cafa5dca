import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  addPerson,
  addPersonToOrganisation,
  apiAs,
  browserSkipReason,
  checkScreen,
  DEMO_PASSWORD,
  guideImage,
  launchBrowser,
  newSession,
  organisationId,
  personId,
  type RunningApp,
  signIn,
  startApp,
  TEST_PASSWORD,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const GROUP = 'Achats responsables';
const GROUP_SLUG = 'achats-responsables';
const REPORT = 'Audit fournisseurs : ce que nous avons appris';

describe('working groups: charter, Chatham House report, replies, new charter, leaving', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('takes a group from its creation to a member who leaves and loses access', async () => {
    const { db } = app.database;
    // A second company leader of the club, who will reply.
    const hugo = await addPerson(app, {
      email: 'hugo.lefevre@example.test',
      displayName: 'Hugo Lefèvre',
      roles: [{ network: CLUB, role: 'member_leader' }],
    });
    const company = await db
      .selectFrom('network_organisations as no')
      .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .select('o.name')
      .where('n.slug', '=', CLUB)
      .where('o.name', '<>', 'Plastiflex')
      .where('o.kind', '=', 'company')
      .orderBy('o.name')
      .executeTakeFirstOrThrow();
    await addPersonToOrganisation(app, company.name, hugo.email, true);

    // Staff create the group with its charter.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await desk.goto(`/n/${CLUB}/groups`);
    await desk.getByRole('heading', { level: 1, name: 'Groupes de travail' }).waitFor();
    await desk.getByRole('link', { name: 'Cybersécurité', exact: true }).waitFor();
    await checkScreen(desk, 'groups-list-staff');
    await guideImage(desk, 'groupes');
    await desk.getByRole('button', { name: 'Créer un groupe' }).click();
    const form = desk.getByRole('form', { name: 'Nouveau groupe de travail' });
    await form.getByLabel('Nom du groupe').fill(GROUP);
    await form.getByLabel('Thème').fill('RSE');
    await form.getByLabel('Description').fill('Comment nous évaluons nos fournisseurs.');
    await form.getByLabel('Charte du groupe').fill('Version 1 : ce qui se dit ici reste ici.');
    await form.getByRole('button', { name: 'Créer le groupe' }).click();
    await desk.waitForURL(new RegExp(`/groups/${GROUP_SLUG}\\?tab=members`));
    await desk.getByRole('heading', { level: 1, name: GROUP }).waitFor();

    // The demo leader joins after reading and accepting the charter.
    const member = await newSession(browser, app.url);
    const page = member.page;
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.goto(`/n/${CLUB}/groups`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: GROUP }) });
    await card.getByRole('link', { name: 'Rejoindre' }).click();
    const charter = page.getByRole('dialog', { name: `Charte du groupe « ${GROUP} »` });
    await charter.getByText('Version 1 : ce qui se dit ici reste ici.').waitFor();
    await checkScreen(page, 'groups-charter-dialog', { fullPage: false });
    await guideImage(page, 'groupe-charte');
    const accept = charter.getByRole('button', { name: 'Accepter et entrer' });
    assert.equal(await accept.isDisabled(), true, 'the charter must be ticked as read first');
    await charter.getByLabel('J’ai lu la charte et je l’accepte').check();
    await accept.click();
    await page.getByRole('tab', { name: 'Discussions', selected: true }).waitFor();
    await page.getByText('Aucun échange pour l’instant').waitFor();

    // Hugo joins through the API (his company's leader is eligible).
    const hugoApi = await apiAs(app, hugo.email, TEST_PASSWORD);
    const joined = await hugoApi('POST', `/api/networks/${CLUB}/groups/${GROUP_SLUG}/join`, {
      charterVersion: 1,
    });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));

    // A Chatham House report with an attachment and a mention.
    await page.reload();
    const composer = page.getByRole('form', { name: 'Nouveau fil' });
    await composer.getByLabel('Type').selectOption('report');
    await composer.getByLabel('Titre').fill(REPORT);
    const body = composer.getByLabel('Message');
    await body.fill('Nous avons audité **12 fournisseurs** en six mois. Merci ');
    await body.pressSequentially('@Hug');
    await composer.getByRole('button', { name: '@Hugo Lefèvre' }).click();
    await body.pressSequentially('pour la grille.');
    await composer.locator('input[type="file"]').setInputFiles({
      name: 'grille-audit.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('fournisseur;note\nA;4\n'),
    });
    await composer.getByText('grille-audit.csv').waitFor();
    await composer.getByLabel('Mode Chatham House').check();
    await composer.getByRole('button', { name: 'Aperçu' }).click();
    await composer
      .getByRole('region', { name: 'Aperçu' })
      .locator('strong', { hasText: '12 fournisseurs' })
      .waitFor();
    await checkScreen(page, 'groups-composer');
    await composer.getByRole('button', { name: 'Publier' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: REPORT }).waitFor();
    await page.getByRole('link', { name: /grille-audit\.csv/ }).waitFor();
    await page.getByText('Mentionne : Hugo Lefèvre').waitFor();
    await checkScreen(page, 'groups-thread');
    await guideImage(page, 'groupe-fil');

    // The mention reached Hugo urgently, without naming the Chatham House author.
    const author = await db
      .selectFrom('people')
      .select('display_name')
      .where('email', '=', 'dirigeant@demo.meute.fr')
      .executeTakeFirstOrThrow();
    const mention = await db
      .selectFrom('notifications')
      .selectAll()
      .where('person_id', '=', hugo.id)
      .where('kind', '=', 'mention')
      .executeTakeFirstOrThrow();
    assert.equal(mention.urgent, true);
    assert.ok(!mention.title.includes(author.display_name), mention.title);

    // Hugo reads it, downloads the file, reacts and replies.
    const other = await newSession(browser, app.url);
    const hugoPage = other.page;
    await signIn(hugoPage, hugo.email, TEST_PASSWORD);
    await hugoPage.goto(page.url().replace(app.url, ''));
    await hugoPage.getByRole('heading', { level: 1, name: REPORT }).waitFor();
    const [download] = await Promise.all([
      hugoPage.waitForEvent('download'),
      hugoPage.getByRole('link', { name: /grille-audit\.csv/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'grille-audit.csv');
    await hugoPage.getByRole('button', { name: 'Merci (0)' }).first().click();
    await hugoPage.getByRole('button', { name: 'Merci (1)' }).first().waitFor();
    await hugoPage
      .getByRole('textbox', { name: 'Votre réponse' })
      .fill('Merci, nous reprenons la grille telle quelle.');
    await hugoPage.getByRole('button', { name: 'Répondre' }).click();
    await hugoPage.getByText('Merci, nous reprenons la grille telle quelle.').waitFor();
    await page.reload();
    await page.getByText('Merci, nous reprenons la grille telle quelle.').waitFor();

    // Staff see the group and its members, not its content.
    await desk.goto(`/n/${CLUB}/groups/${GROUP_SLUG}?tab=discussions`);
    await desk.getByText('Contenu réservé aux membres du groupe').waitFor();
    assert.equal(await desk.getByText(REPORT).count(), 0);

    // A new charter version: Hugo must accept it again before reading on.
    await desk.getByRole('tab', { name: 'Charte' }).click();
    await desk.getByRole('button', { name: 'Publier une nouvelle version' }).click();
    await desk
      .getByRole('textbox', { name: 'Nouvelle version de la charte' })
      .fill('Version 2 : ni capture d’écran ni transfert.');
    await desk.getByRole('button', { name: 'Publier la nouvelle version' }).click();
    const confirm = desk.getByRole('dialog', { name: 'Publier une nouvelle version de la charte ?' });
    await confirm.getByRole('button', { name: 'Publier la nouvelle version' }).click();
    await desk.getByText('Version 2 : ni capture d’écran ni transfert.').first().waitFor();

    await hugoPage.goto(`/n/${CLUB}/groups/${GROUP_SLUG}`);
    await hugoPage.getByText(/La charte a changé \(version 2\)/).waitFor();
    assert.equal(await hugoPage.getByText(REPORT).count(), 0);
    await hugoPage.getByRole('button', { name: 'Accepter la nouvelle charte' }).click();
    const second = hugoPage.getByRole('dialog', { name: `Charte du groupe « ${GROUP} »` });
    await second.getByLabel('J’ai lu la charte et je l’accepte').check();
    await second.getByRole('button', { name: 'Accepter et entrer' }).click();
    await hugoPage.getByRole('link', { name: REPORT }).waitFor();

    // Hugo leaves: access ends at once.
    await hugoPage.getByRole('tab', { name: 'Membres' }).click();
    await hugoPage.getByRole('button', { name: 'Quitter le groupe' }).click();
    await hugoPage
      .getByRole('dialog', { name: 'Quitter le groupe ?' })
      .getByRole('button', { name: 'Quitter le groupe' })
      .click();
    await hugoPage.getByText('Vous avez quitté le groupe.').waitFor();
    const thread = await hugoApi('GET', `/api/networks/${CLUB}/groups/${GROUP_SLUG}/posts`);
    assert.equal(thread.status, 403);
    assert.equal(await personId(app, hugo.email), hugo.id);

    // A company's leader sets the CODIR role of one of its people, on the company's page.
    await page.goto(`/n/${CLUB}/organisations/${await organisationId(app, 'Plastiflex')}`);
    const karine = page.getByRole('listitem').filter({ hasText: 'Karine Lemarchand' });
    const role = karine.getByLabel('Rôle au CODIR');
    assert.equal(await role.inputValue(), 'it');
    await role.selectOption('csr');
    await karine.getByText('Rôle enregistré.').waitFor({ state: 'attached' });
    const saved = await db
      .selectFrom('person_organisations as po')
      .innerJoin('people as p', 'p.id', 'po.person_id')
      .select('po.codir_role')
      .where('p.display_name', '=', 'Karine Lemarchand')
      .executeTakeFirstOrThrow();
    assert.equal(saved.codir_role, 'csr');
    await role.selectOption('it');

    // The same screens in English.
    await member.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await page.goto(`/n/${CLUB}/groups`);
    await page.getByRole('heading', { level: 1, name: 'Working groups' }).waitFor();
    await checkScreen(page, 'groups-list-en');
    await page.goto(`/n/${CLUB}/groups/${GROUP_SLUG}`);
    // The leader has not accepted the second version yet.
    await page.getByRole('button', { name: 'Accept the new charter' }).click();
    const english = page.getByRole('dialog', { name: `Charter of the group “${GROUP}”` });
    await english.getByLabel('I have read the charter and accept it').check();
    await checkScreen(page, 'groups-charter-dialog-en', { fullPage: false });
    await english.getByRole('button', { name: 'Accept and enter' }).click();
    await page.getByRole('tab', { name: 'Discussions', selected: true }).waitFor();
    await page.getByRole('link', { name: REPORT }).waitFor();
    await checkScreen(page, 'groups-group-en');

    assert.deepEqual([...staff.problems, ...member.problems, ...other.problems], []);
  });

  it('lets a leader of the group hide a thread: the others see why, not its title or text', async () => {
    const leaderId = await personId(app, 'dirigeant@demo.meute.fr');
    const staffApi = await apiAs(app, 'animatrice@demo.meute.fr', DEMO_PASSWORD);
    const created = await staffApi('POST', `/api/networks/${CLUB}/groups`, {
      name: 'Dirigeants du bocage',
      theme: 'Management',
      charter: 'Bienveillance et confidentialité.',
      leaderIds: [leaderId],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const slug = (created.body as { slug: string }).slug;
    const leaderApi = await apiAs(app, 'dirigeant@demo.meute.fr', DEMO_PASSWORD);
    // Two more company leaders of the club, eligible for a group of leaders.
    const [first, second] = await app.database.db
      .selectFrom('network_organisations as no')
      .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .select('o.name')
      .where('n.slug', '=', CLUB)
      .where('o.name', '<>', 'Plastiflex')
      .where('o.kind', '=', 'company')
      .orderBy('o.name', 'desc')
      .limit(2)
      .execute();
    const ines = await addPerson(app, {
      email: 'ines.moreau@example.test',
      displayName: 'Inès Moreau',
      roles: [{ network: CLUB, role: 'member_leader' }],
    });
    await addPersonToOrganisation(app, first!.name, ines.email, true);
    const inesApi = await apiAs(app, ines.email, TEST_PASSWORD);
    for (const join of [leaderApi, inesApi]) {
      const joined = await join('POST', `/api/networks/${CLUB}/groups/${slug}/join`, { charterVersion: 1 });
      assert.equal(joined.status, 200, JSON.stringify(joined.body));
    }
    const offer = await inesApi('POST', `/api/networks/${CLUB}/groups/${slug}/posts`, {
      title: 'Promotion sur nos logiciels de paie',
      body: 'Contactez-moi pour un devis.',
    });
    assert.equal(offer.status, 201, JSON.stringify(offer.body));
    const postId = (offer.body as { id: string }).id;

    // The leader hides it from the thread, with the reason.
    const leader = await newSession(browser, app.url);
    await signIn(leader.page, 'dirigeant@demo.meute.fr');
    await leader.page.goto(`/n/${CLUB}/groups/${slug}/posts/${postId}`);
    await leader.page
      .getByRole('heading', { level: 1, name: 'Promotion sur nos logiciels de paie' })
      .waitFor();
    await leader.page.getByRole('button', { name: 'Masquer' }).click();
    await leader.page.getByLabel('Raison (visible par les membres)').fill('Démarchage commercial');
    await leader.page.locator('.group-hide-form').getByRole('button', { name: 'Masquer' }).click();
    await leader.page.getByText('Message masqué par un animateur : Démarchage commercial').waitFor();

    // A third member sees a hidden thread and its reason, nothing of what it said.
    const claire = await addPerson(app, {
      email: 'claire.roux@example.test',
      displayName: 'Claire Roux',
      roles: [{ network: CLUB, role: 'member_leader' }],
    });
    await addPersonToOrganisation(app, second!.name, claire.email, true);
    const claireApi = await apiAs(app, claire.email, TEST_PASSWORD);
    const joined = await claireApi('POST', `/api/networks/${CLUB}/groups/${slug}/join`, {
      charterVersion: 1,
    });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    const reader = await newSession(browser, app.url);
    await signIn(reader.page, claire.email, TEST_PASSWORD);
    await reader.page.goto(`/n/${CLUB}/groups/${slug}`);
    await reader.page.getByRole('link', { name: 'Sujet masqué' }).click();
    await reader.page.getByRole('heading', { level: 1, name: 'Sujet masqué' }).waitFor();
    await reader.page.getByText('Message masqué par un animateur : Démarchage commercial').waitFor();
    assert.equal(await reader.page.getByText('logiciels de paie').count(), 0);
    assert.equal(await reader.page.getByText('Contactez-moi').count(), 0);
    await checkScreen(reader.page, 'groups-hidden-thread');
    assert.deepEqual([...leader.problems, ...reader.problems], []);
  });
});
