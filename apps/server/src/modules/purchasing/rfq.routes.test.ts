import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

const offer = (overrides: object = {}) => ({
  schedule: {
    kind: 'all-units',
    tiers: [
      { fromQuantity: 0, unitPriceCents: 500 },
      { fromQuantity: 200, unitPriceCents: 430 },
    ],
    fixedCostCents: 5_000,
  },
  validUntil: inDays(30).slice(0, 10),
  ...overrides,
});

describe('purchasing: suppliers quote through a link, without an account', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  let club: { id: string; slug: string; name: string };
  let campaignId: string;
  const tokens: Record<string, string> = {};
  const invitationIds: Record<string, string> = {};

  before(async () => {
    t = await buildTestApp();
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club des Achats' });
    const people: Record<string, { id: string; email: string }> = {};
    for (const who of ['staff', 'leaderA', 'leaderB', 'leaderC']) people[who] = await buildPerson(t.db);
    await grantRole(t.db, people.staff!.id, club.id, 'staff');
    for (const name of ['A', 'B', 'C']) {
      await grantRole(t.db, people[`leader${name}`]!.id, club.id, 'member_leader');
      await buildOrganisation(t.db, {
        name: `Entreprise ${name}`,
        networkIds: [club.id],
        leaders: [people[`leader${name}`]!.id],
      });
    }
    for (const [who, person] of Object.entries(people)) cookies[who] = await signIn(t.app, person.email);
    const created = await staff('POST', '', {
      title: 'Gants nitrile',
      category: 'EPI',
      specification: 'Boîtes de 100, tailles M et L',
      unit: 'boîte',
      commitmentDeadline: inDays(10),
      allocationRule: 'equal-unit-price',
    });
    assert.equal(created.statusCode, 201, created.body);
    campaignId = created.json().id;
  });
  after(() => t.close());

  function staff(method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object, lang = 'fr') {
    return t.app.inject({
      method,
      url: `/api/networks/${club.slug}/purchasing${path}`,
      // A signed-in person's language is their profile's, unless they chose one (the cookie).
      headers: { cookie: `${cookies.staff!}; meute_lang=${lang}` },
      ...(payload ? { payload } : {}),
    });
  }
  const invitations = (path = '', method: 'GET' | 'POST' | 'DELETE' = 'GET', payload?: object, lang = 'fr') =>
    staff(method, `/${campaignId}/rfq-invitations${path}`, payload, lang);
  const supplier = (token: string, method: 'GET' | 'PUT' = 'GET', payload?: object, lang = 'fr') =>
    t.app.inject({
      method,
      url: method === 'GET' ? `/api/rfq/${token}` : `/api/rfq/${token}/offer`,
      headers: { 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });
  const tokenOf = (link: string) => {
    const match = /^http:\/\/meute\.test\/rfq\/([\w-]{40,})$/.exec(link);
    assert.ok(match, `a link to the public page: ${link}`);
    return match[1]!;
  };

  it('invites a supplier, says which field is wrong, and mails the link in the caller’s language', async () => {
    const past = await invitations('', 'POST', { supplierName: 'Gantex', expiresAt: inDays(-1) });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().field, 'body.expiresAt');
    assert.match(past.json().message, /futur/);
    const badMail = await invitations('', 'POST', { supplierName: 'Gantex', email: 'pas-un-mail' }, 'en');
    assert.equal(badMail.statusCode, 400);
    assert.equal(badMail.json().field, 'body.email');
    assert.match(badMail.json().message, /Invalid field/);
    const noName = await invitations('', 'POST', { supplierName: '  ' });
    assert.equal(noName.statusCode, 400);
    assert.equal(noName.json().field, 'body.supplierName');

    const mailed = await invitations(
      '',
      'POST',
      { supplierName: 'Gantex', email: 'Devis@Gantex.example' },
      'en',
    );
    assert.equal(mailed.statusCode, 201, mailed.body);
    const body = mailed.json();
    assert.equal(body.isMailed, true);
    assert.equal(body.invitation.status, 'pending');
    assert.equal(body.invitation.email, 'devis@gantex.example');
    const expires = new Date(body.invitation.expiresAt).getTime();
    assert.ok(Math.abs(expires - (Date.now() + 14 * 86_400_000)) < 60_000, 'valid 14 days by default');
    tokens.gantex = tokenOf(body.link);
    invitationIds.gantex = body.invitation.id;
    const mail = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('recipient', '=', 'devis@gantex.example')
      .executeTakeFirstOrThrow();
    assert.match(mail.subject, /Request for quotation: Gants nitrile \(Club des Achats\)/);
    assert.ok(mail.body_text.includes(body.link));
    assert.equal(mail.network_id, club.id);
    const stored = await t.db
      .selectFrom('purchase_rfq_invitations')
      .select('token_hash')
      .where('id', '=', body.invitation.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, tokens.gantex, 'only the hash of the token is kept');
    assert.match(stored.token_hash, /^[0-9a-f]{64}$/);

    const plain = await invitations('', 'POST', { supplierName: 'Protecta', expiresAt: inDays(3) });
    assert.equal(plain.statusCode, 201, plain.body);
    assert.equal(plain.json().isMailed, false);
    tokens.protecta = tokenOf(plain.json().link);
    invitationIds.protecta = plain.json().invitation.id;

    const list = (await invitations()).json().invitations as { supplierName: string; status: string }[];
    assert.deepEqual(
      list.map((i) => [i.supplierName, i.status]),
      [
        ['Protecta', 'pending'],
        ['Gantex', 'pending'],
      ],
    );
    assert.equal(JSON.stringify(list).includes(tokens.gantex), false, 'the link is never shown again');
  });

  it('shows the supplier the request, and the pooled volume only from 3 companies', async () => {
    const first = await supplier(tokens.gantex!);
    assert.equal(first.statusCode, 200, first.body);
    const view = first.json();
    assert.equal(view.networkName, 'Club des Achats');
    assert.equal(view.supplierName, 'Gantex');
    assert.deepEqual(
      [view.campaign.title, view.campaign.category, view.campaign.unit, view.campaign.status],
      ['Gants nitrile', 'EPI', 'boîte', 'open'],
    );
    assert.equal(view.campaign.specification, 'Boîtes de 100, tailles M et L');
    assert.equal(view.pooledVolume, null, 'nobody committed yet');
    assert.equal(view.offer, null);
    assert.equal(view.isRetained, null);
    const opened = (await invitations())
      .json()
      .invitations.find((i: { id: string }) => i.id === invitationIds.gantex);
    assert.ok(opened.lastOpenedAt, 'staff see that the link was opened');

    for (const [who, quantity] of [
      ['leaderA', 100],
      ['leaderB', 70],
    ] as const) {
      const committed = await t.app.inject({
        method: 'POST',
        url: `/api/networks/${club.slug}/purchasing/${campaignId}/commitments`,
        headers: { cookie: cookies[who]! },
        payload: { quantity },
      });
      assert.equal(committed.statusCode, 200, committed.body);
    }
    assert.equal((await supplier(tokens.gantex!)).json().pooledVolume, null, 'two companies are not enough');
    const third = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${club.slug}/purchasing/${campaignId}/commitments`,
      headers: { cookie: cookies.leaderC! },
      payload: { quantity: 50 },
    });
    assert.equal(third.statusCode, 200, third.body);
    assert.deepEqual((await supplier(tokens.gantex!)).json().pooledVolume, {
      organisationCount: 3,
      totalQuantity: 220,
    });
    // One company above 85 % of the total: hidden again, as from the members.
    const commitA = (quantity: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/networks/${club.slug}/purchasing/${campaignId}/commitments`,
        headers: { cookie: cookies.leaderA! },
        payload: { quantity },
      });
    assert.equal((await commitA(1_000)).statusCode, 200);
    assert.equal((await supplier(tokens.gantex!)).json().pooledVolume, null);
    assert.equal((await commitA(100)).statusCode, 200);
    assert.equal((await supplier(tokens.gantex!)).json().pooledVolume.totalQuantity, 220);
  });

  it('refuses a wrong offer naming the field, in the supplier’s language', async () => {
    const notAtZero = await supplier(
      tokens.gantex!,
      'PUT',
      offer({ schedule: { kind: 'all-units', tiers: [{ fromQuantity: 10, unitPriceCents: 500 }] } }),
      'en',
    );
    assert.equal(notAtZero.statusCode, 400);
    assert.equal(notAtZero.json().field, 'body.schedule.tiers.0.fromQuantity');
    assert.match(notAtZero.json().message, /the first tier must start at 0/);
    const descending = await supplier(
      tokens.gantex!,
      'PUT',
      offer({
        schedule: {
          kind: 'incremental',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 500 },
            { fromQuantity: 0, unitPriceCents: 400 },
          ],
        },
      }),
    );
    assert.equal(descending.statusCode, 400);
    assert.equal(descending.json().field, 'body.schedule.tiers.1.fromQuantity');
    assert.match(descending.json().message, /strictement croissants/);
    const badKind = await supplier(
      tokens.gantex!,
      'PUT',
      offer({ schedule: { kind: 'cheap', tiers: [{ fromQuantity: 0, unitPriceCents: 1 }] } }),
    );
    assert.equal(badKind.statusCode, 400);
    assert.equal(badKind.json().field, 'body.schedule.kind');
    const pastValidity = await supplier(tokens.gantex!, 'PUT', offer({ validUntil: '2020-01-01' }));
    assert.equal(pastValidity.statusCode, 400);
    assert.equal(pastValidity.json().field, 'body.validUntil');
    const negativeFixed = await supplier(
      tokens.gantex!,
      'PUT',
      offer({
        schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 1 }], fixedCostCents: -1 },
      }),
    );
    assert.equal(negativeFixed.statusCode, 400);
    assert.equal(negativeFixed.json().field, 'body.schedule.fixedCostCents');
  });

  it('takes the supplier’s offer, then its revision, as one offer marked as sent through the link', async () => {
    const sent = await supplier(tokens.gantex!, 'PUT', offer());
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().offer.schedule.tiers[1].unitPriceCents, 430);
    assert.equal(sent.json().offer.schedule.fixedCostCents, 5_000);
    const revised = await supplier(
      tokens.gantex!,
      'PUT',
      offer({
        schedule: {
          kind: 'incremental',
          tiers: [
            { fromQuantity: 0, unitPriceCents: 480 },
            { fromQuantity: 150, unitPriceCents: 400 },
          ],
          fixedCostCents: 0,
        },
        validUntil: today(),
      }),
    );
    assert.equal(revised.statusCode, 200, revised.body);
    assert.equal(revised.json().offer.schedule.kind, 'incremental');
    assert.equal(revised.json().offer.validUntil, today());
    assert.equal((await supplier(tokens.gantex!)).json().offer.schedule.tiers[1].unitPriceCents, 400);

    const staffEntered = await staff('POST', `/${campaignId}/offers`, {
      supplierName: 'Saisie Papier',
      schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 520 }], fixedCostCents: 0 },
    });
    assert.equal(staffEntered.statusCode, 201, staffEntered.body);
    const offers = (await staff('GET', `/${campaignId}/offers`)).json().offers as {
      supplierName: string;
      source: string;
      schedule: { kind: string };
    }[];
    assert.deepEqual(offers.map((o) => [o.supplierName, o.source, o.schedule.kind]).sort(), [
      ['Gantex', 'supplier-link', 'incremental'],
      ['Saisie Papier', 'staff', 'all-units'],
    ]);
    const status = (await invitations())
      .json()
      .invitations.find((i: { id: string }) => i.id === invitationIds.gantex);
    assert.equal(status.status, 'answered');
    assert.ok(status.answeredAt);
  });

  it('never answers 500 to anything a supplier or staff can send', async () => {
    // A link of its own, so that the random offers leave the others' alone.
    const fuzzed = await invitations('', 'POST', { supplierName: 'Fuzz SA' });
    const targets = [
      ['PUT', `/api/rfq/${tokenOf(fuzzed.json().link)}/offer`, {}],
      [
        'POST',
        `/api/networks/${club.slug}/purchasing/${campaignId}/rfq-invitations`,
        { cookie: cookies.staff! },
      ],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            schedule: fc.record({
              kind: fc.constantFrom('all-units', 'incremental', 'x'),
              tiers: fc.array(
                fc.record({
                  fromQuantity: fc.oneof(fc.double(), fc.integer()),
                  unitPriceCents: fc.oneof(fc.double(), fc.integer()),
                }),
                { maxLength: 4 },
              ),
              fixedCostCents: fc.oneof(fc.integer(), fc.double()),
            }),
            validUntil: fc.oneof(fc.constant(null), fc.string(), fc.constant('2099-02-30')),
          }),
        ),
        async ([method, url, headers], payload) => {
          const response = await t.app.inject({
            method,
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: JSON.stringify(payload),
          });
          assert.ok(
            response.statusCode < 500,
            `${method} ${url} ${JSON.stringify(payload)} → ${response.body}`,
          );
        },
      ),
      { numRuns: 120 },
    );
  });

  it('answers 404 to an unknown link, 410 to an expired or revoked one', async () => {
    const unknown = await supplier('x'.repeat(43));
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'RFQ_LINK_UNKNOWN');
    assert.equal((await supplier('short!', 'PUT', offer())).statusCode, 404);

    const expiring = await invitations('', 'POST', { supplierName: 'Périmé SARL' });
    const expiredToken = tokenOf(expiring.json().link);
    await t.db
      .updateTable('purchase_rfq_invitations')
      .set({ expires_at: new Date('2026-01-15T12:00:00Z') })
      .where('id', '=', expiring.json().invitation.id)
      .execute();
    const expired = await supplier(expiredToken, 'GET', undefined, 'en');
    assert.equal(expired.statusCode, 410);
    assert.equal(expired.json().code, 'RFQ_LINK_EXPIRED');
    assert.match(expired.json().message, /expired on 15 January 2026/);
    assert.equal((await supplier(expiredToken, 'PUT', offer())).statusCode, 410);
    const listed = (await invitations())
      .json()
      .invitations.find((i: { id: string }) => i.id === expiring.json().invitation.id);
    assert.equal(listed.status, 'expired');

    const revoked = await invitations(`/${invitationIds.protecta}`, 'DELETE');
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().status, 'revoked');
    const afterRevoke = await supplier(tokens.protecta!);
    assert.equal(afterRevoke.statusCode, 410);
    assert.equal(afterRevoke.json().code, 'RFQ_LINK_REVOKED');
    assert.match(afterRevoke.json().message, /révoqué/);
    assert.equal((await supplier(tokens.protecta!, 'PUT', offer())).statusCode, 410);
    assert.equal((await invitations(`/${invitationIds.protecta}`, 'DELETE')).statusCode, 200, 'idempotent');
    const missing = await invitations('/00000000-0000-4000-8000-000000000000', 'DELETE');
    assert.equal(missing.statusCode, 404);
  });

  it('closes the request once awarded: the supplier learns only whether its own offer was retained', async () => {
    const loser = await invitations('', 'POST', { supplierName: 'Moins Cher Mais Tard' });
    const loserToken = tokenOf(loser.json().link);
    assert.equal(
      (
        await supplier(
          loserToken,
          'PUT',
          offer({ schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 9_999 }] } }),
        )
      ).statusCode,
      200,
    );
    await t.db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    const offers = (await staff('GET', `/${campaignId}/offers`)).json().offers as {
      id: string;
      supplierName: string;
    }[];
    const gantex = offers.find((o) => o.supplierName === 'Gantex')!;
    const awarded = await staff('POST', `/${campaignId}/award`, { offerId: gantex.id });
    assert.equal(awarded.statusCode, 200, awarded.body);

    const winner = (await supplier(tokens.gantex!)).json();
    assert.equal(winner.campaign.status, 'awarded');
    assert.equal(winner.isRetained, true);
    const other = await supplier(loserToken);
    assert.equal(other.statusCode, 200);
    assert.equal(other.json().isRetained, false);
    assert.equal(other.body.includes('Gantex'), false, 'the others’ names stay hidden');

    const late = await supplier(tokens.gantex!, 'PUT', offer(), 'en');
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, 'RFQ_CLOSED');
    assert.match(late.json().message, /closed/);
    const noMore = await invitations('', 'POST', { supplierName: 'Trop Tard' });
    assert.equal(noMore.statusCode, 409);
    assert.equal(noMore.json().code, 'RFQ_CAMPAIGN_AWARDED');
    assert.match(noMore.json().message, /attribuée/);
  });
});
