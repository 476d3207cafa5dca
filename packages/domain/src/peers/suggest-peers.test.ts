import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analysePeerText, type PeerCandidate, suggestPeers } from './suggest-peers.ts';

const ERP_REPORT: PeerCandidate = {
  personId: 'a-report',
  evidence: [
    {
      kind: 'report',
      label: 'Migration de notre progiciel de gestion intégré',
      text: 'Migration de notre progiciel de gestion intégré\nNous sommes passés de Sage à Odoo en 2024 : 14 mois de projet.',
    },
  ],
};
const IT_DIRECTOR: PeerCandidate = {
  personId: 'b-dsi',
  evidence: [{ kind: 'codir-role', label: 'Direction informatique', text: 'Direction informatique (DSI)' }],
};
const BAKER: PeerCandidate = {
  personId: 'c-baker',
  evidence: [
    {
      kind: 'organisation',
      label: 'Boulangerie Martin',
      text: 'Boulangerie industrielle, pains et viennoiseries',
    },
  ],
};

describe('suggestPeers: who has lived what the question is about', () => {
  it('meets « ERP » in a report about a « progiciel de gestion intégré », and says why', () => {
    const [first] = suggestPeers('Qui a déjà changé d’ERP ?', [BAKER, IT_DIRECTOR, ERP_REPORT]);
    assert.equal(first?.personId, 'a-report');
    assert.equal(first.reasons[0]?.kind, 'report');
    assert.equal(first.reasons[0]?.label, 'Migration de notre progiciel de gestion intégré');
    assert.ok(first.reasons[0]?.matched.some((word) => /progiciel/.test(word)));
  });

  it('ranks a report above a role only linked through a broader topic, and leaves out who has nothing', () => {
    const ranked = suggestPeers('Qui a déjà changé d’ERP ?', [BAKER, IT_DIRECTOR, ERP_REPORT]);
    assert.deepEqual(
      ranked.map((s) => s.personId),
      ['a-report', 'b-dsi'],
    );
    assert.ok(ranked[0]!.score > ranked[1]!.score);
    assert.deepEqual(ranked[1]!.reasons[0]!.matched, ['Système d’information']);
  });

  it('compares accents folded and words stemmed', () => {
    const candidate: PeerCandidate = {
      personId: 'p',
      evidence: [{ kind: 'competence', label: 'Sécurité des réseaux', text: 'Sécurité des réseaux' }],
    };
    const [match] = suggestPeers('securite reseau', [candidate]);
    assert.equal(match?.personId, 'p');
    assert.deepEqual(match.reasons[0]!.matched.sort(), ['Sécurité', 'réseaux']);
  });

  it('meets « rançongiciel » in a group about « cybersécurité » through the broader topic', () => {
    const candidate: PeerCandidate = {
      personId: 'g',
      evidence: [{ kind: 'group', label: 'Cybersécurité', text: 'Cybersécurité. Partage entre DSI.' }],
    };
    const [match] = suggestPeers('Comment réagir à un ransomware ?', [candidate]);
    assert.equal(match?.personId, 'g');
    assert.deepEqual(match.reasons[0], { kind: 'group', label: 'Cybersécurité', matched: ['Cybersécurité'] });
  });

  it('ignores how the question is asked: « qui a déjà changé » matches nobody by itself', () => {
    const candidate: PeerCandidate = {
      personId: 'x',
      evidence: [
        { kind: 'organisation', label: 'X', text: 'Nous avons changé de locaux, qui a déjà vécu cela' },
      ],
    };
    assert.deepEqual(suggestPeers('Qui a déjà changé ?', [candidate]), []);
  });

  it('gives the same order for the same question, ties broken by person id, and at most `limit`', () => {
    const twins: PeerCandidate[] = ['z', 'm', 'a'].map((personId) => ({
      personId,
      evidence: [{ kind: 'competence', label: 'Soudure', text: 'Soudure' }],
    }));
    const once = suggestPeers('soudure', twins, { limit: 2 });
    assert.deepEqual(
      once.map((s) => s.personId),
      ['a', 'm'],
    );
    assert.deepEqual(suggestPeers('soudure', twins, { limit: 2 }), once);
  });

  it('keeps a person’s three best reasons, strongest first', () => {
    const many: PeerCandidate = {
      personId: 'many',
      evidence: [
        { kind: 'naf', label: 'Programmation informatique', text: 'Programmation informatique' },
        { kind: 'competence', label: 'Intégration ERP', text: 'Intégration ERP' },
        { kind: 'report', label: 'Notre passage à SAP', text: 'Notre passage à SAP' },
        { kind: 'job-title', label: 'Chef de projet ERP', text: 'Chef de projet ERP' },
      ],
    };
    const [match] = suggestPeers('ERP', [many]);
    assert.equal(match?.reasons.length, 3);
    assert.equal(match.reasons[0]!.kind, 'report');
  });

  it('leaves out evidence only related through a broader topic when another names the topic itself', () => {
    const candidate: PeerCandidate = {
      personId: 'r',
      evidence: [
        { kind: 'competence', label: 'Cybersécurité industrielle', text: 'Cybersécurité industrielle' },
        { kind: 'job-title', label: 'Chef de projet ERP', text: 'Chef de projet ERP' },
      ],
    };
    const [match] = suggestPeers('Qui a changé de progiciel de gestion ?', [candidate]);
    assert.deepEqual(match?.reasons, [{ kind: 'job-title', label: 'Chef de projet ERP', matched: ['ERP'] }]);
  });

  it('returns nothing for a question with no topic word', () => {
    assert.deepEqual(suggestPeers('qui ? quoi ?', [ERP_REPORT]), []);
    assert.equal(analysePeerText('').stems.size, 0);
  });
});
