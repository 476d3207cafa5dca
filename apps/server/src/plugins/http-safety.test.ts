import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildNetwork, buildPerson, buildTestApp, grantRole, signIn } from '../test/factories.ts';

describe('HTTP safety: headers, CSRF, bad input', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookie: string;
  let slug: string;
  before(async () => {
    t = await buildTestApp();
    const person = await buildPerson(t.db);
    const network = await buildNetwork(t.db);
    slug = network.slug;
    await grantRole(t.db, person.id, network.id, 'staff');
    cookie = await signIn(t.app, person.email);
  });
  after(() => t.close());

  it('answers /healthz with the kind of database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'ok');
    assert.ok(['embedded', 'server'].includes(response.json().database));
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['strict-transport-security']);
    assert.ok(response.headers['x-frame-options']);
  });

  it('refuses a state-changing request coming from another site', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/invitations`,
      headers: { cookie, origin: 'https://evil.example', host: 'meute.test' },
      payload: { email: 'x@example.test', role: 'board' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'CSRF');
    const fetchSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    assert.equal(fetchSite.statusCode, 403);
  });

  it('refuses form posts: the API takes JSON only', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a@b.fr&password=x',
    });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the field at fault, in French by default and in English when asked', async () => {
    const fr = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/invitations`,
      headers: { cookie },
      payload: { email: 'not-an-address', role: 'board' },
    });
    assert.equal(fr.statusCode, 400);
    assert.equal(fr.json().field, 'body.email');
    assert.match(fr.json().message, /^Champ invalide : body\.email — adresse e-mail invalide/);
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/invitations`,
      headers: { cookie: `${cookie}; meute_lang=en` },
      payload: { email: 'someone@example.test', role: 'king' },
    });
    assert.equal(en.json().field, 'body.role');
    assert.match(en.json().message, /^Invalid field: body\.role/);
  });

  it('refuses unknown fields and wrong types with the field path', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@example.test', password: 'x', isAdmin: true },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().field, 'body.isAdmin');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@example.test', password: 42 },
    });
    assert.equal(wrongType.statusCode, 400);
    assert.equal(wrongType.json().field, 'body.password');
  });

  it('refuses malformed JSON and bodies over 1 MB', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, 'MALFORMED_JSON');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(1024 * 1024) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().code, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API address with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, 'NOT_FOUND');
  });

  it('never answers 500 to anything a person can send', async () => {
    const routes = [
      ['POST', '/api/auth/sign-in'],
      ['POST', '/api/auth/password-reset'],
      ['POST', '/api/auth/password-reset/confirm'],
      ['PATCH', '/api/auth/me'],
      ['POST', `/api/networks/${slug}/invitations`],
      ['POST', '/api/invitations/abcdefghijklmnopqrstuvwxyz/accept'],
      ['POST', '/api/admin/people/00000000-0000-0000-0000-000000000000/disable'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue(), async ([method, url], payload) => {
        const response = await t.app.inject({
          method,
          url,
          headers: { cookie, 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        assert.ok(
          response.statusCode < 500,
          `${method} ${url} ${JSON.stringify(payload)} → ${response.body}`,
        );
      }),
      { numRuns: 150 },
    );
    const withNul = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie },
      payload: { displayName: 'Jeanne\u0000' },
    });
    assert.equal(withNul.statusCode, 400);
    assert.equal(withNul.json().field, 'body.displayName');
    for (const path of [
      '/api/networks/%00',
      `/api/networks/${'x'.repeat(500)}`,
      '/api/invitations/%ZZ',
      '/api/networks/a/invitations/not-a-uuid',
    ]) {
      const response = await t.app.inject({ method: 'GET', url: path, headers: { cookie } });
      assert.ok(response.statusCode < 500, `${path} → ${response.statusCode} ${response.body}`);
    }
  });

  it('documents the API in OpenAPI 3.1 with one tag per capability', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    const tags = new Set<string>();
    for (const operations of Object.values(document.paths) as Record<string, { tags?: string[] }>[]) {
      for (const operation of Object.values(operations))
        for (const tag of operation.tags ?? []) tags.add(tag);
    }
    // Every operation is filed under a capability the document describes, and every capability
    // described has operations.
    const declared = (document.tags as { name: string; description: string }[]).map((tag) => tag.name);
    assert.deepEqual([...tags].sort(), [...declared].sort());
    for (const capability of ['accounts', 'directory', 'needs', 'networks', 'purchasing', 'tenders']) {
      assert.ok(tags.has(capability), capability);
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
  });
});
