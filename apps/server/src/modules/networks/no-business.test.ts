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

/**
 * The club's « no business » rule: staff switch it on in the network's settings; from then on
 * members cannot offer to each other — no offer in the needs module, no member company proposed
 * or recorded as a replacement supplier in the relocation challenge — and are told why.
 */
describe('no business between members', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let slug: string;
  let staff: string;
  let leader: string;
  let other: string;
  let memberB: string;
  let lineId: string;
  let needId: string;

  const call = (
    cookie: string,
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    payload?: object,
    lang = 'fr',
  ) =>
    t.app.inject({
      method,
      url: `/api/networks/${slug}${path}`,
      headers: { cookie: `${cookie}; meute_lang=${lang}` },
      ...(payload ? { payload } : {}),
    });

  before(async () => {
    t = await buildTestApp();
    const network = await buildNetwork(t.db, { kind: 'club' });
    slug = network.slug;
    const people = await Promise.all([buildPerson(t.db), buildPerson(t.db), buildPerson(t.db)]);
    await grantRole(t.db, people[0]!.id, network.id, 'staff');
    await grantRole(t.db, people[1]!.id, network.id, 'member_leader');
    await grantRole(t.db, people[2]!.id, network.id, 'member_leader');
    await buildOrganisation(t.db, { name: 'Alpha', networkIds: [network.id], leaders: [people[1]!.id] });
    memberB = (
      await buildOrganisation(t.db, { name: 'Beta', networkIds: [network.id], leaders: [people[2]!.id] })
    ).id;
    staff = await signIn(t.app, people[0]!.email);
    leader = await signIn(t.app, people[1]!.email);
    other = await signIn(t.app, people[2]!.email);
    const line = await call(leader, 'POST', '/relocation/suppliers', {
      what: 'Usinage de pièces',
      yearlyAmountCents: 5_000_000,
    });
    assert.equal(line.statusCode, 201, line.body);
    lineId = line.json().id;
    const need = await call(leader, 'POST', '/needs', {
      kind: 'need',
      title: 'Audit cybersécurité',
      visibility: 'network',
    });
    assert.equal(need.statusCode, 201, need.body);
    needId = need.json().id;
  });
  after(() => t.close());

  it('is off by default, and only staff switch it on', async () => {
    assert.equal((await call(leader, 'GET', '/settings')).json().noBusiness, false);
    assert.equal((await call(leader, 'PATCH', '/settings', { noBusiness: true })).statusCode, 403);
    // Before: the sell features work.
    assert.equal((await call(leader, 'GET', `/relocation/suppliers/${lineId}/candidates`)).statusCode, 200);
    const response = await call(staff, 'PATCH', '/settings', { noBusiness: true });
    assert.ok(response.statusCode < 300, response.body);
    assert.equal((await call(other, 'GET', '/settings')).json().noBusiness, true);
  });

  it('refuses an offer to the members, in the needs module, and says why (FR and EN)', async () => {
    const offer = await call(other, 'POST', '/needs', {
      kind: 'offer',
      title: 'Nous usinons vos pièces',
      visibility: 'network',
    });
    assert.equal(offer.statusCode, 403);
    assert.equal(offer.json().code, 'NO_BUSINESS');
    assert.equal(offer.json().message, 'Ce réseau a pour règle : pas de commerce entre membres.');
    assert.equal(offer.json().field, 'body.kind');
    const english = await call(
      other,
      'POST',
      '/needs',
      { kind: 'offer', title: 'We machine parts', visibility: 'network' },
      'en',
    );
    assert.match(english.json().message, /no business between members/);
    const turned = await call(leader, 'PATCH', `/needs/${needId}`, { kind: 'offer' });
    assert.equal(turned.statusCode, 403);
    // A need or an idea is still welcome.
    const need = await call(other, 'POST', '/needs', {
      kind: 'idea',
      title: 'Mutualiser un RSSI',
      visibility: 'network',
    });
    assert.equal(need.statusCode, 201);
    const offers = await t.db.selectFrom('needs').select('id').where('kind', '=', 'offer').execute();
    assert.equal(offers.length, 0);
  });

  it('proposes no member company as a replacement supplier, and records none', async () => {
    const candidates = await call(leader, 'GET', `/relocation/suppliers/${lineId}/candidates`);
    assert.equal(candidates.statusCode, 403);
    assert.equal(candidates.json().code, 'NO_BUSINESS');
    const replaced = await call(leader, 'POST', `/relocation/suppliers/${lineId}/status`, {
      status: 'replaced',
      replacedByOrganisationId: memberB,
      amountBroughtBackCents: 1_000_000,
    });
    assert.equal(replaced.statusCode, 403);
    assert.equal(replaced.json().code, 'NO_BUSINESS');
    // Other statuses stay available: the member may still drop an outside supplier.
    const dropped = await call(leader, 'POST', `/relocation/suppliers/${lineId}/status`, {
      status: 'dropped',
    });
    assert.equal(dropped.statusCode, 200, dropped.body);
  });

  it('gives the features back when staff switch the rule off', async () => {
    await call(staff, 'PATCH', '/settings', { noBusiness: false });
    const offer = await call(other, 'POST', '/needs', {
      kind: 'offer',
      title: 'Nous usinons vos pièces',
      visibility: 'network',
    });
    assert.equal(offer.statusCode, 201, offer.body);
    assert.equal((await call(leader, 'GET', `/relocation/suppliers/${lineId}/candidates`)).statusCode, 200);
  });
});
