import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatDate } from '../../components/format.ts';
import { usePageTitle } from '../../components/page-title.ts';
import {
  announceNotificationsChanged,
  type Notification,
  type NotificationList,
  notificationsApi,
} from './notifications-api.ts';

/** My notifications, newest first: open one (it is then read), mark read, mark all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const [isUnreadOnly, setIsUnreadOnly] = useState(false);
  const [more, setMore] = useState<Notification[]>([]);
  const [hasMore, setHasMore] = useState<boolean | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const list = useApi(() => notificationsApi.list({ unread: isUnreadOnly }), `notifications:${isUnreadOnly}`);

  async function act(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      setMore([]);
      setHasMore(null);
      list.reload();
      announceNotificationsChanged();
    } catch (caught) {
      setError(caught as ApiError);
    }
  }

  const data: NotificationList | undefined = list.data;
  const lines = data ? [...data.notifications, ...more] : [];
  const canLoadMore = hasMore ?? data?.hasMore ?? false;
  return (
    <div className="page page-narrow">
      <header className="row-between notifications-header">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p className="muted">{t('notifications.subtitle')}</p>
        </div>
        <Link to="/notifications/preferences" className="button button-secondary button-small">
          {t('notifications.preferences.link')}
        </Link>
      </header>
      <div className="row-between notifications-toolbar">
        <div className="tabs">
          <button
            type="button"
            className={isUnreadOnly ? 'tab' : 'tab active'}
            aria-pressed={!isUnreadOnly}
            onClick={() => setIsUnreadOnly(false)}
          >
            {t('notifications.all')}
          </button>
          <button
            type="button"
            className={isUnreadOnly ? 'tab active' : 'tab'}
            aria-pressed={isUnreadOnly}
            onClick={() => setIsUnreadOnly(true)}
          >
            {t('notifications.unread', { count: data?.unreadCount ?? 0 })}
          </button>
        </div>
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={!data || data.unreadCount === 0}
          onClick={() => act(() => notificationsApi.markAllRead())}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <ErrorBanner error={error} />
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'failed' ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.state === 'ready' && lines.length === 0 ? (
        <EmptyState title={isUnreadOnly ? t('notifications.noneUnread') : t('notifications.none')}>
          {t('notifications.noneHint')}
        </EmptyState>
      ) : null}
      {lines.length > 0 ? (
        <ul className="notification-list">
          {lines.map((line) => (
            <NotificationLine
              key={line.id}
              line={line}
              onRead={() => act(() => notificationsApi.markRead(line.id))}
            />
          ))}
        </ul>
      ) : null}
      {canLoadMore ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={async () => {
            const last = lines.at(-1);
            if (!last) return;
            try {
              const next = await notificationsApi.list({ unread: isUnreadOnly, before: last.createdAt });
              setMore((previous) => [...previous, ...next.notifications]);
              setHasMore(next.hasMore);
            } catch (caught) {
              setError(caught as ApiError);
            }
          }}
        >
          {t('notifications.more')}
        </button>
      ) : null}
    </div>
  );
}

function NotificationLine({ line, onRead }: { line: Notification; onRead: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const navigate = useNavigate();
  const isUnread = line.readAt === null;
  const where = line.group ? `${line.network.name} · ${line.group.name}` : line.network.name;
  return (
    <li className={isUnread ? 'notification notification-unread' : 'notification'}>
      <span className={`badge badge-notification-${line.kind === 'alert' ? 'alert' : 'other'}`}>
        {t(`notifications.kind.${line.kind}`)}
      </span>
      <div className="notification-body">
        <a
          href={line.link}
          className="notification-title"
          onClick={(event) => {
            event.preventDefault();
            if (isUnread)
              notificationsApi.markRead(line.id).then(announceNotificationsChanged, () => undefined);
            navigate(line.link);
          }}
        >
          {line.title}
        </a>
        {line.excerpt ? <p className="notification-excerpt">{line.excerpt}</p> : null}
        <p className="muted notification-meta">
          {where} · {formatDate(line.createdAt, true)}
        </p>
      </div>
      {isUnread ? (
        <button type="button" className="button button-small button-secondary" onClick={onRead}>
          {t('notifications.markRead')}
          <span className="visually-hidden"> — {line.title}</span>
        </button>
      ) : (
        <span className="muted notification-read">{t('notifications.read')}</span>
      )}
    </li>
  );
}
