import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ALERTS_CHANGED } from '../alerts/alerts-api.ts';
import { NOTIFICATIONS_CHANGED, notificationsApi } from './notifications-api.ts';

/** The bell of the top bar: my unread count, a link to my notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const location = useLocation();
  const [count, setCount] = useState(0);

  const load = useCallback(() => {
    notificationsApi.unreadCount().then(
      (answer) => setCount(answer.unreadCount),
      () => undefined,
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change refreshes it.
  useEffect(load, [location.pathname]);
  useEffect(() => {
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    window.addEventListener(ALERTS_CHANGED, load);
    const timer = window.setInterval(load, 60_000);
    return () => {
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
      window.removeEventListener(ALERTS_CHANGED, load);
      window.clearInterval(timer);
    };
  }, [load]);

  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <Link to="/notifications" className="icon-button bell" aria-label={label} title={label}>
      <svg
        width={22}
        height={22}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15zM10 20.5a2.2 2.2 0 0 0 4 0" />
      </svg>
      {count > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
