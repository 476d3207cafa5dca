import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { useFormatDate } from '../../components/format.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { Composer } from './composer.tsx';
import { type GroupDetail, type GroupMembers, groupsApi, type ThreadSummary } from './groups-api.ts';
import { AudienceLabel } from './groups-page.tsx';
import { GroupNotesTab } from './notes/group-notes-tab.tsx';
import { PeerNav } from './peer-nav.tsx';

const TABS = ['discussions', 'note', 'members', 'charter'] as const;
type Tab = (typeof TABS)[number];
const asError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));

/** A working group: its discussions, shared note, members and charter (tabs). */
export function GroupPage() {
  const { t } = useTranslation();
  const { slug = '', groupSlug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const loaded = useApi(() => groupsApi.detail(slug, groupSlug), `group-${slug}-${groupSlug}`);
  usePageTitle(loaded.data?.name ?? t('groups.title'));
  const [isCharterOpen, setIsCharterOpen] = useState(search.get('charter') === '1');
  // What the previous screen did, told here once it is gone (e.g. "you left the group").
  const notice = (useLocation().state as { notice?: string } | null)?.notice;

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    if (loaded.error.status === 404 && loaded.error.code === 'NETWORK_NOT_FOUND')
      return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  const group = loaded.data;
  const requested = search.get('tab') as Tab | null;
  const tab: Tab =
    requested && TABS.includes(requested) ? requested : group.canSeeContent ? 'discussions' : 'charter';
  const setTab = (next: Tab) => setSearch({ tab: next }, { replace: true });

  return (
    <div className="page page-wide group-page">
      <PeerNav slug={slug} />
      <Link className="back-link" to={`/n/${slug}/groups`}>
        ← {t('groups.backToGroups')}
      </Link>
      <header className="group-header">
        <div>
          <span className="badge badge-kind">{group.theme}</span>
          <h1>{group.name}</h1>
          {group.description ? <p className="lead">{group.description}</p> : null}
          <p className="muted">
            <AudienceLabel audience={group.audience} codirRoles={group.codirRoles} /> ·{' '}
            {t('groups.memberCount', { count: group.memberCount })}
            {group.leaders.length > 0
              ? ` · ${t('groups.leadBy', { names: group.leaders.map((l) => l.displayName).join(', ') })}`
              : ''}
          </p>
        </div>
        <div className="group-header-actions">
          <span className={`badge group-status group-status-${group.myStatus}`}>
            {t(`groups.status.${group.myStatus}`)}
          </span>
          {group.canJoin ? (
            <button type="button" className="button button-primary" onClick={() => setIsCharterOpen(true)}>
              {group.myStatus === 'invited'
                ? t('groups.join.acceptInvitation')
                : group.myStatus === 'charter-pending'
                  ? t('groups.join.acceptNewCharter')
                  : t('groups.join.button')}
            </button>
          ) : null}
        </div>
      </header>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      {group.myStatus === 'charter-pending' ? (
        <div className="banner banner-info" role="status">
          {t('groups.join.newVersionBanner', { version: group.charter.version })}
        </div>
      ) : null}

      <div className="tabs" role="tablist" aria-label={group.name}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {t(`groups.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel">
        {tab === 'discussions' ? (
          group.canSeeContent ? (
            <Discussions slug={slug} group={group} />
          ) : (
            <ContentLocked group={group} onJoin={() => setIsCharterOpen(true)} />
          )
        ) : null}
        {tab === 'note' ? (
          group.canSeeContent ? (
            <GroupNotesTab networkSlug={slug} groupSlug={groupSlug} canEdit={group.canSeeContent} />
          ) : (
            <ContentLocked group={group} onJoin={() => setIsCharterOpen(true)} />
          )
        ) : null}
        {tab === 'members' ? <MembersTab slug={slug} group={group} onChanged={loaded.reload} /> : null}
        {tab === 'charter' ? <CharterTab slug={slug} group={group} onChanged={loaded.reload} /> : null}
      </div>
      <CharterDialog
        slug={slug}
        group={group}
        isOpen={isCharterOpen && group.canJoin}
        onClose={() => setIsCharterOpen(false)}
        onAccepted={() => {
          setIsCharterOpen(false);
          setSearch({ tab: 'discussions' }, { replace: true });
          loaded.reload();
        }}
      />
    </div>
  );
}

function ContentLocked({ group, onJoin }: { group: GroupDetail; onJoin: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('groups.locked.title')}>
      <p>{group.canManage ? t('groups.locked.staff') : t('groups.locked.member')}</p>
      {group.canJoin ? (
        <button type="button" className="button button-primary" onClick={onJoin}>
          {t('groups.join.readCharter')}
        </button>
      ) : null}
    </EmptyState>
  );
}

/** Reading and accepting the charter: joining, accepting an invitation, or a new version. */
function CharterDialog({
  slug,
  group,
  isOpen,
  onClose,
  onAccepted,
}: {
  slug: string;
  group: GroupDetail;
  isOpen: boolean;
  onClose: () => void;
  onAccepted: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [hasRead, setHasRead] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);

  async function accept() {
    setError(null);
    try {
      await groupsApi.acceptCharter(slug, group.slug, group.charter.version);
      onAccepted();
    } catch (caught) {
      setError(asError(caught));
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog charter-dialog"
      aria-labelledby="charter-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="charter-dialog-title">{t('groups.join.dialogTitle', { name: group.name })}</h2>
      <p className="muted">{t('groups.charter.version', { version: group.charter.version })}</p>
      <div className="dialog-body charter-text">{group.charter.body}</div>
      <ErrorBanner error={error} />
      <label className="choice">
        <input type="checkbox" checked={hasRead} onChange={(e) => setHasRead(e.target.checked)} />{' '}
        {t('groups.join.iAccept')}
      </label>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('action.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={accept} disabled={!hasRead}>
          {t('groups.join.accept')}
        </button>
      </div>
    </dialog>
  );
}

function Discussions({ slug, group }: { slug: string; group: GroupDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const [pages, setPages] = useState<{ threads: ThreadSummary[]; next: string | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const members = useApi(() => groupsApi.members(slug, group.slug), `group-members-${slug}-${group.slug}`);

  useEffect(() => {
    setPages(null);
    groupsApi.threads(slug, group.slug).then(
      (page) => setPages({ threads: page.threads, next: page.nextCursor }),
      (caught) => setError(asError(caught)),
    );
  }, [slug, group.slug]);

  async function more() {
    if (!pages?.next) return;
    try {
      const page = await groupsApi.threads(slug, group.slug, pages.next);
      setPages({ threads: [...pages.threads, ...page.threads], next: page.nextCursor });
    } catch (caught) {
      setError(asError(caught));
    }
  }

  const people = (members.data?.members ?? []).filter((m) => m.status === 'active');
  return (
    <div className="group-discussions">
      <Composer
        slug={slug}
        groupSlug={group.slug}
        mode="thread"
        people={people}
        onSubmit={async (value) => {
          const created = await groupsApi.createPost(slug, group.slug, value);
          navigate(`/n/${slug}/groups/${group.slug}/posts/${created.id}`);
        }}
      />
      <ErrorBanner error={error} />
      {pages === null ? (
        <Loading />
      ) : pages.threads.length === 0 ? (
        <EmptyState title={t('groups.threads.empty')}>{t('groups.threads.emptyHint')}</EmptyState>
      ) : (
        <ul className="thread-list">
          {pages.threads.map((thread) => (
            <li key={thread.id} className="card thread-item">
              <div className="thread-item-head">
                <span className={`badge thread-kind-${thread.kind}`}>{t(`groups.kind.${thread.kind}`)}</span>
                {thread.chatham ? <span className="badge badge-chatham">{t('groups.chatham')}</span> : null}
                {thread.hidden ? <span className="badge">{t('groups.post.hiddenBadge')}</span> : null}
              </div>
              <h3 className="thread-item-title">
                <Link to={`/n/${slug}/groups/${group.slug}/posts/${thread.id}`}>
                  {thread.title || <em>{t('groups.post.hiddenTitle')}</em>}
                </Link>
              </h3>
              {thread.excerpt ? <p className="thread-item-excerpt">{thread.excerpt}</p> : null}
              <p className="muted thread-item-facts">
                {thread.author?.displayName ?? t('groups.post.formerMember')} · {formatDate(thread.createdAt)}{' '}
                · {t('groups.threads.replies', { count: thread.replyCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages?.next ? (
        <button type="button" className="button button-secondary" onClick={more}>
          {t('groups.threads.more')}
        </button>
      ) : null}
    </div>
  );
}

function MembersTab({ slug, group, onChanged }: { slug: string; group: GroupDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const loaded = useApi<GroupMembers | null>(
    () => (group.canSeeMembers ? groupsApi.members(slug, group.slug) : Promise.resolve(null)),
    `members-${slug}-${group.slug}-${group.myStatus}`,
  );
  const [invitee, setInvitee] = useState('');
  const [inviteRole, setInviteRole] = useState<'member' | 'leader'>('member');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const [confirm, setConfirm] = useState<
    { kind: 'leave' } | { kind: 'remove'; personId: string; name: string } | null
  >(null);

  /** Runs one action and says how it went; true when it succeeded. */
  async function run(work: () => Promise<unknown>, message: string): Promise<boolean> {
    setError(null);
    setDone('');
    try {
      await work();
      setDone(message);
      loaded.reload();
      onChanged();
      return true;
    } catch (caught) {
      setError(asError(caught));
      return false;
    }
  }

  async function invite(event: FormEvent) {
    event.preventDefault();
    if (!invitee) return;
    await run(() => groupsApi.invite(slug, group.slug, invitee, inviteRole), t('groups.members.invited'));
    setInvitee('');
  }

  const canLeave =
    group.myStatus === 'active' || group.myStatus === 'charter-pending' || group.myStatus === 'invited';
  return (
    <div className="group-members">
      <ErrorBanner error={error} />
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      {!group.canSeeMembers ? (
        <div>
          <p className="muted">{t('groups.members.hidden')}</p>
          {group.leaders.length > 0 ? (
            <p>{t('groups.leadBy', { names: group.leaders.map((l) => l.displayName).join(', ') })}</p>
          ) : null}
        </div>
      ) : loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'failed' ? (
        <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <table className="table group-members-table">
          <thead>
            <tr>
              <th scope="col">{t('groups.members.name')}</th>
              <th scope="col">{t('groups.members.organisation')}</th>
              <th scope="col">{t('groups.members.role')}</th>
              <th scope="col">{t('groups.members.status')}</th>
              {group.canInvite ? <th scope="col">{t('groups.members.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {(loaded.data?.members ?? []).map((member) => (
              <tr key={member.personId}>
                <td>{member.displayName}</td>
                <td>
                  {member.organisationName ?? '—'}
                  {member.codirRole ? (
                    <span className="muted"> · {t(`groups.codirRole.${member.codirRole}`)}</span>
                  ) : null}
                </td>
                <td>{t(`groups.role.${member.role}`)}</td>
                <td>
                  {member.status === 'active' && !member.acceptedCurrentCharter
                    ? t('groups.status.charter-pending')
                    : t(`groups.status.${member.status}`)}
                  {member.joinedAt && member.status === 'active' ? (
                    <span className="muted"> · {formatDate(member.joinedAt)}</span>
                  ) : null}
                </td>
                {group.canInvite ? (
                  <td className="group-member-actions">
                    {group.canManage && (member.status === 'active' || member.status === 'invited') ? (
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        onClick={() =>
                          run(
                            () =>
                              groupsApi.setRole(
                                slug,
                                group.slug,
                                member.personId,
                                member.role === 'leader' ? 'member' : 'leader',
                              ),
                            t('groups.members.roleChanged'),
                          )
                        }
                      >
                        {member.role === 'leader'
                          ? t('groups.members.unmakeLeader')
                          : t('groups.members.makeLeader')}
                      </button>
                    ) : null}
                    {(member.status === 'active' || member.status === 'invited') &&
                    (group.canManage || member.role !== 'leader') ? (
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() =>
                          setConfirm({ kind: 'remove', personId: member.personId, name: member.displayName })
                        }
                      >
                        {t('groups.members.remove')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {group.canInvite && loaded.data ? (
        <form className="card card-form group-invite" onSubmit={invite}>
          <h3 className="card-title">{t('groups.members.inviteTitle')}</h3>
          {loaded.data.invitable.length === 0 ? (
            <p className="muted">{t('groups.members.nobodyToInvite')}</p>
          ) : (
            <div className="form-row">
              <div className="field">
                <label htmlFor="group-invitee">{t('groups.members.invitee')}</label>
                <select
                  id="group-invitee"
                  value={invitee}
                  onChange={(e) => setInvitee(e.target.value)}
                  required
                >
                  <option value="">{t('groups.members.choose')}</option>
                  {loaded.data.invitable.map((p) => (
                    <option key={p.personId} value={p.personId}>
                      {p.displayName}
                      {p.organisationName ? ` (${p.organisationName})` : ''}
                    </option>
                  ))}
                </select>
              </div>
              {group.canManage ? (
                <div className="field">
                  <label htmlFor="group-invite-role">{t('groups.members.role')}</label>
                  <select
                    id="group-invite-role"
                    value={inviteRole}
                    onChange={(e) => setInviteRole(e.target.value as 'member' | 'leader')}
                  >
                    <option value="member">{t('groups.role.member')}</option>
                    <option value="leader">{t('groups.role.leader')}</option>
                  </select>
                </div>
              ) : null}
              <div className="form-actions">
                <button type="submit" className="button button-primary">
                  {t('groups.members.invite')}
                </button>
              </div>
            </div>
          )}
        </form>
      ) : null}

      {canLeave ? (
        <div className="group-leave">
          <button
            type="button"
            className="button button-danger"
            onClick={() => setConfirm({ kind: 'leave' })}
          >
            {group.myStatus === 'invited' ? t('groups.members.decline') : t('groups.members.leave')}
          </button>
        </div>
      ) : null}

      <ConfirmDialog
        isOpen={confirm !== null}
        title={confirm?.kind === 'leave' ? t('groups.members.leaveTitle') : t('groups.members.removeTitle')}
        confirmLabel={confirm?.kind === 'leave' ? t('groups.members.leave') : t('groups.members.remove')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const current = confirm;
          setConfirm(null);
          if (current?.kind === 'leave') {
            void run(() => groupsApi.leave(slug, group.slug), t('groups.members.left')).then(
              (hasLeft) =>
                hasLeft &&
                navigate(`/n/${slug}/groups/${group.slug}?tab=charter`, {
                  state: { notice: t('groups.members.left') },
                }),
            );
          } else if (current?.kind === 'remove') {
            void run(() => groupsApi.remove(slug, group.slug, current.personId), t('groups.members.removed'));
          }
        }}
      >
        <p>
          {confirm?.kind === 'leave'
            ? t('groups.members.leaveText')
            : t('groups.members.removeText', { name: confirm?.kind === 'remove' ? confirm.name : '' })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function CharterTab({ slug, group, onChanged }: { slug: string; group: GroupDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [text, setText] = useState(group.charter.body);
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function publish() {
    setIsConfirming(false);
    setError(null);
    try {
      await groupsApi.newCharter(slug, group.slug, text);
      setIsEditing(false);
      onChanged();
    } catch (caught) {
      setError(asError(caught));
    }
  }

  return (
    <div className="group-charter">
      <p className="muted">
        {t('groups.charter.version', { version: group.charter.version })} ·{' '}
        {formatDate(group.charter.createdAt)}
        {group.myCharterVersion
          ? ` · ${t('groups.charter.accepted', { version: group.myCharterVersion })}`
          : ''}
      </p>
      <div className="card charter-text">{group.charter.body}</div>
      <ErrorBanner error={error} />
      {group.canInvite ? (
        isEditing ? (
          <form
            className="card card-form"
            onSubmit={(event) => {
              event.preventDefault();
              setIsConfirming(true);
            }}
          >
            <div className="field">
              <label htmlFor="group-new-charter">{t('groups.charter.newVersion')}</label>
              <textarea
                id="group-new-charter"
                rows={8}
                value={text}
                onChange={(e) => setText(e.target.value)}
                required
                maxLength={20000}
              />
              <p className="field-hint">{t('groups.charter.newVersionHint')}</p>
            </div>
            <div className="form-actions">
              <button type="button" className="button button-secondary" onClick={() => setIsEditing(false)}>
                {t('action.cancel')}
              </button>
              <button
                type="submit"
                className="button button-primary"
                disabled={text.trim() === group.charter.body}
              >
                {t('groups.charter.publish')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setIsEditing(true)}>
            {t('groups.charter.edit')}
          </button>
        )
      ) : null}
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('groups.charter.confirmTitle')}
        confirmLabel={t('groups.charter.publish')}
        onCancel={() => setIsConfirming(false)}
        onConfirm={publish}
      >
        <p>{t('groups.charter.confirmText')}</p>
      </ConfirmDialog>
    </div>
  );
}
