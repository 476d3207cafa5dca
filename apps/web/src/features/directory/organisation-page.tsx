import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type OrganisationProfile } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { initials, useFormatDate, useFormatNumber } from '../../components/format.ts';
import { NotFoundPage } from '../../components/not-found.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { useBandLabel } from '../../components/reference.tsx';
import { CodirRoleSelect, useCodirRoles } from '../groups/codir-role-select.tsx';
import { CategoryBadge } from './labels.tsx';
import { OrganisationForm } from './organisation-form.tsx';

export function OrganisationPage() {
  const { id = '' } = useParams();
  // Another organisation starts afresh: no edit in progress, no « saved » banner.
  return <OrganisationScreen key={id} />;
}

function OrganisationScreen() {
  const { slug = '', id = '' } = useParams();
  const profile = useApi(() => api.organisation(id), id);
  const [isEditing, setIsEditing] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const [edited, setEdited] = useState<OrganisationProfile | null>(null);

  if (profile.state === 'loading') return <Loading />;
  if (profile.state === 'failed') {
    if (profile.error.status === 404 || profile.error.status === 400) return <NotFoundPage />;
    return (
      <div className="page">
        <ErrorBanner error={profile.error} onRetry={profile.reload} />
      </div>
    );
  }
  const organisation = edited?.id === id ? edited : profile.data;
  if (isEditing) {
    return (
      <OrganisationForm
        slug={slug}
        organisation={organisation}
        onCancel={() => setIsEditing(false)}
        onSaved={(saved) => {
          setEdited(saved);
          setIsEditing(false);
          setIsSaved(true);
          window.scrollTo({ top: 0 });
        }}
      />
    );
  }
  return (
    <OrganisationView
      slug={slug}
      organisation={organisation}
      isSaved={isSaved}
      onEdit={() => {
        setIsSaved(false);
        setIsEditing(true);
      }}
    />
  );
}

