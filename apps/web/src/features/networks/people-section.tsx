import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { initials } from '../../components/format.ts';
import { RoleBadges } from '../../components/labels.tsx';

export function PeopleSection({ slug, canManage }: { slug: string; canManage: boolean }) {
  const { t } = useTranslation();
  const people = useApi(() => api.people(slug), slug);
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title" className="card-title">
        {t('people.title')}
        {people.state === 'ready' ? <span className="count">{people.data.people.length}</span> : null}
      </h2>
      {people.state === 'loading' ? <Loading /> : null}
      {people.state === 'failed' ? <ErrorBanner error={people.error} onRetry={people.reload} /> : null}
      {people.state === 'ready' && people.data.people.length === 0 ? (
        <EmptyState title={t('people.empty')}>
          {canManage ? t('people.emptyManager') : t('people.emptyMember')}
        </EmptyState>
      ) : null}
      {people.state === 'ready' && people.data.people.length > 0 ? (
        <>
          <ul className="people">
            {people.data.people.map((person) => (
              <li key={person.personId} className="person">
                <span className="avatar" aria-hidden="true">
                  {initials(person.displayName)}
                </span>
                <span className="person-main">
                  <span className="person-name">{person.displayName}</span>
                  {person.email ? (
                    <a className="person-email" href={`mailto:${person.email}`}>
                      {person.email}
                    </a>
                  ) : null}
                </span>
                <RoleBadges roles={person.roles} />
              </li>
            ))}
          </ul>
          {canManage ? null : <p className="muted small">{t('people.emailsHidden')}</p>}
        </>
      ) : null}
    </section>
  );
}
