/**
 * A small least-recently-used cache with an age limit. Facet counts over tens of thousands of
 * organisations cost hundreds of milliseconds; people ask the same questions again and again.
 * Keys carry the directory version read from PostgreSQL, so an entry is never stale, whichever
 * app instance changed the data; the age limit only bounds memory held by idle keys.
 */
export class LruCache<Value> {
  readonly #entries = new Map<string, { value: Value; storedAt: number }>();
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;

  constructor(maxEntries: number, maxAgeMs: number) {
    this.#maxEntries = maxEntries;
    this.#maxAgeMs = maxAgeMs;
  }

  get(key: string, now = Date.now()): Value | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (now - entry.storedAt > this.#maxAgeMs) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: Value, now = Date.now()): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, storedAt: now });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