function OrganisationView({
  slug,
  organisation,
  isSaved,
  onEdit,
}: {
  slug: string;
  organisation: OrganisationProfile;
  isSaved: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  usePageTitle(organisation.name);
  const bandLabel = useBandLabel();
  const codir = useCodirRoles(slug, organisation.id, organisation.canEdit);
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const today = new Date().toISOString().slice(0, 10);
  const place = [
    organisation.commune?.name,
    organisation.departement ? `${organisation.departement.name} (${organisation.departement.code})` : null,
    organisation.region?.name,
  ].filter(Boolean);

  return (
    <div className="page organisation">
      <p className="back-link">
        <Link to={`/n/${slug}/directory`}>← {t('organisation.backToDirectory')}</Link>
      </p>
      {isSaved ? <SuccessBanner>{t('organisation.saved')}</SuccessBanner> : null}
      <header className="organisation-hero">
        <div className="organisation-hero-main">
          <div className="network-hero-meta">
            {organisation.category ? <CategoryBadge category={organisation.category} /> : null}
            {organisation.kind === 'partner' ? (
              <span className="badge badge-partner">{t('organisation.partner')}</span>
            ) : null}
            {organisation.networks.map((network) => (
              <span key={network.slug} className="muted small">
                {network.name}
              </span>
            ))}
          </div>
          <h1>{organisation.name}</h1>
          {organisation.nafLabel ? <p className="lead">{organisation.nafLabel}</p> : null}
        </div>
        {organisation.canEdit ? (
          <button type="button" className="button button-primary" onClick={onEdit}>
            {t('organisation.edit')}
          </button>
        ) : null}
      </header>

      <div className="organisation-grid">
        <section className="card" aria-labelledby="org-identity">
          <h2 id="org-identity" className="card-title">
            {t('organisation.identity')}
          </h2>
          <dl className="facts facts-plain">
            <div>
              <dt>{t('organisation.siret')}</dt>
              <dd>{organisation.siret ? formatSiret(organisation.siret) : <Missing />}</dd>
            </div>
            <div>
              <dt>{t('organisation.naf')}</dt>
              <dd>
                {organisation.nafCode ? (
                  `${organisation.nafCode} — ${organisation.nafLabel ?? ''}`
                ) : (
                  <Missing />
                )}
              </dd>
            </div>
            <div>
              <dt>{t('organisation.headcount')}</dt>
              <dd>
                {organisation.headcountBand ? bandLabel(organisation.headcountBand) : <Missing />}
                {organisation.category ? ` · ${t(`category.${organisation.category}.long`)}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('organisation.place')}</dt>
              <dd>{place.length > 0 ? place.join(', ') : <Missing />}</dd>
            </div>
            {organisation.epci ? (
              <div>
                <dt>{t('organisation.epci')}</dt>
                <dd>{organisation.epci.name}</dd>
              </div>
            ) : null}
            {organisation.website ? (
              <div>
                <dt>{t('organisation.website')}</dt>
                <dd>
                  <a href={organisation.website} rel="noopener noreferrer" target="_blank">
                    {organisation.website.replace(/^https?:\/\//, '')}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
          {organisation.nafPath.length > 0 ? (
            <>
              <h3 className="subsection-title">{t('organisation.nafPath')}</h3>
              <ol className="naf-path">
                {organisation.nafPath.map((step) => (
                  <li key={step.code}>
                    <span className="naf-path-code">{step.code}</span> {step.label}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>

        <section className="card" aria-labelledby="org-about">
          <h2 id="org-about" className="card-title">
            {t('organisation.about')}
          </h2>
          {organisation.description ? (
            <p className="prose">{organisation.description}</p>
          ) : (
            <p className="muted">{t('organisation.noDescription')}</p>
          )}
          <h3 className="subsection-title">{t('organisation.competences')}</h3>
          {organisation.competences.length > 0 ? (
            <ul className="chips">
              {organisation.competences.map((competence) => (
                <li key={competence} className="chip">
                  {competence}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('organisation.noCompetences')}</p>
          )}
          <h3 className="subsection-title">{t('organisation.certifications')}</h3>
          {organisation.certificationItems.length > 0 ? (
            <ul className="plain-list">
              {organisation.certificationItems.map((certification) => {
                const isExpired = certification.expiresOn !== null && certification.expiresOn < today;
                return (
                  <li key={certification.name} className="row-between">
                    <span className={isExpired ? 'certification is-expired' : 'certification'}>
                      {certification.name}
                    </span>
                    {certification.expiresOn ? (
                      <span className={isExpired ? 'badge badge-expired' : 'badge badge-valid'}>
                        {isExpired
                          ? t('organisation.expiredOn', { date: formatDate(certification.expiresOn) })
                          : t('organisation.validUntil', { date: formatDate(certification.expiresOn) })}
                      </span>
                    ) : (
                      <span className="muted small">{t('organisation.noExpiry')}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="muted">{t('organisation.noCertifications')}</p>
          )}
        </section>

        <section className="card" aria-labelledby="org-capacities">
          <h2 id="org-capacities" className="card-title">
            {t('organisation.capacities')}
          </h2>
          {organisation.capacities.length > 0 ? (
            <ul className="capacities">
              {organisation.capacities.map((capacity) => (
                <li key={capacity.label} className="capacity">
                  <span className="capacity-label">
                    {capacity.quantity !== null ? (
                      <strong>{formatNumber(capacity.quantity)} × </strong>
                    ) : null}
                    {capacity.label}
                  </span>
                  {capacity.freePercent !== null ? (
                    <span className="capacity-free">
                      <span className="meter" aria-hidden="true">
                        <span className="meter-fill" style={{ width: `${capacity.freePercent}%` }} />
                      </span>
                      {t('organisation.freePercent', { percent: capacity.freePercent })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('organisation.noCapacities')}</p>
          )}
          <h3 className="subsection-title">{t('organisation.references')}</h3>
          {organisation.references.length > 0 ? (
            <ul className="plain-list references">
              {organisation.references.map((reference) => (
                <li key={`${reference.title}-${reference.year}`}>
                  <strong>{reference.title}</strong>
                  <span className="muted small">
                    {' '}
                    {[reference.client, reference.year].filter(Boolean).join(' · ')}
                  </span>
                  {reference.description ? <p className="small">{reference.description}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('organisation.noReferences')}</p>
          )}
        </section>

        <section className="card" aria-labelledby="org-people">
          <h2 id="org-people" className="card-title">
            {t('organisation.people')}
            <span className="count">{organisation.people.length}</span>
          </h2>
          {organisation.people.length === 0 ? (
            <EmptyState title={t('organisation.noPeople')} />
          ) : (
            <ul className="people">
              {organisation.people.map((person) => (
                <li key={person.personId} className="person">
                  <span className="avatar" aria-hidden="true">
                    {initials(person.displayName)}
                  </span>
                  <span className="person-main">
                    <span className="person-name">{person.displayName}</span>
                    {person.jobTitle ? <span className="muted small">{person.jobTitle}</span> : null}
                    <span className="person-contacts small">
                      <span>
                        <span className="visually-hidden">{t('field.email')} : </span>
                        {person.email ? (
                          <a href={`mailto:${person.email}`}>{person.email}</a>
                        ) : (
                          <span className="muted">{t('organisation.emailHidden')}</span>
                        )}
                      </span>
                      <span>
                        <span className="visually-hidden">{t('contact.phone')} : </span>
                        {person.phone ? (
                          <a href={`tel:${person.phone.replace(/\s/g, '')}`}>{person.phone}</a>
                        ) : (
                          <span className="muted">{t('organisation.phoneHidden')}</span>
                        )}
                      </span>
                    </span>
                  </span>
                  {codir.data ? (
                    <CodirRoleSelect
                      slug={slug}
                      organisationId={organisation.id}
                      personId={person.personId}
                      roles={codir.data}
                    />
                  ) : null}
                  {person.isLeader ? (
                    <ul className="badges">
                      <li className="badge badge-role">{t('organisation.leader')}</li>
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">{t('organisation.privacyNote')}</p>
        </section>
      </div>
    </div>
  );
}

function Missing() {
  const { t } = useTranslation();
  return <span className="muted">{t('organisation.notProvided')}</span>;
}

/** « 732 829 320 00074 »: SIREN, then NIC, as the register writes them. */
function formatSiret(siret: string): string {
  return siret.length === 14
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}
