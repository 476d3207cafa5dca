import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** What members say in a working group (migration 20261123T1010_group_posts). */

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type GroupPostKind = 'discussion' | 'report' | 'reply';
export type GroupReaction = 'thumbs-up' | 'thanks' | 'insightful' | 'same-here';

export interface GroupPostsTable {
  id: Generated<string>;
  group_id: string;
  thread_id: string | null;
  kind: GroupPostKind;
  title: string | null;
  body_markdown: string;
  body_html: string;
  chatham: Generated<boolean>;
  author_id: string | null;
  created_at: CreatedAt;
  edited_at: NullableTimestamp;
  last_activity_at: ColumnType<Date, Date | string | undefined, Date | string>;
  reply_count: Generated<number>;
  hidden_at: NullableTimestamp;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export interface GroupPostReactionsTable {
  post_id: string;
  group_id: string;
  person_id: string;
  reaction: GroupReaction;
  created_at: CreatedAt;
}

export interface GroupPostMentionsTable {
  post_id: string;
  group_id: string;
  person_id: string;
}

export interface GroupPostFilesTable {
  id: Generated<string>;
  group_id: string;
  post_id: string | null;
  name: string;
  content_type: string;
  size_bytes: number;
  bytes: Buffer;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface GroupPostsTables {
  group_posts: GroupPostsTable;
  group_post_reactions: GroupPostReactionsTable;
  group_post_mentions: GroupPostMentionsTable;
  group_post_files: GroupPostFilesTable;
}

export const GROUP_POSTS_TABLES_IN_ORDER = [
  'group_posts',
  'group_post_reactions',
  'group_post_mentions',
  'group_post_files',
] as const satisfies readonly (keyof GroupPostsTables)[];
