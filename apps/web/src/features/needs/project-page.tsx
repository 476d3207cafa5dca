import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type ProjectLife, type ProjectStage } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { KindBadge } from './kind-badge.tsx';
import { ProjectAidSchemes } from './project-aid-schemes.tsx';
import { ProjectInvite } from './project-invite.tsx';
import { ProjectNetworks } from './project-networks.tsx';
import {
  BudgetSection,
  DocumentsSection,
  EventsSection,
  IndicatorsSection,
  MilestonesSection,
} from './project-sections.tsx';
import { ProjectStepper } from './project-stepper.tsx';

/**
 * A collective project: its stage (a stepper), lead and team, then — for staff and the companies
 * that joined — milestones, budget and co-financing, documents, decisions and outcomes, and the
 * indicators funders ask for.
 */
export function ProjectPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const loaded = useApi(() => api.projectLife(slug, id), `project-life-${slug}-${id}`);
  const [override, setOverride] = useState<ProjectLife | null>(null);
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
  const life = override?.id === id ? override : loaded.data;

  async function change(action: () => Promise<ProjectLife>) {
    setIsBusy(true);
    setError(null);
    try {
      setOverride(await action());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  const joined = life.team.filter((member) => member.status === 'joined');
  const myInvitations = life.team.filter((member) => member.isMine && member.status !== 'joined');

  return (
    <div className="page">
      <p>
        <Link to={`/n/${slug}/projects`}>← {t('projectLife.pipelineTitle')}</Link>
      </p>
      <header className="project-header">
        <h1>{life.title}</h1>
        <span className={`badge badge-stage-${life.stage}`}>{t(`projects.stage.${life.stage}`)}</span>
      </header>
      {life.homeNetwork.slug !== slug ? (
        <p className="muted">{t('projectLife.fromNetwork', { name: life.homeNetwork.name })}</p>
      ) : null}
      {life.description ? <p className="project-description">{life.description}</p> : null}

      {myInvitations.map((member) => (
        <div key={member.organisationId} className="banner banner-info project-invitation" role="status">
          <span>
            {member.status === 'invited'
              ? t('projectLife.invitedAs', { name: member.organisationName })
              : t('projectLife.declinedAs', { name: member.organisationName })}
          </span>
          <span className="project-actions">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={isBusy}
              onClick={() =>
                void change(() => api.respondToProject(slug, id, member.organisationId, 'joined'))
              }
            >
              {t('projectLife.join')}
            </button>
            {member.status === 'invited' ? (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={isBusy}
                onClick={() =>
                  void change(() => api.respondToProject(slug, id, member.organisationId, 'declined'))
                }
              >
                {t('projectLife.decline')}
              </button>
            ) : null}
          </span>
        </div>
      ))}

      <section className="card project-section" aria-labelledby="project-overview-title">
        <h2 id="project-overview-title" className="card-title">
          {t('projectLife.overview')}
        </h2>
        <ProjectStepper
          stage={life.stage}
          canChange={life.canChangeStage}
          isBusy={isBusy}
          onChange={(stage: ProjectStage, note: string) =>
            void change(() => api.changeProjectStage(slug, id, stage, note))
          }
        />
        <ErrorBanner error={error} />

        <div className="project-overview-grid">
          <div>
            <h3>{t('projectLife.lead')}</h3>
            {life.canManage && joined.length > 0 ? (
              <div className="field">
                <label htmlFor="project-lead" className="visually-hidden">
                  {t('projectLife.lead')}
                </label>
                <select
                  id="project-lead"
                  value={life.leadOrganisation?.id ?? ''}
                  disabled={isBusy}
                  onChange={(event) =>
                    void change(() => api.setProjectLead(slug, id, event.target.value || null))
                  }
                >
                  <option value="">{t('projectLife.noLead')}</option>
                  {joined.map((member) => (
                    <option key={member.organisationId} value={member.organisationId}>
                      {member.organisationName}
                    </option>
                  ))}
                </select>
                <p className="field-hint">{t('projectLife.leadHint')}</p>
              </div>
            ) : (
              <p>{life.leadOrganisation?.name ?? t('projectLife.noLead')}</p>
            )}
          </div>
          <div>
            <h3>{t('projectLife.team')}</h3>
            {life.team.length === 0 ? (
              <EmptyState title={t('projects.noMembers')} />
            ) : (
              <ul className="project-team">
                {life.team.map((member) => (
                  <li key={member.organisationId}>
                    <Link to={`/n/${slug}/organisations/${member.organisationId}`}>
                      {member.organisationName}
                    </Link>{' '}
                    <span className={`badge project-member-${member.status}`}>
                      {t(`projects.memberStatus.${member.status}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {life.canManage && life.homeNetwork.slug === slug ? (
            <ProjectNetworks slug={slug} life={life} onChange={setOverride} />
          ) : life.spannedNetworks.length > 0 ? (
            <div>
              <h3>{t('projectLife.networks')}</h3>
              <ul className="project-team">
                <li>{life.homeNetwork.name}</li>
                {life.spannedNetworks.map((network) => (
                  <li key={network.id}>{network.name}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        {life.canManage ? <ProjectInvite slug={slug} life={life} onChange={setOverride} /> : null}
      </section>

      <ProjectNeeds slug={slug} id={id} />

      <ProjectAidSchemes slug={slug} projectId={id} />

      {life.canSeeWork ? (
        <>
          <MilestonesSection slug={slug} life={life} onChange={setOverride} />
          <BudgetSection slug={slug} life={life} onChange={setOverride} />
          <DocumentsSection slug={slug} life={life} onChange={setOverride} />
          <EventsSection slug={slug} life={life} onChange={setOverride} />
          <IndicatorsSection slug={slug} life={life} onChange={setOverride} />
        </>
      ) : (
        <EmptyState title={t('projectLife.workHidden')}>{t('projectLife.workHiddenHint')}</EmptyState>
      )}
    </div>
  );
}

/** The needs the project was born from, when the project belongs to this network. */
function ProjectNeeds({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const detail = useApi(() => api.project(slug, id), `project-${slug}-${id}`);
  if (detail.state !== 'ready' || detail.data.needs.length === 0) return null;
  return (
    <section className="card project-section" aria-labelledby="project-needs-title">
      <h2 id="project-needs-title" className="card-title">
        {t('projects.needs')}
      </h2>
      <ul className="need-group-needs">
        {detail.data.needs.map((need) => (
          <li key={need.id}>
            <KindBadge kind={need.kind} /> <strong>{need.title}</strong>{' '}
            <span className="muted">— {need.organisationName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
