import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ProjectLife, ProjectPipeline } from '@meute/contracts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';
import { multipart } from '../imports/test-files.ts';

/**
 * The life of a collective project: stage log, lead, team, milestones, budget, documents,
 * decisions and outcomes, indicators, and a project spanning a sister network.
 *
 *   federation Ouest ── club Projets: companies A (leaderA) and B (leaderB), staff
 *                   └── club Sœur: company S (leaderS), staff2
 *   cluster Ailleurs: staff3 (who also runs nothing of the above)
 */
describe('projects: the life of a collective project', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  let club: { id: string; slug: string };
  let sister: { id: string; slug: string };
  let elsewhere: { id: string; slug: string };
  let projectId: string;

  before(async () => {
    t = await buildTestApp();
    const federation = await buildNetwork(t.db, { kind: 'federation', name: 'Fédération Ouest' });
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club Projets', parentId: federation.id });
    sister = await buildNetwork(t.db, { kind: 'club', name: 'Club Sœur', parentId: federation.id });
    elsewhere = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster Ailleurs' });
    const people: Record<string, { id: string; email: string }> = {};
    for (const who of ['staff', 'leaderA', 'leaderB', 'staff2', 'leaderS', 'staff3']) {
      people[who] = await buildPerson(t.db, { displayName: `Personne ${who}` });
      cookies[who] = await signIn(t.app, people[who].email);
    }
    await grantRole(t.db, people.staff!.id, club.id, 'staff');
    await grantRole(t.db, people.leaderA!.id, club.id, 'member_leader');
    await grantRole(t.db, people.leaderB!.id, club.id, 'member_leader');
    await grantRole(t.db, people.staff2!.id, sister.id, 'staff');
    await grantRole(t.db, people.leaderS!.id, sister.id, 'member_leader');
    await grantRole(t.db, people.staff3!.id, elsewhere.id, 'staff');
    await grantRole(t.db, people.staff!.id, elsewhere.id, 'member_leader');
    orgs.A = (
      await buildOrganisation(t.db, {
        name: 'Entreprise A',
        networkIds: [club.id],
        leaders: [people.leaderA!.id],
      })
    ).id;
    orgs.B = (
      await buildOrganisation(t.db, {
        name: 'Entreprise B',
        networkIds: [club.id],
        leaders: [people.leaderB!.id],
      })
    ).id;
    orgs.S = (
      await buildOrganisation(t.db, {
        name: 'Entreprise S',
        networkIds: [sister.id],
        leaders: [people.leaderS!.id],
      })
    ).id;

    const created = await call('staff', 'POST', '/projects', {
      title: 'Ligne pilote de recyclage',
      description: 'Recycler ensemble les chutes de composite',
      leadOrganisationId: orgs.A,
    });
    assert.equal(created.statusCode, 201, created.body);
    projectId = created.json().id;
  });
  after(() => t.close());

  function call(
    who: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    options: { slug?: string; locale?: string } = {},
  ) {
    return t.app.inject({
      method,
      url: `/api/networks/${options.slug ?? club.slug}${path}`,
      headers: {
        ...(who
          ? { cookie: `${cookies[who]!}${options.locale ? `; meute_lang=${options.locale}` : ''}` }
          : {}),
      },
      ...(payload ? { payload } : {}),
    });
  }
  const project = (path = '') => `/projects/${projectId}${path}`;
  async function expectLife(
    response: { statusCode: number; body: string; json: () => unknown },
    status = 200,
  ) {
    assert.equal(response.statusCode, status, response.body);
    return response.json() as ProjectLife;
  }
  async function upload(who: string, content: Buffer, filename: string, type = 'application/pdf') {
    const body = await multipart({ file: { content, filename, type } });
    return t.app.inject({
      method: 'POST',
      url: `/api/networks/${club.slug}${project('/documents')}`,
      headers: { ...body.headers, cookie: cookies[who]! },
      payload: body.payload,
    });
  }

  it('lets an invited company join, and staff make a company that joined the lead', async () => {
    let life = await expectLife(await call('leaderA', 'GET', project('/life')));
    assert.equal(life.canWrite, false);
    assert.equal(life.canSeeWork, false);
    assert.deepEqual(
      life.team.map((m) => [m.organisationName, m.status, m.isMine]),
      [['Entreprise A', 'invited', true]],
    );
    life = await expectLife(
      await call('leaderA', 'POST', project('/membership'), { organisationId: orgs.A, status: 'joined' }),
    );
    assert.equal(life.canWrite, true);
    assert.equal(life.canChangeStage, true, 'the lead organisation moves its project on');

    life = await expectLife(
      await call('staff', 'POST', project('/members'), { organisationId: orgs.B }),
      201,
    );
    assert.deepEqual(
      life.team.map((m) => [m.organisationName, m.status]),
      [
        ['Entreprise A', 'joined'],
        ['Entreprise B', 'invited'],
      ],
    );
    const notJoined = await call('staff', 'PUT', project('/lead'), { organisationId: orgs.B });
    assert.equal(notJoined.statusCode, 400, notJoined.body);
    assert.equal(notJoined.json().field, 'body.organisationId');
    const outsider = await call('staff', 'POST', project('/members'), { organisationId: orgs.S });
    assert.equal(outsider.statusCode, 400, outsider.body);
    assert.equal(outsider.json().field, 'body.organisationId');
    life = await expectLife(await call('staff', 'PUT', project('/lead'), { organisationId: orgs.A }));
    assert.equal(life.leadOrganisation?.name, 'Entreprise A');
    const byMember = await call('leaderA', 'PUT', project('/lead'), { organisationId: null });
    assert.equal(byMember.statusCode, 403);
  });

  it('logs every stage change with who, when and why', async () => {
    let life = await expectLife(
      await call('staff', 'POST', project('/stage'), { stage: 'pilot', note: 'Go du comité' }),
    );
    assert.equal(life.stage, 'pilot');
    life = await expectLife(await call('leaderA', 'POST', project('/stage'), { stage: 'project' }));
    assert.equal(life.stage, 'project');
    // The same stage again changes nothing and logs nothing.
    life = await expectLife(await call('staff', 'POST', project('/stage'), { stage: 'project' }));
    const changes = life.events.filter((e) => e.kind === 'stage-change');
    assert.equal(changes.length, 2);
    const [last, first] = changes;
    assert.deepEqual(
      [first!.fromStage, first!.toStage, first!.text, first!.authorName],
      ['idea', 'pilot', 'Go du comité', 'Personne staff'],
    );
    assert.deepEqual(
      [last!.fromStage, last!.toStage, last!.authorName],
      ['pilot', 'project', 'Personne leaderA'],
    );
    assert.match(first!.occurredOn, /^\d{4}-\d{2}-\d{2}$/);
    const bad = await call('staff', 'POST', project('/stage'), { stage: 'moon' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'body.stage');
    const byInvited = await call('leaderB', 'POST', project('/stage'), { stage: 'market' });
    assert.equal(byInvited.statusCode, 403);
  });

  it('keeps milestones: add, mark done, change, delete, with errors that name the field', async () => {
    let life = await expectLife(
      await call('leaderA', 'POST', project('/milestones'), { title: 'Essais matière', dueOn: '2027-03-01' }),
      201,
    );
    life = await expectLife(
      await call('staff', 'POST', project('/milestones'), { title: 'Comité de pilotage' }),
      201,
    );
    assert.deepEqual(
      life.milestones.map((m) => [m.title, m.dueOn, m.doneAt]),
      [
        ['Essais matière', '2027-03-01', null],
        ['Comité de pilotage', null, null],
      ],
    );
    const id = life.milestones[0]!.id;
    life = await expectLife(await call('leaderA', 'PATCH', project(`/milestones/${id}`), { isDone: true }));
    assert.ok(life.milestones[0]!.doneAt);
    life = await expectLife(
      await call('leaderA', 'PATCH', project(`/milestones/${id}`), { title: 'Essais', isDone: false }),
    );
    assert.deepEqual([life.milestones[0]!.title, life.milestones[0]!.doneAt], ['Essais', null]);

    const empty = await call('leaderA', 'POST', project('/milestones'), { title: '  ' }, { locale: 'fr' });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().field, 'body.title');
    assert.match(empty.json().message, /Champ invalide : body\.title/);
    const badDate = await call(
      'leaderA',
      'POST',
      project('/milestones'),
      { title: 'X', dueOn: '2027-13-45' },
      { locale: 'en' },
    );
    assert.equal(badDate.statusCode, 400);
    assert.equal(badDate.json().field, 'body.dueOn');
    assert.match(badDate.json().message, /Invalid field: body\.dueOn/);
    const nothing = await call('leaderA', 'PATCH', project(`/milestones/${id}`), {});
    assert.equal(nothing.statusCode, 400);
    assert.equal(nothing.json().field, 'body');

    const second = life.milestones[1]!.id;
    life = await expectLife(await call('leaderA', 'DELETE', project(`/milestones/${second}`)));
    assert.equal(life.milestones.length, 1);
    const again = await call('leaderA', 'DELETE', project(`/milestones/${second}`));
    assert.equal(again.statusCode, 404);
  });

  it('adds up the budget: expenses, funding obtained, requested and planned, and the gap', async () => {
    await expectLife(
      await call('leaderA', 'POST', project('/budget-lines'), {
        kind: 'expense',
        label: 'Broyeur',
        amountCents: 12_000_000,
      }),
      201,
    );
    await expectLife(
      await call('staff', 'POST', project('/budget-lines'), {
        kind: 'funding',
        label: 'Subvention régionale',
        amountCents: 5_000_000,
        funderName: 'Région Normandie',
        fundingStatus: 'obtained',
      }),
      201,
    );
    let life = await expectLife(
      await call('staff', 'POST', project('/budget-lines'), {
        kind: 'funding',
        label: 'Prêt d’honneur',
        amountCents: 2_000_000,
        funderName: 'Bpifrance',
        fundingStatus: 'requested',
      }),
      201,
    );
    assert.deepEqual(life.budget, {
      expensesCents: 12_000_000,
      obtainedCents: 5_000_000,
      requestedCents: 2_000_000,
      plannedCents: 0,
      gapCents: 7_000_000,
    });
    const loan = life.budgetLines.find((line) => line.funderName === 'Bpifrance')!;
    life = await expectLife(
      await call('leaderA', 'PATCH', project(`/budget-lines/${loan.id}`), { fundingStatus: 'obtained' }),
    );
    assert.equal(life.budget.gapCents, 5_000_000);
    assert.equal(life.budget.requestedCents, 0);

    const noFunder = await call('leaderA', 'POST', project('/budget-lines'), {
      kind: 'funding',
      label: 'Mécénat',
      amountCents: 100,
    });
    assert.equal(noFunder.statusCode, 400);
    assert.equal(noFunder.json().field, 'body.funderName');
    const negative = await call('leaderA', 'POST', project('/budget-lines'), {
      kind: 'expense',
      label: 'X',
      amountCents: -1,
    });
    assert.equal(negative.statusCode, 400);
    assert.equal(negative.json().field, 'body.amountCents');
    const fractional = await call('leaderA', 'POST', project('/budget-lines'), {
      kind: 'expense',
      label: 'X',
      amountCents: 1.5,
    });
    assert.equal(fractional.json().field, 'body.amountCents');

    life = await expectLife(await call('leaderA', 'DELETE', project(`/budget-lines/${loan.id}`)));
    assert.equal(life.budgetLines.length, 2);
  });

  it('gives a document back byte for byte, as an attachment, through the authorised route only', async () => {
    const content = randomBytes(300_000);
    const life = await expectLife(await upload('leaderA', content, 'Étude de faisabilité.pdf'), 201);
    const document = life.documents[0]!;
    assert.deepEqual(
      [document.name, document.contentType, document.sizeBytes, document.uploadedBy],
      ['Étude de faisabilité.pdf', 'application/pdf', 300_000, 'Personne leaderA'],
    );
    const download = await call('staff', 'GET', project(`/documents/${document.id}`));
    assert.equal(download.statusCode, 200);
    assert.ok(download.rawPayload.equals(content), 'the same bytes');
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['cache-control'], 'private, no-store');
    assert.equal(
      download.headers['content-disposition'],
      `attachment; filename="_tude de faisabilit_.pdf"; filename*=UTF-8''${encodeURIComponent('Étude de faisabilité.pdf')}`,
    );
    // An HTML file stays an attachment and cannot run in the app's origin.
    const html = await expectLife(
      await upload('leaderA', Buffer.from('<script>alert(1)</script>'), '../../x.html', 'text/html'),
      201,
    );
    const page = html.documents.find((d) => d.name === 'x.html')!;
    const served = await call('leaderA', 'GET', project(`/documents/${page.id}`));
    assert.match(String(served.headers['content-disposition']), /^attachment;/);
    assert.match(String(served.headers['content-security-policy']), /sandbox/);

    const invited = await call('leaderB', 'GET', project(`/documents/${document.id}`));
    assert.equal(invited.statusCode, 404, 'an organisation only invited does not get the files');
    const deleted = await expectLife(await call('leaderA', 'DELETE', project(`/documents/${page.id}`)));
    assert.equal(deleted.documents.length, 1);
    assert.equal((await call('leaderA', 'GET', project(`/documents/${page.id}`))).statusCode, 404);
  });

  it('refuses a document over 10 MB with an error naming the file, and keeps nothing', async () => {
    const tooBig = await upload(
      'leaderA',
      Buffer.alloc(10 * 1024 * 1024 + 1, 7),
      'gros.bin',
      'application/octet-stream',
    );
    assert.equal(tooBig.statusCode, 400, tooBig.body);
    assert.equal(tooBig.json().field, 'file');
    assert.match(tooBig.json().message, /10 Mo/);
    const exactly = await upload(
      'leaderA',
      Buffer.alloc(10 * 1024 * 1024, 7),
      'juste.bin',
      'application/octet-stream',
    );
    assert.equal(exactly.statusCode, 201, exactly.body);
    const empty = await upload('leaderA', Buffer.alloc(0), 'vide.txt', 'text/plain');
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().field, 'file');
    const notMultipart = await call('leaderA', 'POST', project('/documents'), { file: 'x' });
    assert.equal(notMultipart.statusCode, 400);
    assert.equal(notMultipart.json().field, 'file');
    const life = await expectLife(await call('leaderA', 'GET', project('/life')));
    assert.deepEqual(
      life.documents.map((d) => d.name).sort(),
      ['juste.bin', 'Étude de faisabilité.pdf'].sort(),
    );
  });

  it('logs decisions and outcomes, newest first; stage changes only through the stage', async () => {
    await expectLife(
      await call('leaderA', 'POST', project('/events'), {
        kind: 'decision',
        text: 'Choix du broyeur',
        occurredOn: '2027-01-10',
      }),
      201,
    );
    const life = await expectLife(
      await call('staff', 'POST', project('/events'), {
        kind: 'outcome',
        text: 'Premier lot recyclé',
        occurredOn: '2027-02-01',
      }),
      201,
    );
    const own = life.events.filter((e) => e.kind !== 'stage-change');
    assert.deepEqual(
      own.map((e) => [e.kind, e.text, e.authorName]),
      [
        ['outcome', 'Premier lot recyclé', 'Personne staff'],
        ['decision', 'Choix du broyeur', 'Personne leaderA'],
      ],
    );
    const forged = await call('leaderA', 'POST', project('/events'), {
      kind: 'stage-change',
      text: 'x',
      occurredOn: '2027-01-01',
    });
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json().field, 'body.kind');
    const noDate = await call('leaderA', 'POST', project('/events'), { kind: 'decision', text: 'x' });
    assert.equal(noDate.json().field, 'body.occurredOn');
  });

  it('records the indicators funders ask for', async () => {
    await expectLife(
      await call('leaderA', 'POST', project('/indicators'), {
        kind: 'jobs-created',
        value: 3,
        periodOn: '2027-06-30',
      }),
      201,
    );
    let life = await expectLife(
      await call('staff', 'POST', project('/indicators'), {
        kind: 'amount-raised-cents',
        value: 5_000_000,
        periodOn: '2027-06-30',
        note: 'Région',
      }),
      201,
    );
    assert.deepEqual(life.indicators.map((i) => [i.kind, i.value, i.periodOn, i.note]).sort(), [
      ['amount-raised-cents', 5_000_000, '2027-06-30', 'Région'],
      ['jobs-created', 3, '2027-06-30', ''],
    ]);
    const jobs = life.indicators.find((i) => i.kind === 'jobs-created')!;
    life = await expectLife(await call('leaderA', 'PATCH', project(`/indicators/${jobs.id}`), { value: 4 }));
    assert.equal(life.indicators.find((i) => i.id === jobs.id)?.value, 4);
    life = await expectLife(await call('leaderA', 'DELETE', project(`/indicators/${jobs.id}`)));
    assert.equal(life.indicators.length, 1);
    const badKind = await call('leaderA', 'POST', project('/indicators'), {
      kind: 'happiness',
      value: 1,
      periodOn: '2027-06-30',
    });
    assert.equal(badKind.json().field, 'body.kind');
    const badValue = await call('leaderA', 'POST', project('/indicators'), {
      kind: 'trainees',
      value: 'trois',
      periodOn: '2027-06-30',
    });
    assert.equal(badValue.json().field, 'body.value');
  });

  it('shows the pipeline card: lead, team size, next milestone, budget gap', async () => {
    const response = await call('staff', 'GET', '/projects/pipeline');
    assert.equal(response.statusCode, 200, response.body);
    const pipeline = response.json() as ProjectPipeline;
    assert.equal(pipeline.canManage, true);
    const card = pipeline.projects.find((p) => p.id === projectId)!;
    assert.deepEqual(card, {
      id: projectId,
      title: 'Ligne pilote de recyclage',
      stage: 'project',
      leadOrganisationName: 'Entreprise A',
      teamSize: 1,
      nextMilestone: { title: 'Essais', dueOn: '2027-03-01' },
      gapCents: 7_000_000,
      homeNetworkName: null,
    });
    // A project with no budget yet shows no gap rather than « funded ».
    const bare = await call('staff', 'POST', '/projects', { title: 'Projet sans budget' });
    const bareCard = (
      (await call('staff', 'GET', '/projects/pipeline')).json() as ProjectPipeline
    ).projects.find((p) => p.id === bare.json().id);
    assert.deepEqual([bareCard?.stage, bareCard?.gapCents, bareCard?.teamSize], ['idea', null, 0]);
    // An organisation only invited sees the card, not the working figures.
    const invited = (await call('leaderB', 'GET', '/projects/pipeline')).json() as ProjectPipeline;
    const seen = invited.projects.find((p) => p.id === projectId)!;
    assert.deepEqual([seen.nextMilestone, seen.gapCents, invited.canManage], [null, null, false]);
  });

  it('spans a sister network of the federation, whose companies can then be invited and work on it', async () => {
    const before = await call('staff2', 'GET', project('/life'), undefined, { slug: sister.slug });
    assert.equal(before.statusCode, 404);
    const notMine = await call('staff', 'POST', project('/networks'), { networkSlug: elsewhere.slug });
    assert.equal(notMine.statusCode, 400, notMine.body);
    assert.equal(notMine.json().field, 'body.networkSlug');
    const unknown = await call('staff', 'POST', project('/networks'), { networkSlug: 'nope-404' });
    assert.equal(unknown.json().field, 'body.networkSlug');
    const home = await call('staff', 'POST', project('/networks'), { networkSlug: club.slug });
    assert.equal(home.json().field, 'body.networkSlug');
    const byMember = await call('leaderA', 'POST', project('/networks'), { networkSlug: sister.slug });
    assert.equal(byMember.statusCode, 403);

    let life = await expectLife(
      await call('staff', 'POST', project('/networks'), { networkSlug: sister.slug }),
      201,
    );
    assert.deepEqual(
      life.spannedNetworks.map((n) => n.slug),
      [sister.slug],
    );
    // The sister network's staff now see it from their network, and invite their company.
    const pipeline = (
      await call('staff2', 'GET', '/projects/pipeline', undefined, { slug: sister.slug })
    ).json() as ProjectPipeline;
    assert.equal(pipeline.projects.find((p) => p.id === projectId)?.homeNetworkName, 'Club Projets');
    life = await expectLife(
      await call('staff2', 'POST', project('/members'), { organisationId: orgs.S }, { slug: sister.slug }),
      201,
    );
    assert.equal(life.homeNetwork.slug, club.slug);
    const spanByStaff2 = await call(
      'staff2',
      'POST',
      project('/networks'),
      { networkSlug: club.slug },
      { slug: sister.slug },
    );
    assert.equal(spanByStaff2.statusCode, 403, 'only the home network’s staff span networks');

    await expectLife(
      await call(
        'leaderS',
        'POST',
        project('/membership'),
        { organisationId: orgs.S, status: 'joined' },
        { slug: sister.slug },
      ),
    );
    life = await expectLife(
      await call(
        'leaderS',
        'POST',
        project('/milestones'),
        { title: 'Essais chez S' },
        { slug: sister.slug },
      ),
      201,
    );
    assert.ok(life.milestones.some((m) => m.title === 'Essais chez S'));
    assert.equal(
      life.documents.length,
      2,
      'a company that joined from the sister network sees the documents',
    );

    // Staff of an unrelated network never see it, even by its id.
    const other = await call('staff3', 'GET', project('/life'), undefined, { slug: elsewhere.slug });
    assert.equal(other.statusCode, 404);
    life = await expectLife(await call('staff', 'DELETE', project(`/networks/${sister.id}`)));
    assert.deepEqual(life.spannedNetworks, []);
    const after = await call('staff2', 'GET', project('/life'), undefined, { slug: sister.slug });
    assert.equal(after.statusCode, 404);
  });

  it('lets a company decline, and a lead that declines is no longer the lead', async () => {
    const life = await expectLife(
      await call('leaderA', 'POST', project('/membership'), { organisationId: orgs.A, status: 'declined' }),
    );
    assert.equal(life.leadOrganisation, null);
    assert.equal(life.canWrite, false);
    assert.deepEqual(life.milestones, [], 'a company that declined no longer sees the working files');
    const forOther = await call('leaderA', 'POST', project('/membership'), {
      organisationId: orgs.B,
      status: 'joined',
    });
    assert.equal(forOther.statusCode, 403);
  });
});
