import type { ColumnType, Generated } from 'kysely';
import {
  ALERTS_NOTIFICATIONS_TABLES_IN_ORDER,
  type AlertsNotificationsTables,
} from './schema-alerts-notifications.ts';
import { GROUP_POSTS_TABLES_IN_ORDER, type GroupPostsTables } from './schema-group-posts.ts';
import { GROUPS_TABLES_IN_ORDER, type GroupsTables } from './schema-groups.ts';
import { NOTES_QUESTIONS_TABLES_IN_ORDER, type NotesQuestionsTables } from './schema-notes-questions.ts';

/** Kysely's view of the tables created by the migrations in ./migrations. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

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
  phone: Generated<string>;
  job_title: Generated<string>;
  email_visibility: Generated<Visibility>;
  phone_visibility: Generated<Visibility>;
}

/** Who sees a person's contact detail: the members of their networks, the staff only, nobody. */
export type Visibility = 'members' | 'staff' | 'nobody';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: Generated<'company' | 'partner'>;
  siren: string | null;
  siret: string | null;
  naf_code: string | null;
  naf_version: Generated<string>;
  headcount_band: string | null;
  category: 'TPE' | 'PME' | 'ETI' | 'GE' | null;
  commune_code: string | null;
  epci_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  lon: number | null;
  lat: number | null;
  description: Generated<string>;
  website: Generated<string>;
  free_competences: Generated<string[]>;
  is_active: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  search_vector: ColumnType<string | null, never, never>;
  /** Kept by a trigger from network_organisations. */
  network_ids: ColumnType<string[], never, never>;
  /** The directory version that last wrote the row (triggers keep it), for the in-memory index. */
  directory_change: ColumnType<string, never, never>;
}

export interface CompetencesTable {
  id: Generated<string>;
  network_id: string | null;
  label: string;
  created_at: CreatedAt;
  search_vector: ColumnType<string, never, never>;
}

export interface OrganisationCompetencesTable {
  organisation_id: string;
  competence_id: string;
}

export interface OrganisationCertificationsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrganisationCapacitiesTable {
  id: Generated<string>;
  organisation_id: string;
  label: string;
  quantity: number | null;
  free_percent: number | null;
}

export interface OrganisationReferencesTable {
  id: Generated<string>;
  organisation_id: string;
  title: string;
  client: Generated<string>;
  year: number | null;
  description: Generated<string>;
}

export interface NetworkChartersTable {
  network_id: string;
  version: number;
  body: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface MembershipApplicationsTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string;
  applicant_id: string;
  message: Generated<string>;
  charter_version: number | null;
  status: Generated<'pending' | 'approved' | 'rejected' | 'withdrawn'>;
  decision_reason: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A network's SIRENE register: the establishments of its SIRENE stock file (decision 0016). */
export interface SireneEstablishmentsTable {
  network_id: string;
  siret: string;
  siren: string;
  name: string;
  naf_code: string | null;
  naf_version: string | null;
  headcount_band: string | null;
  category: 'TPE' | 'PME' | 'ETI' | 'GE' | null;
  commune_code: string | null;
  epci_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  lon: number | null;
  lat: number | null;
  is_active: boolean;
}

export interface SireneRegistersTable {
  network_id: string;
  imported_at: Timestamp;
  establishments: number;
  active: number;
}

export interface NetworkDuesTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string;
  kind: 'entry' | 'yearly';
  year: number;
  amount_cents: number;
  paid_at: Timestamp | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface PersonOrganisationsTable {
  person_id: string;
  organisation_id: string;
  job_title: Generated<string>;
  is_leader: Generated<boolean>;
  codir_role: CodirRole | null;
}

/** The role a person holds in their company's management team (CODIR). */
export type CodirRole = 'ceo' | 'it' | 'hr' | 'finance' | 'csr' | 'operations' | 'sales' | 'other';

export interface NetworksTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: 'club' | 'cluster' | 'pole' | 'alliance' | 'federation';
  parent_id: string | null;
  description: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  territory_kind: 'region' | 'departement' | 'epci' | 'commune' | null;
  territory_code: string | null;
  entry_fee_cents: Generated<number>;
  yearly_dues_cents: Generated<number>;
  min_staff: number | null;
  max_staff: number | null;
  is_open_to_applications: Generated<boolean>;
  no_business: Generated<boolean>;
}

export interface NetworkOrganisationsTable {
  network_id: string;
  organisation_id: string;
  joined_at: CreatedAt;
  charter_version: number | null;
  charter_accepted_by: string | null;
  charter_accepted_at: Timestamp | null;
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
  confidential: Generated<boolean>;
}

