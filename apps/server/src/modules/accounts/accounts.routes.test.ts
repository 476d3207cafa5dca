import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildNetwork,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
  TEST_PASSWORD,
} from '../../test/factories.ts';

describe('accounts', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const outboxLink = async (to: string, pattern: RegExp) => {
    const row = await t.db
      .selectFrom('outbox_emails')
      .select('body_text')
      .where('recipient', '=', to)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const match = row.body_text.match(pattern);
    assert.ok(match, `no link in: ${row.body_text}`);
    return match[1]!;
  };

  it('signs in with e-mail and password, whatever the case of the address, and signs out', async () => {
    const person = await buildPerson(t.db, { email: 'Camille.Martin@Example.test' });
    const cookie = await signIn(t.app, 'camille.martin@example.test');
    const response = await me(cookie);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().id, person.id);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie },
      payload: {},
    });
    assert.equal(out.statusCode, 200);
    assert.equal((await me(cookie)).statusCode, 401);
  });

  it('sets an httpOnly, SameSite session cookie', async () => {
    const person = await buildPerson(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'meute_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
  });

  it('answers a wrong password in the caller’s language, without saying whether the account exists', async () => {
    const person = await buildPerson(t.db);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
      payload: { email: person.email, password: 'not the password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@example.test', password: 'not the password' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), { code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password.' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(unknown.json().message, 'E-mail ou mot de passe incorrect.');
  });

  it('blocks an account after 10 failed sign-ins in a minute, even with the right password', async () => {
    const person = await buildPerson(t.db);
    for (let i = 0; i < 10; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: `10.0.0.${i + 1}`,
        payload: { email: person.email, password: 'wrong password' },
      });
      assert.equal(response.statusCode, 401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.0.1.1',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().code, 'RATE_LIMITED');
  });

  it('blocks an IP address after 10 failed sign-ins in a minute across accounts', async () => {
    const person = await buildPerson(t.db);
    for (let i = 0; i < 10; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '192.0.2.77',
        payload: { email: `someone-${i}@example.test`, password: 'wrong password' },
      });
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '192.0.2.77',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    assert.equal(blocked.statusCode, 429);
  });

  it('ends a session after 30 idle minutes and 12 hours after sign-in', async () => {
    const person = await buildPerson(t.db);
    const idle = await signIn(t.app, person.email);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60 * 1000) })
      .where('person_id', '=', person.id)
      .execute();
    assert.equal((await me(idle)).statusCode, 401);

    const old = await signIn(t.app, person.email);
    await t.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 12 * 60 * 60 * 1000 - 1000) } as never)
      .where('person_id', '=', person.id)
      .execute();
    assert.equal((await me(old)).statusCode, 401);
  });

  it('kills every session of an account an administrator disables', async () => {
    const admin = await buildPerson(t.db, { isInstanceAdmin: true });
    const person = await buildPerson(t.db);
    const adminCookie = await signIn(t.app, admin.email);
    const cookie = await signIn(t.app, person.email);
    const notAdmin = await t.app.inject({
      method: 'POST',
      url: `/api/admin/people/${admin.id}/disable`,
      headers: { cookie },
      payload: { disabled: true },
    });
    assert.equal(notAdmin.statusCode, 403);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/admin/people/${person.id}/disable`,
      headers: { cookie: adminCookie },
      payload: { disabled: true },
    });
    assert.equal(response.statusCode, 200);
    assert.equal((await me(cookie)).statusCode, 401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    assert.equal(again.statusCode, 403);
    assert.equal(again.json().code, 'ACCOUNT_DISABLED');
  });

  it('resets a forgotten password by an e-mailed link that works once, and ends the old sessions', async () => {
    const person = await buildPerson(t.db);
    const oldSession = await signIn(t.app, person.email);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: person.email },
    });
    assert.equal(asked.statusCode, 202);
    const token = await outboxLink(person.email, /reset-password\?token=([\w-]+)/);
    const confirm = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
    assert.equal((await confirm('a brand new password')).statusCode, 200);
    assert.equal((await me(oldSession)).statusCode, 401);
    await signIn(t.app, person.email, 'a brand new password');
    const reused = await confirm('yet another password');
    assert.equal(reused.statusCode, 410);
    assert.equal(reused.json().code, 'RESET_INVALID');
  });

  it('sends at most 3 reset mails an hour to one address', async () => {
    const person = await buildPerson(t.db);
    for (let i = 0; i < 5; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: person.email },
      });
      assert.equal(response.statusCode, 202);
    }
    const mails = await t.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('recipient', '=', person.email)
      .execute();
    assert.equal(mails.length, 3);
  });

  it('answers a reset request for an unknown address exactly like a known one, and sends nothing', async () => {
    const before = await t.db.selectFrom('outbox_emails').select('id').execute();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'ghost@example.test' },
    });
    assert.equal(response.statusCode, 202);
    assert.equal((await t.db.selectFrom('outbox_emails').select('id').execute()).length, before.length);
  });

  it('lets a newcomer accept an invitation by e-mail link, set a password and land in the network', async () => {
    const network = await buildNetwork(t.db, { kind: 'club', name: 'Club des Dirigeants' });
    const staff = await buildPerson(t.db, { displayName: 'Sophie Animatrice' });
    await grantRole(t.db, staff.id, network.id, 'staff');
    const staffCookie = await signIn(t.app, staff.email);
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${network.slug}/invitations`,
      headers: { cookie: staffCookie },
      payload: { email: 'Nouveau.Venu@example.test', role: 'member_leader' },
    });
    assert.equal(invited.statusCode, 201, invited.body);
    const token = await outboxLink('nouveau.venu@example.test', /invitations\/([\w-]+)/);

    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    assert.equal(preview.statusCode, 200);
    assert.deepEqual(preview.json(), {
      email: 'nouveau.venu@example.test',
      networkName: 'Club des Dirigeants',
      networkKind: 'club',
      role: 'member_leader',
      invitedBy: 'Sophie Animatrice',
      hasAccount: false,
    });

    const missingPassword = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'Nouveau Venu' },
    });
    assert.equal(missingPassword.statusCode, 400);
    assert.equal(missingPassword.json().field, 'password');

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'Nouveau Venu', password: 'my own password' },
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().networkSlug, network.slug);
    assert.deepEqual(
      accepted.json().me.memberships.map((m: { slug: string; roles: string[] }) => [m.slug, m.roles]),
      [[network.slug, ['member_leader']]],
    );
    await signIn(t.app, 'nouveau.venu@example.test', 'my own password');

    const twice = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    assert.equal(twice.statusCode, 410);
  });

  it('asks a person who already has an account to sign in as the invited address before accepting', async () => {
    const network = await buildNetwork(t.db);
    const staff = await buildPerson(t.db);
    const existing = await buildPerson(t.db);
    const someoneElse = await buildPerson(t.db);
    await grantRole(t.db, staff.id, network.id, 'staff');
    await t.app.inject({
      method: 'POST',
      url: `/api/networks/${network.slug}/invitations`,
      headers: { cookie: await signIn(t.app, staff.email) },
      payload: { email: existing.email, role: 'board' },
    });
    const token = await outboxLink(existing.email.toLowerCase(), /invitations\/([\w-]+)/);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    assert.equal(anonymous.statusCode, 401);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: await signIn(t.app, someoneElse.email) },
      payload: {},
    });
    assert.equal(wrong.statusCode, 409);
    const right = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: await signIn(t.app, existing.email) },
      payload: {},
    });
    assert.equal(right.statusCode, 200, right.body);
  });

  it('refuses a revoked invitation', async () => {
    const network = await buildNetwork(t.db);
    const staff = await buildPerson(t.db);
    await grantRole(t.db, staff.id, network.id, 'staff');
    const cookie = await signIn(t.app, staff.email);
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${network.slug}/invitations`,
      headers: { cookie },
      payload: { email: 'revoked@example.test', role: 'member_employee' },
    });
    const token = await outboxLink('revoked@example.test', /invitations\/([\w-]+)/);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/networks/${network.slug}/invitations/${invited.json().id}`,
      headers: { cookie },
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'Too Late', password: 'some password' },
    });
    assert.equal(accepted.statusCode, 410);
    assert.equal(
      await t.db
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'revoked@example.test')
        .executeTakeFirst(),
      undefined,
    );
  });

  it('changes my name and language, and answers in that language from then on', async () => {
    const person = await buildPerson(t.db);
    const cookie = await signIn(t.app, person.email);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie },
      payload: { displayName: 'Jeanne Dupont', locale: 'en' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().locale, 'en');
    const notFound = await t.app.inject({ method: 'GET', url: '/api/networks/nowhere', headers: { cookie } });
    assert.equal(notFound.json().message, 'Network not found.');
  });
});
