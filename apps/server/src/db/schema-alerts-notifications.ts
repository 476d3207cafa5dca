import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** Alerts, acknowledgements, e-mail preferences, unsubscribe links, digest runs (migration 20261123T1020). */

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AlertsTable {
  id: Generated<string>;
  network_id: string;
  title: string;
  description: string;
  checklist: Generated<string[]>;
  is_anonymous: Generated<boolean>;
  created_at: CreatedAt;
  last_reminded_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  closed_by: string | null;
}

export interface AlertRaisersTable {
  alert_id: string;
  person_id: string | null;
  organisation_id: string | null;
}

export interface AlertAcknowledgementsTable {
  alert_id: string;
  organisation_id: string;
  person_id: string | null;
  acknowledged_at: CreatedAt;
}

export type DigestFrequency = 'daily' | 'weekly' | 'never';

export interface NotificationPreferencesTable {
  person_id: string;
  digest: Generated<DigestFrequency>;
  immediate_email: Generated<boolean>;
  updated_at: UpdatedAt;
}

export interface UnsubscribeTokensTable {
  token_hash: string;
  person_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface DigestRunsTable {
  id: Generated<string>;
  frequency: 'daily' | 'weekly';
  period_key: string;
  started_at: CreatedAt;
  finished_at: NullableTimestamp;
  people_count: Generated<number>;
  mails_sent: Generated<number>;
}

export type AlertsNotificationsTables = {
  alerts: AlertsTable;
  alert_raisers: AlertRaisersTable;
  alert_acknowledgements: AlertAcknowledgementsTable;
  notification_preferences: NotificationPreferencesTable;
  unsubscribe_tokens: UnsubscribeTokensTable;
  digest_runs: DigestRunsTable;
};

export const ALERTS_NOTIFICATIONS_TABLES_IN_ORDER = [
  'alerts',
  'alert_raisers',
  'alert_acknowledgements',
  'notification_preferences',
  'unsubscribe_tokens',
  'digest_runs',
] as const satisfies readonly (keyof AlertsNotificationsTables)[];
