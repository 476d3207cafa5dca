import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { ErrorBanner, fieldError } from '../../components/feedback.tsx';
import { type GroupFile, type GroupPersonRef, groupsApi, uploadGroupFile } from './groups-api.ts';

export interface ComposerValue {
  kind: 'discussion' | 'report';
  title: string;
  body: string;
  chatham: boolean;
  fileIds: string[];
  mentionIds: string[];
}

/**
 * Writes a thread, a report or a reply in Markdown: a preview rendered by the server's own
 * sanitiser (what will be stored is what is shown), attached files, and an @ picker among the
 * group's members that turns a name into a mention.
 */
export function Composer({
  slug,
  groupSlug,
  mode,
  people,
  onSubmit,
}: {
  slug: string;
  groupSlug: string;
  mode: 'thread' | 'reply';
  /** The group's members who may be mentioned. */
  people: readonly GroupPersonRef[];
  onSubmit: (value: ComposerValue) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'discussion' | 'report'>('discussion');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [chatham, setChatham] = useState(false);
  const [files, setFiles] = useState<GroupFile[]>([]);
  const [mentions, setMentions] = useState<GroupPersonRef[]>([]);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [mentionQuery, setMentionQuery] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const candidates =
    mentionQuery === null
      ? []
      : people
          .filter((p) => p.displayName.toLocaleLowerCase('fr').includes(mentionQuery.toLocaleLowerCase('fr')))
          .slice(0, 6);

  function onBodyChange(value: string, caret: number) {
    setBody(value);
    setPreview(null);
    const before = value.slice(0, caret);
    const match = /(^|\s)@([\p{L}\p{M}' -]{0,30})$/u.exec(before);
    setMentionQuery(match ? (match[2] ?? '') : null);
  }

  function pick(person: GroupPersonRef) {
    const element = textarea.current;
    const caret = element?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(/@([\p{L}\p{M}' -]{0,30})$/u, `@${person.displayName} `);
    setBody(before + body.slice(caret));
    setMentions((current) =>
      current.some((m) => m.personId === person.personId) ? current : [...current, person],
    );
    setMentionQuery(null);
    element?.focus();
  }

  async function showPreview() {
    setError(null);
    try {
      setPreview((await groupsApi.preview(slug, body)).html);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    }
  }

  async function attach(list: FileList | null) {
    if (!list) return;
    setError(null);
    for (const file of Array.from(list)) {
      try {
        const uploaded = await uploadGroupFile(slug, groupSlug, file);
        setFiles((current) => [...current, uploaded]);
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
      }
    }
    if (fileInput.current) fileInput.current.value = '';
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      // A mention counts only if the name is still in the text.
      const mentionIds = mentions.filter((m) => body.includes(`@${m.displayName}`)).map((m) => m.personId);
      await onSubmit({ kind, title, body, chatham, fileIds: files.map((f) => f.id), mentionIds });
      setTitle('');
      setBody('');
      setFiles([]);
      setMentions([]);
      setPreview(null);
      setChatham(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  const bodyId = `composer-body-${mode}`;
  return (
    <form
      className="card card-form composer"
      onSubmit={submit}
      aria-label={mode === 'thread' ? t('groups.composer.newThread') : t('groups.composer.reply')}
    >
      {mode === 'thread' ? (
        <>
          <h2 className="card-title">{t('groups.composer.newThread')}</h2>
          <div className="composer-row">
            <div className="field">
              <label htmlFor="composer-kind">{t('groups.composer.kind')}</label>
              <select
                id="composer-kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as typeof kind)}
              >
                <option value="discussion">{t('groups.kind.discussion')}</option>
                <option value="report">{t('groups.kind.report')}</option>
              </select>
            </div>
            <div className="field composer-title">
              <label htmlFor="composer-title">{t('groups.composer.title')}</label>
              <input
                id="composer-title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
                maxLength={200}
              />
              {fieldError(error, 'title') ? (
                <p className="field-error">{fieldError(error, 'title')}</p>
              ) : null}
            </div>
          </div>
        </>
      ) : null}
      <ErrorBanner error={error} />
      <div className="field composer-body">
        <label htmlFor={bodyId}>
          {mode === 'thread' ? t('groups.composer.body') : t('groups.composer.reply')}
        </label>
        <textarea
          id={bodyId}
          ref={textarea}
          rows={mode === 'thread' ? 8 : 4}
          value={body}
          required
          maxLength={40000}
          onChange={(e) => onBodyChange(e.target.value, e.target.selectionStart)}
          aria-describedby={`${bodyId}-hint`}
        />
        <p id={`${bodyId}-hint`} className="field-hint">
          {t('groups.composer.markdownHint')}
        </p>
        {candidates.length > 0 ? (
          <ul className="mention-picker" aria-label={t('groups.composer.mentionPicker')}>
            {candidates.map((person) => (
              <li key={person.personId}>
                <button type="button" className="mention-option" onClick={() => pick(person)}>
                  @{person.displayName}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {preview !== null ? (
        <section className="composer-preview" aria-label={t('groups.composer.preview')}>
          {/* Rendered by the server's sanitiser (allow-list): the HTML that will be stored. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server. */}
          <div className="post-body" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      ) : null}
      {files.length > 0 ? (
        <ul className="composer-files">
          {files.map((file) => (
            <li key={file.id}>
              {file.name}{' '}
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => setFiles((current) => current.filter((f) => f.id !== file.id))}
              >
                {t('groups.composer.removeFile')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="composer-actions">
        <label className="button button-secondary button-small file-picker">
          {t('groups.composer.attach')}
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            onChange={(e) => void attach(e.target.files)}
          />
        </label>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={showPreview}
          disabled={!body}
        >
          {t('groups.composer.preview')}
        </button>
        {mode === 'thread' ? (
          <label className="choice composer-chatham">
            <input type="checkbox" checked={chatham} onChange={(e) => setChatham(e.target.checked)} />{' '}
            {t('groups.composer.chatham')}
          </label>
        ) : null}
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {mode === 'thread' ? t('groups.composer.publish') : t('groups.composer.sendReply')}
        </button>
      </div>
      {mode === 'thread' && chatham ? <p className="field-hint">{t('groups.composer.chathamHint')}</p> : null}
    </form>
  );
}
