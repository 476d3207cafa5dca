import type {
  ConsortiumRun,
  CpvMapping,
  CreateTenderRequest,
  RunConsortiumRequest,
  TenderDetail,
  TenderList,
} from '@meute/contracts';
import { request } from '../../app/api.ts';

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
