import type {
  Aggregate,
  AidCriterionCheck,
  AidScheme,
  AidSchemeList,
  AidSchemeMatch,
  Application,
  Award,
  applicationSchema,
  BudgetKind,
  BudgetLine,
  BudgetLineRequest,
  CampaignDetail,
  CampaignSummary,
  Commitment,
  CommitRequest,
  CreateAidSchemeRequest,
  CreateCampaignRequest,
  CreatedRfqInvitation,
  CreateExternalSupplierRequest,
  CreateNeedRequest,
  CreateOfferRequest,
  CreateProjectRequest,
  CreateRfqInvitationRequest,
  communeSuggestionSchema,
  competenceSchema,
  contactSchema,
  DirectorySearchQuery,
  DirectorySearchResult,
  directoryMapSchema,
  ExternalSupplier,
  ExternalSupplierStatusRequest,
  FacetValue,
  FunderReport,
  FunderReportQuery,
  FundingStatus,
  ImportReport,
  IndicatorKind,
  IndicatorRequest,
  Invitation,
  InvitationPreview,
  Locale,
  MatchReason,
  Me,
  Milestone,
  MilestoneRequest,
  MyAidSchemes,
  memberOrganisationSchema,
  Need,
  NeedBoard,
  NeedList,
  NetworkDetail,
  NetworkSettings,
  NetworkSummary,
  NetworkThesaurus,
  nafSuggestionSchema,
  networkStatsSchema,
  Offer,
  OrganisationProfile,
  OrganisationSummary,
  OutboxMessage,
  openNetworkSchema,
  PipelineCard,
  ProjectAidSchemes,
  ProjectDetail,
  ProjectDocument,
  ProjectEvent,
  ProjectEventRequest,
  ProjectIndicator,
  ProjectLife,
  ProjectPipeline,
  ProjectStage,
  ProjectSummary,
  PublicShowcase,
  RelocationDashboard,
  RelocationOverview,
  RfqInvitation,
  RfqView,
  SaveSynonymSetRequest,
  SavingsLedger,
  Share,
  SharedNeedGroup,
  ShowcaseAdmin,
  SireneEstablishment,
  SireneRegisterPage,
  SireneRegisterQuery,
  SireneTakeInRequest,
  SireneTakeInResult,
  SupplierOfferRequest,
  SupplierProposalList,
  UpdateAidSchemeRequest,
  UpdateBudgetLineRequest,
  UpdateExternalSupplierRequest,
  UpdateMilestoneRequest,
  UpdateNeedRequest,
  UpdateOrganisationRequest,
  UpdateShowcaseConsentRequest,
  UpdateShowcaseRequest,
} from '@meute/contracts';
import type { z } from 'zod';

export type NetworkRole = NetworkDetail['myRoles'][number];
export type NetworkKind = NetworkDetail['kind'];
export type NetworkPerson = {
  personId: string;
  displayName: string;
  email: string | null;
  roles: NetworkRole[];
};
export type {
  Aggregate,
  AidCriterionCheck,
  AidScheme,
  AidSchemeList,
  AidSchemeMatch,
  Application,
  Award,
  BudgetKind,
  BudgetLine,
  BudgetLineRequest,
  CampaignDetail,
  CampaignSummary,
  Commitment,
  CommitRequest,
  CreateAidSchemeRequest,
  CreateCampaignRequest,
  CreatedRfqInvitation,
  CreateExternalSupplierRequest,
  CreateNeedRequest,
  CreateOfferRequest,
  CreateProjectRequest,
  CreateRfqInvitationRequest,
  DirectorySearchResult,
  ExternalSupplier,
  ExternalSupplierStatusRequest,
  FacetValue,
  FundingStatus,
  ImportReport,
  IndicatorKind,
  IndicatorRequest,
  Invitation,
  InvitationPreview,
  Locale,
  MatchReason,
  Me,
  Milestone,
  MilestoneRequest,
  MyAidSchemes,
  Need,
  NeedBoard,
  NeedList,
  NetworkDetail,
  NetworkSettings,
  NetworkSummary,
  NetworkThesaurus,
  Offer,
  OrganisationProfile,
  OrganisationSummary,
  OutboxMessage,
  PipelineCard,
  ProjectAidSchemes,
  ProjectDetail,
  ProjectDocument,
  ProjectEvent,
  ProjectEventRequest,
  ProjectIndicator,
  ProjectLife,
  ProjectPipeline,
  ProjectStage,
  ProjectSummary,
  RelocationDashboard,
  RelocationOverview,
  RfqInvitation,
  RfqView,
  SaveSynonymSetRequest,
  SavingsLedger,
  Share,
  SharedNeedGroup,
  SireneEstablishment,
  SireneRegisterPage,
  SireneRegisterQuery,
  SireneTakeInRequest,
  SireneTakeInResult,
  SupplierOfferRequest,
  SupplierProposalList,
  UpdateAidSchemeRequest,
  UpdateBudgetLineRequest,
  UpdateExternalSupplierRequest,
  UpdateMilestoneRequest,
  UpdateNeedRequest,
  UpdateOrganisationRequest,
};
export type ApplicationStatus = z.infer<typeof applicationSchema>['status'];
export type SizeFit = Application['sizeFit'];
export type OpenNetwork = z.infer<typeof openNetworkSchema>;
export type MemberOrganisation = z.infer<typeof memberOrganisationSchema>;
export type Competence = z.infer<typeof competenceSchema>;
export type NetworkStats = z.infer<typeof networkStatsSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Visibility = Contact['emailVisibility'];
export type NafSuggestion = z.infer<typeof nafSuggestionSchema>;
export type CommuneSuggestion = z.infer<typeof communeSuggestionSchema>;
export type DirectoryMap = z.infer<typeof directoryMapSchema>;
/** The filters of a directory search, as they travel in the query string. */
export type DirectoryFilters = Partial<
  Record<Exclude<keyof DirectorySearchQuery, 'page' | 'pageSize'>, string>
