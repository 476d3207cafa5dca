import { GROUP_REACTIONS } from '@meute/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatDate } from '../../components/format.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { Composer } from './composer.tsx';
import { type GroupPost, groupFileUrl, groupsApi } from './groups-api.ts';
import { PeerNav } from './peer-nav.tsx';

const asError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));

/** A thread or experience report with its replies: react, reply, edit one's own, leaders moderate. */
export function ThreadPage() {
  const { t } = useTranslation();
  const { slug = '', groupSlug = '', postId = '' } = useParams();
  const loaded = useApi(
    () => groupsApi.thread(slug, groupSlug, postId),
    `thread-${slug}-${groupSlug}-${postId}`,
  );
  const group = useApi(() => groupsApi.detail(slug, groupSlug), `group-${slug}-${groupSlug}`);
  const members = useApi(() => groupsApi.members(slug, groupSlug), `group-members-${slug}-${groupSlug}`);
  usePageTitle(loaded.data?.thread.title ?? t('groups.title'));
  const [error, setError] = useState<ApiError | null>(null);
  const back = `/n/${slug}/groups/${groupSlug}`;

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <div className="page">
        <PeerNav slug={slug} />
        <Link className="back-link" to={back}>
          ← {group.data?.name ?? t('groups.backToGroups')}
        </Link>
        {loaded.error.status === 403 ? (
          <div className="banner banner-info" role="alert">
            {t('groups.locked.member')}
          </div>
        ) : (
          <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
        )}
      </div>
    );
  }
  const { thread, replies, canModerate } = loaded.data;
  const people = (members.data?.members ?? []).filter((m) => m.status === 'active');

  async function act(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      loaded.reload();
    } catch (caught) {
      setError(asError(caught));
    }
  }

  const postProps = { slug, groupSlug, canModerate, act };
  return (
    <div className="page thread-page">
      <PeerNav slug={slug} />
      <Link className="back-link" to={back}>
        ← {group.data?.name ?? t('groups.backToGroups')}
      </Link>
      <ErrorBanner error={error} />
      <Post post={thread} isThread {...postProps} />
      <section aria-label={t('groups.threads.repliesTitle')} className="thread-replies">
        <h2 className="thread-replies-title">{t('groups.threads.replies', { count: replies.length })}</h2>
        {replies.map((reply) => (
          <Post key={reply.id} post={reply} isThread={false} {...postProps} />
        ))}
      </section>
      <Composer
        slug={slug}
        groupSlug={groupSlug}
        mode="reply"
        people={people}
        onSubmit={async (value) => {
          await groupsApi.reply(slug, groupSlug, thread.id, {
            body: value.body,
            fileIds: value.fileIds,
            mentionIds: value.mentionIds,
          });
          loaded.reload();
        }}
      />
    </div>
  );
}

