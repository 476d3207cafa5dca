import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asPerson } from '../../db/database.ts';
import { buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';

/**
 * Who may do what with the aid-scheme catalogue, for every role:
 *
 *   federation Nord ── club Alpha: company A (leader, employee), staff, partner P, Nord's staff
 *   cluster Gamma: company G (a member of another network)
 *
 * Staff keep the catalogue; everyone of the network reads it; the federation's catalogue is read
 * by its networks; a project's schemes only by those who see the project; Gamma sees nothing.
 */
describe('aid schemes: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let nord: { id: string; slug: string };
  let gamma: { id: string; slug: string };
  const SECRET = 'Dispositif ZORGLUB-77';

  function call(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  }
  const inAlpha = (path: string) => `/api/networks/${alpha.slug}${path}`;

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t, { companyA: { communeCode: '76540', headcountBand: '12' } });
    ({ cookies, ids, alpha, nord, gamma } = cast);
    const created = await call('staff', 'POST', inAlpha('/aid-schemes'), { name: SECRET, level: 'national' });
    assert.equal(created.statusCode, 201, created.body);
    ids.scheme = created.json().id;
    const federal = await call('fedStaff', 'POST', `/api/networks/${nord.slug}/aid-schemes`, {
      name: 'Catalogue fédéral (exemple)',
      level: 'european',
    });
    assert.equal(federal.statusCode, 201, federal.body);
    ids.federal = federal.json().id;
    const project = await t.db
      .insertInto('projects')
      .values({ network_id: alpha.id, title: 'Projet A', stage: 'idea', lead_organisation_id: ids.A! })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.project = project.id;
    await t.db
      .insertInto('project_members')
      .values({ project_id: project.id, organisation_id: ids.A!, network_id: alpha.id, status: 'joined' })
      .execute();
  });
  after(() => t.close());

  const readers: Record<CastRole, number> = {
    staff: 200,
    fedStaff: 200,
    leader: 200,
    employee: 200,
    partner: 200,
    otherMember: 404,
    anonymous: 401,
  };
  const writers = (ok: number): Record<CastRole, number> => ({
    staff: ok,
    fedStaff: ok,
    leader: 403,
    employee: 403,
    partner: 403,
    otherMember: 404,
    anonymous: 401,
  });

  it('lets everyone of the network read the catalogue, one scheme, and what their companies may claim', async () => {
    await expectStatuses((who) => call(who, 'GET', inAlpha('/aid-schemes')), readers);
    await expectStatuses((who) => call(who, 'GET', inAlpha(`/aid-schemes/${ids.scheme}`)), readers);
    await expectStatuses((who) => call(who, 'GET', inAlpha('/aid-schemes/for-me')), readers);
  });

  it('lets only staff add, change, archive and restore', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', inAlpha('/aid-schemes'), { name: `Ajout de ${who}`, level: 'national' }),
      writers(201),
    );
    await expectStatuses(
      (who) => call(who, 'PATCH', inAlpha(`/aid-schemes/${ids.scheme}`), { description: `par ${who}` }),
      writers(200),
    );
    await expectStatuses(
      (who) => call(who, 'POST', inAlpha(`/aid-schemes/${ids.scheme}/archive`)),
      writers(200),
    );
    await expectStatuses(
      (who) => call(who, 'POST', inAlpha(`/aid-schemes/${ids.scheme}/restore`)),
      writers(200),
    );
  });

  it('shows a project’s schemes only to those who see the project', async () => {
    await expectStatuses((who) => call(who, 'GET', inAlpha(`/projects/${ids.project}/aid-schemes`)), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 404,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets the networks of a federation read its catalogue, and only its staff change it', async () => {
    for (const who of ['staff', 'leader', 'partner'] as const) {
      const list = (await call(who, 'GET', inAlpha('/aid-schemes'))).json();
      const federal = list.schemes.find((s: { id: string }) => s.id === ids.federal);
      assert.ok(federal, who);
      assert.equal(federal.isFromFederation, true);
      assert.equal(federal.canEdit, false, who);
    }
    const fedView = (await call('fedStaff', 'GET', inAlpha('/aid-schemes'))).json();
    assert.equal(fedView.schemes.find((s: { id: string }) => s.id === ids.federal).canEdit, true);
    await expectStatuses(
      (who) => call(who, 'PATCH', inAlpha(`/aid-schemes/${ids.federal}`), { description: `par ${who}` }),
      { ...writers(200), staff: 403 },
    );
  });

  it('shows nothing of the catalogue to a member of another network', async () => {
    const own = await call('otherMember', 'GET', `/api/networks/${gamma.slug}/aid-schemes`);
    assert.equal(own.statusCode, 200);
    assert.ok(!own.body.includes(SECRET));
    assert.ok(!own.body.includes('Catalogue fédéral'));
    const byId = await call('otherMember', 'GET', `/api/networks/${gamma.slug}/aid-schemes/${ids.scheme}`);
    assert.equal(byId.statusCode, 404);
    const patched = await call(
      'otherMember',
      'PATCH',
      `/api/networks/${gamma.slug}/aid-schemes/${ids.scheme}`,
      {
        name: 'volé',
      },
    );
    assert.equal(patched.statusCode, 404);
    // Row-level security itself, without the service: nothing of Alpha's nor Nord's catalogue.
    const rows = await asPerson(t.db, ids.otherMember!, (trx) =>
      trx.selectFrom('aid_schemes').select('name').execute(),
    );
    assert.deepEqual(rows, []);
    const anonymous = await asPerson(t.db, null, (trx) =>
      trx.selectFrom('aid_schemes').select('name').execute(),
    );
    assert.deepEqual(anonymous, []);
  });
});
