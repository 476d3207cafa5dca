import type {
  AcknowledgeAlertRequest,
  Alert,
  AlertAcknowledgements,
  AlertList,
  PendingAlerts,
  RaiseAlertRequest,
  RemindResult,
} from '@meute/contracts';
import { request } from '../../app/api.ts';

export type { Alert, AlertAcknowledgements, AlertList, PendingAlerts };

const alertsPath = (slug: string) => `/api/networks/${encodeURIComponent(slug)}/alerts`;

/** The alerts API, for the alerts page and the banner of the app shell. */
export const alertsApi = {
  list: (slug: string) => request<AlertList>('GET', alertsPath(slug)),
  raise: (slug: string, body: RaiseAlertRequest) => request<Alert>('POST', alertsPath(slug), body),
  acknowledge: (slug: string, id: string, body: AcknowledgeAlertRequest = {}) =>
    request<Alert>('POST', `${alertsPath(slug)}/${id}/acknowledge`, body),
  acknowledgements: (slug: string, id: string) =>
    request<AlertAcknowledgements>('GET', `${alertsPath(slug)}/${id}/acknowledgements`),
  remind: (slug: string, id: string) => request<RemindResult>('POST', `${alertsPath(slug)}/${id}/remind`),
  close: (slug: string, id: string) => request<Alert>('POST', `${alertsPath(slug)}/${id}/close`),
  pending: () => request<PendingAlerts>('GET', '/api/alerts/pending'),
};

/** Tells the banner and the bell that something changed (an alert raised or acknowledged). */
export const ALERTS_CHANGED = 'meute:alerts-changed';
export function announceAlertsChanged() {
  window.dispatchEvent(new Event(ALERTS_CHANGED));
}
