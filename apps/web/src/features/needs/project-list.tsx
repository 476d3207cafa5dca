import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner } from '../../components/feedback.tsx';

/** The collective projects I may see (all for staff); nothing at all when there are none. */
export function ProjectList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const projects = useApi(() => api.projects(slug), `projects-${slug}`);
  if (projects.state === 'loading') return null;
  if (projects.state === 'failed') return <ErrorBanner error={projects.error} onRetry={projects.reload} />;
  if (projects.data.projects.length === 0) return null;
  return (
    <section aria-labelledby="projects-title">
      <div className="section-head">
        <h2 id="projects-title">{t('projects.title')}</h2>
        <Link to={`/n/${slug}/projects`}>{t('projectLife.openPipeline')} →</Link>
      </div>
      <ul className="needs">
        {projects.data.projects.map((project) => (
          <li key={project.id} className="card need-card">
            <div className="need-card-head">
              <span className={`badge badge-stage-${project.stage}`}>
                {t(`projects.stage.${project.stage}`)}
              </span>
              <h3 className="card-title">
                <Link to={`/n/${slug}/projects/${project.id}`}>{project.title}</Link>
              </h3>
            </div>
            <p className="muted">{t('projects.memberCount', { count: project.memberCount })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
