import type { NoteDiff, NoteDiffLine } from '@meute/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Unchanged lines kept around each change; longer runs of unchanged lines fold. */
const CONTEXT = 2;

type Row = { line: NoteDiffLine; index: number } | { folded: number; index: number };

/** The lines to show: every change with a little context, the long unchanged runs folded. */
function foldUnchanged(lines: readonly NoteDiffLine[]): Row[] {
  const rows: Row[] = [];
  let run: { line: NoteDiffLine; index: number }[] = [];
  const flush = (isStart: boolean, isEnd: boolean) => {
    const keepBefore = isStart ? 0 : CONTEXT;
    const keepAfter = isEnd ? 0 : CONTEXT;
    if (run.length <= keepBefore + keepAfter + 1) rows.push(...run);
    else {
      rows.push(...run.slice(0, keepBefore));
      rows.push({ folded: run.length - keepBefore - keepAfter, index: run[keepBefore]!.index });
      rows.push(...run.slice(run.length - keepAfter));
    }
    run = [];
  };
  let isStart = true;
  lines.forEach((line, index) => {
    if (line.kind === 'same') {
      run.push({ line, index });
      return;
    }
    flush(isStart, false);
    isStart = false;
    rows.push({ line, index });
  });
  flush(isStart, true);
  return rows;
}

/**
 * A comparison of two versions: every line, added lines in green, removed ones in red, and in a
 * changed line the words that changed. Marks carry a visually hidden word for screen readers.
 */
export function NoteDiffView({ diff }: { diff: NoteDiff }) {
  const { t } = useTranslation();
  const [isUnfolded, setIsUnfolded] = useState(false);
  const titleChanged = diff.titleBefore !== null && diff.titleBefore !== diff.titleAfter;
  return (
    <figure className="note-diff">
      <figcaption className="muted">
        {diff.fromVersion === null
          ? t('groupNotes.diff.first', { version: diff.toVersion })
          : t('groupNotes.diff.between', { from: diff.fromVersion, to: diff.toVersion })}{' '}
        — {t('groupNotes.diff.counts', { added: diff.linesAdded, removed: diff.linesRemoved })}
      </figcaption>
      {titleChanged ? (
        <p className="note-diff-title">
          {t('groupNotes.diff.title')} <del>{diff.titleBefore}</del> → <ins>{diff.titleAfter}</ins>
        </p>
      ) : null}
      {diff.lines.length === 0 ? (
        <p className="muted">{t('groupNotes.diff.empty')}</p>
      ) : (
        <div className="note-diff-lines">
          {(isUnfolded ? diff.lines.map((line, index) => ({ line, index })) : foldUnchanged(diff.lines)).map(
            (row) =>
              'folded' in row ? (
                <button
                  key={`fold-${row.index}`}
                  type="button"
                  className="note-diff-fold"
                  onClick={() => setIsUnfolded(true)}
                >
                  {t('groupNotes.diff.folded', { count: row.folded })}
                </button>
              ) : (
                <DiffLine key={row.index} line={row.line} />
              ),
          )}
        </div>
      )}
    </figure>
  );
}

function DiffLine({ line }: { line: NoteDiffLine }) {
  const { t } = useTranslation();
  return (
    <div className={`note-diff-line note-diff-${line.kind}`}>
      <span className="note-diff-sign" aria-hidden="true">
        {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : line.kind === 'changed' ? '~' : ' '}
      </span>
      <span className="note-diff-text">
        {line.parts.map((part, partIndex) =>
          part.kind === 'added' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one line, in order.
            <ins key={partIndex}>
              <span className="visually-hidden">{t('groupNotes.diff.added')} </span>
              {part.text}
            </ins>
          ) : part.kind === 'removed' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one line, in order.
            <del key={partIndex}>
              <span className="visually-hidden">{t('groupNotes.diff.removed')} </span>
              {part.text}
            </del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one line, in order.
            <span key={partIndex}>{part.text}</span>
          ),
        )}
        {line.parts.every((part) => part.text === '') ? '\u00a0' : null}
      </span>
    </div>
  );
}
