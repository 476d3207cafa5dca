import type { NoteDiff, NoteDiffLine } from '@meute/contracts';
import { diffLines, diffWordsWithSpace } from 'diff';

/** The text as lines without their line ends, so that the last line compares like the others. */
function splitLines(value: string): string[] {
  if (value === '') return [];
  return value.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/**
 * Compares two versions of a note line by line (jsdiff), and a removed line followed by an added
 * one word by word, so a person sees « which words » changed, not only « which lines ».
 */
export function diffNoteBodies(
  before: string,
  after: string,
): Pick<NoteDiff, 'lines' | 'linesAdded' | 'linesRemoved'> {
  const asText = (value: string) =>
    splitLines(value)
      .map((line) => `${line}\n`)
      .join('');
  const changes = diffLines(asText(before), asText(after));
  const lines: NoteDiffLine[] = [];
  let linesAdded = 0;
  let linesRemoved = 0;
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index]!;
    const text = splitLines(change.value);
    if (!change.added && !change.removed) {
      for (const line of text) lines.push({ kind: 'same', parts: [{ kind: 'same', text: line }] });
      continue;
    }
    if (change.removed) {
      const next = changes[index + 1];
      const added = next?.added ? splitLines(next.value) : [];
      linesRemoved += text.length;
      linesAdded += added.length;
      const paired = Math.min(text.length, added.length);
      for (let i = 0; i < paired; i += 1) lines.push(wordDiff(text[i]!, added[i]!));
      for (const line of text.slice(paired))
        lines.push({ kind: 'removed', parts: [{ kind: 'removed', text: line }] });
      for (const line of added.slice(paired))
        lines.push({ kind: 'added', parts: [{ kind: 'added', text: line }] });
      if (next?.added) index += 1;
      continue;
    }
    linesAdded += text.length;
    for (const line of text) lines.push({ kind: 'added', parts: [{ kind: 'added', text: line }] });
  }
  return { lines, linesAdded, linesRemoved };
}

function wordDiff(before: string, after: string): NoteDiffLine {
  const parts = diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
    text: part.value,
  }));
  return { kind: 'changed', parts };
}