>;
export interface Territories {
  regions: { code: string; name: string }[];
  departements: { code: string; name: string; region: string }[];
  headcountBands: { code: string; fr: string; en: string }[];
  nafSections: { code: string; label: string }[];
}
export type TerritoryKind = NonNullable<NetworkSettings['territory']>['kind'];
export interface ApplyRequest {
  organisation: {
    siret: string;
    name: string;
    headcountBand?: string | null;
    nafCode?: string | null;
    communeCode?: string | null;
  };
  message: string;
  acceptedCharterVersion: number | null;
}
export interface SettingsChanges {
  territory?: { kind: TerritoryKind; code: string } | null;
  entryFeeCents?: number;
  yearlyDuesCents?: number;
  minStaff?: number | null;
  maxStaff?: number | null;
  isOpenToApplications?: boolean;
  noBusiness?: boolean;
}

/** A failure as the API describes it: a stable code and a message already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** The server could not be reached at all; the message is chosen by the screen, in its language. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

let onSessionLost: () => void = () => undefined;

/** Called when the server says the session is over (expired, signed out elsewhere). */
export function whenSessionLost(handler: () => void) {
  onSessionLost = handler;
}

// Where a 401 is an answer to show, not a lost session.
const SIGN_IN_PATHS = ['/api/auth/sign-in', '/api/auth/me'];

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        method === 'GET'
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      // The API accepts only JSON bodies on mutations, even empty ones.
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = (data ?? {}) as { code?: string; message?: string; field?: string };
    if (response.status === 401 && error.code === 'UNAUTHENTICATED' && !SIGN_IN_PATHS.includes(path))
      onSessionLost();
    throw new ApiError(response.status, error.code ?? 'HTTP_ERROR', error.message ?? '', error.field);
  }
  return data as T;
}

const networkPath = (slug: string) => `/api/networks/${encodeURIComponent(slug)}`;

