import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** Working groups, their charters and members, and the notifications (migration 20261123T1000). */

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type GroupAudience = 'leaders' | 'leaders-and-codir' | 'codir-roles';

export interface GroupThemesTable {
  network_id: string;
  label: string;
  position: Generated<number>;
}

export interface WorkingGroupsTable {
  id: Generated<string>;
  network_id: string;
  slug: string;
  name: string;
  theme: string;
  description: Generated<string>;
  audience: Generated<GroupAudience>;
  codir_roles: Generated<string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  archived_at: NullableTimestamp;
}

export interface GroupChartersTable {
  group_id: string;
  version: number;
  body: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export type GroupMemberStatus = 'invited' | 'active' | 'left' | 'removed';

export interface GroupMembersTable {
  group_id: string;
  person_id: string;
  role: Generated<'member' | 'leader'>;
  status: GroupMemberStatus;
  charter_version: number | null;
  charter_accepted_at: NullableTimestamp;
  joined_at: NullableTimestamp;
  left_at: NullableTimestamp;
  invited_by: string | null;
  created_at: CreatedAt;
}

export type NotificationKind =
  | 'alert'
  | 'mention'
  | 'post'
  | 'reply'
  | 'note'
  | 'question'
  | 'answer'
  | 'charter'
  | 'group-invite';

export interface NotificationsTable {
  id: Generated<string>;
  person_id: string;
  network_id: string;
  group_id: string | null;
  kind: NotificationKind;
  subject_id: string | null;
  link: string;
  title: string;
  excerpt: Generated<string>;
  urgent: Generated<boolean>;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
  emailed_at: NullableTimestamp;
  digested_at: NullableTimestamp;
}

export interface GroupsTables {
  group_themes: GroupThemesTable;
  working_groups: WorkingGroupsTable;
  group_charters: GroupChartersTable;
  group_members: GroupMembersTable;
  notifications: NotificationsTable;
}

export const GROUPS_TABLES_IN_ORDER = [
  'group_themes',
  'working_groups',
  'group_charters',
  'group_members',
  'notifications',
] as const satisfies readonly (keyof GroupsTables)[];