export interface DirectoryVersionTable {
  id: Generated<boolean>;
  version: ColumnType<string, never, never>;
}

/** Integer cents in a bigint column: read as text by the driver, turned into a number by the repository. */
type BigCents = ColumnType<string, number, number>;

export type AllocationRuleColumn = 'equal-unit-price' | 'proportional-with-fixed-costs' | 'shapley';

export interface PurchaseCampaignsTable {
  id: Generated<string>;
  network_id: string;
  title: string;
  category: Generated<string>;
  specification: Generated<string>;
  unit: string;
  commitment_deadline: Timestamp;
  allocation_rule: AllocationRuleColumn;
  created_by: string | null;
  created_at: CreatedAt;
  awarded_offer_id: string | null;
  award_supplier_name: string | null;
  awarded_at: Timestamp | null;
  awarded_by: string | null;
  award_total_cost_cents: BigCents | null;
  award_total_quantity: number | null;
  award_average_unit_price_cents: number | null;
  award_is_individually_rational: boolean | null;
  award_core_status: 'in-core' | 'not-in-core' | 'not-checked' | null;
  award_core_coalition: Generated<string[]>;
  eligible_categories: Generated<('TPE' | 'PME' | 'ETI' | 'GE')[]>;
  eligible_naf_sections: Generated<string[]>;
  eligible_departements: Generated<string[]>;
  /** Set at the award: companies may opt out until then. */
  opt_out_deadline: Timestamp | null;
}

export interface PurchaseCommitmentsTable {
  campaign_id: string;
  organisation_id: string;
  network_id: string;
  quantity: number;
  current_unit_price_cents: number | null;
  ceiling_unit_price_cents: number | null;
  committed_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  opted_out_at: Timestamp | null;
}

