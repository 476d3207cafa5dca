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

/** The relocation challenge from a member's list to the staff's dashboard. */
describe('relocation: from an outside supplier to an amount brought back', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  let club: { id: string; slug: string };
  let competenceId: string;

  before(async () => {
    t = await buildTestApp();
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club Relocalisation' });
    const other = await buildNetwork(t.db, { kind: 'club', name: 'Club Voisin' });
    const people: Record<string, { id: string; email: string }> = {};
    for (const who of ['staff', 'buyer', 'machinist', 'twoHats']) people[who] = await buildPerson(t.db);
    await grantRole(t.db, people.staff!.id, club.id, 'staff');
    for (const who of ['buyer', 'machinist', 'twoHats']) {
      await grantRole(t.db, people[who]!.id, club.id, 'member_leader');
    }
    orgs.buyer = (
      await buildOrganisation(t.db, {
        name: 'Acheteur Caen',
        networkIds: [club.id],
        communeCode: '14118',
        leaders: [people.buyer!.id, people.twoHats!.id],
      })
    ).id;
    orgs.machinist = (
      await buildOrganisation(t.db, {
        name: 'Usinage Alençon',
        networkIds: [club.id],
        communeCode: '61001',
        nafCode: '25.62B',
        description: 'Usinage de précision, tournage et fraisage de pièces en inox.',
        competences: ['Usinage CN'],
        certifications: [{ name: 'EN 9100', expiresOn: '2099-12-31' }],
        leaders: [people.machinist!.id],
      })
    ).id;
    orgs.lapsed = (
      await buildOrganisation(t.db, {
        name: 'Mécanique Flers',
        networkIds: [club.id],
        communeCode: '61169',
        nafCode: '25.62A',
        description: 'Mécanique générale : usinage de pièces unitaires.',
        certifications: [{ name: 'EN 9100', expiresOn: '2001-01-01' }],
      })
    ).id;
    orgs.printer = (
      await buildOrganisation(t.db, {
        name: 'Imprimerie Lisieux',
        networkIds: [club.id],
        communeCode: '14366',
        nafCode: '18.12Z',
        description: 'Impression d’étiquettes adhésives.',
        leaders: [people.twoHats!.id],
      })
    ).id;
    orgs.outsider = (
      await buildOrganisation(t.db, {
        name: 'Usinage Voisin',
        networkIds: [other.id],
        nafCode: '25.62B',
        description: 'Usinage de pièces en inox.',
      })
    ).id;
    competenceId = (
      await t.db
        .selectFrom('competences')
        .select('id')
        .where('label', '=', 'Usinage CN')
        .executeTakeFirstOrThrow()
    ).id;
    for (const [who, person] of Object.entries(people)) cookies[who] = await signIn(t.app, person.email);
  });
  after(() => t.close());

  const call = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url: `/api/networks/${club.slug}/relocation${path}`,
      headers: { cookie: cookies[who]!, ...headers },
      ...(payload ? { payload } : {}),
    });
  const list = async (who: string, line: object) => {
    const response = await call(who, 'POST', '/suppliers', line);
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };

  it('lists an outside supplier and proposes the member companies that make it, with why', async () => {
    const id = await list('buyer', {
      what: 'Usinage de pièces inox pour nos presses',
      nafCode: '25.62B',
      competenceIds: [competenceId],
      requiredCertifications: ['EN 9100'],
      supplierName: 'Precision GmbH',
      supplierPlace: 'Stuttgart',
      yearlyAmountCents: 18_000_000,
    });
    const line = (await call('buyer', 'GET', `/suppliers/${id}`)).json();
    assert.equal(line.status, 'open');
    assert.equal(line.canEdit, true);
    assert.deepEqual(line.competences, [{ id: competenceId, label: 'Usinage CN' }]);

    const { proposals } = (await call('buyer', 'GET', `/suppliers/${id}/candidates`)).json();
    assert.deepEqual(
      proposals.map((p: { name: string }) => p.name),
      ['Usinage Alençon', 'Mécanique Flers'],
    );
    const [best, lapsed] = proposals;
    assert.equal(best.nafMatch, 'class');
    assert.deepEqual(best.certificationsHeld, ['EN 9100']);
    assert.deepEqual(best.matchedCompetences, ['Usinage CN']);
    assert.ok(best.matchedWords.length > 0);
    assert.equal(best.commune, 'Alençon');
    assert.ok(best.distanceKm > 50 && best.distanceKm < 120, String(best.distanceKm));
    assert.deepEqual(lapsed.certificationsExpired, ['EN 9100']);
    assert.equal(lapsed.nafMatch, 'class'); // 25.62A and 25.62B: the same class
  });

  it('asks which company buys when I work for several', async () => {
    const response = await call('twoHats', 'POST', '/suppliers', { what: 'Cartons', yearlyAmountCents: 100 });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'body.organisationId');
    assert.match(response.json().message, /pour quelle entreprise/);
  });

  it('names the field of bad input, in the language of the person', async () => {
    const cases: [object, string][] = [
      [{ yearlyAmountCents: 100 }, 'body.what'],
      [{ what: '', yearlyAmountCents: 100 }, 'body.what'],
      [{ what: 'Cartons', yearlyAmountCents: -5 }, 'body.yearlyAmountCents'],
      [{ what: 'Cartons', yearlyAmountCents: 12.5 }, 'body.yearlyAmountCents'],
      [{ what: 'Cartons', yearlyAmountCents: 100, nafCode: 'abc' }, 'body.nafCode'],
      [{ what: 'Cartons', yearlyAmountCents: 100, competenceIds: [orgs.buyer] }, 'body.competenceIds'],
      [{ what: 'Cartons', yearlyAmountCents: 100, surprise: true }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('buyer', 'POST', '/suppliers', payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.ok(
        response.json().field.startsWith(field),
        `${response.json().field} for ${JSON.stringify(payload)}`,
      );
    }
    const english = await call(
      'buyer',
      'POST',
      '/suppliers',
      { what: 'Cartons', yearlyAmountCents: -5 },
      { cookie: `${cookies.buyer}; meute_lang=en` },
    );
    assert.match(english.json().message, /Invalid field: body.yearlyAmountCents/);
    assert.equal((await call('buyer', 'GET', '/suppliers/not-a-uuid')).statusCode, 400);
    assert.equal(
      (await call('buyer', 'GET', '/suppliers/00000000-0000-4000-8000-000000000000')).statusCode,
      404,
    );
  });

  it('marks a line replaced by a member company, with the amount brought back, and checks both', async () => {
    const id = await list('buyer', { what: 'Étiquettes adhésives', yearlyAmountCents: 3_000_000 });
    const status = (payload: object) => call('buyer', 'POST', `/suppliers/${id}/status`, payload);

    const noCompany = await status({ status: 'replaced', amountBroughtBackCents: 100 });
    assert.equal(noCompany.statusCode, 400);
    assert.equal(noCompany.json().field, 'body.replacedByOrganisationId');
    const noAmount = await status({ status: 'replaced', replacedByOrganisationId: orgs.printer });
    assert.equal(noAmount.json().field, 'body.amountBroughtBackCents');
    const itself = await status({
      status: 'replaced',
      replacedByOrganisationId: orgs.buyer,
      amountBroughtBackCents: 100,
    });
    assert.match(itself.json().message, /elle-même/);
    const outsider = await status({
      status: 'replaced',
      replacedByOrganisationId: orgs.outsider,
      amountBroughtBackCents: 100,
    });
    assert.equal(outsider.statusCode, 400);
    assert.match(outsider.json().message, /adhérente/);

    assert.equal((await status({ status: 'in-talks' })).json().status, 'in-talks');
    const replaced = await status({
      status: 'replaced',
      replacedByOrganisationId: orgs.printer,
      amountBroughtBackCents: 2_500_000,
    });
    assert.equal(replaced.statusCode, 200, replaced.body);
    assert.deepEqual(replaced.json().replacedBy, { id: orgs.printer, name: 'Imprimerie Lisieux' });
    assert.equal(replaced.json().amountBroughtBackCents, 2_500_000);
    assert.ok(replaced.json().replacedAt);

    // The staff's dashboard counts it, per member and per département of the buyer.
    const dashboard = (await call('staff', 'GET', '/dashboard')).json();
    assert.equal(dashboard.totals.replacedCount, 1);
    assert.equal(dashboard.totals.broughtBackCents, 2_500_000);
    assert.equal(dashboard.totals.organisationCount, 1);
    assert.ok(dashboard.totals.lineCount >= 2);
    assert.deepEqual(
      dashboard.byDepartement.map((d: { code: string; name: string }) => [d.code, d.name]),
      [['14', 'Calvados']],
    );
    assert.equal(dashboard.byMember[0].organisationName, 'Acheteur Caen');
    assert.equal(dashboard.byYear.length, 1);
    assert.equal(dashboard.byYear[0].broughtBackCents, 2_500_000);

    // « Purchases made locally » for funder reports: one query on the documented view.
    const view = await t.db
      .selectFrom('relocation_brought_back_by_year')
      .selectAll()
      .where('network_id', '=', club.id)
      .execute();
    assert.equal(view.length, 1);
    assert.equal(view[0]?.departement_code, '14');
    assert.equal(Number(view[0]?.brought_back_cents), 2_500_000);

    // Dropped: the replacement and its amount are forgotten.
    const dropped = (await status({ status: 'dropped' })).json();
    assert.equal(dropped.replacedBy, null);
    assert.equal(dropped.amountBroughtBackCents, null);
    assert.equal((await call('staff', 'GET', '/dashboard')).json().totals.replacedCount, 0);
  });

  it('changes and deletes a line', async () => {
    const id = await list('buyer', { what: 'Palettes', yearlyAmountCents: 100_000 });
    const changed = await call('buyer', 'PATCH', `/suppliers/${id}`, {
      what: 'Palettes en bois',
      yearlyAmountCents: 150_000,
      requiredCertifications: ['PEFC', 'pefc'],
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().what, 'Palettes en bois');
    assert.deepEqual(changed.json().requiredCertifications, ['pefc']);
    assert.equal((await call('buyer', 'DELETE', `/suppliers/${id}`)).statusCode, 200);
    assert.equal((await call('buyer', 'GET', `/suppliers/${id}`)).statusCode, 404);
  });
});
