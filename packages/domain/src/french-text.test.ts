import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldAccents, normaliseForSearch, slugify } from './french-text.ts';

describe('foldAccents', () => {
  it('removes French accents and expands ligatures, keeping case', () => {
    assert.equal(foldAccents('Électricité générale'), 'Electricite generale');
    assert.equal(foldAccents('À Noël, où ça ? Île, Ève, Ÿ'), 'A Noel, ou ca ? Ile, Eve, Y');
    assert.equal(foldAccents('Œuvre du cœur, Æ et æ'), 'OEuvre du coeur, AE et ae');
    assert.equal(foldAccents('Straße, Ørsted'), 'Strasse, Orsted');
    assert.equal(foldAccents('ﬁlière\u00a0m²'), 'filiere m2');
  });

  it('leaves unaccented text unchanged', () => {
    fc.assert(fc.property(fc.stringMatching(/^[\x20-\x7e]*$/), (text) => foldAccents(text) === text));
  });
});

describe('normaliseForSearch', () => {
  it('makes accented and unaccented spellings of a word equal', () => {
    assert.equal(normaliseForSearch('Électricité'), normaliseForSearch('electricite'));
    assert.equal(normaliseForSearch('USINÉ'), 'usine');
  });

  it('turns punctuation, apostrophes and hyphens into single spaces', () => {
    assert.equal(normaliseForSearch('  Saint-Priest  '), 'saint priest');
    assert.equal(normaliseForSearch('L’Île-d’Yeu'), 'l ile d yeu');
    assert.equal(
      normaliseForSearch("Travaux d'installation   électrique ; (hors TP)"),
      'travaux d installation electrique hors tp',
    );
    assert.equal(normaliseForSearch('62.01Z'), '62 01z');
    // The capital sharp s lowers to « ß » before it folds (found by the property below).
    assert.equal(normaliseForSearch('ẞ'), normaliseForSearch(normaliseForSearch('ẞ')));
  });

  it('is idempotent and never leaves double spaces or edge spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normaliseForSearch(text);
        return normaliseForSearch(once) === once && !once.includes('  ') && once === once.trim();
      }),
    );
  });
});

describe('slugify', () => {
  it('makes lowercase ASCII slugs with single hyphens', () => {
    assert.equal(slugify('Club des ETI de Normandie'), 'club-des-eti-de-normandie');
    assert.equal(slugify("  L'Œuvre — Réseau n°1 !! "), 'l-oeuvre-reseau-n-1');
    assert.equal(slugify('Grappe « Mécanique & Usinage » 2026'), 'grappe-mecanique-usinage-2026');
  });

  it('returns an empty slug when nothing is left', () => {
    assert.equal(slugify('— !! —'), '');
  });

  it('cuts long names at a word boundary', () => {
    assert.equal(
      slugify('Association des entreprises de la vallée de la Bresle', 30),
      'association-des-entreprises',
    );
  });

  it('always gives a URL-safe slug within the length limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 80 }), (text, maxLength) => {
        const slug = slugify(text, maxLength);
        return slug.length <= maxLength && /^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(slug);
      }),
    );
  });
});
