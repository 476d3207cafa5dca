import type {
  ConsortiumRun,
  CpvMapping,
  CreateTenderRequest,
  Groupement,
  GroupementDraftRequest,
  PriceRevisionRequest,
  RecordGroupementRequest,
  RunConsortiumRequest,
  TenderDetail,
  TenderGroupements,
  TenderList,
} from '@meute/contracts';
import { ApiError, NETWORK_ERROR, request } from '../../app/api.ts';

export type {
  ConsortiumRun,
  CpvMapping,
  CreateTenderRequest,
  RunConsortiumRequest,
  TenderDetail,
  TenderList,
};

const tendersPath = (slug: string) => `/api/networks/${encodeURIComponent(slug)}/tenders`;

/** Joint tenders: list, entry, eForms import, CPV mapping and the consortium builder. */
export const tendersApi = {
  list: (slug: string) => request<TenderList>('GET', tendersPath(slug)),
  get: (slug: string, id: string) =>
    request<TenderDetail>('GET', `${tendersPath(slug)}/${encodeURIComponent(id)}`),
  create: (slug: string, body: CreateTenderRequest) =>
    request<{ id: string }>('POST', tendersPath(slug), body),
  importBoamp: (slug: string, boamp: string) =>
    request<{ id: string; unmappedCpv: Record<string, string[]> }>(
      'POST',
      `${tendersPath(slug)}/import-boamp`,
      {
        boamp,
      },
    ),
  importNotice: (slug: string, xml: string) =>
    request<{ id: string; unmappedCpv: Record<string, string[]> }>('POST', `${tendersPath(slug)}/import`, {
      xml,
    }),
  mapping: (slug: string) => request<CpvMapping>('GET', `${tendersPath(slug)}/cpv-mapping`),
  saveMapping: (slug: string, mapping: CpvMapping) =>
    request<CpvMapping>('PUT', `${tendersPath(slug)}/cpv-mapping`, mapping),
  runConsortium: (slug: string, id: string, bounds: RunConsortiumRequest) =>
    request<ConsortiumRun>('POST', `${tendersPath(slug)}/${encodeURIComponent(id)}/consortium`, bounds),
};

// Groupements (issue 7): the life of a groupement answering a tender.
export type {
  Groupement,
  GroupementDraftRequest,
  PriceRevisionRequest,
  RecordGroupementRequest,
  TenderGroupements,
};

const groupementsPath = (slug: string, tenderId: string) =>
  `${tendersPath(slug)}/${encodeURIComponent(tenderId)}/groupements`;
const groupementPath = (slug: string, tenderId: string, id: string) =>
  `${groupementsPath(slug, tenderId)}/${encodeURIComponent(id)}`;

/** Groupements: record, make-up, prices, go/no-go, documents, price revision rounds, outcome. */
export const groupementsApi = {
  list: (slug: string, tenderId: string) =>
    request<TenderGroupements>('GET', groupementsPath(slug, tenderId)),
  record: (slug: string, tenderId: string, body: RecordGroupementRequest) =>
    request<Groupement>('POST', groupementsPath(slug, tenderId), body),
  edit: (slug: string, tenderId: string, id: string, body: GroupementDraftRequest) =>
    request<Groupement>('PUT', groupementPath(slug, tenderId, id), body),
  setPrice: (slug: string, tenderId: string, id: string, organisationId: string, priceCents: number) =>
    request<Groupement>(
      'PUT',
      `${groupementPath(slug, tenderId, id)}/members/${encodeURIComponent(organisationId)}/price`,
      { priceCents },
    ),
  decide: (slug: string, tenderId: string, id: string, decision: 'go' | 'no-go', reason: string) =>
    request<Groupement>('POST', `${groupementPath(slug, tenderId, id)}/decision`, {
      decision,
      reason,
    }),
  outcome: (
    slug: string,
    tenderId: string,
    id: string,
    outcome: 'submitted' | 'won' | 'lost',
    valueCents: number | null,
  ) =>
    request<Groupement>('POST', `${groupementPath(slug, tenderId, id)}/outcome`, {
      outcome,
      valueCents,
    }),
  openRevision: (slug: string, tenderId: string, id: string, body: PriceRevisionRequest) =>
    request<Groupement>('POST', `${groupementPath(slug, tenderId, id)}/revisions`, body),
  answerRevision: (
    slug: string,
    tenderId: string,
    id: string,
    roundId: string,
    organisationId: string,
    accepted: boolean,
  ) =>
    request<Groupement>(
      'POST',
      `${groupementPath(slug, tenderId, id)}/revisions/${encodeURIComponent(roundId)}/answer`,
      { organisationId, accepted },
    ),
  deleteDocument: (slug: string, tenderId: string, id: string, documentId: string) =>
    request<Groupement>(
      'DELETE',
      `${groupementPath(slug, tenderId, id)}/documents/${encodeURIComponent(documentId)}`,
    ),
  /** A document's download address: the server checks the right on every download. */
  documentUrl: (slug: string, tenderId: string, id: string, documentId: string) =>
    `${groupementPath(slug, tenderId, id)}/documents/${encodeURIComponent(documentId)}`,
  /** Uploads a document (multipart, field `file`); resolves with the groupement. */
  async uploadDocument(slug: string, tenderId: string, id: string, file: File) {
    const form = new FormData();
    form.append('file', file);
    let response: Response;
    try {
      response = await fetch(`${groupementPath(slug, tenderId, id)}/documents`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
        body: form,
      });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, '');
    }
    const data = (await response.json().catch(() => null)) as
      | (Groupement & { code?: string; message?: string; field?: string })
      | null;
    if (!response.ok) {
      throw new ApiError(response.status, data?.code ?? 'HTTP_ERROR', data?.message ?? '', data?.field);
    }
    return data as Groupement;
  },
};
