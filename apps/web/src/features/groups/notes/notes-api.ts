import type {
  CreateGroupNoteRequest,
  GroupNote,
  GroupNoteHistory,
  GroupNoteList,
  GroupNoteVersion,
  NoteConflict,
  NotePreview,
  SaveGroupNoteRequest,
} from '@meute/contracts';
import { ApiError, NETWORK_ERROR, request } from '../../../app/api.ts';

const notesPath = (slug: string, groupSlug: string) =>
  `/api/networks/${encodeURIComponent(slug)}/groups/${encodeURIComponent(groupSlug)}/notes`;

/** A save's answer: the new version, or the conflict with the others' changes (nothing written). */
export type SaveResult = { ok: true; note: GroupNote } | { ok: false; conflict: NoteConflict };

/**
 * Like `request`, but a 409 NOTE_CONFLICT is an answer to show (the note as it is now and what
 * changed), not an error: the shared client keeps only the message of an error.
 */
async function sendSave(method: 'PUT' | 'POST', path: string, body: unknown): Promise<SaveResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  const data = (await response.json().catch(() => null)) as
    | (GroupNote & NoteConflict & { code?: string; message?: string; field?: string })
    | null;
  if (response.status === 409 && data?.code === 'NOTE_CONFLICT') return { ok: false, conflict: data };
  if (!response.ok)
    throw new ApiError(response.status, data?.code ?? 'HTTP_ERROR', data?.message ?? '', data?.field);
  return { ok: true, note: data as GroupNote };
}

export const notesApi = {
  list: (slug: string, groupSlug: string) => request<GroupNoteList>('GET', notesPath(slug, groupSlug)),
  get: (slug: string, groupSlug: string, id: string) =>
    request<GroupNote>('GET', `${notesPath(slug, groupSlug)}/${id}`),
  create: (slug: string, groupSlug: string, body: CreateGroupNoteRequest) =>
    request<GroupNote>('POST', notesPath(slug, groupSlug), body),
  save: (slug: string, groupSlug: string, id: string, body: SaveGroupNoteRequest) =>
    sendSave('PUT', `${notesPath(slug, groupSlug)}/${id}`, body),
  preview: (slug: string, groupSlug: string, body: string) =>
    request<NotePreview>('POST', `${notesPath(slug, groupSlug)}/preview`, { body }),
  history: (slug: string, groupSlug: string, id: string) =>
    request<GroupNoteHistory>('GET', `${notesPath(slug, groupSlug)}/${id}/versions`),
  version: (slug: string, groupSlug: string, id: string, version: number) =>
    request<GroupNoteVersion>('GET', `${notesPath(slug, groupSlug)}/${id}/versions/${version}`),
  restore: (slug: string, groupSlug: string, id: string, version: number, baseVersion: number) =>
    sendSave('POST', `${notesPath(slug, groupSlug)}/${id}/versions/${version}/restore`, { baseVersion }),
};
