import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { notificationsApi, type UnsubscribeStatus } from './notifications-api.ts';

/** The link of every notification e-mail: one click stops them, no sign-in needed. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('notifications.unsubscribe.title'));
  const status = useApi(() => notificationsApi.unsubscribeStatus(token), `unsubscribe:${token}`);
  const [done, setDone] = useState<UnsubscribeStatus | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = done ?? status.data;

  return (
    <PublicLayout>
      <section className="card card-form unsubscribe">
        <h1>{t('notifications.unsubscribe.title')}</h1>
        {status.state === 'loading' ? <Loading /> : null}
        {status.state === 'failed' ? (
          status.error.status === 404 || status.error.status === 400 ? (
            <div className="banner banner-error" role="alert">
              <p>{t('notifications.unsubscribe.invalid')}</p>
            </div>
          ) : (
            <ErrorBanner error={status.error} onRetry={status.reload} />
          )
        ) : null}
        {current ? (
          current.isUnsubscribed ? (
            <>
              <SuccessBanner>{t('notifications.unsubscribe.done', { email: current.email })}</SuccessBanner>
              <p className="muted">{t('notifications.unsubscribe.inApp')}</p>
              <p>
                <Link to="/notifications/preferences">{t('notifications.unsubscribe.changeLater')}</Link>
              </p>
            </>
          ) : (
            <>
              <p className="lead">{t('notifications.unsubscribe.question', { email: current.email })}</p>
              <p className="muted">{t('notifications.unsubscribe.inApp')}</p>
              <ErrorBanner error={error} />
              <button
                type="button"
                className="button button-primary unsubscribe-confirm"
                disabled={isBusy}
                onClick={async () => {
                  setIsBusy(true);
                  setError(null);
                  try {
                    setDone(await notificationsApi.unsubscribe(token));
                  } catch (caught) {
                    setError(caught as ApiError);
                  } finally {
                    setIsBusy(false);
                  }
                }}
              >
                {t('notifications.unsubscribe.confirm')}
              </button>
            </>
          )
        ) : null}
      </section>
    </PublicLayout>
  );
}
