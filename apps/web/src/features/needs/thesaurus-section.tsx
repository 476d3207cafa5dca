import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type NetworkThesaurus } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';

type SynonymSet = NetworkThesaurus['sets'][number];

/** Terms typed by staff, one per comma or line. */
const splitTerms = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((term) => term.trim())
    .filter(Boolean);

/**
 * Staff teach the shared-need engine their members' words: a synonym set of their own
 * (« flocage, sérigraphie, marquage textile ») or more terms for a default concept.
 */
export function ThesaurusSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const loaded = useApi(() => api.thesaurus(slug), `thesaurus-${slug}`);
  const [override, setOverride] = useState<NetworkThesaurus | null>(null);
  const [editing, setEditing] = useState<SynonymSet | 'new' | null>(null);
  const [removing, setRemoving] = useState<SynonymSet | null>(null);
  const [label, setLabel] = useState('');
  const [terms, setTerms] = useState('');
  const [conceptId, setConceptId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  const thesaurus = override ?? loaded.data;
  const own = thesaurus.sets.filter((set) => set.source === 'network');
  const defaults = thesaurus.sets.filter((set) => set.source === 'default');

  function open(set: SynonymSet | 'new') {
    setEditing(set);
    setError(null);
    setDone(null);
    setLabel(set === 'new' ? '' : set.label);
    setTerms(set === 'new' ? '' : set.terms.join(', '));
    setConceptId('');
  }

  async function run(work: () => Promise<NetworkThesaurus>, message: string) {
    setIsBusy(true);
    setError(null);
    try {
      setOverride(await work());
      setDone(message);
      setEditing(null);
      setRemoving(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      label: label.trim(),
      terms: splitTerms(terms),
      ...(editing === 'new' && conceptId ? { conceptId } : {}),
    };
    const id = editing !== 'new' && editing?.id ? editing.id : undefined;
    void run(() => api.saveSynonymSet(slug, body, id), t('thesaurus.saved'));
  }

  return (
    <section className="card thesaurus" aria-labelledby="thesaurus-title">
      <div className="section-head">
        <h2 id="thesaurus-title" className="card-title">
          {t('thesaurus.title')}
        </h2>
        {editing === null ? (
          <button type="button" className="button" onClick={() => open('new')}>
            {t('thesaurus.add')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('thesaurus.intro')}</p>
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      {editing !== null ? (
        <form onSubmit={submit} noValidate className="thesaurus-form">
          {editing === 'new' ? (
            <div className="field">
              <label htmlFor="thesaurus-concept">{t('thesaurus.extends')}</label>
              <select
                id="thesaurus-concept"
                value={conceptId}
                onChange={(event) => setConceptId(event.target.value)}
              >
                <option value="">{t('thesaurus.ownConcept')}</option>
                {defaults.map((set) => (
                  <option key={set.conceptId} value={set.conceptId}>
                    {set.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <TextField
            label={t('thesaurus.label')}
            required
            maxLength={120}
            value={label}
            error={fieldError(error, 'label')}
            onChange={(event) => setLabel(event.target.value)}
          />
          <div className="field">
            <label htmlFor="thesaurus-terms">{t('thesaurus.terms')}</label>
            <textarea
              id="thesaurus-terms"
              rows={3}
              value={terms}
              aria-describedby="thesaurus-terms-hint"
              onChange={(event) => setTerms(event.target.value)}
            />
            <p id="thesaurus-terms-hint" className="field-hint">
              {t('thesaurus.termsHint')}
            </p>
            {fieldError(error, 'terms') ? <p className="field-error">{fieldError(error, 'terms')}</p> : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={isBusy}>
              {t('thesaurus.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {own.length === 0 ? (
        <EmptyState title={t('thesaurus.empty')}>{t('thesaurus.emptyHint')}</EmptyState>
      ) : (
        <ul className="plain-list thesaurus-sets">
          {own.map((set) => (
            <li key={set.id}>
              <div>
                <strong>{set.label}</strong>
                {defaults.some((d) => d.conceptId === set.conceptId) ? (
                  <span className="muted">
                    {' '}
                    —{' '}
                    {t('thesaurus.extending', {
                      concept: defaults.find((d) => d.conceptId === set.conceptId)?.label,
                    })}
                  </span>
                ) : null}
                <p className="muted">{set.terms.join(', ')}</p>
              </div>
              <div className="form-actions">
                <button type="button" className="button button-small" onClick={() => open(set)}>
                  {t('thesaurus.edit')}
                </button>
                <button type="button" className="button button-small" onClick={() => setRemoving(set)}>
                  {t('thesaurus.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <details className="thesaurus-defaults">
        <summary>{t('thesaurus.defaults', { count: defaults.length })}</summary>
        <ul className="chips">
          {defaults.map((set) => (
            <li key={set.conceptId} className="chip" title={set.terms.join(', ')}>
              {set.label}
            </li>
          ))}
        </ul>
      </details>
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('thesaurus.removeTitle', { label: removing?.label ?? '' })}
        confirmLabel={t('thesaurus.remove')}
        isBusy={isBusy}
        onConfirm={() =>
          removing?.id &&
          void run(() => api.deleteSynonymSet(slug, removing.id as string), t('thesaurus.removed'))
        }
        onCancel={() => setRemoving(null)}
      >
        <p>{t('thesaurus.removeText')}</p>
      </ConfirmDialog>
    </section>
  );
}