type ShowcaseSearch = { q?: string; competence?: string; departement?: string };
/** The query string of a showcase search, without its empty filters. */
function showcaseSearch(query: ShowcaseSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const api = {
  me: () => request<Me>('GET', '/api/auth/me'),
  signIn: (email: string, password: string) => request<Me>('POST', '/api/auth/sign-in', { email, password }),
  signOut: () => request<{ ok: true }>('POST', '/api/auth/sign-out'),
  updateMe: (changes: { displayName?: string; locale?: Locale }) =>
    request<Me>('PATCH', '/api/auth/me', changes),
  requestPasswordReset: (email: string) =>
    request<{ ok: true }>('POST', '/api/auth/password-reset', { email }),
  confirmPasswordReset: (token: string, password: string) =>
    request<{ ok: true }>('POST', '/api/auth/password-reset/confirm', { token, password }),
  previewInvitation: (token: string) =>
    request<InvitationPreview>('GET', `/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, body: { displayName?: string; password?: string }) =>
    request<{ networkSlug: string; me: Me }>(
      'POST',
      `/api/invitations/${encodeURIComponent(token)}/accept`,
      body,
    ),
  networks: () => request<{ networks: NetworkSummary[] }>('GET', '/api/networks'),
  network: (slug: string) => request<NetworkDetail>('GET', `/api/networks/${encodeURIComponent(slug)}`),
  people: (slug: string) =>
    request<{ people: NetworkPerson[] }>('GET', `/api/networks/${encodeURIComponent(slug)}/people`),
  invitations: (slug: string) =>
    request<{ invitations: Invitation[] }>('GET', `/api/networks/${encodeURIComponent(slug)}/invitations`),
  invite: (slug: string, email: string, role: NetworkRole) =>
    request<Invitation>('POST', `/api/networks/${encodeURIComponent(slug)}/invitations`, { email, role }),
  revokeInvitation: (slug: string, id: string) =>
    request<{ ok: true }>(
      'DELETE',
      `/api/networks/${encodeURIComponent(slug)}/invitations/${encodeURIComponent(id)}`,
    ),
  outbox: () => request<{ messages: OutboxMessage[] }>('GET', '/api/outbox'),

  // Members and directory
  search: (filters: DirectoryFilters, page: number, pageSize: number) =>
    request<DirectorySearchResult>(
      'GET',
      `/api/directory?${queryString({ ...filters, page: String(page), pageSize: String(pageSize) })}`,
    ),
  mapPoints: (filters: DirectoryFilters) =>
    request<DirectoryMap>('GET', `/api/directory/map?${queryString(filters)}`),
  organisation: (id: string) =>
    request<OrganisationProfile>('GET', `/api/organisations/${encodeURIComponent(id)}`),
  updateOrganisation: (id: string, changes: UpdateOrganisationRequest) =>
    request<OrganisationProfile>('PATCH', `/api/organisations/${encodeURIComponent(id)}`, changes),
  stats: (slug: string) => request<NetworkStats>('GET', `/api/networks/${encodeURIComponent(slug)}/stats`),
  competences: (slug: string) =>
    request<{ competences: Competence[] }>('GET', `/api/networks/${encodeURIComponent(slug)}/competences`),
  addCompetence: (slug: string, label: string) =>
    request<{ id: string; label: string }>('POST', `/api/networks/${encodeURIComponent(slug)}/competences`, {
      label,
    }),
  settings: (slug: string) =>
    request<NetworkSettings>('GET', `/api/networks/${encodeURIComponent(slug)}/settings`),
  updateSettings: (slug: string, changes: SettingsChanges) =>
    request<NetworkSettings>('PATCH', `/api/networks/${encodeURIComponent(slug)}/settings`, changes),
  publishCharter: (slug: string, body: string) =>
    request<{ version: number; body: string; createdAt: string }>(
      'POST',
      `/api/networks/${encodeURIComponent(slug)}/charter`,
      { body },
    ),
  openNetworks: () => request<{ networks: OpenNetwork[] }>('GET', '/api/membership/open-networks'),
  apply: (slug: string, body: ApplyRequest) =>
    request<{ id: string }>('POST', `/api/networks/${encodeURIComponent(slug)}/applications`, body),
  applications: (slug: string) =>
    request<{ applications: Application[] }>('GET', `/api/networks/${encodeURIComponent(slug)}/applications`),
  decide: (slug: string, id: string, decision: 'approve' | 'reject', reason: string) =>
    request<{ ok: true }>(
      'POST',
      `/api/networks/${encodeURIComponent(slug)}/applications/${encodeURIComponent(id)}/decision`,
      { decision, reason },
    ),
  members: (slug: string, year: number) =>
    request<{ year: number; members: MemberOrganisation[] }>(
      'GET',
      `/api/networks/${encodeURIComponent(slug)}/members?year=${year}`,
    ),
  recordDues: (
    slug: string,
    body: {
      organisationId: string;
      kind: 'entry' | 'yearly';
      year: number;
      amountCents: number;
      paid: boolean;
    },
  ) => request<{ ok: true }>('POST', `/api/networks/${encodeURIComponent(slug)}/dues`, body),
  sireneRegister: (slug: string, query: SireneRegisterQuery) =>
    request<SireneRegisterPage>(
      'GET',
      `${networkPath(slug)}/sirene-register?${queryString({
        q: query.q || undefined,
        departement: query.departement || undefined,
        newOnly: query.newOnly,
        page: query.page > 1 ? String(query.page) : undefined,
      })}`,
    ),
  takeInFromRegister: (slug: string, body: SireneTakeInRequest) =>
    request<SireneTakeInResult>('POST', `${networkPath(slug)}/sirene-register/members`, body),
  contact: () => request<Contact>('GET', '/api/auth/me/contact'),
  updateContact: (changes: Partial<Contact>) => request<Contact>('PATCH', '/api/auth/me/contact', changes),
  nafSuggestions: (q: string) =>
    request<{ items: NafSuggestion[] }>('GET', `/api/reference/naf?${queryString({ q })}`),
  communeSuggestions: (q: string) =>
    request<{ items: CommuneSuggestion[] }>('GET', `/api/reference/communes?${queryString({ q })}`),
  territories: () => request<Territories>('GET', '/api/reference/territories'),

  // Needs and collective projects
  needs: (slug: string) => request<NeedList>('GET', `${networkPath(slug)}/needs`),
  postNeed: (slug: string, body: CreateNeedRequest) =>
    request<{ id: string }>('POST', `${networkPath(slug)}/needs`, body),
  updateNeed: (slug: string, id: string, body: UpdateNeedRequest) =>
    request<Need>('PATCH', `${networkPath(slug)}/needs/${encodeURIComponent(id)}`, body),
  withdrawNeed: (slug: string, id: string) =>
    request<Need>('DELETE', `${networkPath(slug)}/needs/${encodeURIComponent(id)}`),
  needBoard: (slug: string) => request<NeedBoard>('GET', `${networkPath(slug)}/needs/board`),
  dismissGroup: (slug: string, needIds: string[]) =>
    request<NeedBoard>('POST', `${networkPath(slug)}/needs/board/dismiss`, { needIds }),
  funderReport: (slug: string, query: FunderReportQuery) =>
    request<FunderReport>('GET', `${networkPath(slug)}/funder-report?${queryString({ ...query })}`),
  splitGroup: (slug: string, needIds: string[], partIds: string[]) =>
    request<NeedBoard>('POST', `${networkPath(slug)}/needs/board/split`, { needIds, partIds }),
  thesaurus: (slug: string) => request<NetworkThesaurus>('GET', `${networkPath(slug)}/needs/thesaurus`),
  saveSynonymSet: (slug: string, body: SaveSynonymSetRequest, id?: string) =>
    request<NetworkThesaurus>(
      id ? 'PUT' : 'POST',
      `${networkPath(slug)}/needs/thesaurus${id ? `/${encodeURIComponent(id)}` : ''}`,
      body,
    ),
  deleteSynonymSet: (slug: string, id: string) =>
    request<NetworkThesaurus>('DELETE', `${networkPath(slug)}/needs/thesaurus/${encodeURIComponent(id)}`),
  mergeGroups: (slug: string, needIds: string[]) =>
    request<NeedBoard>('POST', `${networkPath(slug)}/needs/board/merge`, { needIds }),
  projects: (slug: string) => request<{ projects: ProjectSummary[] }>('GET', `${networkPath(slug)}/projects`),
  createProject: (slug: string, body: CreateProjectRequest) =>
    request<{ id: string }>('POST', `${networkPath(slug)}/projects`, body),
  project: (slug: string, id: string) =>
    request<ProjectDetail>('GET', `${networkPath(slug)}/projects/${encodeURIComponent(id)}`),
  setProjectStage: (slug: string, id: string, stage: ProjectStage) =>
    request<ProjectDetail>('PATCH', `${networkPath(slug)}/projects/${encodeURIComponent(id)}`, { stage }),

  // The relocation challenge: my outside suppliers, member companies proposed, the staff's dashboard
  relocation: (slug: string) => request<RelocationOverview>('GET', `${networkPath(slug)}/relocation`),
  relocationDashboard: (slug: string) =>
    request<RelocationDashboard>('GET', `${networkPath(slug)}/relocation/dashboard`),
  addExternalSupplier: (slug: string, body: CreateExternalSupplierRequest) =>
    request<{ id: string }>('POST', `${networkPath(slug)}/relocation/suppliers`, body),
  updateExternalSupplier: (slug: string, id: string, body: UpdateExternalSupplierRequest) =>
    request<ExternalSupplier>(
      'PATCH',
      `${networkPath(slug)}/relocation/suppliers/${encodeURIComponent(id)}`,
      body,
    ),
  setExternalSupplierStatus: (slug: string, id: string, body: ExternalSupplierStatusRequest) =>
    request<ExternalSupplier>(
      'POST',
      `${networkPath(slug)}/relocation/suppliers/${encodeURIComponent(id)}/status`,
      body,
    ),
  deleteExternalSupplier: (slug: string, id: string) =>
    request<{ id: string }>('DELETE', `${networkPath(slug)}/relocation/suppliers/${encodeURIComponent(id)}`),
  relocationCandidates: (slug: string, id: string) =>
    request<SupplierProposalList>(
      'GET',
      `${networkPath(slug)}/relocation/suppliers/${encodeURIComponent(id)}/candidates`,
    ),

  // Group purchasing
  campaigns: (slug: string) =>
    request<{ campaigns: CampaignSummary[]; canManage: boolean }>(
      'GET',
      `/api/networks/${encodeURIComponent(slug)}/purchasing`,
    ),
  createCampaign: (slug: string, body: CreateCampaignRequest) =>
    request<{ id: string }>('POST', `/api/networks/${encodeURIComponent(slug)}/purchasing`, body),
  campaign: (slug: string, id: string) => request<CampaignDetail>('GET', `${campaignPath(slug, id)}`),
  commit: (slug: string, id: string, body: CommitRequest) =>
    request<CampaignDetail>('POST', `${campaignPath(slug, id)}/commitments`, body),
  withdraw: (slug: string, id: string, organisationId: string) =>
    request<CampaignDetail>(
      'DELETE',
      `${campaignPath(slug, id)}/commitments/${encodeURIComponent(organisationId)}`,
    ),
  offers: (slug: string, id: string) =>
    request<{ offers: Offer[] }>('GET', `${campaignPath(slug, id)}/offers`),
  createOffer: (slug: string, id: string, body: CreateOfferRequest) =>
    request<{ id: string }>('POST', `${campaignPath(slug, id)}/offers`, body),
  // Requests for quotation: staff invite suppliers; a supplier answers through its link, without an account
  rfqInvitations: (slug: string, id: string) =>
    request<{ invitations: RfqInvitation[] }>('GET', `${campaignPath(slug, id)}/rfq-invitations`),
  inviteSupplier: (slug: string, id: string, body: CreateRfqInvitationRequest) =>
    request<CreatedRfqInvitation>('POST', `${campaignPath(slug, id)}/rfq-invitations`, body),
  revokeRfqInvitation: (slug: string, id: string, invitationId: string) =>
    request<RfqInvitation>(
      'DELETE',
      `${campaignPath(slug, id)}/rfq-invitations/${encodeURIComponent(invitationId)}`,
    ),
  rfq: (token: string) => request<RfqView>('GET', `/api/rfq/${encodeURIComponent(token)}`),
  showcaseAdmin: (slug: string) =>
    request<ShowcaseAdmin>('GET', `/api/networks/${encodeURIComponent(slug)}/showcase`),
  updateShowcase: (slug: string, body: UpdateShowcaseRequest) =>
    request<ShowcaseAdmin>('PUT', `/api/networks/${encodeURIComponent(slug)}/showcase`, body),
  updateShowcaseConsent: (slug: string, organisationId: string, body: UpdateShowcaseConsentRequest) =>
    request<ShowcaseAdmin>(
      'PUT',
      `/api/networks/${encodeURIComponent(slug)}/showcase/consents/${encodeURIComponent(organisationId)}`,
      body,
    ),
  publicShowcase: (slug: string, query: ShowcaseSearch) =>
    request<PublicShowcase>('GET', `/api/showcase/${encodeURIComponent(slug)}${showcaseSearch(query)}`),
  showcasePreview: (slug: string, query: ShowcaseSearch) =>
    request<PublicShowcase>(
      'GET',
      `/api/networks/${encodeURIComponent(slug)}/showcase/preview${showcaseSearch(query)}`,
    ),
  submitRfqOffer: (token: string, body: SupplierOfferRequest) =>
    request<RfqView>('PUT', `/api/rfq/${encodeURIComponent(token)}/offer`, body),
  award: (slug: string, id: string, offerId: string, optOutDeadline?: string) =>
    request<CampaignDetail>('POST', `${campaignPath(slug, id)}/award`, {
      offerId,
      ...(optOutDeadline ? { optOutDeadline } : {}),
    }),
  /** The savings ledger: every company for staff, my companies and the released totals for a member. */
  savings: (slug: string) =>
    request<SavingsLedger>('GET', `/api/networks/${encodeURIComponent(slug)}/purchasing/savings`),
  /** Takes my company out of an awarded campaign (true), or back in (false). */
  optOut: (slug: string, id: string, organisationId: string, isOut: boolean) =>
    request<CampaignDetail>(
      isOut ? 'POST' : 'DELETE',
      `${campaignPath(slug, id)}/commitments/${encodeURIComponent(organisationId)}/opt-out`,
    ),
  // Aid schemes (dispositifs d'aide)
  aidSchemes: (slug: string, includeArchived = false) =>
    request<AidSchemeList>('GET', `${networkPath(slug)}/aid-schemes${includeArchived ? '?archived=1' : ''}`),
  createAidScheme: (slug: string, body: CreateAidSchemeRequest) =>
    request<AidScheme>('POST', `${networkPath(slug)}/aid-schemes`, body),
  updateAidScheme: (slug: string, id: string, body: UpdateAidSchemeRequest) =>
    request<AidScheme>('PATCH', `${networkPath(slug)}/aid-schemes/${encodeURIComponent(id)}`, body),
  /** Archives a scheme (true) or brings it back (false). */
  archiveAidScheme: (slug: string, id: string, isArchived: boolean) =>
    request<AidScheme>(
      'POST',
      `${networkPath(slug)}/aid-schemes/${encodeURIComponent(id)}/${isArchived ? 'archive' : 'restore'}`,
    ),
  // The life of a collective project
  projectPipeline: (slug: string) =>
    request<ProjectPipeline>('GET', `${networkPath(slug)}/projects/pipeline`),
  projectLife: (slug: string, id: string) => request<ProjectLife>('GET', `${projectPath(slug, id)}/life`),
  changeProjectStage: (slug: string, id: string, stage: ProjectStage, note = '') =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/stage`, { stage, note }),
  setProjectLead: (slug: string, id: string, organisationId: string | null) =>
    request<ProjectLife>('PUT', `${projectPath(slug, id)}/lead`, { organisationId }),
  respondToProject: (slug: string, id: string, organisationId: string, status: 'joined' | 'declined') =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/membership`, { organisationId, status }),
  addMilestone: (slug: string, id: string, body: MilestoneRequest) =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/milestones`, body),
  updateMilestone: (slug: string, id: string, itemId: string, body: UpdateMilestoneRequest) =>
    request<ProjectLife>('PATCH', `${projectPath(slug, id)}/milestones/${encodeURIComponent(itemId)}`, body),
  deleteMilestone: (slug: string, id: string, itemId: string) =>
    request<ProjectLife>('DELETE', `${projectPath(slug, id)}/milestones/${encodeURIComponent(itemId)}`),
  addBudgetLine: (slug: string, id: string, body: BudgetLineRequest) =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/budget-lines`, body),
  updateBudgetLine: (slug: string, id: string, itemId: string, body: UpdateBudgetLineRequest) =>
    request<ProjectLife>(
      'PATCH',
      `${projectPath(slug, id)}/budget-lines/${encodeURIComponent(itemId)}`,
      body,
    ),
  deleteBudgetLine: (slug: string, id: string, itemId: string) =>
    request<ProjectLife>('DELETE', `${projectPath(slug, id)}/budget-lines/${encodeURIComponent(itemId)}`),
  deleteProjectDocument: (slug: string, id: string, itemId: string) =>
    request<ProjectLife>('DELETE', `${projectPath(slug, id)}/documents/${encodeURIComponent(itemId)}`),
  addProjectEvent: (slug: string, id: string, body: ProjectEventRequest) =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/events`, body),
  addIndicator: (slug: string, id: string, body: IndicatorRequest) =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/indicators`, body),
  inviteToProject: (slug: string, id: string, organisationId: string) =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/members`, { organisationId }),
  spanProjectNetwork: (slug: string, id: string, networkSlug: string) =>
    request<ProjectLife>('POST', `${projectPath(slug, id)}/networks`, { networkSlug }),
  unspanProjectNetwork: (slug: string, id: string, networkId: string) =>
    request<ProjectLife>('DELETE', `${projectPath(slug, id)}/networks/${encodeURIComponent(networkId)}`),
  deleteIndicator: (slug: string, id: string, itemId: string) =>
    request<ProjectLife>('DELETE', `${projectPath(slug, id)}/indicators/${encodeURIComponent(itemId)}`),
  myAidSchemes: (slug: string) => request<MyAidSchemes>('GET', `${networkPath(slug)}/aid-schemes/for-me`),
  projectAidSchemes: (slug: string, projectId: string, amountCents?: number) =>
    request<ProjectAidSchemes>(
      'GET',
      `${networkPath(slug)}/projects/${encodeURIComponent(projectId)}/aid-schemes${
        amountCents !== undefined ? `?amountCents=${amountCents}` : ''
      }`,
    ),
};

