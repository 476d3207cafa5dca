import type {
  CodirRole,
  CodirRoles,
  CreateGroupRequest,
  CreatePostRequest,
  GroupDetail,
  GroupFile,
  GroupList,
  GroupMembers,
  GroupReaction,
  GroupThread,
  ReplyRequest,
  ThreadPage,
  UpdateGroupRequest,
} from '@meute/contracts';
import { ApiError, NETWORK_ERROR, request } from '../../app/api.ts';

export type { GroupMember, GroupPersonRef, GroupPost, GroupSummary, ThreadSummary } from '@meute/contracts';
export type {
  CodirRole,
  GroupDetail,
  GroupFile,
  GroupList,
  GroupMembers,
  GroupReaction,
  GroupThread,
  ThreadPage,
};

const networkPath = (slug: string) => `/api/networks/${encodeURIComponent(slug)}`;
const groupPath = (slug: string, groupSlug: string) =>
  `${networkPath(slug)}/groups/${encodeURIComponent(groupSlug)}`;

/** A group file's download address: the server checks the right on every download. */
export function groupFileUrl(slug: string, groupSlug: string, fileId: string): string {
  return `${groupPath(slug, groupSlug)}/files/${encodeURIComponent(fileId)}`;
}

export const groupsApi = {
  list: (slug: string) => request<GroupList>('GET', `${networkPath(slug)}/groups`),
  create: (slug: string, body: CreateGroupRequest) =>
    request<{ slug: string }>('POST', `${networkPath(slug)}/groups`, body),
  setThemes: (slug: string, themes: string[]) =>
    request('PUT', `${networkPath(slug)}/group-themes`, { themes }),
  detail: (slug: string, groupSlug: string) => request<GroupDetail>('GET', groupPath(slug, groupSlug)),
  update: (slug: string, groupSlug: string, body: UpdateGroupRequest) =>
    request('PATCH', groupPath(slug, groupSlug), body),
  newCharter: (slug: string, groupSlug: string, body: string) =>
    request('POST', `${groupPath(slug, groupSlug)}/charter`, { body }),
  acceptCharter: (slug: string, groupSlug: string, charterVersion: number) =>
    request('POST', `${groupPath(slug, groupSlug)}/join`, { charterVersion }),
  leave: (slug: string, groupSlug: string) => request('POST', `${groupPath(slug, groupSlug)}/leave`),
  members: (slug: string, groupSlug: string) =>
    request<GroupMembers>('GET', `${groupPath(slug, groupSlug)}/members`),
  invite: (slug: string, groupSlug: string, personId: string, role: 'member' | 'leader') =>
    request('POST', `${groupPath(slug, groupSlug)}/members`, { personId, role }),
  setRole: (slug: string, groupSlug: string, personId: string, role: 'member' | 'leader') =>
    request('PUT', `${groupPath(slug, groupSlug)}/members/${encodeURIComponent(personId)}/role`, { role }),
  remove: (slug: string, groupSlug: string, personId: string) =>
    request('DELETE', `${groupPath(slug, groupSlug)}/members/${encodeURIComponent(personId)}`),
  threads: (slug: string, groupSlug: string, after?: string) =>
    request<ThreadPage>(
      'GET',
      `${groupPath(slug, groupSlug)}/posts${after ? `?after=${encodeURIComponent(after)}` : ''}`,
    ),
  thread: (slug: string, groupSlug: string, postId: string) =>
    request<GroupThread>('GET', `${groupPath(slug, groupSlug)}/posts/${encodeURIComponent(postId)}`),
  createPost: (slug: string, groupSlug: string, body: CreatePostRequest) =>
    request<{ id: string }>('POST', `${groupPath(slug, groupSlug)}/posts`, body),
  reply: (slug: string, groupSlug: string, postId: string, body: ReplyRequest) =>
    request<{ id: string }>(
      'POST',
      `${groupPath(slug, groupSlug)}/posts/${encodeURIComponent(postId)}/replies`,
      body,
    ),
  editPost: (slug: string, groupSlug: string, postId: string, body: { title?: string; body: string }) =>
    request('PATCH', `${groupPath(slug, groupSlug)}/posts/${encodeURIComponent(postId)}`, body),
  hidePost: (slug: string, groupSlug: string, postId: string, reason: string) =>
    request('POST', `${groupPath(slug, groupSlug)}/posts/${encodeURIComponent(postId)}/hide`, { reason }),
  unhidePost: (slug: string, groupSlug: string, postId: string) =>
    request('POST', `${groupPath(slug, groupSlug)}/posts/${encodeURIComponent(postId)}/unhide`),
  react: (slug: string, groupSlug: string, postId: string, reaction: GroupReaction, on: boolean) =>
    request(
      on ? 'PUT' : 'DELETE',
      `${groupPath(slug, groupSlug)}/posts/${encodeURIComponent(postId)}/reactions/${reaction}`,
    ),
  preview: (slug: string, body: string) =>
    request<{ html: string }>('POST', `${networkPath(slug)}/groups/markdown-preview`, { body }),
  codirRoles: (slug: string, organisationId: string) =>
    request<CodirRoles>(
      'GET',
      `${networkPath(slug)}/organisations/${encodeURIComponent(organisationId)}/codir-roles`,
    ),
  setCodirRole: (slug: string, organisationId: string, personId: string, codirRole: CodirRole | null) =>
    request(
      'PUT',
      `${networkPath(slug)}/organisations/${encodeURIComponent(organisationId)}/people/${encodeURIComponent(personId)}/codir-role`,
      { codirRole },
    ),
};

/** Uploads a file to attach to a post (multipart, field `file`). */
export async function uploadGroupFile(slug: string, groupSlug: string, file: File): Promise<GroupFile> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`${groupPath(slug, groupSlug)}/files`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  const data = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    field?: string;
  };
  if (!response.ok)
    throw new ApiError(response.status, data.code ?? 'HTTP_ERROR', data.message ?? '', data.field);
  return data as unknown as GroupFile;
}
