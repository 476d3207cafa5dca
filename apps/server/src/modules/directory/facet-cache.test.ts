import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache } from './facet-cache.ts';

describe('LruCache', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const cache = new LruCache<number>(2, 60_000);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    assert.equal(cache.get('a', 1), 1);
    cache.set('c', 3, 2);
    assert.equal(cache.get('b', 3), undefined);
    assert.equal(cache.get('a', 3), 1);
    assert.equal(cache.get('c', 3), 3);
    assert.equal(cache.size, 2);
  });

  it('forgets entries older than its age limit', () => {
    const cache = new LruCache<string>(10, 1000);
    cache.set('k', 'v', 0);
    assert.equal(cache.get('k', 1000), 'v');
    assert.equal(cache.get('k', 2001), undefined);
  });
});
