import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type PipelineCard, type ProjectPipeline, type ProjectStage } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatDate, useFormatMoney } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { NeedsNav } from './needs-nav.tsx';
import { PROJECT_STAGES } from './project-stepper.tsx';

/** The project pipeline: one column per stage; staff move a card to the stage before or after. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const title = t('projectLife.pipelineTitle');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const loaded = useApi(() => api.projectPipeline(slug), `pipeline-${slug}`);
  const [override, setOverride] = useState<{ slug: string; pipeline: ProjectPipeline } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [announce, setAnnounce] = useState('');

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    if (loaded.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  const pipeline = override?.slug === slug ? override.pipeline : loaded.data;

  async function move(card: PipelineCard, stage: ProjectStage) {
    setBusyId(card.id);
    setError(null);
    try {
      const life = await api.changeProjectStage(slug, card.id, stage);
      setOverride({
        slug,
        pipeline: {
          ...pipeline,
          projects: pipeline.projects.map((p) => (p.id === card.id ? { ...p, stage: life.stage } : p)),
        },
      });
      setAnnounce(t('projectLife.moved', { title: card.title, stage: t(`projects.stage.${life.stage}`) }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="needs" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('projectLife.pipelineIntro')}</p>
        </div>
      </header>
      <NeedsNav slug={slug} />
      <ErrorBanner error={error} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>

      {pipeline.projects.length === 0 ? (
        <EmptyState title={t('projectLife.pipelineEmpty')}>
          {pipeline.canManage ? (
            <>
              {t('projectLife.pipelineEmptyStaff')} <Link to={`/n/${slug}/needs`}>{t('needsNav.needs')}</Link>
            </>
          ) : (
            t('projectLife.pipelineEmptyMember')
          )}
        </EmptyState>
      ) : (
        <div className="project-board">
          {PROJECT_STAGES.map((stage, index) => {
            const cards = pipeline.projects.filter((p) => p.stage === stage);
            const headingId = `project-column-${stage}`;
            return (
              <section key={stage} className="project-column" aria-labelledby={headingId}>
                <h2 id={headingId} className="project-column-title">
                  <span className={`badge badge-stage-${stage}`}>{t(`projects.stage.${stage}`)}</span>
                  <span className="project-column-count">{cards.length}</span>
                </h2>
                {cards.length === 0 ? (
                  <p className="muted project-column-empty">{t('projectLife.columnEmpty')}</p>
                ) : (
                  <ul className="project-cards">
                    {cards.map((card) => (
                      <ProjectCard
                        key={card.id}
                        slug={slug}
                        card={card}
                        canMove={pipeline.canManage}
                        isBusy={busyId === card.id}
                        previous={index > 0 ? PROJECT_STAGES[index - 1] : undefined}
                        next={index < PROJECT_STAGES.length - 1 ? PROJECT_STAGES[index + 1] : undefined}
                        onMove={(to) => void move(card, to)}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

function ProjectCard({
  slug,
  card,
  canMove,
  isBusy,
  previous,
  next,
  onMove,
}: {
  slug: string;
  card: PipelineCard;
  canMove: boolean;
  isBusy: boolean;
  previous: ProjectStage | undefined;
  next: ProjectStage | undefined;
  onMove: (stage: ProjectStage) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatMoney = useFormatMoney();
  return (
    <li className="card project-card">
      <h3 className="project-card-title">
        <Link to={`/n/${slug}/projects/${card.id}`}>{card.title}</Link>
      </h3>
      {card.homeNetworkName ? (
        <p className="muted project-card-line">
          {t('projectLife.fromNetwork', { name: card.homeNetworkName })}
        </p>
      ) : null}
      <dl className="project-card-facts">
        <dt>{t('projectLife.lead')}</dt>
        <dd>{card.leadOrganisationName ?? t('projectLife.noLead')}</dd>
        <dt>{t('projectLife.team')}</dt>
        <dd>{t('projectLife.teamSize', { count: card.teamSize })}</dd>
        {card.nextMilestone ? (
          <>
            <dt>{t('projectLife.nextMilestone')}</dt>
            <dd>
              {card.nextMilestone.title}
              {card.nextMilestone.dueOn ? ` · ${formatDate(card.nextMilestone.dueOn)}` : ''}
            </dd>
          </>
        ) : null}
        {card.gapCents !== null ? (
          <>
            <dt>{t('projectLife.gap')}</dt>
            <dd className={card.gapCents > 0 ? 'project-gap' : 'project-gap-none'}>
              {card.gapCents > 0 ? formatMoney(card.gapCents) : t('projectLife.funded')}
            </dd>
          </>
        ) : null}
      </dl>
      {canMove ? (
        <div className="project-card-moves">
          {previous ? (
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={isBusy}
              aria-label={t('projectLife.moveTo', {
                title: card.title,
                stage: t(`projects.stage.${previous}`),
              })}
              onClick={() => onMove(previous)}
            >
              ← {t(`projects.stage.${previous}`)}
            </button>
          ) : null}
          {next ? (
            <button
              type="button"
              className="button button-small"
              disabled={isBusy}
              aria-label={t('projectLife.moveTo', { title: card.title, stage: t(`projects.stage.${next}`) })}
              onClick={() => onMove(next)}
            >
              {t(`projects.stage.${next}`)} →
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
