import type { ShowcaseAdmin } from '@meute/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ApiError, api } from '../../app/api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorBanner, fieldError, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';

const asApiError = (caught: unknown) => caught as ApiError;

/** Staff: publish or withdraw the showcase (after a confirmation) and write its text in French and English. */
export function ShowcaseSettings({
  view,
  onSaved,
}: {
  view: ShowcaseAdmin;
  onSaved: (view: ShowcaseAdmin) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const id = useId();
  const { settings } = view;
  const slug = view.network.slug;
  const [text, setText] = useState({
    headlineFr: settings.headlineFr,
    headlineEn: settings.headlineEn,
    descriptionFr: settings.descriptionFr,
    descriptionEn: settings.descriptionEn,
    contactEmail: settings.contactEmail ?? '',
  });
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'publish' | 'unpublish' | null>(null);
  const publicUrl = `${window.location.origin}/vitrine/${slug}`;

  async function save(isPublished: boolean, message: string) {
    setIsBusy(true);
    setError(null);
    setDone(null);
    try {
      onSaved(await api.updateShowcase(slug, { ...text, isPublished }));
      setDone(message);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
      setConfirming(null);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(settings.isPublished, t('showcase.settings.saved'));
  };
  const set = (name: keyof typeof text) => (event: { target: { value: string } }) =>
    setText((previous) => ({ ...previous, [name]: event.target.value }));

  return (
    <section className="card showcase-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('showcase.settings.title')}
        <span className={settings.isPublished ? 'badge badge-status-accepted' : 'badge badge-status-pending'}>
          {settings.isPublished ? t('showcase.settings.published') : t('showcase.settings.unpublished')}
        </span>
      </h2>
      <p className="muted">
        {settings.isPublished && settings.publishedAt
          ? t('showcase.settings.publishedSince', { date: formatDate(settings.publishedAt, true) })
          : t('showcase.settings.notPublishedYet')}
      </p>
      {view.stats ? (
        <p>
          {t('showcase.settings.stats', {
            count: view.stats.consentingCount,
            members: view.stats.memberCount,
          })}
        </p>
      ) : null}
      <p className="showcase-settings-actions">
        {settings.isPublished ? (
          <>
            <a className="button button-secondary" href={`/vitrine/${slug}`} target="_blank" rel="noopener">
              {t('showcase.admin.open')}
            </a>
            <button
              type="button"
              className="button button-danger"
              onClick={() => setConfirming('unpublish')}
              disabled={isBusy}
            >
              {t('showcase.settings.unpublish')}
            </button>
          </>
        ) : (
          <>
            {settings.updatedAt ? (
              <Link className="button button-secondary" to={`/vitrine/${slug}?preview=1`}>
                {t('showcase.admin.preview')}
              </Link>
            ) : (
              <span className="muted">{t('showcase.settings.saveFirst')}</span>
            )}
            <button
              type="button"
              className="button button-primary"
              onClick={() => setConfirming('publish')}
              disabled={isBusy}
            >
              {t('showcase.settings.publish')}
            </button>
          </>
        )}
      </p>
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      <ErrorBanner error={error} />
      <form className="showcase-settings-form" onSubmit={submit} noValidate>
        <div className="showcase-two-columns">
          <TextField
            label={t('showcase.settings.headlineFr')}
            value={text.headlineFr}
            maxLength={200}
            lang="fr"
            onChange={set('headlineFr')}
            error={fieldError(error, 'headlineFr')}
          />
          <TextField
            label={t('showcase.settings.headlineEn')}
            value={text.headlineEn}
            maxLength={200}
            lang="en"
            onChange={set('headlineEn')}
            error={fieldError(error, 'headlineEn')}
          />
          <div className="field">
            <label htmlFor={`${id}-description-fr`}>{t('showcase.settings.descriptionFr')}</label>
            <textarea
              id={`${id}-description-fr`}
              lang="fr"
              rows={5}
              maxLength={4000}
              value={text.descriptionFr}
              onChange={set('descriptionFr')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-description-en`}>{t('showcase.settings.descriptionEn')}</label>
            <textarea
              id={`${id}-description-en`}
              lang="en"
              rows={5}
              maxLength={4000}
              value={text.descriptionEn}
              onChange={set('descriptionEn')}
            />
          </div>
        </div>
        <TextField
          label={t('showcase.settings.contactEmail')}
          hint={t('showcase.settings.contactHint')}
          type="email"
          value={text.contactEmail}
          maxLength={254}
          onChange={set('contactEmail')}
          error={fieldError(error, 'contactEmail')}
        />
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t('showcase.settings.save')}
        </button>
      </form>
      <ConfirmDialog
        isOpen={confirming !== null}
        title={
          confirming === 'unpublish'
            ? t('showcase.settings.confirmUnpublishTitle')
            : t('showcase.settings.confirmPublishTitle')
        }
        confirmLabel={
          confirming === 'unpublish' ? t('showcase.settings.unpublish') : t('showcase.settings.publish')
        }
        isBusy={isBusy}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          void save(
            confirming === 'publish',
            confirming === 'publish'
              ? t('showcase.settings.publishedDone')
              : t('showcase.settings.unpublishedDone'),
          )
        }
      >
        <p>
          {confirming === 'unpublish'
            ? t('showcase.settings.confirmUnpublishText')
            : t('showcase.settings.confirmPublishText', { url: publicUrl })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