function projectPath(slug: string, id: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/projects/${encodeURIComponent(id)}`;
}

/** A project document's download address: the server checks the right on every download. */
export function projectDocumentUrl(slug: string, id: string, documentId: string): string {
  return `${projectPath(slug, id)}/documents/${encodeURIComponent(documentId)}`;
}

/** Uploads a project document (multipart, field `file`) with progress; resolves with the project. */
export function uploadProjectDocument(
  slug: string,
  id: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ProjectLife> {
  const form = new FormData();
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${projectPath(slug, id)}/documents`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, ''));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as ProjectLife);
        return;
      }
      const error = (data ?? {}) as { code?: string; message?: string; field?: string };
      if (xhr.status === 401 && error.code === 'UNAUTHENTICATED') onSessionLost();
      reject(new ApiError(xhr.status, error.code ?? 'HTTP_ERROR', error.message ?? '', error.field));
    };
    xhr.send(form);
  });
}

function campaignPath(slug: string, id: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/purchasing/${encodeURIComponent(id)}`;
}

/** The savings ledger as a workbook: a plain link, the browser downloads the file. */
export function savingsXlsxUrl(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/purchasing/savings.xlsx`;
}

/** The purchase orders of an awarded campaign as PDF, one page per company the person may see. */
export function purchaseOrdersUrl(slug: string, id: string): string {
  return `${campaignPath(slug, id)}/purchase-orders.pdf`;
}

