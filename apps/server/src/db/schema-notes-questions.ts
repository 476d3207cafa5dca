import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** A group's shared notes with their versions, and questions to peers (migration 20261123T1030). */

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface GroupNotesTable {
  id: Generated<string>;
  network_id: string;
  group_id: string;
  title: string;
  current_version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GroupNoteVersionsTable {
  note_id: string;
  group_id: string;
  version: number;
  title: string;
  body: string;
  summary: Generated<string>;
  author_id: string | null;
  restored_from: number | null;
  created_at: CreatedAt;
}

export type PeerRouteStatus = 'pending' | 'answered' | 'declined';

export interface PeerQuestionsTable {
  id: Generated<string>;
  network_id: string;
  asker_id: string;
  title: string;
  body: Generated<string>;
  created_at: CreatedAt;
  closed_at: NullableTimestamp;
}

export interface PeerQuestionRoutesTable {
  question_id: string;
  person_id: string;
  status: Generated<PeerRouteStatus>;
  why: Generated<string>;
  decline_reason: Generated<string>;
  decline_reason_public: Generated<boolean>;
  routed_at: CreatedAt;
  responded_at: NullableTimestamp;
}

export interface PeerQuestionAnswersTable {
  id: Generated<string>;
  question_id: string;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface NotesQuestionsTables {
  group_notes: GroupNotesTable;
  group_note_versions: GroupNoteVersionsTable;
  peer_questions: PeerQuestionsTable;
  peer_question_routes: PeerQuestionRoutesTable;
  peer_question_answers: PeerQuestionAnswersTable;
}

export const NOTES_QUESTIONS_TABLES_IN_ORDER = [
  'group_notes',
  'group_note_versions',
  'peer_questions',
  'peer_question_routes',
  'peer_question_answers',
] as const satisfies readonly (keyof NotesQuestionsTables)[];
