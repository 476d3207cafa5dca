import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { ApiError } from '../../app/api.ts';
import { ErrorBanner } from '../../components/feedback.tsx';
import { announceNotificationsChanged } from '../notifications/notifications-api.ts';
import { ALERTS_CHANGED, alertsApi, announceAlertsChanged, type PendingAlerts } from './alerts-api.ts';

/**
 * The banner of the app shell: open alerts of my networks that one of my organisations has not
 * acknowledged yet, each with its acknowledge button. Nothing shows when there is none.
 */
export function AlertBanner() {
  const { t } = useTranslation();
  const location = useLocation();
  const [pending, setPending] = useState<PendingAlerts['alerts']>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(() => {
    alertsApi.pending().then(
      (answer) => setPending(answer.alerts),
      () => undefined,
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change refreshes it.
  useEffect(load, [location.pathname]);
  useEffect(() => {
    window.addEventListener(ALERTS_CHANGED, load);
    const timer = window.setInterval(load, 60_000);
    return () => {
      window.removeEventListener(ALERTS_CHANGED, load);
      window.clearInterval(timer);
    };
  }, [load]);

  if (pending.length === 0) return null;
  return (
    <section className="alert-banner" aria-label={t('alerts.banner.label')}>
      {pending.map((alert) => (
        <div key={alert.id} className="alert-banner-item" role="alert">
          <span className="alert-banner-icon" aria-hidden="true">
            !
          </span>
          <p>
            <strong>{t('alerts.banner.title', { network: alert.networkName })}</strong>{' '}
            <Link to={`/n/${alert.networkSlug}/alerts#alert-${alert.id}`}>{alert.title}</Link>
          </p>
          <div className="alert-banner-actions">
            {alert.organisations.map((organisation) => (
              <button
                key={organisation.id}
                type="button"
                className="button button-small button-primary button-wraps"
                disabled={busy !== null}
                onClick={async () => {
                  setBusy(alert.id);
                  setError(null);
                  try {
                    await alertsApi.acknowledge(alert.networkSlug, alert.id, {
                      organisationId: organisation.id,
                    });
                    announceAlertsChanged();
                    announceNotificationsChanged();
                  } catch (caught) {
                    setError(caught as ApiError);
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                {alert.organisations.length > 1
                  ? t('alerts.banner.acknowledgeFor', { organisation: organisation.name })
                  : t('alerts.banner.acknowledge')}
              </button>
            ))}
          </div>
        </div>
      ))}
      <ErrorBanner error={error} />
    </section>
  );
}