export interface PurchaseOffersTable {
  id: Generated<string>;
  campaign_id: string;
  network_id: string;
  supplier_name: string;
  pricing_kind: 'all-units' | 'incremental';
  tiers: ColumnType<{ fromQuantity: number; unitPriceCents: number }[], string, string>;
  fixed_cost_cents: BigCents;
  valid_until: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  /** Set when the supplier answered through a request-for-quotation link (one offer per link). */
  rfq_invitation_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PurchaseRfqInvitationsTable {
  id: Generated<string>;
  campaign_id: string;
  network_id: string;
  supplier_name: string;
  email: string | null;
  token_hash: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  last_opened_at: Timestamp | null;
  answered_at: Timestamp | null;
}

export interface PurchaseAllocationsTable {
  campaign_id: string;
  organisation_id: string;
  network_id: string;
  quantity: number;
  share_cents: BigCents;
  stand_alone_cost_cents: BigCents;
  is_individually_rational: boolean;
}

export type NeedKindColumn = 'need' | 'offer' | 'idea';
export type NeedVisibilityColumn = 'staff' | 'network' | 'named';
export type ProjectStageColumn = 'idea' | 'pilot' | 'project' | 'industrial' | 'market';

export interface NeedsTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string;
  kind: NeedKindColumn;
  title: string;
  description: Generated<string>;
  competence_ids: Generated<string[]>;
  naf_code: string | null;
  quantity: Generated<string>;
  /** ISO date (yyyy-mm-dd). */
  deadline: string | null;
  visibility: NeedVisibilityColumn;
  named_organisation_ids: Generated<string[]>;
  status: Generated<'open' | 'withdrawn'>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface NeedLinkDecisionsTable {
  network_id: string;
  need_a: string;
  need_b: string;
  kind: 'cannot' | 'must';
  decided_by: string | null;
  decided_at: CreatedAt;
}

/** Staff's synonym sets added to the shared-need engine's default thesaurus. */
export interface NetworkSynonymSetsTable {
  id: Generated<string>;
  network_id: string;
  concept_id: string;
  label: string;
  terms: string[];
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProjectsTable {
  id: Generated<string>;
  network_id: string;
  title: string;
  description: Generated<string>;
  stage: Generated<ProjectStageColumn>;
  lead_organisation_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface ProjectMembersTable {
  project_id: string;
  organisation_id: string;
  network_id: string;
  status: Generated<'invited' | 'joined' | 'declined'>;
  invited_at: CreatedAt;
}

export interface ProjectNeedsTable {
  project_id: string;
  need_id: string;
  network_id: string;
}

export interface ProjectNetworksTable {
  project_id: string;
  network_id: string;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface ProjectMilestonesTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  /** A date, 'YYYY-MM-DD'. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export type ProjectBudgetKindColumn = 'expense' | 'funding';
export type ProjectFundingStatusColumn = 'planned' | 'requested' | 'obtained';

export interface ProjectBudgetLinesTable {
  id: Generated<string>;
  project_id: string;
  kind: ProjectBudgetKindColumn;
  label: string;
  /** bigint, read back as a string by the driver. */
  amount_cents: ColumnType<string, number | string, number | string>;
  funder_name: string | null;
  funding_status: ProjectFundingStatusColumn | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ProjectDocumentsTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  bytes: Buffer;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export type ProjectEventKindColumn = 'decision' | 'outcome' | 'stage-change';

export interface ProjectEventsTable {
  id: Generated<string>;
  project_id: string;
  kind: ProjectEventKindColumn;
  text: string;
  occurred_on: ColumnType<string, string, string>;
  from_stage: ProjectStageColumn | null;
  to_stage: ProjectStageColumn | null;
  author_id: string | null;
  created_at: CreatedAt;
}

export type ProjectIndicatorKindColumn =
  | 'jobs-kept'
  | 'jobs-created'
  | 'trainees'
  | 'local-purchases-cents'
  | 'amount-raised-cents';

export interface ProjectIndicatorsTable {
  id: Generated<string>;
  project_id: string;
  kind: ProjectIndicatorKindColumn;
  /** bigint, read back as a string: a count, or euro cents for the *-cents kinds. */
  value: ColumnType<string, number | string, number | string>;
  period_on: ColumnType<string, string, string>;
  note: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TendersTable {
  id: Generated<string>;
  network_id: string;
  title: string;
  buyer: Generated<string>;
  submission_deadline: Timestamp | null;
  source: 'manual' | 'eforms' | 'boamp';
  notice_id: string | null;
  /** The domain's Tender (JSON). */
  body: ColumnType<unknown, string, string>;
  unmapped_cpv: ColumnType<Record<string, string[]>, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  last_run: ColumnType<unknown, string | null | undefined, string | null>;
  last_run_at: Timestamp | null;
  last_run_by: string | null;
}

export type GroupementStatusColumn = 'forming' | 'go' | 'no-go' | 'submitted' | 'won' | 'lost';

export interface GroupementsTable {
  id: Generated<string>;
  tender_id: string;
  network_id: string;
  kind: 'conjoint' | 'solidaire';
  mandataire_id: string | null;
  status: ColumnType<GroupementStatusColumn, GroupementStatusColumn | undefined, GroupementStatusColumn>;
  decision_reason: Generated<string>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  outcome_value_cents: ColumnType<string | null, number | null | undefined, number | null>;
  outcome_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface GroupementMembersTable {
  groupement_id: string;
  organisation_id: string;
  lot_ids: ColumnType<string[], string[] | undefined, string[]>;
  work_share_bp: number;
}

export interface GroupementMemberPricesTable {
  groupement_id: string;
  organisation_id: string;
  price_cents: ColumnType<string, number, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface GroupementDocumentsTable {
  id: Generated<string>;
  groupement_id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  bytes: Buffer;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface PriceRevisionRoundsTable {
  id: Generated<string>;
  groupement_id: string;
  cut_bp: number | null;
  cut_cents: ColumnType<string | null, number | null, number | null>;
  total_cut_cents: ColumnType<string, number, number>;
  basis: 'price' | 'work-share';
  note: Generated<string>;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  created_by: string | null;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
}

export interface PriceRevisionAnswersTable {
  round_id: string;
  organisation_id: string;
  share_cents: ColumnType<string, number, number>;
  accepted: boolean | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

export interface TenderCpvMappingsTable {
  network_id: string;
  rules: ColumnType<{ cpv: string; competences: string[] }[], string | undefined, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ExternalSupplierStatusColumn = 'open' | 'in-talks' | 'replaced' | 'dropped';

/** The relocation challenge: what a member buys outside the network (confidential to it and staff). */
export interface ExternalSuppliersTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string;
  what: string;
  naf_code: string | null;
  competence_ids: Generated<string[]>;
  required_certifications: Generated<string[]>;
  supplier_name: Generated<string>;
  supplier_place: Generated<string>;
  yearly_amount_cents: BigCents;
  status: Generated<ExternalSupplierStatusColumn>;
  replaced_by_organisation_id: string | null;
  amount_brought_back_cents: BigCents | null;
  replaced_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

/** View: « purchases made locally » per network, year and territory of the buying member. */
export interface RelocationBroughtBackByYearView {
  network_id: string;
  year: number;
  departement_code: string | null;
  region_code: string | null;
  replaced_count: number;
  brought_back_cents: string;
}

export interface AidSchemesTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  funder: Generated<string>;
  level: 'territorial' | 'national' | 'european';
  description: Generated<string>;
  url: Generated<string>;
  categories: Generated<string[]>;
  naf_sections: Generated<string[]>;
  naf_divisions: Generated<string[]>;
  regions: Generated<string[]>;
  departements: Generated<string[]>;
  project_stages: Generated<string[]>;
  amount_min_cents: BigCents | null;
  amount_max_cents: BigCents | null;
  /** `date` columns, read as `YYYY-MM-DD` text. */
  opens_on: string | null;
  closes_on: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NetworkShowcasesTable {
  network_id: string;
  is_published: Generated<boolean>;
  headline_fr: Generated<string>;
  headline_en: Generated<string>;
  description_fr: Generated<string>;
  description_en: Generated<string>;
  contact_email: string | null;
  published_at: Timestamp | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ShowcaseConsentsTable {
  network_id: string;
  organisation_id: string;
  show_identity: Generated<boolean>;
  show_competences: Generated<boolean>;
  show_certifications: Generated<boolean>;
  show_references: Generated<boolean>;
  territory_level: Generated<'none' | 'departement' | 'commune'>;
  contact_email: string | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DB extends GroupsTables, GroupPostsTables, AlertsNotificationsTables, NotesQuestionsTables {
  directory_version: DirectoryVersionTable;
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
  competences: CompetencesTable;
  organisation_competences: OrganisationCompetencesTable;
  organisation_certifications: OrganisationCertificationsTable;
  organisation_capacities: OrganisationCapacitiesTable;
  organisation_references: OrganisationReferencesTable;
  network_charters: NetworkChartersTable;
  membership_applications: MembershipApplicationsTable;
  network_dues: NetworkDuesTable;
  sirene_establishments: SireneEstablishmentsTable;
  sirene_registers: SireneRegistersTable;
  purchase_campaigns: PurchaseCampaignsTable;
  purchase_commitments: PurchaseCommitmentsTable;
  purchase_offers: PurchaseOffersTable;
  purchase_rfq_invitations: PurchaseRfqInvitationsTable;
  purchase_allocations: PurchaseAllocationsTable;
  needs: NeedsTable;
  need_link_decisions: NeedLinkDecisionsTable;
  network_synonym_sets: NetworkSynonymSetsTable;
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  project_needs: ProjectNeedsTable;
  project_networks: ProjectNetworksTable;
  project_milestones: ProjectMilestonesTable;
  project_budget_lines: ProjectBudgetLinesTable;
  project_documents: ProjectDocumentsTable;
  project_events: ProjectEventsTable;
  project_indicators: ProjectIndicatorsTable;
  tenders: TendersTable;
  tender_cpv_mappings: TenderCpvMappingsTable;
  groupements: GroupementsTable;
  groupement_members: GroupementMembersTable;
  groupement_member_prices: GroupementMemberPricesTable;
  groupement_documents: GroupementDocumentsTable;
  price_revision_rounds: PriceRevisionRoundsTable;
  price_revision_answers: PriceRevisionAnswersTable;
  aid_schemes: AidSchemesTable;
  external_suppliers: ExternalSuppliersTable;
  relocation_brought_back_by_year: RelocationBroughtBackByYearView;
  network_showcases: NetworkShowcasesTable;
  showcase_consents: ShowcaseConsentsTable;
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
  'competences',
  'organisation_competences',
  'organisation_certifications',
  'organisation_capacities',
  'organisation_references',
  'network_charters',
  'membership_applications',
  'network_dues',
  'sirene_establishments',
  'sirene_registers',
  'purchase_campaigns',
  'purchase_rfq_invitations',
  'purchase_offers',
  'purchase_commitments',
  'purchase_allocations',
  'needs',
  'need_link_decisions',
  'network_synonym_sets',
  'projects',
  'project_members',
  'project_needs',
  'project_networks',
  'project_milestones',
  'project_budget_lines',
  'project_documents',
  'project_events',
  'project_indicators',
  'tenders',
  'tender_cpv_mappings',
  'groupements',
  'groupement_members',
  'groupement_member_prices',
  'groupement_documents',
  'price_revision_rounds',
  'price_revision_answers',
  'aid_schemes',
  'external_suppliers',
  'network_showcases',
  'showcase_consents',
  ...GROUPS_TABLES_IN_ORDER,
  ...GROUP_POSTS_TABLES_IN_ORDER,
  ...ALERTS_NOTIFICATIONS_TABLES_IN_ORDER,
  ...NOTES_QUESTIONS_TABLES_IN_ORDER,
] as const satisfies readonly (keyof DB)[];
