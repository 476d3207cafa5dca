import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProjectLife, ProjectPipeline } from '@meute/contracts';
import { asPerson } from '../../db/database.ts';
import { buildNetwork, buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';
import { multipart } from '../imports/test-files.ts';

/**
 * Who may see and do what with a project's life, for every role: the staff of the network, the
 * federation staff of its parent, a leader and an employee of company A (which joined the
 * project), a partner's delegate (whose organisation is not in the project), a member of another
 * network and an anonymous visitor; plus the leader of company B, only invited.
 *
 *   federation Nord ── club Alpha: A (joined), B (invited), partner P; sister club Beta
 *   cluster Gamma: company G
 */
describe('projects: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let gamma: { id: string; slug: string };
  let beta: { id: string; slug: string };
  let projectId: string;
  let documentId: string;
  const SECRET = Buffer.from('PROJET-CONFIDENTIEL-7731');

  function call(
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    slug = alpha.slug,
  ) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${slug}${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }
  const project = (path = '') => `/projects/${projectId}${path}`;
  async function upload(who: string) {
    const body = await multipart({ file: { content: SECRET, filename: 'secret.txt', type: 'text/plain' } });
    const cookie = cookies[who];
    return t.app.inject({
      method: 'POST',
      url: `/api/networks/${alpha.slug}${project('/documents')}`,
      headers: { ...body.headers, ...(cookie ? { cookie } : {}) },
      payload: body.payload,
    });
  }
  async function ok<T>(response: { statusCode: number; body: string; json: () => unknown }) {
    assert.ok(response.statusCode < 300, response.body);
    return response.json() as T;
  }

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids, alpha, gamma } = cast);
    beta = await buildNetwork(t.db, { kind: 'club', parentId: cast.nord.id, name: 'Club Beta' });
    await cast.person('leaderB', alpha.id, 'member_leader');
    ids.B = (
      await buildOrganisation(t.db, { name: 'Alpha B', networkIds: [alpha.id], leaders: [ids.leaderB!] })
    ).id;
    const created = await ok<{ id: string }>(
      await call('staff', 'POST', '/projects', { title: 'Projet Z', leadOrganisationId: ids.A }),
    );
    projectId = created.id;
    await ok(await call('staff', 'POST', project('/members'), { organisationId: ids.B }));
    await ok(
      await call('leader', 'POST', project('/membership'), { organisationId: ids.A, status: 'joined' }),
    );
    await ok(await call('staff', 'POST', project('/milestones'), { title: 'Jalon secret' }));
    await ok(
      await call('staff', 'POST', project('/budget-lines'), {
        kind: 'expense',
        label: 'Ligne',
        amountCents: 100,
      }),
    );
    await ok(
      await call('staff', 'POST', project('/events'), {
        kind: 'decision',
        text: 'Décision',
        occurredOn: '2027-01-01',
      }),
    );
    await ok(
      await call('staff', 'POST', project('/indicators'), {
        kind: 'trainees',
        value: 2,
        periodOn: '2027-01-01',
      }),
    );
    const life = await ok<ProjectLife>(await upload('leader'));
    documentId = life.documents[0]!.id;
  });
  after(() => t.close());

  const reader = {
    staff: 200,
    fedStaff: 200,
    leader: 200,
    employee: 200,
    partner: 404,
    otherMember: 404,
    anonymous: 401,
  };
  const writer = {
    staff: 201,
    fedStaff: 201,
    leader: 201,
    employee: 201,
    partner: 404,
    otherMember: 404,
    anonymous: 401,
  };
  const staffOnly = {
    staff: 200,
    fedStaff: 200,
    leader: 403,
    employee: 403,
    partner: 404,
    otherMember: 404,
    anonymous: 401,
  };

  it('shows the project and its working files to staff and the company that joined only', async () => {
    await expectStatuses((who) => call(who, 'GET', project('/life')), reader);
    await expectStatuses((who) => call(who, 'GET', project(`/documents/${documentId}`)), reader);
    const invited = await ok<ProjectLife>(await call('leaderB', 'GET', project('/life')));
    assert.deepEqual(
      [
        invited.canWrite,
        invited.milestones,
        invited.budgetLines,
        invited.documents,
        invited.events,
        invited.indicators,
      ],
      [false, [], [], [], [], []],
    );
    assert.equal(invited.budget.expensesCents, 0);
  });

  it('never hands a document to a person of an organisation outside the project', async () => {
    for (const who of ['partner', 'otherMember', 'leaderB']) {
      const response = await call(who, 'GET', project(`/documents/${documentId}`));
      assert.equal(response.statusCode, 404, who);
      assert.ok(!response.rawPayload.includes(SECRET), who);
    }
    const fromGamma = await call(
      'otherMember',
      'GET',
      project(`/documents/${documentId}`),
      undefined,
      gamma.slug,
    );
    assert.equal(fromGamma.statusCode, 404);
    const anonymous = await call('anonymous', 'GET', project(`/documents/${documentId}`));
    assert.equal(anonymous.statusCode, 401);
    assert.ok(!anonymous.rawPayload.includes(SECRET));
  });

  it('lists the pipeline with no trace of the project for a member of another network or a stranger to it', async () => {
    await expectStatuses((who) => call(who, 'GET', '/projects/pipeline'), {
      ...reader,
      partner: 200,
    });
    const partner = await ok<ProjectPipeline>(await call('partner', 'GET', '/projects/pipeline'));
    assert.deepEqual(partner.projects, []);
    const gammaPipeline = await ok<ProjectPipeline>(
      await call('otherMember', 'GET', '/projects/pipeline', undefined, gamma.slug),
    );
    assert.deepEqual(gammaPipeline.projects, []);
    assert.equal((await call('otherMember', 'GET', project('/life'), undefined, gamma.slug)).statusCode, 404);
  });

  it('keeps the working files out of reach in the database itself (row-level security)', async () => {
    const tables = [
      'project_milestones',
      'project_budget_lines',
      'project_documents',
      'project_events',
      'project_indicators',
    ] as const;
    const count = (personId: string) =>
      asPerson(t.db, personId, async (trx) => {
        const counts: number[] = [];
        for (const table of tables) {
          const rows = await trx.selectFrom(table).select('id').where('project_id', '=', projectId).execute();
          counts.push(rows.length);
        }
        return counts;
      });
    for (const who of ['staff', 'fedStaff', 'leader', 'employee']) {
      assert.ok(
        (await count(ids[who]!)).every((n) => n > 0),
        who,
      );
    }
    for (const who of ['partner', 'otherMember', 'leaderB']) {
      assert.deepEqual(await count(ids[who]!), [0, 0, 0, 0, 0], who);
    }
  });

  it('lets staff and the people of a company that joined write, nobody else', async () => {
    const invitedOnly = { ...writer };
    await expectStatuses(
      (who) => call(who, 'POST', project('/milestones'), { title: `Jalon ${who}` }),
      writer,
    );
    await expectStatuses(
      (who) => call(who, 'POST', project('/budget-lines'), { kind: 'expense', label: who, amountCents: 1 }),
      writer,
    );
    await expectStatuses(
      (who) =>
        call(who, 'POST', project('/events'), { kind: 'outcome', text: who, occurredOn: '2027-02-01' }),
      writer,
    );
    await expectStatuses(
      (who) =>
        call(who, 'POST', project('/indicators'), { kind: 'jobs-kept', value: 1, periodOn: '2027-02-01' }),
      writer,
    );
    await expectStatuses((who) => upload(who), invitedOnly);
    for (const [method, path, body] of [
      ['POST', '/milestones', { title: 'X' }],
      ['POST', '/budget-lines', { kind: 'expense', label: 'X', amountCents: 1 }],
      ['POST', '/events', { kind: 'outcome', text: 'X', occurredOn: '2027-02-01' }],
      ['POST', '/indicators', { kind: 'trainees', value: 1, periodOn: '2027-02-01' }],
    ] as const) {
      assert.equal((await call('leaderB', method, project(path), body)).statusCode, 403, path);
    }
    assert.equal((await upload('leaderB')).statusCode, 403);
  });

  it('lets staff and the people of a company that joined change and delete items', async () => {
    /** Adds an item as staff and gives its id. */
    async function fresh(path: string, body: object, list: (life: ProjectLife) => { id: string }[]) {
      const seen = new Set(
        list(await ok<ProjectLife>(await call('staff', 'GET', project('/life')))).map((x) => x.id),
      );
      const life = await ok<ProjectLife>(await call('staff', 'POST', project(path), body));
      return list(life).find((x) => !seen.has(x.id))!.id;
    }
    const deleted = { ...reader };
    await expectStatuses(async (who) => {
      const id = await fresh(
        '/milestones',
        { title: 'À supprimer', dueOn: '2099-01-01' },
        (l) => l.milestones,
      );
      return call(who, 'DELETE', project(`/milestones/${id}`));
    }, deleted);
    await expectStatuses(async (who) => {
      const id = await fresh(
        '/budget-lines',
        { kind: 'expense', label: 'zz', amountCents: 5 },
        (l) => l.budgetLines,
      );
      return call(who, 'PATCH', project(`/budget-lines/${id}`), { amountCents: 6 });
    }, reader);
    await expectStatuses(async (who) => {
      const seen = new Set(
        (await ok<ProjectLife>(await call('staff', 'GET', project('/life')))).documents.map((d) => d.id),
      );
      const life = await ok<ProjectLife>(await upload('staff'));
      return call(who, 'DELETE', project(`/documents/${life.documents.find((d) => !seen.has(d.id))!.id}`));
    }, deleted);
    await expectStatuses(async (who) => {
      const id = await fresh(
        '/indicators',
        { kind: 'trainees', value: 9, periodOn: '2099-01-01' },
        (l) => l.indicators,
      );
      return call(who, 'DELETE', project(`/indicators/${id}`));
    }, deleted);
  });

  it('lets staff and the lead company move the stage; staff alone set the lead, invite and span networks', async () => {
    const stages = ['pilot', 'project', 'industrial', 'market', 'idea', 'pilot', 'project'] as const;
    let i = 0;
    await expectStatuses(
      (who: CastRole) => call(who, 'POST', project('/stage'), { stage: stages[i++ % stages.length] }),
      reader,
    );
    assert.equal((await call('leaderB', 'POST', project('/stage'), { stage: 'market' })).statusCode, 403);
    await expectStatuses((who) => call(who, 'PUT', project('/lead'), { organisationId: ids.A }), staffOnly);
    await expectStatuses((who) => call(who, 'POST', project('/members'), { organisationId: ids.B }), {
      ...staffOnly,
      staff: 201,
      fedStaff: 201,
    });
    await expectStatuses((who) => call(who, 'POST', project('/networks'), { networkSlug: beta.slug }), {
      ...staffOnly,
      staff: 201,
      fedStaff: 201,
    });
    await expectStatuses(
      (who) => call(who, 'POST', project('/membership'), { organisationId: ids.A, status: 'joined' }),
      {
        staff: 403,
        fedStaff: 403,
        leader: 200,
        employee: 200,
        partner: 404,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });
});
