import type {
  AskPeersRequest,
  DeclineQuestionRequest,
  PeerSuggestions,
  QuestionDetail,
  QuestionLists,
  SuggestPeersRequest,
} from '@meute/contracts';
import { request } from '../../app/api.ts';

const questionsPath = (slug: string) => `/api/networks/${encodeURIComponent(slug)}/questions`;

export const questionsApi = {
  lists: (slug: string) => request<QuestionLists>('GET', questionsPath(slug)),
  suggest: (slug: string, body: SuggestPeersRequest) =>
    request<PeerSuggestions>('POST', `${questionsPath(slug)}/suggestions`, body),
  ask: (slug: string, body: AskPeersRequest) => request<QuestionDetail>('POST', questionsPath(slug), body),
  get: (slug: string, id: string) => request<QuestionDetail>('GET', `${questionsPath(slug)}/${id}`),
  answer: (slug: string, id: string, body: string) =>
    request<QuestionDetail>('POST', `${questionsPath(slug)}/${id}/answer`, { body }),
  decline: (slug: string, id: string, body: DeclineQuestionRequest) =>
    request<QuestionDetail>('POST', `${questionsPath(slug)}/${id}/decline`, body),
};
