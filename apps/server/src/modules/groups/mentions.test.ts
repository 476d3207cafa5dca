import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNamedIn } from './mentions.ts';

describe('isNamedIn', () => {
  it('finds a mention written as the composer writes it, whatever the case', () => {
    assert.equal(isNamedIn('Merci @Anne Martin, très utile.', 'Anne Martin'), true);
    assert.equal(isNamedIn('merci @anne martin', 'Anne Martin'), true);
    assert.equal(isNamedIn('@Anne Martin', 'Anne Martin'), true);
  });

  it('ignores a name without @ and a longer name that starts the same', () => {
    assert.equal(isNamedIn('Merci Anne Martin', 'Anne Martin'), false);
    assert.equal(isNamedIn('Merci @Anne Martin-Leroy', 'Anne Martin'), false);
    assert.equal(isNamedIn('Merci @Anne Martin-Leroy et @Anne Martin.', 'Anne Martin'), true);
  });
});
