import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type ProjectDetail, type ProjectStage } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { KindBadge } from './kind-badge.tsx';

export const PROJECT_STAGES = ['idea', 'pilot', 'project', 'industrial', 'market'] as const;

/** A collective project: its stage (staff move it on), its member organisations, its needs. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const loaded = useApi(() => api.project(slug, id), `project-${slug}-${id}`);
  const [override, setOverride] = useState<ProjectDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  usePageTitle(loaded.data?.title ?? t('projects.title'));

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    if (loaded.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  const project = override?.id === id ? override : loaded.data;

  async function moveTo(stage: ProjectStage) {
    setIsBusy(true);
    setError(null);
    try {
      setOverride(await api.setProjectStage(slug, id, stage));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="page">
      <p>
        <Link to={`/n/${slug}/needs`}>← {t('capability.needs.title')}</Link>
      </p>
      <header className="need-card-head">
        <h1>{project.title}</h1>
        <span className={`badge badge-stage-${project.stage}`}>{t(`projects.stage.${project.stage}`)}</span>
      </header>
      {project.description ? <p>{project.description}</p> : null}
      {project.leadOrganisation ? (
        <p className="muted">{t('projects.lead', { name: project.leadOrganisation.name })}</p>
      ) : null}

      <section className="card" aria-labelledby="project-stage-title">
        <h2 id="project-stage-title" className="card-title">
          {t('projects.stageTitle')}
        </h2>
        <ol className="stages">
          {PROJECT_STAGES.map((stage) => (
            <li key={stage} className={stage === project.stage ? 'stage stage-current' : 'stage'}>
              {project.canManage && stage !== project.stage ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={isBusy}
                  onClick={() => void moveTo(stage)}
                >
                  {t(`projects.stage.${stage}`)}
                </button>
              ) : (
                <span aria-current={stage === project.stage ? 'step' : undefined}>
                  {t(`projects.stage.${stage}`)}
                </span>
              )}
            </li>
          ))}
        </ol>
        {project.canManage ? <p className="field-hint">{t('projects.stageHint')}</p> : null}
        <ErrorBanner error={error} />
      </section>

      <section className="card" aria-labelledby="project-members-title">
        <h2 id="project-members-title" className="card-title">
          {t('projects.members')}
        </h2>
        {project.members.length === 0 ? (
          <EmptyState title={t('projects.noMembers')} />
        ) : (
          <ul className="project-members">
            {project.members.map((member) => (
              <li key={member.organisationId}>
                <Link to={`/n/${slug}/organisations/${member.organisationId}`}>
                  {member.organisationName}
                </Link>{' '}
                <span className="badge badge-status-pending">
                  {t(`projects.memberStatus.${member.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="project-needs-title">
        <h2 id="project-needs-title" className="card-title">
          {t('projects.needs')}
        </h2>
        {project.needs.length === 0 ? (
          <EmptyState title={t('projects.noNeeds')} />
        ) : (
          <ul className="need-group-needs">
            {project.needs.map((need) => (
              <li key={need.id}>
                <KindBadge kind={need.kind} /> <strong>{need.title}</strong>{' '}
                <span className="muted">— {need.organisationName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
