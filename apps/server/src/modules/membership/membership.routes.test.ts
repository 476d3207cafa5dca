import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { luhnCheckDigit } from '@meute/domain';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

/** A valid SIRET: 13 digits and their Luhn key. */
function siret(seed: number): string {
  const body = String(100_000_000_000 + seed).padStart(13, '7');
  return body + luhnCheckDigit(body);
}

describe('membership: settings, charter, applications, dues', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let club: { id: string; slug: string };
  let other: { id: string; slug: string };
  let federation: { id: string; slug: string };
  let memberOrgId: string;

  before(async () => {
    t = await buildTestApp();
    federation = await buildNetwork(t.db, { kind: 'federation' });
    club = await buildNetwork(t.db, { kind: 'club', parentId: federation.id, name: 'Club ETI' });
    other = await buildNetwork(t.db, { kind: 'cluster', name: 'Autre cluster' });
    const people = {
      admin: await buildPerson(t.db, { isInstanceAdmin: true }),
      fedStaff: await buildPerson(t.db),
      staff: await buildPerson(t.db),
      member: await buildPerson(t.db),
      otherStaff: await buildPerson(t.db),
      applicant: await buildPerson(t.db, { displayName: 'Paul Plastiflex' }),
    };
    await grantRole(t.db, people.fedStaff.id, federation.id, 'federation_staff');
    await grantRole(t.db, people.staff.id, club.id, 'staff');
    await grantRole(t.db, people.member.id, club.id, 'member_leader');
    await grantRole(t.db, people.otherStaff.id, other.id, 'staff');
    for (const [name, person] of Object.entries(people)) {
      ids[name] = person.id;
      cookies[name] = await signIn(t.app, person.email);
    }
    memberOrgId = (
      await buildOrganisation(t.db, { name: 'Membre SA', networkIds: [club.id], leaders: [people.member.id] })
    ).id;
  });
  after(() => t.close());

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: who ? { cookie: cookies[who]! } : {},
      ...(payload ? { payload } : {}),
    });

  it('lets staff configure the network: territory, fees, size rule', async () => {
    const response = await call('staff', 'PATCH', `/api/networks/${club.slug}/settings`, {
      territory: { kind: 'region', code: '28' },
      entryFeeCents: 200_000,
      yearlyDuesCents: 150_000,
      minStaff: 250,
      maxStaff: 4999,
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().territory, { kind: 'region', code: '28', label: 'Normandie' });
    assert.equal(response.json().entryFeeCents, 200_000);
    const inverted = await call('staff', 'PATCH', `/api/networks/${club.slug}/settings`, {
      minStaff: 500,
      maxStaff: 10,
    });
    assert.equal(inverted.statusCode, 400);
    assert.equal(inverted.json().field, 'body.maxStaff');
    const unknownTerritory = await call('staff', 'PATCH', `/api/networks/${club.slug}/settings`, {
      territory: { kind: 'departement', code: '00' },
    });
    assert.equal(unknownTerritory.json().field, 'body.territory.code');
  });

  it('keeps the settings to those who run the network', async () => {
    const expected = { admin: 200, fedStaff: 200, staff: 200, member: 403, otherStaff: 404, applicant: 404 };
    for (const [who, status] of Object.entries(expected)) {
      const response = await call(who, 'PATCH', `/api/networks/${club.slug}/settings`, {
        isOpenToApplications: true,
      });
      assert.equal(response.statusCode, status, who);
    }
    assert.equal((await call(null, 'PATCH', `/api/networks/${club.slug}/settings`, {})).statusCode, 401);
  });

  it('versions the charter: a new version is what newcomers accept', async () => {
    const first = await call('staff', 'POST', `/api/networks/${club.slug}/charter`, {
      body: 'Confidentialité absolue. Pas de vente entre membres.',
    });
    assert.equal(first.statusCode, 201);
    assert.equal(first.json().version, 1);
    const second = await call('staff', 'POST', `/api/networks/${club.slug}/charter`, {
      body: 'Confidentialité absolue. Pas de vente entre membres. Présence aux plénières.',
    });
    assert.equal(second.json().version, 2);
    assert.equal(
      (await call('member', 'POST', `/api/networks/${club.slug}/charter`, { body: 'Une autre charte.' }))
        .statusCode,
      403,
    );
    const settings = await call('member', 'GET', `/api/networks/${club.slug}/settings`);
    assert.equal(settings.json().charter.version, 2);
  });

  it('runs an application from a newcomer to approval', async () => {
    const open = await call('applicant', 'GET', '/api/membership/open-networks');
    const listed = open.json().networks.find((n: { slug: string }) => n.slug === club.slug);
    assert.ok(listed, 'the club takes applications');
    assert.equal(listed.charter.version, 2);
    assert.ok(!open.json().networks.some((n: { kind: string }) => n.kind === 'federation'));

    const application = {
      organisation: {
        siret: siret(1),
        name: 'Plastiflex',
        headcountBand: '41',
        nafCode: '22.29A',
        communeCode: '61169',
      },
      message: 'Nous souhaitons rejoindre le club.',
      acceptedCharterVersion: 2,
    };
    const badSiret = await call('applicant', 'POST', `/api/networks/${club.slug}/applications`, {
      ...application,
      organisation: { ...application.organisation, siret: '12345678901234' },
    });
    assert.equal(badSiret.statusCode, 400);
    assert.equal(badSiret.json().field, 'body.organisation.siret');
    assert.match(badSiret.json().message, /clé de contrôle/);
    const oldCharter = await call('applicant', 'POST', `/api/networks/${club.slug}/applications`, {
      ...application,
      acceptedCharterVersion: 1,
    });
    assert.equal(oldCharter.statusCode, 400);
    assert.equal(oldCharter.json().code, 'CHARTER_NOT_ACCEPTED');

    const applied = await call('applicant', 'POST', `/api/networks/${club.slug}/applications`, application);
    assert.equal(applied.statusCode, 201, applied.body);
    const twice = await call('applicant', 'POST', `/api/networks/${club.slug}/applications`, application);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'APPLICATION_PENDING');
    const staffMail = await t.db
      .selectFrom('outbox_emails')
      .select('subject')
      .where('network_id', '=', club.id)
      .execute();
    assert.ok(
      staffMail.some((m) => m.subject.includes('Plastiflex')),
      'staff are told by e-mail',
    );

    for (const [who, status] of Object.entries({ member: 403, otherStaff: 404, applicant: 404 })) {
      assert.equal(
        (await call(who, 'GET', `/api/networks/${club.slug}/applications`)).statusCode,
        status,
        who,
      );
    }
    const list = await call('staff', 'GET', `/api/networks/${club.slug}/applications`);
    const pending = list.json().applications[0];
    assert.equal(pending.status, 'pending');
    assert.equal(pending.sizeFit, 'yes', '500–999 staff fits 250–4,999');
    assert.equal(pending.charterVersion, 2);

    const noReason = await call(
      'staff',
      'POST',
      `/api/networks/${club.slug}/applications/${pending.id}/decision`,
      {
        decision: 'reject',
      },
    );
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().field, 'body.reason');
    assert.equal(
      (
        await call('member', 'POST', `/api/networks/${club.slug}/applications/${pending.id}/decision`, {
          decision: 'approve',
        })
      ).statusCode,
      403,
    );
    const approved = await call(
      'staff',
      'POST',
      `/api/networks/${club.slug}/applications/${pending.id}/decision`,
      {
        decision: 'approve',
      },
    );
    assert.equal(approved.statusCode, 200, approved.body);
    const again = await call(
      'staff',
      'POST',
      `/api/networks/${club.slug}/applications/${pending.id}/decision`,
      {
        decision: 'reject',
        reason: 'Trop tard',
      },
    );
    assert.equal(again.statusCode, 409);

    const me = (await call('applicant', 'GET', '/api/auth/me')).json();
    assert.deepEqual(
      me.memberships.map((m: { slug: string; roles: string[] }) => [m.slug, m.roles]),
      [[club.slug, ['member_leader']]],
    );
    const members = (await call('staff', 'GET', `/api/networks/${club.slug}/members?year=2026`)).json()
      .members;
    const plastiflex = members.find(
      (m: { organisation: { name: string } }) => m.organisation.name === 'Plastiflex',
    );
    assert.equal(plastiflex.charterVersion, 2);
    assert.equal(plastiflex.charterAcceptedBy, 'Paul Plastiflex');
    assert.equal(plastiflex.organisation.commune, 'Flers');
  });

  it('rejects with a reason, which the applicant receives', async () => {
    const applicant = await buildPerson(t.db);
    const cookie = await signIn(t.app, applicant.email);
    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${club.slug}/applications`,
      headers: { cookie },
      payload: {
        organisation: { siret: siret(2), name: 'Petite SARL', headcountBand: '03' },
        acceptedCharterVersion: 2,
      },
    });
    assert.equal(applied.statusCode, 201, applied.body);
    const list = (await call('staff', 'GET', `/api/networks/${club.slug}/applications`)).json().applications;
    const mine = list.find((a: { organisation: { name: string } }) => a.organisation.name === 'Petite SARL');
    assert.equal(mine.sizeFit, 'no', '6–9 staff is outside 250–4,999');
    await call('staff', 'POST', `/api/networks/${club.slug}/applications/${applied.json().id}/decision`, {
      decision: 'reject',
      reason: 'Le club réunit des ETI de 250 salariés et plus.',
    });
    const mail = await t.db
      .selectFrom('outbox_emails')
      .select('body_text')
      .where('recipient', '=', applicant.email)
      .executeTakeFirstOrThrow();
    assert.match(mail.body_text, /250 salariés et plus/);
  });

  it('records dues, paid or not, for the staff only', async () => {
    const record = (who: string, paid: boolean) =>
      call(who, 'POST', `/api/networks/${club.slug}/dues`, {
        organisationId: memberOrgId,
        kind: 'yearly',
        year: 2026,
        amountCents: 150_000,
        paid,
      });
    assert.equal((await record('staff', false)).statusCode, 200);
    let row = (await call('staff', 'GET', `/api/networks/${club.slug}/members?year=2026`))
      .json()
      .members.find((m: { organisation: { id: string } }) => m.organisation.id === memberOrgId);
    assert.deepEqual(row.yearlyDues, { amountCents: 150_000, paidAt: null });
    assert.equal((await record('staff', true)).statusCode, 200);
    row = (await call('staff', 'GET', `/api/networks/${club.slug}/members?year=2026`))
      .json()
      .members.find((m: { organisation: { id: string } }) => m.organisation.id === memberOrgId);
    assert.ok(row.yearlyDues.paidAt);
    assert.equal((await record('member', true)).statusCode, 403);
    assert.equal((await record('otherStaff', true)).statusCode, 404);
    assert.equal((await call('member', 'GET', `/api/networks/${club.slug}/members`)).statusCode, 403);
    const notMember = await call('staff', 'POST', `/api/networks/${club.slug}/dues`, {
      organisationId: '00000000-0000-4000-8000-000000000000',
      kind: 'entry',
      year: 2026,
      amountCents: 1,
      paid: true,
    });
    assert.equal(notMember.statusCode, 404);
  });

  it('lets staff curate the competence taxonomy that members see', async () => {
    const created = await call('staff', 'POST', `/api/networks/${club.slug}/competences`, {
      label: 'Cybersécurité industrielle',
    });
    assert.equal(created.statusCode, 201);
    assert.equal(
      (
        await call('staff', 'POST', `/api/networks/${club.slug}/competences`, {
          label: 'cybersécurité industrielle',
        })
      ).statusCode,
      409,
    );
    assert.equal(
      (await call('member', 'POST', `/api/networks/${club.slug}/competences`, { label: 'Autre' })).statusCode,
      403,
    );
    const list = (await call('member', 'GET', `/api/networks/${club.slug}/competences`)).json().competences;
    assert.ok(
      list.some(
        (c: { label: string; isShared: boolean }) => c.label === 'Cybersécurité industrielle' && !c.isShared,
      ),
    );
    assert.equal((await call('otherStaff', 'GET', `/api/networks/${club.slug}/competences`)).statusCode, 404);
  });

  it('lets federation staff and administrators create networks, and makes the creator its staff', async () => {
    const created = await call('fedStaff', 'POST', '/api/networks', {
      name: 'Grappe Numérique Caen',
      kind: 'cluster',
      parentSlug: federation.slug,
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().slug, 'grappe-numerique-caen');
    const detail = (await call('fedStaff', 'GET', `/api/networks/${created.json().slug}`)).json();
    assert.deepEqual(detail.myRoles, ['staff']);
    assert.equal(
      (await call('staff', 'POST', '/api/networks', { name: 'Sans fédération', kind: 'club' })).statusCode,
      403,
    );
    assert.equal(
      (
        await call('staff', 'POST', '/api/networks', {
          name: 'Dans la fédé',
          kind: 'club',
          parentSlug: federation.slug,
        })
      ).statusCode,
      404,
    );
    const byAdmin = await call('admin', 'POST', '/api/networks', {
      name: 'Grappe Numérique Caen',
      kind: 'club',
    });
    assert.equal(byAdmin.json().slug, 'grappe-numerique-caen-2');
  });
});
