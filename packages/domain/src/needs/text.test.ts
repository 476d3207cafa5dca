import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  detectNeedLanguage,
  extractContentWords,
  isNeedStopWord,
  normaliseNeedText,
  stemNeedWord,
  tokeniseNeedText,
} from './text.ts';

const contentStems = (text: string) => {
  const tokens = tokeniseNeedText(text);
  return extractContentWords(tokens, {
    language: detectNeedLanguage(tokens),
    removeStopWords: true,
    stem: true,
  }).words.map((word) => word.stem);
};

describe('normaliseNeedText', () => {
  it('folds case and accents and drops French elisions', () => {
    assert.equal(normaliseNeedText("L'achat groupé d'électricité"), 'achat groupe electricite');
    assert.equal(normaliseNeedText('Qu’il s’agisse de l’Énergie'), 'il agisse de energie');
    assert.equal(normaliseNeedText("Aujourd'hui, jusqu'à demain"), 'aujourdhui a demain');
  });

  it('keeps inner hyphens and turns other punctuation into single spaces', () => {
    assert.equal(
      normaliseNeedText('Cyber-sécurité : audit (SI) ; test - rapide !'),
      'cyber-securite audit si test rapide',
    );
    assert.equal(normaliseNeedText('prêt de main‑d’œuvre'), 'pret de main-oeuvre');
    assert.equal(normaliseNeedText('--début-- et fin-'), 'debut et fin');
  });

  it('keeps « R&D » as one word', () => {
    assert.equal(normaliseNeedText('Projet R&D commun'), 'projet rd commun');
  });

  it('is idempotent', () => {
    // Characters whose folding gives punctuation, combining marks or a letter-like apostrophe.
    for (const text of ['ŉ', '½ litre', 'İstanbul', 'ǅemal', 'ﬁlière', 'Ⅻ']) {
      assert.equal(normaliseNeedText(normaliseNeedText(text)), normaliseNeedText(text), text);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normaliseNeedText(text);
        return normaliseNeedText(once) === once;
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves double spaces, edge spaces or edge hyphens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const normal = normaliseNeedText(text);
        return !normal.includes('  ') && normal === normal.trim() && !/(^|\s)-|-(\s|$)/.test(normal);
      }),
    );
  });
});

describe('tokeniseNeedText', () => {
  it('keeps the accented spelling for explanations next to the folded form', () => {
    assert.deepEqual(
      tokeniseNeedText("Sécurité de l'Usine").map(({ surface, folded }) => [surface, folded]),
      [
        ['sécurité', 'securite'],
        ['de', 'de'],
        ['usine', 'usine'],
      ],
    );
  });

  it('marks words written in capitals as acronyms, unless the whole text is in capitals', () => {
    assert.deepEqual(
      tokeniseNeedText('Tester notre SI et la RSE').map((token) => token.isAcronym),
      [false, false, true, false, false, true],
    );
    assert.ok(tokeniseNeedText('TESTER NOTRE SI').every((token) => !token.isAcronym));
  });
});

describe('stop words', () => {
  it('drops French and English function words and the words of every need', () => {
    for (const word of [
      'de',
      'les',
      'the',
      'of',
      'besoin',
      'recherchons',
      'mutualiser',
      'entreprise',
      'need',
    ]) {
      assert.ok(isNeedStopWord(word), word);
    }
    for (const word of ['achat', 'energie', 'formation', 'pentest', 'communication'])
      assert.ok(!isNeedStopWord(word), word);
  });

  it('keeps an acronym that spells a function word, but not a domain one', () => {
    assert.ok(isNeedStopWord('si'));
    assert.ok(!isNeedStopWord('si', true));
    assert.ok(isNeedStopWord('pme', true));
  });

  it('drops years and short numbers, keeps standard numbers', () => {
    assert.ok(isNeedStopWord('2026'));
    assert.ok(isNeedStopWord('12'));
    assert.ok(!isNeedStopWord('9001'));
  });
});

describe('stemming', () => {
  it('gives accented and unaccented spellings the same stem', () => {
    assert.equal(stemNeedWord('securite', 'fr'), stemNeedWord(normaliseNeedText('sécurité'), 'fr'));
    assert.deepEqual(contentStems('la sécurité'), contentStems('la securite'));
  });

  it('brings plurals and inflections together', () => {
    assert.deepEqual(contentStems("tests d'intrusion"), contentStems("test d'intrusion"));
    assert.deepEqual(contentStems('formations'), contentStems('formation'));
  });

  it('stems English text with the English stemmer', () => {
    const tokens = tokeniseNeedText('We are looking for shared penetration testing of our servers');
    assert.equal(detectNeedLanguage(tokens), 'en');
    assert.deepEqual(contentStems('testing of the servers'), ['test', 'server']);
  });

  it('takes French when a text has no function word to tell', () => {
    assert.equal(detectNeedLanguage(tokeniseNeedText('Pentest')), 'fr');
  });

  it('splits hyphenated words and keeps the joined compound', () => {
    const tokens = tokeniseNeedText('audit cyber-sécurité');
    const { words, compounds } = extractContentWords(tokens, {
      language: 'fr',
      removeStopWords: true,
      stem: true,
    });
    assert.deepEqual(
      words.map((word) => word.surface),
      ['audit', 'cyber', 'sécurité'],
    );
    assert.deepEqual(
      compounds.map((word) => [word.folded, word.start, word.end]),
      [['cybersecurite', 1, 3]],
    );
  });
});
