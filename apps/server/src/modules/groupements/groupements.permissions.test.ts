import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asPerson } from '../../db/database.ts';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';
import { multipart } from '../imports/test-files.ts';

/**
 * Who may do what with a groupement, for every role. Alpha A (its leader and employee) is the
 * mandataire of a groupement with Alpha B; the partner's delegate and the leader of Alpha C are
 * people of the network outside the groupement: they see the groupement, never its prices,
 * documents or revision rounds.
 *
 *   federation Nord ── club Alpha: companies A (leader, employee), B (leaderB), C (leaderC); partner P
 *   cluster Gamma: company G (a member of another network)
 */
describe('groupements: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let tenderId: string;
  let shownId: string;
  // Unique figures, looked for in the raw JSON of what outsiders get.
  const PRICE_A = 7_654_321;
  const PRICE_B = 1_234_567;

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t, { companyA: { communeCode: '75056', competences: ['Électricité'] } });
    ({ cookies, ids, alpha } = cast);
    await cast.person('leaderB', alpha.id, 'member_leader');
    await cast.person('leaderC', alpha.id, 'member_leader');
    ids.B = (
      await buildOrganisation(t.db, { name: 'Alpha B', networkIds: [alpha.id], leaders: [ids.leaderB!] })
    ).id;
    ids.C = (
      await buildOrganisation(t.db, { name: 'Alpha C', networkIds: [alpha.id], leaders: [ids.leaderC!] })
    ).id;
    const electricity = (
      await t.db
        .selectFrom('competences')
        .select('id')
        .where('label', '=', 'Électricité')
        .executeTakeFirstOrThrow()
    ).id;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${alpha.slug}/tenders`,
      headers: { cookie: cookies.staff! },
      payload: {
        title: 'Rénovation du gymnase',
        lots: [
          { title: 'Lot 1', requirements: [{ kind: 'competence', code: electricity }] },
          { title: 'Lot 2', requirements: [{ kind: 'competence', code: electricity }] },
        ],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    tenderId = created.json().id;
    shownId = await fresh('go');
    await call('staff', 'PUT', `/${shownId}/members/${ids.A}/price`, { priceCents: PRICE_A });
    await call('staff', 'PUT', `/${shownId}/members/${ids.B}/price`, { priceCents: PRICE_B });
    await call('staff', 'POST', `/${shownId}/revisions`, { cutBp: 500 });
    await upload('staff', shownId);
  });
  after(() => t.close());

  function call(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}/tenders/${tenderId}/groupements${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }

  async function upload(who: string, groupementId: string) {
    const body = await multipart({
      file: { content: 'offre', filename: 'offre.pdf', type: 'application/pdf' },
    });
    const cookie = cookies[who];
    return t.app.inject({
      method: 'POST',
      url: `/api/networks/${alpha.slug}/tenders/${tenderId}/groupements/${groupementId}/documents`,
      headers: { ...body.headers, ...(cookie ? { cookie } : {}) },
      payload: body.payload,
    });
  }

  const draft = () => ({
    kind: 'solidaire',
    mandataireId: ids.A,
    members: [
      { organisationId: ids.A, lotIds: ['LOT-1'], workShareBp: 6000 },
      { organisationId: ids.B, lotIds: ['LOT-2'], workShareBp: 4000 },
    ],
  });

  /** A new groupement recorded by staff, moved to `status`. */
  async function fresh(status: 'forming' | 'go' = 'forming') {
    const created = await call('staff', 'POST', '', draft());
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    if (status === 'go') {
      const went = await call('staff', 'POST', `/${id}/decision`, { decision: 'go' });
      assert.equal(went.statusCode, 200, went.body);
    }
    return id;
  }

  const fresher =
    (status: 'forming' | 'go', act: (who: CastRole, id: string) => ReturnType<typeof call>) =>
    async (who: CastRole) =>
      act(who, await fresh(status));

  const everyoneOfTheNetwork = {
    staff: 200,
    fedStaff: 200,
    leader: 200,
    employee: 200,
    partner: 200,
    otherMember: 404,
    anonymous: 401,
  };
  const staffOrMandataire = (ok: number) => ({
    staff: ok,
    fedStaff: ok,
    leader: ok,
    employee: ok,
    partner: 403,
    otherMember: 404,
    anonymous: 401,
  });

  it('shows the groupements of a tender to every person of the network', async () => {
    await expectStatuses((who) => call(who, 'GET', ''), everyoneOfTheNetwork);
    await expectStatuses((who) => call(who, 'GET', `/${shownId}`), everyoneOfTheNetwork);
  });

  it('lets only those who run the network record a groupement', async () => {
    await expectStatuses((who) => call(who, 'POST', '', draft()), {
      staff: 201,
      fedStaff: 201,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets staff and the mandataire’s people change the make-up while forming', async () => {
    const id = await fresh();
    await expectStatuses((who) => call(who, 'PUT', `/${id}`, draft()), staffOrMandataire(200));
  });

  it('lets staff and a member’s own people set that member’s price', async () => {
    const id = await fresh();
    await expectStatuses(
      (who) => call(who, 'PUT', `/${id}/members/${ids.A}/price`, { priceCents: 100 }),
      staffOrMandataire(200),
    );
  });

  it('lets staff and the mandataire’s people decide go or no-go', async () => {
    await expectStatuses(
      fresher('forming', (who, id) => call(who, 'POST', `/${id}/decision`, { decision: 'go', reason: 'ok' })),
      staffOrMandataire(200),
    );
  });

  it('lets staff and the mandataire’s people open a price revision round', async () => {
    await expectStatuses(
      fresher('go', (who, id) => call(who, 'POST', `/${id}/revisions`, { cutCents: 1000 })),
      staffOrMandataire(201),
    );
  });

  it('lets only a member’s own people answer for it', async () => {
    const id = await fresh('go');
    const round = (await call('staff', 'POST', `/${id}/revisions`, { cutCents: 1000 })).json().rounds[0].id;
    await expectStatuses(
      (who) =>
        call(who, 'POST', `/${id}/revisions/${round}/answer`, { organisationId: ids.A, accepted: true }),
      {
        staff: 403,
        fedStaff: 403,
        leader: 200,
        employee: 200,
        // Outsiders do not even see the round.
        partner: 404,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('lets staff and the members upload documents, and only them download them', async () => {
    const id = await fresh();
    await expectStatuses((who) => upload(who, id), staffOrMandataire(201));
    const documentId = (await call('staff', 'GET', `/${shownId}`)).json().documents[0].id;
    await expectStatuses((who) => call(who, 'GET', `/${shownId}/documents/${documentId}`), {
      ...staffOrMandataire(200),
      partner: 404,
    });
  });

  it('lets staff and the mandataire’s people delete a document', async () => {
    await expectStatuses(
      fresher('forming', async (who, id) => {
        const documentId = (await upload('staff', id)).json().documents[0].id;
        return call(who, 'DELETE', `/${id}/documents/${documentId}`);
      }),
      { ...staffOrMandataire(200), partner: 404 },
    );
  });

  it('lets staff and the mandataire’s people record the outcome', async () => {
    await expectStatuses(
      fresher('go', (who, id) => call(who, 'POST', `/${id}/outcome`, { outcome: 'won', valueCents: 100 })),
      staffOrMandataire(200),
    );
  });

  it('shows people outside the groupement its make-up, never prices, documents or answers', async () => {
    for (const who of ['partner', 'leaderC']) {
      const response = await call(who, 'GET', '');
      assert.equal(response.statusCode, 200);
      const shown = response.json().groupements.find((g: { id: string }) => g.id === shownId);
      assert.deepEqual(
        shown.members.map((m: { name: string; workShareBp: number }) => [m.name, m.workShareBp]),
        [
          ['Alpha A', 6000],
          ['Alpha B', 4000],
        ],
      );
      assert.deepEqual([shown.documents, shown.rounds, shown.isInsider], [[], [], false]);
      for (const figure of [PRICE_A, PRICE_B, 382_716, 61_728]) {
        assert.ok(!response.body.includes(String(figure)), `${who} sees ${figure}`);
      }
    }
    const leader = await call('leader', 'GET', '');
    assert.ok(leader.body.includes(String(PRICE_A)));
    assert.ok(!leader.body.includes(String(PRICE_B)), 'a member never sees another member’s price');
    const staff = await call('staff', 'GET', '');
    assert.ok(staff.body.includes(String(PRICE_A)) && staff.body.includes(String(PRICE_B)));
  });

  it('enforces it in the database, for each table', async () => {
    const rows = (personId: string | null) =>
      asPerson(t.db, personId, async (trx) => {
        const count = async (
          table:
            | 'groupements'
            | 'groupement_members'
            | 'groupement_member_prices'
            | 'groupement_documents'
            | 'price_revision_rounds'
            | 'price_revision_answers',
        ) => (await trx.selectFrom(table).selectAll().execute()).length > 0;
        return {
          groupements: await count('groupements'),
          members: await count('groupement_members'),
          prices: await count('groupement_member_prices'),
          documents: await count('groupement_documents'),
          rounds: await count('price_revision_rounds'),
          answers: await count('price_revision_answers'),
        };
      });
    const all = {
      groupements: true,
      members: true,
      prices: true,
      documents: true,
      rounds: true,
      answers: true,
    };
    const outside = {
      groupements: true,
      members: true,
      prices: false,
      documents: false,
      rounds: false,
      answers: false,
    };
    const nothing = {
      groupements: false,
      members: false,
      prices: false,
      documents: false,
      rounds: false,
      answers: false,
    };
    assert.deepEqual(await rows(ids.staff!), all);
    assert.deepEqual(await rows(ids.leaderB!), all);
    assert.deepEqual(await rows(ids.partner!), outside);
    assert.deepEqual(await rows(ids.leaderC!), outside);
    assert.deepEqual(await rows(ids.otherMember!), nothing);
    assert.deepEqual(await rows(null), nothing);
    const pricesSeenBy = (personId: string) =>
      asPerson(t.db, personId, async (trx) =>
        (await trx.selectFrom('groupement_member_prices').select('organisation_id').distinct().execute()).map(
          (row) => row.organisation_id,
        ),
      );
    assert.deepEqual(await pricesSeenBy(ids.leaderB!), [ids.B]);
  });
});
