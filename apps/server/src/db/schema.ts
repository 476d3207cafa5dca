import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables created by the migrations in ./migrations. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PeopleTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: Generated<'fr' | 'en'>;
  is_instance_admin: Generated<boolean>;
  is_demo: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: Generated<'company' | 'partner'>;
  siren: string | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface PersonOrganisationsTable {
  person_id: string;
  organisation_id: string;
  job_title: Generated<string>;
}

export interface NetworksTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: 'club' | 'cluster' | 'pole' | 'alliance' | 'federation';
  parent_id: string | null;
  description: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface NetworkOrganisationsTable {
  network_id: string;
  organisation_id: string;
  joined_at: CreatedAt;
}

export interface MembershipsTable {
  id: Generated<string>;
  network_id: string;
  person_id: string;
  role: 'staff' | 'board' | 'member_leader' | 'member_employee' | 'partner_delegate' | 'federation_staff';
  organisation_id: string | null;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  network_id: string;
  email: string;
  role: MembershipsTable['role'];
  token_hash: string;
  invited_by: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  person_id: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export interface PasswordResetsTable {
  token_hash: string;
  person_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SignInFailuresTable {
  id: Generated<string>;
  email: string;
  ip: string;
  failed_at: CreatedAt;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  network_id: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
}

export interface DB {
  people: PeopleTable;
  organisations: OrganisationsTable;
  person_organisations: PersonOrganisationsTable;
  networks: NetworksTable;
  network_organisations: NetworkOrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  sign_in_failures: SignInFailuresTable;
  outbox_emails: OutboxEmailsTable;
}

/** Tables in an order where every table comes after the tables it references (backup, restore). */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'people',
  'organisations',
  'person_organisations',
  'networks',
  'network_organisations',
  'memberships',
  'invitations',
  'sessions',
  'password_resets',
  'sign_in_failures',
  'outbox_emails',
] as const satisfies readonly (keyof DB)[];
