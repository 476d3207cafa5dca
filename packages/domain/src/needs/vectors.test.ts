import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countFeatures, FULL_TEXT_FEATURES } from './features.ts';
import { buildThesaurus } from './thesaurus.ts';
import { DEFAULT_SYNONYM_SETS } from './thesaurus-default.ts';
import {
  buildFeatureSpace,
  cosineSimilarity,
  DEFAULT_TEXT_BLOCK_WEIGHTS,
  inverseDocumentFrequency,
  vectorise,
} from './vectors.ts';

const thesaurus = buildThesaurus(DEFAULT_SYNONYM_SETS);
const countsOf = (text: string) => countFeatures([{ text, weight: 1 }], thesaurus, FULL_TEXT_FEATURES);

describe('TF-IDF vectors', () => {
  it('are unit length with positive weights, even for phrases and broader concepts counted in fractions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.constantFrom(
              'pentest commun',
              "audit de sécurité offensif et tests d'intrusion",
              'achat d’électricité',
            ),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (texts) => {
          const documents = texts.map(countsOf);
          const space = buildFeatureSpace(documents, DEFAULT_TEXT_BLOCK_WEIGHTS);
          for (const counts of documents) {
            const vector = vectorise(space, counts);
            const norm = vector.weights.reduce((sum, weight) => sum + weight * weight, 0);
            assert.ok(vector.ids.length === 0 || Math.abs(norm - 1) < 1e-9, `norm ${norm}`);
            assert.ok(vector.weights.every((weight) => weight > 0));
            assert.ok(vector.ids.every((id, k) => k === 0 || id > vector.ids[k - 1]!));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('weigh a feature of every document near 0 and a rare one high', () => {
    assert.ok(inverseDocumentFrequency(1000, 1000) < 0.1);
    assert.ok(inverseDocumentFrequency(1000, 1) > 6);
  });

  it('count a new need’s unknown words in its length, making it less like the corpus', () => {
    const space = buildFeatureSpace(
      [countsOf('usinage inox'), countsOf('peinture industrielle')],
      DEFAULT_TEXT_BLOCK_WEIGHTS,
    );
    const known = vectorise(space, countsOf('usinage inox'));
    const mostlyNew = vectorise(space, countsOf('usinage de tuyauterie hydraulique sous pression'));
    assert.ok(cosineSimilarity(known, mostlyNew) < cosineSimilarity(known, known));
    assert.ok(cosineSimilarity(known, mostlyNew) > 0);
  });
});