/** A funder report as a file to download, for the same question as on screen. */
export function funderReportUrl(slug: string, query: FunderReportQuery, format: 'xlsx' | 'pdf'): string {
  return `${networkPath(slug)}/funder-report.${format}?${queryString({ ...query })}`;
}

/** A query string of the values that are set (empty ones are left out). */
export function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
}

/** The address of a directory export: a plain link, the browser downloads the file. */
export function exportUrl(filters: DirectoryFilters, format: 'csv' | 'xlsx'): string {
  return `/api/directory/export?${queryString({ ...filters, format })}`;
}

/**
 * Sends a file import with upload progress (fetch cannot report it): multipart, field `file`,
 * and for SIRENE an optional `uniteLegale` file. Resolves with the report, whatever its status.
 */
export function uploadImport(
  slug: string,
  options: {
    kind: 'sirene' | 'members';
    includeClosed: boolean;
    members?: boolean;
    file: File;
    uniteLegale?: File | null;
  },
  onProgress: (fraction: number) => void,
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', options.file);
  if (options.uniteLegale) form.append('uniteLegale', options.uniteLegale);
  const query = queryString({
    kind: options.kind,
    includeClosed: options.includeClosed ? 'true' : undefined,
    members: options.members ? 'true' : undefined,
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/networks/${encodeURIComponent(slug)}/imports?${query}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, ''));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as ImportReport);
        return;
      }
      // A rejected file may come back as a report with a 4xx status: it is still the answer to show.
      if (data && typeof data === 'object' && 'status' in data && 'errors' in data) {
        resolve(data as ImportReport);
        return;
      }
      const error = (data ?? {}) as { code?: string; message?: string; field?: string };
      if (xhr.status === 401 && error.code === 'UNAUTHENTICATED') onSessionLost();
      reject(new ApiError(xhr.status, error.code ?? 'HTTP_ERROR', error.message ?? '', error.field));
    };
    xhr.send(form);
  });
}
