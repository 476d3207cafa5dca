import type {
  CodirRole,
  CreateGroupRequest,
  CreatePostRequest,
  EditPostRequest,
  GroupDetail,
  GroupList,
  GroupMembers,
  GroupPost,
  GroupReaction,
  GroupSummary,
  GroupThread,
  MyGroupStatus,
  ReplyRequest,
  ThreadPage,
  UpdateGroupRequest,
} from '@meute/contracts';
import {
  createGroupRequest,
  createPostRequest,
  GROUP_THREADS_PAGE_SIZE,
  replyRequest,
} from '@meute/contracts';
import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { GroupAudience } from '../../db/schema-groups.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { NewNotification, Notifier } from '../notifications/notifier.ts';
import type { GroupsRepository } from './groups.repository.ts';
import { excerptOfHtml, plainExcerpt, renderMarkdown } from './markdown.ts';
import { isNamedIn } from './mentions.ts';

interface Deps {
  db: Kysely<DB>;
  groups: GroupsRepository;
  networks: NetworksRepository;
  notifier: Notifier;
}

export interface UploadedGroupFile {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

type GroupRow = NonNullable<Awaited<ReturnType<GroupsRepository['findGroup']>>>;
type Standing = Awaited<ReturnType<GroupsRepository['standing']>>;

/** The roles of the people of a member company: only they may join a group on their own. */
const COMPANY_ROLES = new Set(['member_leader', 'member_employee', 'board']);

/**
 * Whether a person may join a group on their own, by its audience: the leaders of member
 * companies always; their CODIR members when the group is open to them (all, or named roles).
 */
export function isEligible(
  group: { audience: GroupAudience; codir_roles: readonly string[] },
  standing: Standing,
): boolean {
  if (!standing.roles.some((role) => COMPANY_ROLES.has(role))) return false;
  return standing.links.some(
    (link) =>
      link.is_leader ||
      (group.audience === 'leaders-and-codir' && link.codir_role !== null) ||
      (group.audience === 'codir-roles' &&
        link.codir_role !== null &&
        group.codir_roles.includes(link.codir_role)),
  );
}

/** A URL slug from a group's name: lower case, no accents, words joined by dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'groupe';
}

const forbidden = () => new AppError('FORBIDDEN');
const notFound = () => new AppError('NOT_FOUND');
const validation = (field: string, detail: string) =>
  new AppError('VALIDATION', { field, params: { detail } });

/** Notification wording, in the recipient's language; a Chatham House author is never named. */
const WORDS = {
  fr: {
    post: (who: string | null, title: string, group: string) =>
      who
        ? `${who} a publié « ${title} » dans ${group}`
        : `Nouveau message dans ${group} : « ${title} » (Chatham House)`,
    report: (who: string | null, title: string, group: string) =>
      who
        ? `${who} a partagé un retour d’expérience dans ${group} : « ${title} »`
        : `Nouveau retour d’expérience dans ${group} : « ${title} » (Chatham House)`,
    reply: (who: string | null, title: string, group: string) =>
      who ? `${who} a répondu à « ${title} » dans ${group}` : `Nouvelle réponse à « ${title} » dans ${group}`,
    mention: (who: string | null, title: string, group: string) =>
      who
        ? `${who} vous a mentionné dans « ${title} » (${group})`
        : `Vous avez été mentionné dans « ${title} » (${group})`,
    charter: (group: string) => `La charte du groupe ${group} a changé : acceptez-la pour continuer`,
    invite: (group: string) => `Vous êtes invité au groupe de travail ${group}`,
  },
  en: {
    post: (who: string | null, title: string, group: string) =>
      who ? `${who} posted “${title}” in ${group}` : `New post in ${group}: “${title}” (Chatham House)`,
    report: (who: string | null, title: string, group: string) =>
      who
        ? `${who} shared an experience report in ${group}: “${title}”`
        : `New experience report in ${group}: “${title}” (Chatham House)`,
    reply: (who: string | null, title: string, group: string) =>
      who ? `${who} replied to “${title}” in ${group}` : `New reply to “${title}” in ${group}`,
    mention: (who: string | null, title: string, group: string) =>
      who ? `${who} mentioned you in “${title}” (${group})` : `You were mentioned in “${title}” (${group})`,
    charter: (group: string) => `The charter of the group ${group} changed: accept it to carry on`,
    invite: (group: string) => `You are invited to the working group ${group}`,
  },
} as const;
const words = (locale: string) => (locale === 'en' ? WORDS.en : WORDS.fr);

/**
 * Working groups: staff create them on the network's themes with an audience and a charter, and
 * name their leaders; eligible people join by accepting the charter; members post, reply, react,
 * mention and attach files; leaders moderate. Content is read under row-level security, so that
 * only active members who accepted the current charter ever see a word of it.
 */
export function createGroupsService({ db, groups, networks, notifier }: Deps) {
  /**
   * One transaction: the reads and checks run as the person under row-level security, then
   * `asApp()` switches back to the application's role for the writes (and notifications), so
   * nothing is half-written and nothing is written that the checks did not allow.
   */
  function transact<T>(
    person: AuthenticatedPerson,
    work: (trx: Scoped, asApp: () => Promise<void>) => Promise<T>,
  ) {
    return db.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'meute_app', true), set_config('meute.person_id', ${person.personId}, true)`.execute(
        trx,
      );
      return work(trx, async () => {
        await sql`reset role`.execute(trx);
      });
    });
  }

  async function loadNetwork(trx: Scoped, person: AuthenticatedPerson, slug: string) {
    return loadNetworkForActor(trx, networks, person, slug);
  }

  /** The group as the caller sees it, and what they may do with it. */
  async function loadGroup(trx: Scoped, person: AuthenticatedPerson, slug: string, groupSlug: string) {
    const access = await loadNetwork(trx, person, slug);
    const group = await groups.findGroup(trx, access.network.id, groupSlug);
    if (!group) throw notFound();
    const charter = await groups.currentCharter(trx, group.id);
    if (!charter) throw notFound();
    const mine = await groups.membership(trx, group.id, person.personId);
    const isActive = mine?.status === 'active';
    const isReader = isActive && mine?.charter_version === charter.version;
    const isLeader = mine?.role === 'leader' && (isActive || mine?.status === 'invited');
    return {
      network: access.network,
      canManage: access.canManage,
      group,
      charter,
      mine,
      isReader,
      isLeader,
      // Leaders moderate and invite once they accepted the charter; staff invite too.
      canInvite: access.canManage || (isReader && mine?.role === 'leader'),
      canModerate: isReader && mine?.role === 'leader',
    };
  }
  type Loaded = Awaited<ReturnType<typeof loadGroup>>;

  function myStatus(mine: Loaded['mine'], charterVersion: number | undefined): MyGroupStatus {
    if (!mine) return 'none';
    if (mine.status === 'active' && mine.charter_version !== charterVersion) return 'charter-pending';
    return mine.status;
  }

  function summary(
    group: GroupRow,
    memberCount: number,
    mine: Loaded['mine'],
    charterVersion: number | undefined,
    eligible: boolean,
  ): GroupSummary {
    const status = myStatus(mine, charterVersion);
    return {
      id: group.id,
      slug: group.slug,
      name: group.name,
      theme: group.theme,
      description: group.description,
      audience: group.audience,
      codirRoles: group.codir_roles as CodirRole[],
      memberCount,
      myStatus: status,
      myRole: mine && (mine.status === 'active' || mine.status === 'invited') ? mine.role : null,
      canJoin:
        !group.archived_at &&
        (status === 'invited' ||
          status === 'charter-pending' ||
          ((status === 'none' || status === 'left') && eligible)),
      archived: group.archived_at !== null,
    };
  }

  function assertReader(loaded: Loaded) {
    if (!loaded.isReader) throw forbidden();
  }

  function assertOpen(loaded: Loaded) {
    if (loaded.group.archived_at) throw forbidden();
  }

  function threadLink(slug: string, groupSlug: string, threadId: string) {
    return `/n/${slug}/groups/${groupSlug}/posts/${threadId}`;
  }

  /** People of the network among `ids` who read the group: the only ones a mention may name. */
  async function mentionable(trx: Scoped, groupId: string, ids: readonly string[], authorId: string) {
    if (ids.length === 0) return [];
    const readers = await groups.readers(trx, groupId);
    const wanted = new Set(ids);
    const unknown = ids.filter((id) => !readers.some((r) => r.person_id === id));
    if (unknown.length > 0) throw validation('mentionIds', 'detail.GROUP_NOT_READER');
    return readers.filter((r) => wanted.has(r.person_id) && r.person_id !== authorId);
  }

  /**
   * Writes a thread (threadId null) or a reply: its sanitised HTML, its files and mentions, and
   * the notifications of the group's other readers, all in the caller's transaction.
   */
  async function writePost(
    trx: Scoped,
    loaded: Loaded,
    author: AuthenticatedPerson,
    post: {
      threadId: string | null;
      kind: 'discussion' | 'report' | 'reply';
      /** The thread's title (a reply's notifications name the thread it answers). */
      title: string;
      markdown: string;
      chatham: boolean;
      fileIds: readonly string[];
      mentioned: readonly { person_id: string }[];
    },
  ): Promise<string> {
    const id = await groups.insertPost(trx, {
      groupId: loaded.group.id,
      threadId: post.threadId,
      kind: post.kind,
      title: post.threadId === null ? post.title : null,
      markdown: post.markdown,
      html: renderMarkdown(post.markdown),
      chatham: post.chatham,
      authorId: author.personId,
    });
    await attach(trx, loaded.group.id, id, post.fileIds, author.personId);
    await groups.insertMentions(
      trx,
      loaded.group.id,
      id,
      post.mentioned.map((m) => m.person_id),
    );
    await notifyPost(
      trx,
      loaded,
      author,
      { id, threadId: post.threadId ?? id, kind: post.kind, title: post.title, markdown: post.markdown },
      post.chatham,
      post.mentioned,
    );
    return id;
  }

  /** Tells the group's other readers about a new post or reply; mentioned people urgently. */
  async function notifyPost(
    trx: Scoped,
    loaded: Loaded,
    author: AuthenticatedPerson,
    post: {
      id: string;
      threadId: string;
      kind: 'discussion' | 'report' | 'reply';
      title: string;
      markdown: string;
    },
    chatham: boolean,
    mentioned: readonly { person_id: string }[],
    audience: 'everyone' | 'mentioned' = 'everyone',
  ) {
    const readers = await groups.readers(trx, loaded.group.id);
    const authorName = chatham
      ? null
      : (readers.find((r) => r.person_id === author.personId)?.display_name ?? null);
    const mentionedIds = new Set(mentioned.map((m) => m.person_id));
    const excerpt = plainExcerpt(post.markdown);
    const link = threadLink(loaded.network.slug, loaded.group.slug, post.threadId);
    const lines: NewNotification[] = readers
      .filter((r) => r.person_id !== author.personId)
      .filter((r) => audience === 'everyone' || mentionedIds.has(r.person_id))
      .map((r) => {
        const w = words(r.locale);
        const isMentioned = mentionedIds.has(r.person_id);
        return {
          personId: r.person_id,
          networkId: loaded.network.id,
          groupId: loaded.group.id,
          kind: isMentioned ? 'mention' : post.kind === 'reply' ? 'reply' : 'post',
          subjectId: post.id,
          link,
          title: (isMentioned ? w.mention : w[post.kind === 'discussion' ? 'post' : post.kind])(
            authorName,
            post.title,
            loaded.group.name,
          ),
          excerpt,
          urgent: isMentioned,
        };
      });
    await notifier.notify(trx, lines);
  }

  async function toPosts(
    trx: Scoped,
    person: AuthenticatedPerson,
    rows: Awaited<ReturnType<GroupsRepository['threadPosts']>>,
    canModerate: boolean,
  ): Promise<GroupPost[]> {
    const ids = rows.map((r) => r.id);
    const [reactions, mentions, files] = await Promise.all([
      groups.reactions(trx, ids),
      groups.mentions(trx, ids),
      groups.files(trx, ids),
    ]);
    return rows.map((row) => {
      const isAuthor = row.author_id === person.personId;
      const showContent = !row.hidden_at || canModerate || isAuthor;
      const counts = new Map<GroupReaction, { count: number; mine: boolean }>();
      for (const r of reactions) {
        if (r.post_id !== row.id) continue;
        const entry = counts.get(r.reaction) ?? { count: 0, mine: false };
        entry.count += 1;
        entry.mine ||= r.person_id === person.personId;
        counts.set(r.reaction, entry);
      }
      return {
        id: row.id,
        kind: row.kind,
        title: showContent ? row.title : null,
        html: showContent ? row.body_html : '',
        markdown: showContent ? row.body_markdown : '',
        author:
          row.author_id && row.display_name
            ? { personId: row.author_id, displayName: row.display_name }
            : null,
        chatham: row.chatham,
        createdAt: row.created_at.toISOString(),
        editedAt: row.edited_at ? row.edited_at.toISOString() : null,
        hidden:
          row.hidden_at && row.hidden_reason
            ? { reason: row.hidden_reason, at: row.hidden_at.toISOString() }
            : null,
        reactions: [...counts].map(([reaction, entry]) => ({ reaction, ...entry })),
        files: showContent
          ? files
              .filter((f) => f.post_id === row.id)
              .map((f) => ({ id: f.id, name: f.name, contentType: f.content_type, sizeBytes: f.size_bytes }))
          : [],
        mentions: mentions
          .filter((m) => m.post_id === row.id)
          .map((m) => ({ personId: m.person_id, displayName: m.display_name })),
        canEdit: isAuthor && !row.hidden_at,
      };
    });
  }

  async function uniqueSlug(trx: Scoped, networkId: string, name: string) {
    const base = slugify(name);
    for (let n = 1; n < 100; n += 1) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await groups.slugTaken(trx, networkId, candidate))) return candidate;
    }
    throw new AppError('ALREADY_EXISTS', { field: 'name' });
  }

  /** Whether each of `personIds` is a person of the network (any role). */
  async function assertPeopleOfNetwork(
    trx: Scoped,
    networkId: string,
    personIds: readonly string[],
    field: string,
  ) {
    if (personIds.length === 0) return;
    const people = await groups.networkPeople(trx, networkId);
    const known = new Set(people.map((p) => p.id));
    if (personIds.some((id) => !known.has(id))) throw validation(field, 'detail.NETWORK_PERSON_UNKNOWN');
  }

  return {
    async list(person: AuthenticatedPerson, slug: string): Promise<GroupList> {
      return transact(person, async (trx, asApp) => {
        const access = await loadNetwork(trx, person, slug);
        const rows = await groups.listGroups(trx, access.network.id);
        const ids = rows.map((g) => g.id);
        const mine = await groups.myMemberships(trx, person.personId, ids);
        const versions = await groups.charterVersions(trx, ids);
        const themes = await groups.themes(trx, access.network.id);
        // Counts and eligibility are read as the application: they name no one.
        await asApp();
        const counts = await groups.memberCounts(trx, ids);
        const standing = await groups.standing(trx, access.network.id, person.personId);
        return {
          groups: rows
            // Archived groups stay listed for their members and the staff only.
            .filter((g) => !g.archived_at || access.canManage || mine.get(g.id)?.status === 'active')
            .map((g) =>
              summary(g, counts.get(g.id) ?? 0, mine.get(g.id), versions.get(g.id), isEligible(g, standing)),
            ),
          themes: themes.map((t) => t.label),
          canManage: access.canManage,
        };
      });
    },

    async setThemes(person: AuthenticatedPerson, slug: string, themes: readonly string[]) {
      await transact(person, async (trx, asApp) => {
        const access = await loadNetwork(trx, person, slug);
        if (!access.canManage) throw forbidden();
        const seen = new Set<string>();
        for (const [index, label] of themes.entries()) {
          const key = label.toLocaleLowerCase('fr');
          if (seen.has(key)) throw validation(`themes.${index}`, 'detail.GROUPEMENT_DUPLICATE_MEMBER');
          seen.add(key);
        }
        await asApp();
        await groups.replaceThemes(trx, access.network.id, themes);
      });
    },

    async create(person: AuthenticatedPerson, slug: string, input: CreateGroupRequest) {
      const body = createGroupRequest.parse(input);
      return transact(person, async (trx, asApp) => {
        const access = await loadNetwork(trx, person, slug);
        if (!access.canManage) throw forbidden();
        if (body.audience === 'codir-roles' && body.codirRoles.length === 0) {
          throw validation('codirRoles', 'detail.CODIR_ROLES_REQUIRED');
        }
        await asApp();
        await assertPeopleOfNetwork(trx, access.network.id, body.leaderIds, 'leaderIds');
        const groupSlug = await uniqueSlug(trx, access.network.id, body.name);
        const { id } = await groups.insertGroup(trx, {
          networkId: access.network.id,
          slug: groupSlug,
          name: body.name,
          theme: body.theme,
          description: body.description,
          audience: body.audience,
          codirRoles: body.audience === 'leaders' ? [] : body.codirRoles,
          createdBy: person.personId,
        });
        await groups.insertCharter(trx, id, body.charter, person.personId);
        const leaders = [...new Set(body.leaderIds)];
        for (const leaderId of leaders) {
          await groups.upsertMember(trx, {
            groupId: id,
            personId: leaderId,
            role: 'leader',
            status: 'invited',
            invitedBy: person.personId,
          });
        }
        await notifyInvites(trx, access.network, { id, slug: groupSlug, name: body.name }, leaders);
        return { slug: groupSlug };
      });
    },

    async update(person: AuthenticatedPerson, slug: string, groupSlug: string, body: UpdateGroupRequest) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        if (!loaded.canManage) throw forbidden();
        const audience = body.audience ?? loaded.group.audience;
        const codirRoles = body.codirRoles ?? loaded.group.codir_roles;
        if (audience === 'codir-roles' && codirRoles.length === 0) {
          throw validation('codirRoles', 'detail.CODIR_ROLES_REQUIRED');
        }
        await asApp();
        await groups.updateGroup(trx, loaded.group.id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.theme !== undefined ? { theme: body.theme } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          audience,
          codir_roles: audience === 'leaders' ? [] : codirRoles,
          ...(body.archived !== undefined ? { archived_at: body.archived ? new Date() : null } : {}),
        });
      });
    },

    async detail(person: AuthenticatedPerson, slug: string, groupSlug: string): Promise<GroupDetail> {
      return transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        const { group, charter, mine } = loaded;
        // The group is seen: its member count and leaders are public to the network.
        await asApp();
        const counts = await groups.memberCounts(trx, [group.id]);
        const leaders = await groups.leaders(trx, [group.id]);
        const standing = await groups.standing(trx, loaded.network.id, person.personId);
        return {
          ...summary(group, counts.get(group.id) ?? 0, mine, charter.version, isEligible(group, standing)),
          charter: {
            version: charter.version,
            body: charter.body,
            createdAt: charter.created_at.toISOString(),
          },
          myCharterVersion: mine?.charter_version ?? null,
          leaders: leaders.map((l) => ({ personId: l.person_id, displayName: l.display_name })),
          canManage: loaded.canManage,
          canInvite: loaded.canInvite,
          canModerate: loaded.canModerate,
          canSeeContent: loaded.isReader,
          canSeeMembers: loaded.canManage || loaded.isReader,
        };
      });
    },

    /** A new charter version: every member is asked to accept it again before reading on. */
    async newCharter(person: AuthenticatedPerson, slug: string, groupSlug: string, text: string) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        if (!loaded.canInvite) throw forbidden();
        await asApp();
        const version = await groups.insertCharter(trx, loaded.group.id, text, person.personId);
        // The leader who writes the new version accepts it by writing it.
        if (loaded.mine?.status === 'active') {
          await groups.upsertMember(trx, {
            groupId: loaded.group.id,
            personId: person.personId,
            status: 'active',
            charterVersion: version,
          });
        }
        const members = (await groups.members(trx, loaded.group.id, loaded.network.id)).filter(
          (m) => m.status === 'active' && m.person_id !== person.personId,
        );
        const locales = await localesOf(
          trx,
          members.map((m) => m.person_id),
        );
        // Not tied to the group's content: the member, who no longer reads it, must see this line.
        await notifier.notify(
          trx,
          members.map((m) => ({
            personId: m.person_id,
            networkId: loaded.network.id,
            groupId: null,
            kind: 'charter' as const,
            subjectId: loaded.group.id,
            link: `/n/${loaded.network.slug}/groups/${loaded.group.slug}`,
            title: words(locales.get(m.person_id) ?? 'fr').charter(loaded.group.name),
          })),
        );
      });
    },

    /** Joins, accepts an invitation or accepts the new charter: the version read is the current one. */
    async acceptCharter(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      charterVersion: number,
    ) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertOpen(loaded);
        if (charterVersion !== loaded.charter.version) {
          throw new AppError('VALIDATION', {
            field: 'charterVersion',
            params: { detail: 'detail.CHARTER_OUTDATED' },
          });
        }
        const status = loaded.mine?.status;
        if (status === 'removed') throw forbidden();
        await asApp();
        if (status !== 'invited' && status !== 'active') {
          const standing = await groups.standing(trx, loaded.network.id, person.personId);
          if (!isEligible(loaded.group, standing)) throw forbidden();
        }
        await asApp();
        await groups.upsertMember(trx, {
          groupId: loaded.group.id,
          personId: person.personId,
          status: 'active',
          charterVersion,
        });
      });
    },

    async leave(person: AuthenticatedPerson, slug: string, groupSlug: string) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        const status = loaded.mine?.status;
        if (status !== 'active' && status !== 'invited') throw notFound();
        await asApp();
        await groups.upsertMember(trx, {
          groupId: loaded.group.id,
          personId: person.personId,
          status: 'left',
        });
      });
    },

    async members(person: AuthenticatedPerson, slug: string, groupSlug: string): Promise<GroupMembers> {
      return transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        if (!loaded.canManage && !loaded.isReader) throw forbidden();
        // Names and companies of the members, for people allowed to see the list.
        await asApp();
        const rows = await groups.members(trx, loaded.group.id, loaded.network.id);
        const visible = rows.filter(
          (m) => loaded.canInvite || m.status === 'active' || m.status === 'invited',
        );
        let invitable: GroupMembers['invitable'] = [];
        if (loaded.canInvite) {
          const taken = new Set(
            rows.filter((m) => m.status === 'active' || m.status === 'invited').map((m) => m.person_id),
          );
          const people = await groups.networkPeople(trx, loaded.network.id);
          const candidates = people.filter((p) => !taken.has(p.id));
          const eligible: typeof candidates = [];
          for (const candidate of candidates) {
            if (candidate.roles.includes('staff')) eligible.push(candidate);
            else if (isEligible(loaded.group, await groups.standing(trx, loaded.network.id, candidate.id)))
              eligible.push(candidate);
          }
          invitable = eligible.map((p) => ({
            personId: p.id,
            displayName: p.display_name,
            organisationName: p.organisation_name,
          }));
        }
        return {
          members: visible.map((m) => ({
            personId: m.person_id,
            displayName: m.display_name,
            organisationName: m.organisation_name,
            codirRole: (m.codir_role as CodirRole | null) ?? null,
            role: m.role,
            status: m.status,
            acceptedCurrentCharter: m.status === 'active' && m.charter_version === loaded.charter.version,
            joinedAt: m.joined_at ? m.joined_at.toISOString() : null,
          })),
          invitable,
        };
      });
    },

    async invite(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      target: { personId: string; role?: 'member' | 'leader' },
    ) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        if (!loaded.canInvite) throw forbidden();
        assertOpen(loaded);
        const role = target.role ?? 'member';
        // The network's staff name the leaders.
        if (role === 'leader' && !loaded.canManage) throw forbidden();
        await asApp();
        const people = await groups.networkPeople(trx, loaded.network.id);
        const candidate = people.find((p) => p.id === target.personId);
        if (!candidate) throw validation('personId', 'detail.NETWORK_PERSON_UNKNOWN');
        if (
          !candidate.roles.includes('staff') &&
          !isEligible(loaded.group, await groups.standing(trx, loaded.network.id, candidate.id))
        ) {
          throw validation('personId', 'detail.GROUP_NOT_ELIGIBLE');
        }
        const existing = await groups.membership(trx, loaded.group.id, target.personId);
        if (existing?.status === 'active') throw new AppError('ALREADY_EXISTS', { field: 'personId' });
        await asApp();
        await groups.upsertMember(trx, {
          groupId: loaded.group.id,
          personId: target.personId,
          role,
          status: 'invited',
          invitedBy: person.personId,
        });
        await notifyInvites(trx, loaded.network, loaded.group, [target.personId]);
      });
    },

    async setRole(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      personId: string,
      role: 'member' | 'leader',
    ) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        if (!loaded.canManage) throw forbidden();
        await asApp();
        const existing = await groups.membership(trx, loaded.group.id, personId);
        if (!existing || (existing.status !== 'active' && existing.status !== 'invited')) throw notFound();
        await asApp();
        await groups.setRole(trx, loaded.group.id, personId, role);
      });
    },

    async remove(person: AuthenticatedPerson, slug: string, groupSlug: string, personId: string) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        if (!loaded.canInvite) throw forbidden();
        await asApp();
        const existing = await groups.membership(trx, loaded.group.id, personId);
        if (!existing || (existing.status !== 'active' && existing.status !== 'invited')) throw notFound();
        // A leader is removed by the staff who named them.
        if (existing.role === 'leader' && !loaded.canManage) throw forbidden();
        await asApp();
        await groups.upsertMember(trx, { groupId: loaded.group.id, personId, status: 'removed' });
      });
    },

    // Posts --------------------------------------------------------------------------------------

    async threads(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      after?: string,
    ): Promise<ThreadPage> {
      return transact(person, async (trx) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        const cursor = after
          ? { at: after.slice(0, after.lastIndexOf('_')), id: after.slice(after.lastIndexOf('_') + 1) }
          : undefined;
        if (cursor && Number.isNaN(Date.parse(cursor.at))) throw validation('after', 'detail.CURSOR_INVALID');
        const rows = await groups.threads(trx, loaded.group.id, GROUP_THREADS_PAGE_SIZE + 1, cursor);
        const page = rows.slice(0, GROUP_THREADS_PAGE_SIZE);
        const last = page.at(-1);
        return {
          threads: page.map((row) => {
            // A hidden thread keeps its place in the list, but its title and text only for the
            // leaders who hid it and its author: the title can say as much as the text.
            const showContent = !row.hidden_at || loaded.canModerate || row.author_id === person.personId;
            return {
              id: row.id,
              kind: row.kind === 'report' ? 'report' : 'discussion',
              title: showContent ? (row.title ?? '') : '',
              excerpt: row.hidden_at ? '' : excerptOfHtml(row.body_html, 180),
              author:
                row.author_id && row.display_name
                  ? { personId: row.author_id, displayName: row.display_name }
                  : null,
              chatham: row.chatham,
              hidden: row.hidden_at !== null,
              replyCount: row.reply_count,
              createdAt: row.created_at.toISOString(),
              lastActivityAt: row.last_activity_at.toISOString(),
            };
          }),
          nextCursor:
            rows.length > GROUP_THREADS_PAGE_SIZE && last
              ? `${last.last_activity_at.toISOString()}_${last.id}`
              : null,
        };
      });
    },

    async thread(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      postId: string,
    ): Promise<GroupThread> {
      return transact(person, async (trx) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        const rows = await groups.threadPosts(trx, loaded.group.id, postId);
        const [first] = rows;
        if (!first || first.thread_id !== null) throw notFound();
        const posts = await toPosts(trx, person, rows, loaded.canModerate);
        const [thread, ...replies] = posts;
        return { thread: thread!, replies, canModerate: loaded.canModerate };
      });
    },

    async createPost(person: AuthenticatedPerson, slug: string, groupSlug: string, input: CreatePostRequest) {
      const body = createPostRequest.parse(input);
      return transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        assertOpen(loaded);
        await asApp();
        const mentioned = await mentionable(trx, loaded.group.id, body.mentionIds, person.personId);
        const id = await writePost(trx, loaded, person, {
          threadId: null,
          kind: body.kind,
          title: body.title,
          markdown: body.body,
          chatham: body.chatham,
          fileIds: body.fileIds,
          mentioned,
        });
        return { id };
      });
    },

    async reply(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      threadId: string,
      input: ReplyRequest,
    ) {
      const body = replyRequest.parse(input);
      return transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        assertOpen(loaded);
        const thread = await groups.findPost(trx, loaded.group.id, threadId);
        if (!thread || thread.thread_id !== null) throw notFound();
        await asApp();
        const mentioned = await mentionable(trx, loaded.group.id, body.mentionIds, person.personId);
        // A reply in a Chatham House thread is under the same rule.
        const id = await writePost(trx, loaded, person, {
          threadId,
          kind: 'reply',
          title: thread.title ?? '',
          markdown: body.body,
          chatham: thread.chatham,
          fileIds: body.fileIds,
          mentioned,
        });
        return { id };
      });
    },

    async editPost(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      postId: string,
      body: EditPostRequest,
    ) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        const post = await groups.findPost(trx, loaded.group.id, postId);
        if (!post) throw notFound();
        if (post.author_id !== person.personId || post.hidden_at) throw forbidden();
        if (body.title !== undefined && post.thread_id !== null)
          throw validation('title', 'detail.REPLY_HAS_NO_TITLE');
        await asApp();
        await groups.updatePost(trx, postId, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          markdown: body.body,
          html: renderMarkdown(body.body),
        });
        // People the edit names for the first time are told, as a new post would tell them.
        const already = new Set((await groups.mentions(trx, [postId])).map((m) => m.person_id));
        const newlyNamed = (await groups.readers(trx, loaded.group.id)).filter(
          (r) =>
            r.person_id !== person.personId &&
            !already.has(r.person_id) &&
            isNamedIn(body.body, r.display_name),
        );
        if (newlyNamed.length === 0) return;
        await groups.insertMentions(
          trx,
          loaded.group.id,
          postId,
          newlyNamed.map((r) => r.person_id),
        );
        const thread = post.thread_id ? await groups.findPost(trx, loaded.group.id, post.thread_id) : post;
        await notifyPost(
          trx,
          loaded,
          person,
          {
            id: postId,
            threadId: post.thread_id ?? postId,
            kind: post.kind,
            title: (post.thread_id ? thread?.title : (body.title ?? post.title)) ?? '',
            markdown: body.body,
          },
          post.chatham,
          newlyNamed,
          'mentioned',
        );
      });
    },

    /** A leader hides a post with the reason (or shows it again with `reason` null). */
    async moderate(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      postId: string,
      reason: string | null,
    ) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        if (!loaded.canModerate) throw forbidden();
        const post = await groups.findPost(trx, loaded.group.id, postId);
        if (!post) throw notFound();
        await asApp();
        await groups.hidePost(trx, postId, person.personId, reason);
      });
    },

    async react(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      postId: string,
      reaction: GroupReaction,
      on: boolean,
    ) {
      await transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        const post = await groups.findPost(trx, loaded.group.id, postId);
        if (!post) throw notFound();
        await asApp();
        await groups.setReaction(trx, {
          groupId: loaded.group.id,
          postId,
          personId: person.personId,
          reaction,
          on,
        });
      });
    },

    /** The right to attach a file, checked before a byte of it is read. */
    async assertCanPost(person: AuthenticatedPerson, slug: string, groupSlug: string) {
      await transact(person, async (trx) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        assertOpen(loaded);
      });
    },

    async uploadFile(person: AuthenticatedPerson, slug: string, groupSlug: string, file: UploadedGroupFile) {
      const name = cleanFileName(file.filename);
      if (!name) throw validation('file', 'detail.FILE_NAME_REQUIRED');
      if (file.bytes.length === 0) throw validation('file', 'detail.FILE_EMPTY');
      return transact(person, async (trx, asApp) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        assertOpen(loaded);
        await asApp();
        const row = await groups.insertFile(trx, {
          groupId: loaded.group.id,
          name,
          contentType: file.mimetype || 'application/octet-stream',
          bytes: file.bytes,
          by: person.personId,
        });
        return { id: row.id, name: row.name, contentType: row.content_type, sizeBytes: row.size_bytes };
      });
    },

    /** A file, for an active member who accepted the charter: checked on every download. */
    async file(person: AuthenticatedPerson, slug: string, groupSlug: string, fileId: string) {
      return transact(person, async (trx) => {
        const loaded = await loadGroup(trx, person, slug, groupSlug);
        assertReader(loaded);
        const file = await groups.findFile(trx, loaded.group.id, fileId);
        if (!file) throw notFound();
        // A file not yet attached is its uploader's until the post is sent.
        if (file.post_id === null && file.uploaded_by !== person.personId) throw notFound();
        return { name: file.name, content_type: file.content_type, bytes: file.bytes };
      });
    },

    async preview(person: AuthenticatedPerson, slug: string, body: string) {
      await transact(person, async (trx) => {
        await loadNetwork(trx, person, slug);
      });
      return { html: renderMarkdown(body) };
    },

    /** The CODIR roles of a company's people, for its leader (or the staff) who sets them. */
    async codirRoles(person: AuthenticatedPerson, slug: string, organisationId: string) {
      return transact(person, async (trx, asApp) => {
        const access = await loadNetwork(trx, person, slug);
        await asApp();
        if (!(await groups.organisationInNetwork(trx, access.network.id, organisationId))) throw notFound();
        if (!access.canManage && !(await groups.isLeaderOf(trx, person.personId, organisationId)))
          throw forbidden();
        const rows = await groups.organisationCodirRoles(trx, organisationId);
        return {
          people: rows.map((row) => ({
            personId: row.person_id,
            codirRole: (row.codir_role as CodirRole | null) ?? null,
          })),
        };
      });
    },

    /** A company's leader (or the staff) sets the CODIR role of one of the company's people. */
    async setCodirRole(
      person: AuthenticatedPerson,
      slug: string,
      organisationId: string,
      personId: string,
      codirRole: CodirRole | null,
    ) {
      await transact(person, async (trx, asApp) => {
        const access = await loadNetwork(trx, person, slug);
        await asApp();
        if (!(await groups.organisationInNetwork(trx, access.network.id, organisationId))) throw notFound();
        if (!access.canManage && !(await groups.isLeaderOf(trx, person.personId, organisationId)))
          throw forbidden();
        await asApp();
        if (!(await groups.setCodirRole(trx, organisationId, personId, codirRole))) throw notFound();
      });
    },
  };

  async function attach(
    trx: Scoped,
    groupId: string,
    postId: string,
    fileIds: readonly string[],
    by: string,
  ) {
    const unique = [...new Set(fileIds)];
    const attached = await groups.attachFiles(trx, groupId, postId, unique, by);
    if (attached !== unique.length) throw validation('fileIds', 'detail.FILE_REQUIRED');
  }

  async function localesOf(trx: Scoped, personIds: readonly string[]) {
    if (personIds.length === 0) return new Map<string, string>();
    const rows = await trx
      .selectFrom('people')
      .select(['id', 'locale'])
      .where('id', 'in', personIds)
      .execute();
    return new Map(rows.map((r) => [r.id, r.locale]));
  }

  async function notifyInvites(
    trx: Scoped,
    network: { id: string; slug: string },
    group: { id: string; slug: string; name: string },
    personIds: readonly string[],
  ) {
    const locales = await localesOf(trx, personIds);
    await notifier.notify(
      trx,
      personIds.map((personId) => ({
        personId,
        networkId: network.id,
        // The invitee does not read the group yet: the line is not tied to its content.
        groupId: null,
        kind: 'group-invite' as const,
        subjectId: group.id,
        link: `/n/${network.slug}/groups/${group.slug}`,
        title: words(locales.get(personId) ?? 'fr').invite(group.name),
      })),
    );
  }
}

/** A file name as shown and offered for download: no path, no control characters. */
function cleanFileName(raw: string) {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f').join('');
  return printable.trim().slice(0, 255);
}

export type GroupsService = ReturnType<typeof createGroupsService>;
