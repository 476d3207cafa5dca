import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, type Need, type NeedList } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatDate } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { KindBadge } from './kind-badge.tsx';
import { NeedForm } from './need-form.tsx';
import { NeedsNav } from './needs-nav.tsx';
import { ProjectList } from './project-list.tsx';
import { SharedNeedBoard } from './shared-need-board.tsx';
import { ThesaurusSection } from './thesaurus-section.tsx';

/** Needs, offers and ideas: mine with a form to post, the network's, and for staff the board. */
export function NeedsPage() {
  const { t } = useTranslation();
  const title = t('capability.needs.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const list = useApi(() => api.needs(slug), `needs-${slug}`);
  const [isPosting, setIsPosting] = useState(false);

  if (list.state === 'loading') return <Loading />;
  if (list.state === 'failed') {
    if (list.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={list.error} onRetry={list.reload} />
      </div>
    );
  }
  const data = list.data;
  const mine = data.needs.filter((need) => need.isMine);
  const others = data.needs.filter((need) => !need.isMine);
  const canPost = data.myOrganisations.length > 0;
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="needs" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('needs.intro')}</p>
        </div>
      </header>
      <NeedsNav slug={slug} />

      {data.canManage ? <SharedNeedBoard slug={slug} /> : null}
      {data.canManage ? <ThesaurusSection slug={slug} /> : null}
      <ProjectList slug={slug} />

      {canPost ? (
        <section aria-labelledby="my-needs-title">
          <div className="section-head">
            <h2 id="my-needs-title">{t('needs.mine')}</h2>
            {!isPosting ? (
              <button type="button" className="button button-primary" onClick={() => setIsPosting(true)}>
                {t('needs.new')}
              </button>
            ) : null}
          </div>
          {isPosting ? (
            <NeedForm
              slug={slug}
              list={data}
              onCancel={() => setIsPosting(false)}
              onDone={() => {
                setIsPosting(false);
                list.reload();
              }}
            />
          ) : null}
          {mine.length === 0 && !isPosting ? (
            <EmptyState title={t('needs.emptyMine')}>{t('needs.emptyMineHint')}</EmptyState>
          ) : (
            <ul className="needs">
              {mine.map((need) => (
                <NeedCard key={need.id} slug={slug} list={data} need={need} onChanged={list.reload} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="network-needs-title">
        <h2 id="network-needs-title">{data.canManage ? t('needs.all') : t('needs.network')}</h2>
        {(data.canManage ? data.needs : others).length === 0 ? (
          <EmptyState title={t('needs.empty')}>
            {canPost ? t('needs.emptyHint') : t('needs.emptyHintReader')}
          </EmptyState>
        ) : (
          <ul className="needs">
            {(data.canManage ? data.needs : others).map((need) => (
              <NeedCard key={need.id} slug={slug} list={data} need={need} onChanged={list.reload} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NeedCard({
  slug,
  list,
  need,
  onChanged,
}: {
  slug: string;
  list: NeedList;
  need: Need;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (isEditing) {
    return (
      <li>
        <NeedForm
          slug={slug}
          list={list}
          need={need}
          onCancel={() => setIsEditing(false)}
          onDone={() => {
            setIsEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  }

  async function withdraw() {
    setIsBusy(true);
    setError(null);
    try {
      await api.withdrawNeed(slug, need.id);
      setIsConfirming(false);
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <li className="card need-card">
      <div className="need-card-head">
        <KindBadge kind={need.kind} />
        <h3 className="card-title">{need.title}</h3>
        {need.visibility !== 'network' ? (
          <span className="badge badge-kind">{t(`needs.visibility.${need.visibility}`)}</span>
        ) : null}
      </div>
      {need.description ? <p className="need-description">{need.description}</p> : null}
      <p className="muted">
        {[
          need.organisationName,
          need.quantity,
          need.nafCode ? t('needs.nafIs', { code: need.nafCode }) : '',
          need.deadline ? t('needs.deadlineOn', { date: formatDate(need.deadline) }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ErrorBanner error={error} />
      {need.isMine && list.myOrganisations.length > 0 ? (
        <div className="form-actions">
          <button type="button" className="button button-small" onClick={() => setIsEditing(true)}>
            {t('needs.editAction')}
          </button>
          <button type="button" className="button button-small" onClick={() => setIsConfirming(true)}>
            {t('needs.withdraw')}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('needs.withdrawTitle')}
        confirmLabel={t('needs.withdraw')}
        isBusy={isBusy}
        onConfirm={() => void withdraw()}
        onCancel={() => setIsConfirming(false)}
      >
        <p>{t('needs.withdrawText', { title: need.title })}</p>
      </ConfirmDialog>
    </li>
  );
}
