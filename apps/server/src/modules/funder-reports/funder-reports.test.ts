import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { readPdf } from '../../test/pdf-text.ts';
import { buildRoleCast, expectStatuses } from '../../test/role-cast.ts';

/**
 * S10 step 4: the quarterly indicators a network sends its public funders — jobs kept,
 * purchases made locally, trainees — with projects by stage and the money raised, for the whole
 * network or one territory, on screen and as XLSX and PDF. Staff only.
 */
describe('funder reports', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cast: Awaited<ReturnType<typeof buildRoleCast>>;
  const orgs: Record<string, string> = {};

  before(async () => {
    t = await buildTestApp();
    cast = await buildRoleCast(t);
    const { alpha } = cast;
    // Two companies in the Mayenne (53), one in the Sarthe (72).
    for (const [key, commune] of [
      ['craon', '53084'],
      ['laval', '53130'],
      ['mans', '72181'],
    ] as const) {
      orgs[key] = (
        await buildOrganisation(t.db, {
          name: `Entreprise ${key}`,
          networkIds: [alpha.id],
          communeCode: commune,
        })
      ).id;
    }
    const project = async (title: string, stage: 'idea' | 'pilot' | 'project', lead: string) =>
      (
        await t.db
          .insertInto('projects')
          .values({ network_id: alpha.id, title, stage, lead_organisation_id: lead })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const welder = await project('Soudeur partagé', 'pilot', orgs.craon!);
    const caces = await project('Formation CACES', 'project', orgs.mans!);
    await project('Plateforme de réemploi', 'idea', orgs.laval!);
    await t.db
      .insertInto('project_members')
      .values([
        { project_id: welder, organisation_id: orgs.craon!, network_id: alpha.id, status: 'joined' },
        { project_id: welder, organisation_id: orgs.laval!, network_id: alpha.id, status: 'joined' },
        { project_id: caces, organisation_id: orgs.mans!, network_id: alpha.id, status: 'joined' },
        { project_id: caces, organisation_id: orgs.laval!, network_id: alpha.id, status: 'declined' },
      ])
      .execute();
    await t.db
      .insertInto('project_indicators')
      .values([
        { project_id: welder, kind: 'jobs-kept', value: 3, period_on: '2026-03-31' },
        { project_id: welder, kind: 'jobs-created', value: 1, period_on: '2026-06-30' },
        // Outside the first half of 2026: not counted for that period.
        { project_id: welder, kind: 'jobs-kept', value: 10, period_on: '2025-12-31' },
        { project_id: caces, kind: 'trainees', value: 40, period_on: '2026-05-15' },
        { project_id: caces, kind: 'amount-raised-cents', value: 1_500_000, period_on: '2026-04-01' },
      ])
      .execute();
    await t.db
      .insertInto('project_budget_lines')
      .values([
        { project_id: welder, kind: 'expense', label: 'Salaire', amount_cents: 4_000_000 },
        {
          project_id: welder,
          kind: 'funding',
          label: 'Région',
          amount_cents: 2_000_000,
          funder_name: 'Région Pays de la Loire',
          funding_status: 'obtained',
        },
        {
          project_id: caces,
          kind: 'funding',
          label: 'OPCO',
          amount_cents: 800_000,
          funder_name: 'OPCO 2i',
          funding_status: 'requested',
        },
      ])
      .execute();
    await t.db
      .insertInto('external_suppliers')
      .values([
        {
          network_id: alpha.id,
          organisation_id: orgs.craon!,
          what: 'Usinage de pièces',
          yearly_amount_cents: 9_000_000,
          status: 'replaced',
          replaced_by_organisation_id: orgs.laval!,
          amount_brought_back_cents: 6_000_000,
          replaced_at: new Date('2026-02-10T10:00:00Z'),
        },
        {
          network_id: alpha.id,
          organisation_id: orgs.mans!,
          what: 'Étiquettes',
          yearly_amount_cents: 500_000,
          status: 'open',
        },
      ])
      .execute();
  });
  after(() => t.close());

  const get = (who: string, path: string) => {
    const cookie = cast.cookies[who];
    return t.app.inject({
      method: 'GET',
      url: `/api/networks/${cast.alpha.slug}/funder-report${path}`,
      headers: cookie ? { cookie } : {},
    });
  };
  const HALF = '?from=2026-01-01&to=2026-06-30';

  it('adds up the network’s indicators over the period', async () => {
    const response = await get('staff', HALF);
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.deepEqual(report.indicators, {
      jobsKept: 3,
      jobsCreated: 1,
      trainees: 40,
      relocatedPurchasesCents: 6_000_000,
      relocatedSupplierCount: 1,
      reportedLocalPurchasesCents: 0,
      fundingObtainedCents: 2_000_000,
      fundingRequestedCents: 800_000,
      reportedAmountsRaisedCents: 1_500_000,
      projectCount: 3,
      organisationCount: 3,
    });
    assert.deepEqual(
      report.projectsByStage.map((s: { stage: string; count: number }) => [s.stage, s.count]),
      [
        ['idea', 1],
        ['pilot', 1],
        ['project', 1],
        ['industrial', 0],
        ['market', 0],
      ],
    );
  });

  it('narrows to a territory: the projects led there, the purchases of its companies', async () => {
    const mayenne = (await get('staff', `${HALF}&departement=53`)).json();
    assert.equal(mayenne.territory.name, 'Mayenne');
    assert.deepEqual(
      [mayenne.indicators.projectCount, mayenne.indicators.jobsKept, mayenne.indicators.trainees],
      [2, 3, 0],
    );
    assert.equal(mayenne.indicators.relocatedPurchasesCents, 6_000_000);
    const sarthe = (await get('staff', `${HALF}&departement=72`)).json();
    assert.deepEqual([sarthe.indicators.trainees, sarthe.indicators.relocatedPurchasesCents], [40, 0]);
    const region = (await get('staff', `${HALF}&region=52`)).json();
    assert.equal(region.indicators.projectCount, 3);
  });

  it('says which part of the question is wrong', async () => {
    const reversed = await get('staff', '?from=2026-06-30&to=2026-01-01');
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json().field, 'querystring.to');
    assert.match(reversed.json().message, /précède son début/);
    const both = await get('staff', `${HALF}&departement=53&region=52`);
    assert.equal(both.json().field, 'querystring.region');
    const unknown = await get('staff', `${HALF}&region=99`);
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().field, 'querystring.region');
    assert.equal((await get('staff', '?from=2026-13-01')).statusCode, 400);
  });

  it('exports the same report as XLSX and PDF', async () => {
    const xlsx = await get('staff', HALF.replace('?', '.xlsx?'));
    assert.equal(xlsx.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet('Indicateurs')!.getSheetValues();
    const byLabel = new Map(
      rows.filter(Boolean).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    );
    assert.equal(byLabel.get('Personnes formées'), 40);
    assert.equal(byLabel.get('Achats relocalisés dans le réseau (€ par an)'), 60_000);
    assert.equal(book.getWorksheet('Projets')!.rowCount, 4);

    const pdf = await get('staff', HALF.replace('?', '.pdf?'));
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = readPdf(pdf.rawPayload).pages.join('\n');
    assert.match(text, /Rapport aux financeurs/);
    assert.match(text, /Soudeur partagé/);
    assert.match(text, /Personnes formées/);
  });

  it('is for those who run the network only, in every format', async () => {
    for (const suffix of ['', '.xlsx', '.pdf']) {
      await expectStatuses((who) => get(who, `${suffix}${HALF}`), {
        staff: 200,
        fedStaff: 200,
        leader: 403,
        employee: 403,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      });
    }
  });
});
