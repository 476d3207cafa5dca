import type { GroupNote, GroupNoteVersionSummary, NoteConflict } from '@meute/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ApiError } from '../../../app/api.ts';
import { useApi } from '../../../app/use-api.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorBanner, fieldError, Loading, SuccessBanner } from '../../../components/feedback.tsx';
import { TextField } from '../../../components/field.tsx';
import { useFormatDate } from '../../../components/format.ts';
import { NoteDiffView } from './note-diff-view.tsx';
import { notesApi } from './notes-api.ts';

type Mode = 'view' | 'edit' | 'history';

/**
 * The group's shared notes (« note blanche »): co-written, with versions. Rendered by the group
 * page in its "Note" tab, for the group's members only.
 */
export function GroupNotesTab({
  networkSlug,
  groupSlug,
  canEdit,
}: {
  networkSlug: string;
  groupSlug: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [params, setParams] = useSearchParams();
  const selected = params.get('note');
  const [isCreating, setIsCreating] = useState(false);
  const list = useApi(() => notesApi.list(networkSlug, groupSlug), `${networkSlug}/${groupSlug}`);

  function select(id: string | null) {
    setIsCreating(false);
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('note', id);
        else next.delete('note');
        return next;
      },
      { replace: false },
    );
  }

  if (list.state === 'loading') return <Loading />;
  if (list.state === 'failed') return <ErrorBanner error={list.error} onRetry={list.reload} />;
  const mayWrite = canEdit && list.data.canEdit;

  return (
    <div className="notes-layout">
      <aside className="notes-list card" aria-labelledby="notes-list-title">
        <div className="row-between">
          <h2 id="notes-list-title" className="card-title">
            {t('groupNotes.listTitle')}
          </h2>
          {mayWrite ? (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => setIsCreating(true)}
            >
              {t('groupNotes.new')}
            </button>
          ) : null}
        </div>
        {list.data.notes.length === 0 ? (
          <p className="muted">{mayWrite ? t('groupNotes.emptyCanWrite') : t('groupNotes.empty')}</p>
        ) : (
          <ul className="notes-list-items">
            {list.data.notes.map((note) => (
              <li key={note.id}>
                <button
                  type="button"
                  className="notes-list-item"
                  aria-current={note.id === selected ? 'true' : undefined}
                  onClick={() => select(note.id)}
                >
                  <span className="notes-list-item-title">{note.title}</span>
                  <span className="muted">
                    {t('groupNotes.versionBy', {
                      version: note.version,
                      name: note.updatedBy?.name ?? t('groupNotes.someone'),
                      date: formatDate(note.updatedAt, true),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <section className="notes-main">
        {isCreating ? (
          <NewNoteForm
            networkSlug={networkSlug}
            groupSlug={groupSlug}
            onCancel={() => setIsCreating(false)}
            onCreated={(note) => {
              list.reload();
              select(note.id);
            }}
          />
        ) : selected ? (
          <NotePanel
            key={selected}
            networkSlug={networkSlug}
            groupSlug={groupSlug}
            noteId={selected}
            canEdit={mayWrite}
            onChanged={list.reload}
          />
        ) : (
          <div className="empty-state">
            <p className="empty-state-title">{t('groupNotes.pickTitle')}</p>
            <p className="empty-state-text">{t('groupNotes.pickText')}</p>
          </div>
        )}
      </section>
    </div>
  );
}

function NewNoteForm({
  networkSlug,
  groupSlug,
  onCancel,
  onCreated,
}: {
  networkSlug: string;
  groupSlug: string;
  onCancel: () => void;
  onCreated: (note: GroupNote) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      onCreated(await notesApi.create(networkSlug, groupSlug, { title, body, summary: '' }));
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="card note-editor" onSubmit={submit} noValidate>
      <h2 className="card-title">{t('groupNotes.newTitle')}</h2>
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      <TextField
        label={t('groupNotes.field.title')}
        value={title}
        required
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError(error, 'title')}
      />
      <MarkdownEditor
        networkSlug={networkSlug}
        groupSlug={groupSlug}
        value={body}
        onChange={setBody}
        error={fieldError(error, 'body')}
      />
      <div className="note-editor-actions">
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t('groupNotes.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={isBusy}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A textarea with a « Preview » tab showing the server's sanitised rendering. */
function MarkdownEditor({
  networkSlug,
  groupSlug,
  value,
  onChange,
  error,
}: {
  networkSlug: string;
  groupSlug: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [isPreview, setIsPreview] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!isPreview) return;
    let isCurrent = true;
    setHtml(null);
    notesApi.preview(networkSlug, groupSlug, value).then(
      (preview) => {
        if (isCurrent) setHtml(preview.html);
      },
      (caught: ApiError) => {
        if (isCurrent) setPreviewError(caught);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [isPreview, value, networkSlug, groupSlug]);

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="row-between">
        <label htmlFor={id}>{t('groupNotes.field.body')}</label>
        <div className="tabs note-editor-tabs" role="tablist">
          <button
            type="button"
            role="tab"
            className="tab"
            aria-selected={!isPreview}
            onClick={() => setIsPreview(false)}
          >
            {t('groupNotes.write')}
          </button>
          <button
            type="button"
            role="tab"
            className="tab"
            aria-selected={isPreview}
            onClick={() => setIsPreview(true)}
          >
            {t('groupNotes.preview')}
          </button>
        </div>
      </div>
      {isPreview ? (
        <div className="note-body note-preview" aria-live="polite">
          {previewError ? (
            <ErrorBanner error={previewError} />
          ) : html === null ? (
            <Loading />
          ) : html === '' ? (
            <p className="muted">{t('groupNotes.previewEmpty')}</p>
          ) : (
            // Sanitised on the server with an allow-list (modules/groups/markdown.ts).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised HTML only.
            <div dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </div>
      ) : (
        <textarea
          id={id}
          className="note-textarea"
          value={value}
          rows={16}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <p className="field-hint">{t('groupNotes.markdownHint')}</p>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

function NotePanel({
  networkSlug,
  groupSlug,
  noteId,
  canEdit,
  onChanged,
}: {
  networkSlug: string;
  groupSlug: string;
  noteId: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [mode, setMode] = useState<Mode>('view');
  const [saved, setSaved] = useState<string | null>(null);
  const note = useApi(() => notesApi.get(networkSlug, groupSlug, noteId), `${groupSlug}/${noteId}`);

  if (note.state === 'loading') return <Loading />;
  if (note.state === 'failed') return <ErrorBanner error={note.error} onRetry={note.reload} />;
  const current = note.data;

  function afterWrite(message: string) {
    setSaved(message);
    setMode('view');
    note.reload();
    onChanged();
  }

  return (
    <article className="card note-panel" aria-labelledby="note-title">
      <header className="note-header">
        <div>
          <h2 id="note-title" className="note-title">
            {current.title}
          </h2>
          <p className="muted">
            {t('groupNotes.versionBy', {
              version: current.version,
              name: current.updatedBy?.name ?? t('groupNotes.someone'),
              date: formatDate(current.updatedAt, true),
            })}
          </p>
        </div>
        <div className="tabs" role="tablist" aria-label={t('groupNotes.modes')}>
          {(['view', ...(canEdit ? (['edit'] as const) : []), 'history'] as const).map((each) => (
            <button
              key={each}
              type="button"
              role="tab"
              className="tab"
              aria-selected={mode === each}
              onClick={() => {
                setSaved(null);
                setMode(each);
              }}
            >
              {t(`groupNotes.mode.${each}`)}
            </button>
          ))}
        </div>
      </header>
      {saved ? <SuccessBanner>{saved}</SuccessBanner> : null}
      {mode === 'view' ? (
        current.bodyHtml === '' ? (
          <p className="muted">{t('groupNotes.emptyBody')}</p>
        ) : (
          // Sanitised on the server with an allow-list (modules/groups/markdown.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised HTML only.
          <div className="note-body" dangerouslySetInnerHTML={{ __html: current.bodyHtml }} />
        )
      ) : mode === 'edit' ? (
        <NoteEditor
          networkSlug={networkSlug}
          groupSlug={groupSlug}
          note={current}
          onSaved={(version) => afterWrite(t('groupNotes.saved', { version }))}
          onCancel={() => setMode('view')}
        />
      ) : (
        <NoteHistory
          networkSlug={networkSlug}
          groupSlug={groupSlug}
          note={current}
          canEdit={canEdit}
          onRestored={(version, from) => afterWrite(t('groupNotes.restored', { version, from }))}
        />
      )}
    </article>
  );
}

function NoteEditor({
  networkSlug,
  groupSlug,
  note,
  onSaved,
  onCancel,
}: {
  networkSlug: string;
  groupSlug: string;
  note: GroupNote;
  onSaved: (version: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [base, setBase] = useState(note);
  const [title, setTitle] = useState(note.title);
  const [body, setBody] = useState(note.body);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<NoteConflict | null>(null);
  // What the person had typed when the conflict came: kept in view while they re-apply it.
  const [myDraft, setMyDraft] = useState<{ title: string; body: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const result = await notesApi.save(networkSlug, groupSlug, note.id, {
        title,
        body,
        summary,
        baseVersion: base.version,
      });
      if (result.ok) onSaved(result.note.version);
      else setConflict(result.conflict);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  /** Starts again from the latest version, keeping the person's own text beside it. */
  function reloadAndReapply() {
    if (!conflict) return;
    setMyDraft({ title, body });
    setBase(conflict.current);
    setTitle(conflict.current.title);
    setBody(conflict.current.body);
    setConflict(null);
  }

  return (
    <form className="note-editor" onSubmit={submit} noValidate>
      {conflict ? (
        <div className="banner banner-error note-conflict" role="alert">
          <p>
            <strong>{conflict.message}</strong>
          </p>
          <p>
            {t('groupNotes.conflict.who', {
              names: conflict.changedBy.join(', ') || t('groupNotes.someone'),
              version: conflict.current.version,
            })}
          </p>
          <details open>
            <summary>{t('groupNotes.conflict.theirChanges')}</summary>
            <NoteDiffView diff={conflict.theirChanges} />
          </details>
          <button type="button" className="button button-primary" onClick={reloadAndReapply}>
            {t('groupNotes.conflict.reload')}
          </button>
        </div>
      ) : null}
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      {myDraft ? (
        <div className="banner banner-info note-my-draft">
          <p>{t('groupNotes.conflict.reapply', { version: base.version })}</p>
          <details>
            <summary>{t('groupNotes.conflict.myDraft')}</summary>
            <pre className="note-draft-text">{myDraft.body}</pre>
          </details>
        </div>
      ) : null}
      <TextField
        label={t('groupNotes.field.title')}
        value={title}
        required
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError(error, 'title')}
      />
      <MarkdownEditor
        networkSlug={networkSlug}
        groupSlug={groupSlug}
        value={body}
        onChange={setBody}
        error={fieldError(error, 'body')}
      />
      <TextField
        label={t('groupNotes.field.summary')}
        hint={t('groupNotes.field.summaryHint')}
        value={summary}
        maxLength={300}
        onChange={(event) => setSummary(event.target.value)}
        error={fieldError(error, 'summary')}
      />
      <div className="note-editor-actions">
        <button type="submit" className="button button-primary" disabled={isBusy || conflict !== null}>
          {t('groupNotes.save', { version: base.version })}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={isBusy}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function NoteHistory({
  networkSlug,
  groupSlug,
  note,
  canEdit,
  onRestored,
}: {
  networkSlug: string;
  groupSlug: string;
  note: GroupNote;
  canEdit: boolean;
  onRestored: (version: number, from: number) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const history = useApi(
    () => notesApi.history(networkSlug, groupSlug, note.id),
    `${note.id}/history/${note.version}`,
  );
  // The latest version until the reader picks another (it follows a save that lands meanwhile).
  const [picked, setShown] = useState<number | null>(null);
  const shown = picked ?? note.version;
  const version = useApi(
    () => notesApi.version(networkSlug, groupSlug, note.id, shown),
    `${note.id}/version/${shown}`,
  );
  const [toRestore, setToRestore] = useState<GroupNoteVersionSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<NoteConflict | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function restore() {
    if (!toRestore) return;
    setIsBusy(true);
    setError(null);
    try {
      const result = await notesApi.restore(networkSlug, groupSlug, note.id, toRestore.version, note.version);
      if (result.ok) onRestored(result.note.version, toRestore.version);
      else setConflict(result.conflict);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
      setToRestore(null);
    }
  }

  if (history.state === 'loading') return <Loading />;
  if (history.state === 'failed') return <ErrorBanner error={history.error} onRetry={history.reload} />;

  return (
    <div className="note-history">
      <ErrorBanner error={error} />
      {conflict ? (
        <div className="banner banner-error" role="alert">
          <span>{conflict.message}</span>
        </div>
      ) : null}
      <ol className="note-versions" aria-label={t('groupNotes.history.title')}>
        {history.data.versions.map((each) => (
          <li
            key={each.version}
            className={each.version === shown ? 'note-version is-shown' : 'note-version'}
          >
            <button type="button" className="note-version-button" onClick={() => setShown(each.version)}>
              <span className="note-version-number">v{each.version}</span>
              <span>
                <span className="note-version-meta">
                  {t('groupNotes.history.by', {
                    name: each.author?.name ?? t('groupNotes.someone'),
                    date: formatDate(each.createdAt, true),
                  })}
                </span>
                {each.summary ? <span className="note-version-summary">« {each.summary} »</span> : null}
                {each.restoredFrom ? (
                  <span className="badge">
                    {t('groupNotes.history.restoredFrom', { version: each.restoredFrom })}
                  </span>
                ) : null}
              </span>
            </button>
            {canEdit && each.version !== history.data.currentVersion ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setToRestore(each)}
              >
                {t('groupNotes.history.restore')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="note-version-detail">
        <h3>{t('groupNotes.history.compare', { version: shown })}</h3>
        {version.state === 'loading' ? (
          <Loading />
        ) : version.state === 'failed' ? (
          <ErrorBanner error={version.error} onRetry={version.reload} />
        ) : (
          <NoteDiffView diff={version.data.diff} />
        )}
      </div>
      <ConfirmDialog
        isOpen={toRestore !== null}
        title={t('groupNotes.history.confirmTitle', { version: toRestore?.version ?? 0 })}
        confirmLabel={t('groupNotes.history.restore')}
        isBusy={isBusy}
        onConfirm={restore}
        onCancel={() => setToRestore(null)}
      >
        <p>
          {t('groupNotes.history.confirmText', { version: toRestore?.version ?? 0, next: note.version + 1 })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
