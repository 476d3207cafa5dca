import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const DIR = path.resolve(import.meta.dirname, '../apps/web/src/app/i18n');

type Messages = { [key: string]: string | string[] | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string | string[]> {
  const flat = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string' || Array.isArray(value)) flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

const fr = flatten(JSON.parse(fs.readFileSync(path.join(DIR, 'fr.json'), 'utf8')));
const en = flatten(JSON.parse(fs.readFileSync(path.join(DIR, 'en.json'), 'utf8')));

describe('the web app translations', () => {
  it('have exactly the same keys in French and English', () => {
    assert.deepEqual(
      [...fr.keys()].filter((key) => !en.has(key)),
      [],
      'keys missing in en.json',
    );
    assert.deepEqual(
      [...en.keys()].filter((key) => !fr.has(key)),
      [],
      'keys missing in fr.json',
    );
  });

  it('use the same placeholders and list lengths in both languages', () => {
    const placeholders = (text: string | string[]) =>
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, french] of fr) {
      const english = en.get(key);
      if (english === undefined) continue;
      assert.deepEqual(placeholders(english), placeholders(french), `placeholders of ${key}`);
      if (Array.isArray(french)) assert.equal((english as string[]).length, french.length, `items of ${key}`);
    }
  });

  it('leave no message empty', () => {
    for (const [key, value] of [...fr, ...en]) assert.ok(String(value).trim().length > 0, `${key} is empty`);
  });
});
