import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  createDirectoryIndex,
  type IndexedOrganisation,
  inDirectoryOf,
  type Viewer,
} from './directory-index.ts';

const NETWORKS = ['n1', 'n2', 'n3', 'n4'];
const FEDERATIONS = ['f1', 'f2'];
const TODAY = '2026-11-22';

const organisation = fc.record({
  name: fc.constantFrom('Alpha', 'alpha', 'Élan', 'Bêta', 'Zénith', 'Atelier 2', 'Atelier 10'),
  isActive: fc.boolean(),
  networkIds: fc.uniqueArray(fc.constantFrom(...NETWORKS), { maxLength: 3 }),
  federationIds: fc.uniqueArray(fc.constantFrom(...FEDERATIONS), { maxLength: 2 }),
  category: fc.constantFrom('TPE', 'PME', null),
});

const viewer = fc.record({
  direct: fc.uniqueArray(fc.constantFrom(...NETWORKS), { maxLength: 3 }),
  staffed: fc.uniqueArray(fc.constantFrom(...FEDERATIONS), { maxLength: 2 }),
  admin: fc.boolean(),
});

function build(
  rows: {
    name: string;
    isActive: boolean;
    networkIds: string[];
    federationIds: string[];
    category: string | null;
  }[],
) {
  const organisations: IndexedOrganisation[] = rows.map((row, i) => ({
    ...row,
    id: `org-${String(i).padStart(3, '0')}`,
    nafDivision: '25',
    departement: '61',
    region: '28',
    epci: null,
    lon: null,
    lat: null,
    competenceIds: [],
    certifications: [],
  }));
  const index = createDirectoryIndex();
  index.upsert(organisations);
  return { index, organisations };
}

function toViewer(v: { direct: string[]; staffed: string[]; admin: boolean }): Viewer {
  return {
    directNetworkIds: new Set(v.direct),
    staffedFederationIds: new Set(v.staffed),
    isInstanceAdmin: v.admin,
    visibleNetworkIds: new Set(v.direct),
  };
}

describe('directory index', () => {
  it('shows each person exactly the organisations the visibility rule gives them', () => {
    fc.assert(
      fc.property(
        fc.array(organisation, { maxLength: 40 }),
        viewer,
        fc.constantFrom(null, ...NETWORKS),
        (rows, v, networkId) => {
          const { index, organisations } = build(rows);
          const who = toViewer(v);
          const found = index
            .matches(who, { networkId, textMatches: null, today: TODAY })
            .map((m) => m.organisation.id);
          const allowed = organisations.filter((o) => inDirectoryOf(who, o, networkId)).map((o) => o.id);
          assert.deepEqual([...found].sort(), allowed.sort());
        },
      ),
    );
  });

  it('keeps the rule after organisations change networks or are deactivated', () => {
    fc.assert(
      fc.property(
        fc.array(organisation, { minLength: 1, maxLength: 30 }),
        fc.array(organisation, { minLength: 1, maxLength: 30 }),
        viewer,
        (before, after, v) => {
          const { index } = build(before);
          const who = toViewer(v);
          index.matches(who, { networkId: null, textMatches: null, today: TODAY });
          const { organisations } = build(after);
          index.upsert(organisations);
          const found = index
            .matches(who, { networkId: null, textMatches: null, today: TODAY })
            .map((m) => m.organisation.id);
          // Slots beyond `after` keep their `before` values.
          const current = new Map(build(before).organisations.map((o) => [o.id, o]));
          for (const o of organisations) current.set(o.id, o);
          const allowed = [...current.values()].filter((o) => inDirectoryOf(who, o, null)).map((o) => o.id);
          assert.deepEqual([...found].sort(), allowed.sort());
        },
      ),
    );
  });

  it('orders by name without case or accents, then counts facets of the matches', () => {
    const { index } = build([
      { name: 'Zénith', isActive: true, networkIds: ['n1'], federationIds: [], category: 'PME' },
      { name: 'élan', isActive: true, networkIds: ['n1'], federationIds: [], category: 'TPE' },
      { name: 'Alpha', isActive: true, networkIds: ['n1'], federationIds: [], category: 'PME' },
      { name: 'Bêta', isActive: false, networkIds: ['n1'], federationIds: [], category: 'PME' },
    ]);
    const who = toViewer({ direct: ['n1'], staffed: [], admin: false });
    const found = index.matches(who, { networkId: null, textMatches: null, today: TODAY });
    assert.deepEqual(
      found.map((m) => m.organisation.name),
      ['Alpha', 'élan', 'Zénith'],
    );
    const facets = index.facets(who, found, TODAY);
    assert.equal(facets.total, 3);
    assert.deepEqual(facets.categories.map((c) => [c.value, c.count]).sort(), [
      ['PME', 2],
      ['TPE', 1],
    ]);
  });

  it('ranks text matches by rank, then by name, and ignores organisations it does not hold', () => {
    const { index } = build([
      { name: 'Beta', isActive: true, networkIds: ['n1'], federationIds: [], category: null },
      { name: 'Alpha', isActive: true, networkIds: ['n1'], federationIds: [], category: null },
      { name: 'Gamma', isActive: true, networkIds: ['n1'], federationIds: [], category: null },
    ]);
    const text = index.resolveText(
      new Map([
        ['org-000', 0.5],
        ['org-001', 0.5],
        ['org-002', 0.9],
        ['org-unknown', 1],
      ]),
    );
    const who = toViewer({ direct: ['n1'], staffed: [], admin: false });
    const found = index.matches(who, { networkId: null, textMatches: text, today: TODAY });
    assert.deepEqual(
      found.map((m) => m.organisation.name),
      ['Gamma', 'Alpha', 'Beta'],
    );
  });
});