function Post({
  slug,
  groupSlug,
  post,
  isThread,
  canModerate,
  act,
}: {
  slug: string;
  groupSlug: string;
  post: GroupPost;
  isThread: boolean;
  canModerate: boolean;
  act: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(post.markdown);
  const [isHiding, setIsHiding] = useState(false);
  const [reason, setReason] = useState('');
  const Heading = isThread ? 'h1' : 'h3';

  return (
    <article className={`card group-post${isThread ? ' group-post-thread' : ''}`} id={`post-${post.id}`}>
      <header className="group-post-head">
        {isThread ? (
          <div className="badges">
            <span className={`badge thread-kind-${post.kind}`}>{t(`groups.kind.${post.kind}`)}</span>
            {post.chatham ? <span className="badge badge-chatham">{t('groups.chatham')}</span> : null}
          </div>
        ) : null}
        {post.title ? (
          <Heading className="group-post-title">{post.title}</Heading>
        ) : isThread && post.hidden ? (
          <Heading className="group-post-title">
            <em>{t('groups.post.hiddenTitle')}</em>
          </Heading>
        ) : null}
        <p className="muted group-post-meta">
          <strong>{post.author?.displayName ?? t('groups.post.formerMember')}</strong> ·{' '}
          {formatDate(post.createdAt)}
          {post.editedAt ? ` · ${t('groups.post.edited')}` : ''}
        </p>
        {isThread && post.chatham ? <p className="field-hint">{t('groups.post.chathamNotice')}</p> : null}
      </header>
      {post.hidden ? (
        <p className="banner banner-info">{t('groups.post.hidden', { reason: post.hidden.reason })}</p>
      ) : null}
      {isEditing ? (
        <form
          className="card-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => groupsApi.editPost(slug, groupSlug, post.id, { body: draft })).then(() =>
              setIsEditing(false),
            );
          }}
        >
          <div className="field">
            <label htmlFor={`edit-${post.id}`}>{t('groups.post.editLabel')}</label>
            <textarea
              id={`edit-${post.id}`}
              rows={6}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={() => setIsEditing(false)}>
              {t('action.cancel')}
            </button>
            <button type="submit" className="button button-primary">
              {t('action.save')}
            </button>
          </div>
        </form>
      ) : post.html ? (
        // Sanitised on the server with an allow-list (see docs/decisions/0012): the only HTML rendered.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server.
        <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      ) : null}
      {post.files.length > 0 ? (
        <ul className="post-files" aria-label={t('groups.post.files')}>
          {post.files.map((file) => (
            <li key={file.id}>
              <a href={groupFileUrl(slug, groupSlug, file.id)} download>
                {file.name}
              </a>{' '}
              <span className="muted">({Math.max(1, Math.round(file.sizeBytes / 1024))} Ko)</span>
            </li>
          ))}
        </ul>
      ) : null}
      {post.mentions.length > 0 ? (
        <p className="muted post-mentions">
          {t('groups.post.mentions', { names: post.mentions.map((m) => m.displayName).join(', ') })}
        </p>
      ) : null}
      <footer className="group-post-actions">
        <fieldset className="reactions">
          <legend className="visually-hidden">{t('groups.post.reactions')}</legend>
          {GROUP_REACTIONS.map((reaction) => {
            const entry = post.reactions.find((r) => r.reaction === reaction);
            return (
              <button
                key={reaction}
                type="button"
                className={`reaction${entry?.mine ? ' reaction-mine' : ''}`}
                aria-pressed={entry?.mine ?? false}
                aria-label={`${t(`groups.reaction.${reaction}`)} (${entry?.count ?? 0})`}
                onClick={() => act(() => groupsApi.react(slug, groupSlug, post.id, reaction, !entry?.mine))}
              >
                {t(`groups.reaction.${reaction}`)}
                {entry?.count ? <span className="reaction-count">{entry.count}</span> : null}
              </button>
            );
          })}
        </fieldset>
        <div className="group-post-tools">
          {post.canEdit && !isEditing ? (
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => setIsEditing(true)}
            >
              {t('groups.post.edit')}
            </button>
          ) : null}
          {canModerate ? (
            post.hidden ? (
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => act(() => groupsApi.unhidePost(slug, groupSlug, post.id))}
              >
                {t('groups.post.unhide')}
              </button>
            ) : (
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => setIsHiding(true)}
              >
                {t('groups.post.hide')}
              </button>
            )
          ) : null}
        </div>
      </footer>
      {isHiding ? (
        <form
          className="card-form group-hide-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => groupsApi.hidePost(slug, groupSlug, post.id, reason)).then(() =>
              setIsHiding(false),
            );
          }}
        >
          <div className="field">
            <label htmlFor={`hide-${post.id}`}>{t('groups.post.hideReason')}</label>
            <input
              id={`hide-${post.id}`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={500}
            />
          </div>
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={() => setIsHiding(false)}>
              {t('action.cancel')}
            </button>
            <button type="submit" className="button button-danger" disabled={!reason.trim()}>
              {t('groups.post.hide')}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
