import type {
  NotificationList,
  NotificationPreferences,
  UnsubscribeStatus,
  UpdateNotificationPreferencesRequest,
} from '@meute/contracts';
import { request } from '../../app/api.ts';

export type {
  Notification,
  NotificationList,
  NotificationPreferences,
  UnsubscribeStatus,
} from '@meute/contracts';

/** The notifications API: the bell, the notifications page, preferences, the unsubscribe page. */
export const notificationsApi = {
  list: (query: { unread?: boolean; before?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.unread) params.set('unread', 'true');
    if (query.before) params.set('before', query.before);
    const search = params.toString();
    return request<NotificationList>('GET', `/api/notifications${search ? `?${search}` : ''}`);
  },
  unreadCount: () => request<{ unreadCount: number }>('GET', '/api/notifications/unread-count'),
  markRead: (id: string) => request<{ ok: true }>('POST', `/api/notifications/${id}/read`),
  markAllRead: () => request<{ ok: true }>('POST', '/api/notifications/read-all'),
  preferences: () => request<NotificationPreferences>('GET', '/api/notifications/preferences'),
  savePreferences: (body: UpdateNotificationPreferencesRequest) =>
    request<NotificationPreferences>('PUT', '/api/notifications/preferences', body),
  unsubscribeStatus: (token: string) =>
    request<UnsubscribeStatus>('GET', `/api/unsubscribe/${encodeURIComponent(token)}`),
  unsubscribe: (token: string) =>
    request<UnsubscribeStatus>('POST', `/api/unsubscribe/${encodeURIComponent(token)}`),
};

/** The bell listens for this to refresh its count at once (a line read, all read). */
export const NOTIFICATIONS_CHANGED = 'meute:notifications-changed';
export function announceNotificationsChanged() {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
