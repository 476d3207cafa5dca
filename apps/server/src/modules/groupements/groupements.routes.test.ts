import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Groupement, TenderGroupements } from '@meute/contracts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';
import { multipart } from '../imports/test-files.ts';
import { pastPartnersInNetwork } from './groupements.repository.ts';

/** A groupement's life over HTTP: recorded from a proposal, priced, go, revised −5 %, won. */
describe('groupements: from a proposed grouping to a won tender', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const org: Record<string, string> = {};
  let slug: string;
  let tenderId: string;

  before(async () => {
    t = await buildTestApp();
    const network = await buildNetwork(t.db, { kind: 'club', name: 'Club Bâtiment' });
    slug = network.slug;
    for (const who of ['staff', 'leaderA', 'leaderB', 'leaderC']) {
      const person = await buildPerson(t.db);
      await grantRole(t.db, person.id, network.id, who === 'staff' ? 'staff' : 'member_leader');
      cookies[who] = await signIn(t.app, person.email);
      if (who === 'staff') continue;
      const letter = who.slice(-1);
      org[letter] = (
        await buildOrganisation(t.db, {
          name: `Entreprise ${letter}`,
          networkIds: [network.id],
          communeCode: '75056',
          competences: letter === 'A' ? ['Électricité'] : letter === 'B' ? ['Plomberie'] : ['Menuiserie'],
          leaders: [person.id],
        })
      ).id;
    }
    const competence: Record<string, string> = {};
    for (const row of await t.db.selectFrom('competences').select(['id', 'label']).execute()) {
      competence[row.label] = row.id;
    }
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/tenders`,
      headers: { cookie: cookies.staff! },
      payload: {
        title: 'Rénovation école',
        communeCode: '75056',
        lots: [
          { title: 'Électricité', requirements: [{ kind: 'competence', code: competence.Électricité }] },
          { title: 'Plomberie', requirements: [{ kind: 'competence', code: competence.Plomberie }] },
        ],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    tenderId = created.json().id;
    const run = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/tenders/${tenderId}/consortium`,
      headers: { cookie: cookies.staff! },
      payload: { minMembers: 2, maxMembers: 3 },
    });
    assert.equal(run.statusCode, 200, run.body);
  });
  after(() => t.close());

  function call(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) {
    return t.app.inject({
      method,
      url: `/api/networks/${slug}/tenders/${tenderId}/groupements${path}`,
      headers: { cookie: cookies[who]!, 'accept-language': 'fr' },
      ...(payload ? { payload } : {}),
    });
  }
  function expectGroupement(
    response: { statusCode: number; body: string; json: () => unknown },
    status = 200,
  ) {
    assert.equal(response.statusCode, status, response.body);
    return response.json() as Groupement;
  }

  let groupementId: string;

  it('records the first proposed grouping in one click: members, lots and shares pre-filled', async () => {
    const list = (await call('staff', 'GET', '')).json() as TenderGroupements;
    assert.equal(list.canRecord, true);
    assert.equal(list.proposals[0]!.members.length, 2);
    const g = expectGroupement(await call('staff', 'POST', '', { fromRank: 1, kind: 'solidaire' }), 201);
    groupementId = g.id;
    assert.equal(g.kind, 'solidaire');
    assert.equal(g.status, 'forming');
    const byName = Object.fromEntries(g.members.map((m) => [m.name, m]));
    assert.deepEqual(byName['Entreprise A']!.lotIds, ['LOT-1']);
    assert.deepEqual(byName['Entreprise B']!.lotIds, ['LOT-2']);
    assert.equal(
      g.members.reduce((sum, m) => sum + m.workShareBp, 0),
      10_000,
    );
    assert.ok(g.mandataireId === org.A || g.mandataireId === org.B);
  });

  it('refuses a proposal rank the last run does not have, and a company outside the network', async () => {
    const missing = await call('staff', 'POST', '', { fromRank: 9 });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().field, 'body.fromRank');
    assert.match(missing.json().message, /relancez la recherche/);
    const stranger = await call('staff', 'POST', '', {
      kind: 'conjoint',
      mandataireId: org.A,
      members: [
        { organisationId: org.A, lotIds: ['LOT-1', 'LOT-2'], workShareBp: 5000 },
        { organisationId: '00000000-0000-4000-8000-000000000000', lotIds: ['LOT-2'], workShareBp: 5000 },
      ],
    });
    assert.equal(stranger.statusCode, 400);
    assert.equal(stranger.json().field, 'body.members.1.organisationId');
    const count = await t.db.selectFrom('groupements').select('id').execute();
    assert.equal(count.length, 1, 'nothing half-written');
  });

  it('refuses a make-up whose shares do not add up, naming the field in the user’s language', async () => {
    const response = await call('staff', 'PUT', `/${groupementId}`, {
      kind: 'solidaire',
      mandataireId: org.A,
      members: [
        { organisationId: org.A, lotIds: ['LOT-1'], workShareBp: 6000 },
        { organisationId: org.B, lotIds: ['LOT-2'], workShareBp: 3000 },
      ],
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'body.members');
    assert.match(response.json().message, /100 %/);
    const unknownLot = await call('staff', 'PUT', `/${groupementId}`, {
      kind: 'conjoint',
      mandataireId: org.A,
      members: [
        { organisationId: org.A, lotIds: ['LOT-1', 'LOT-9'], workShareBp: 6000 },
        { organisationId: org.B, lotIds: ['LOT-2'], workShareBp: 4000 },
      ],
    });
    assert.equal(unknownLot.statusCode, 400);
    assert.equal(unknownLot.json().field, 'body.members.0.lotIds.1');
  });

  it('lets staff fix the make-up, and each member price its part, seeing only its own price', async () => {
    let g = expectGroupement(
      await call('staff', 'PUT', `/${groupementId}`, {
        kind: 'solidaire',
        mandataireId: org.A,
        members: [
          { organisationId: org.A, lotIds: ['LOT-1'], workShareBp: 6000 },
          { organisationId: org.B, lotIds: ['LOT-2'], workShareBp: 4000 },
        ],
      }),
    );
    assert.equal(g.mandataireId, org.A);
    expectGroupement(
      await call('leaderA', 'PUT', `/${groupementId}/members/${org.A}/price`, { priceCents: 6_000_000 }),
    );
    expectGroupement(
      await call('leaderB', 'PUT', `/${groupementId}/members/${org.B}/price`, { priceCents: 4_000_000 }),
    );
    const other = await call('leaderA', 'PUT', `/${groupementId}/members/${org.B}/price`, { priceCents: 1 });
    assert.equal(other.statusCode, 403);
    g = expectGroupement(await call('leaderA', 'GET', `/${groupementId}`));
    assert.deepEqual(
      g.members.map((m) => [m.name, m.priceCents]),
      [
        ['Entreprise A', 6_000_000],
        ['Entreprise B', null],
      ],
    );
    g = expectGroupement(await call('staff', 'GET', `/${groupementId}`));
    assert.deepEqual(
      g.members.map((m) => m.priceCents),
      [6_000_000, 4_000_000],
    );
  });

  it('keeps documents to the groupement, downloaded through the authorised route only', async () => {
    const body = await multipart({
      file: { content: 'DC1 signé', filename: 'DC1.pdf', type: 'application/pdf' },
    });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/tenders/${tenderId}/groupements/${groupementId}/documents`,
      headers: { ...body.headers, cookie: cookies.leaderB! },
      payload: body.payload,
    });
    const g = expectGroupement(uploaded, 201);
    assert.equal(g.documents.length, 1);
    const documentId = g.documents[0]!.id;
    const download = await call('leaderA', 'GET', `/${groupementId}/documents/${documentId}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.body, 'DC1 signé');
    assert.match(String(download.headers['content-disposition']), /attachment/);
    assert.equal((await call('leaderC', 'GET', `/${groupementId}/documents/${documentId}`)).statusCode, 404);
    const outsider = await multipart({ file: { content: 'x', filename: 'x.pdf', type: 'application/pdf' } });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/tenders/${tenderId}/groupements/${groupementId}/documents`,
      headers: { ...outsider.headers, cookie: cookies.leaderC! },
      payload: outsider.payload,
    });
    assert.equal(refused.statusCode, 403);
    const large = await multipart({
      file: { content: Buffer.alloc(10 * 1024 * 1024 + 1), filename: 'gros.pdf', type: 'application/pdf' },
    });
    const tooLarge = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/tenders/${tenderId}/groupements/${groupementId}/documents`,
      headers: { ...large.headers, cookie: cookies.staff!, 'accept-language': 'fr' },
      payload: large.payload,
    });
    assert.equal(tooLarge.statusCode, 400);
    assert.equal(tooLarge.json().field, 'file');
    assert.match(tooLarge.json().message, /10 Mo/);
  });

  it('goes, then splits a −5 % revision by price and lets each member answer for itself', async () => {
    let g = expectGroupement(
      await call('leaderA', 'POST', `/${groupementId}/decision`, {
        decision: 'go',
        reason: 'Lots à notre main',
      }),
    );
    assert.equal(g.status, 'go');
    assert.equal(g.decisionReason, 'Lots à notre main');
    const locked = await call('staff', 'PUT', `/${groupementId}`, {
      kind: 'conjoint',
      mandataireId: org.A,
      members: [
        { organisationId: org.A, lotIds: ['LOT-1'], workShareBp: 6000 },
        { organisationId: org.B, lotIds: ['LOT-2'], workShareBp: 4000 },
      ],
    });
    assert.equal(locked.statusCode, 409);
    assert.equal(
      (await call('leaderB', 'POST', `/${groupementId}/revisions`, { cutBp: 500 })).statusCode,
      403,
    );
    const tooMuch = await call('leaderA', 'POST', `/${groupementId}/revisions`, { cutCents: 10_000_001 });
    assert.equal(tooMuch.statusCode, 400);
    assert.equal(tooMuch.json().field, 'body.cutCents');
    const both = await call('leaderA', 'POST', `/${groupementId}/revisions`, { cutBp: 500, cutCents: 100 });
    assert.equal(both.statusCode, 400);
    g = expectGroupement(await call('leaderA', 'POST', `/${groupementId}/revisions`, { cutBp: 500 }), 201);
    const round = g.rounds[0]!;
    assert.equal(round.totalCutCents, 500_000);
    assert.equal(round.basis, 'price');
    assert.deepEqual(
      round.answers.map((a) => [a.name, a.shareCents, a.canAnswer]),
      [
        ['Entreprise A', 300_000, true],
        ['Entreprise B', 200_000, false],
      ],
    );
    const forOther = await call('leaderA', 'POST', `/${groupementId}/revisions/${round.id}/answer`, {
      organisationId: org.B,
      accepted: true,
    });
    assert.equal(forOther.statusCode, 403);
    expectGroupement(
      await call('leaderA', 'POST', `/${groupementId}/revisions/${round.id}/answer`, {
        organisationId: org.A,
        accepted: true,
      }),
    );
    g = expectGroupement(
      await call('leaderB', 'POST', `/${groupementId}/revisions/${round.id}/answer`, {
        organisationId: org.B,
        accepted: false,
      }),
    );
    assert.deepEqual(
      g.rounds[0]!.answers.map((a) => a.accepted),
      [true, false],
    );
    assert.equal(g.rounds[0]!.status, 'closed');
    const late = await call('leaderB', 'POST', `/${groupementId}/revisions/${round.id}/answer`, {
      organisationId: org.B,
      accepted: true,
    });
    assert.equal(late.statusCode, 409);
  });

  it('records the outcome won with its value, and the pair then counts as having worked together', async () => {
    const noValue = await call('staff', 'POST', `/${groupementId}/outcome`, { outcome: 'won' });
    assert.equal(noValue.statusCode, 400);
    assert.equal(noValue.json().field, 'body.valueCents');
    const g = expectGroupement(
      await call('staff', 'POST', `/${groupementId}/outcome`, { outcome: 'won', valueCents: 9_500_000 }),
    );
    assert.equal(g.status, 'won');
    assert.equal(g.outcomeValueCents, 9_500_000);
    const back = await call('staff', 'POST', `/${groupementId}/decision`, { decision: 'no-go' });
    assert.equal(back.statusCode, 409);
    const list = (await call('leaderC', 'GET', '')).json() as TenderGroupements;
    const pair = list.proposals[0]!.workedTogether[0]!;
    assert.deepEqual([...pair].sort(), [org.A, org.B].sort());
    // What the consortium builder is given as « already worked together ».
    const network = await t.db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    const partners = await pastPartnersInNetwork(t.db, network.id);
    assert.deepEqual(partners.get(org.A!), [org.B]);
    assert.deepEqual(partners.get(org.B!), [org.A]);
    assert.equal(partners.get(org.C!), undefined);
  });
});
