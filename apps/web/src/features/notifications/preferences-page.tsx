import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { type NotificationPreferences, notificationsApi } from './notifications-api.ts';

const DIGESTS = ['daily', 'weekly', 'never'] as const;

/** What I receive by e-mail: alerts and mentions at once (or not), and a daily or weekly digest. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.preferences.title'));
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/notifications">← {t('notifications.title')}</Link>
      </p>
      <h1>{t('notifications.preferences.title')}</h1>
      <NotificationPreferencesSection />
    </div>
  );
}

/** The form itself, also usable as a section of another page. */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const loaded = useApi(() => notificationsApi.preferences(), 'notification-preferences');
  const [values, setValues] = useState<NotificationPreferences | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (loaded.data) setValues(loaded.data);
  }, [loaded.data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setIsBusy(true);
    setError(null);
    setIsSaved(false);
    try {
      setValues(await notificationsApi.savePreferences(values));
      setIsSaved(true);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  if (!values) return null;
  return (
    <form className="card preferences-form" onSubmit={save}>
      <p className="muted">{t('notifications.preferences.intro')}</p>
      {isSaved ? <SuccessBanner>{t('notifications.preferences.saved')}</SuccessBanner> : null}
      <ErrorBanner error={error} />
      <fieldset>
        <legend>{t('notifications.preferences.digest')}</legend>
        {DIGESTS.map((digest) => (
          <label key={digest} className="radio-line">
            <input
              type="radio"
              name="digest"
              value={digest}
              checked={values.digest === digest}
              onChange={() => setValues({ ...values, digest })}
            />
            <span>
              {t(`notifications.preferences.digest_${digest}`)}
              <span className="field-hint">{t(`notifications.preferences.digest_${digest}_hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox-line">
        <input
          type="checkbox"
          checked={values.immediateEmail}
          onChange={(event) => setValues({ ...values, immediateEmail: event.target.checked })}
        />
        <span>
          {t('notifications.preferences.immediate')}
          <span className="field-hint">{t('notifications.preferences.immediateHint')}</span>
        </span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t('action.save')}
        </button>
      </div>
    </form>
  );
}
