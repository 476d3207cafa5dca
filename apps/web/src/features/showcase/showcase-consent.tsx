import type { ShowcaseAdmin, ShowcaseTerritoryLevel } from '@meute/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api } from '../../app/api.ts';
import { EmptyState, ErrorBanner, fieldError, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';

type Organisation = ShowcaseAdmin['myOrganisations'][number];
const PARTS = ['showIdentity', 'showCompetences', 'showCertifications', 'showReferences'] as const;
const PART_LABELS = {
  showIdentity: 'showcase.consent.identity',
  showCompetences: 'showcase.consent.competences',
  showCertifications: 'showcase.consent.certifications',
  showReferences: 'showcase.consent.references',
} as const;
const TERRITORY_LABELS = {
  none: 'showcase.consent.territoryNone',
  departement: 'showcase.consent.territoryDepartement',
  commune: 'showcase.consent.territoryCommune',
} as const;

/** A member: what each of their companies shows on the showcase, part by part (nothing by default). */
export function ShowcaseConsent({
  view,
  onSaved,
}: {
  view: ShowcaseAdmin;
  onSaved: (view: ShowcaseAdmin) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card showcase-consent" aria-labelledby="showcase-consent-title">
      <h2 id="showcase-consent-title" className="card-title">
        {t('showcase.consent.title')}
      </h2>
      <p className="muted">{t('showcase.consent.intro')}</p>
      {view.settings.isPublished ? null : <p className="banner">{t('showcase.consent.notPublished')}</p>}
      {view.myOrganisations.length === 0 ? (
        <EmptyState title={t('showcase.consent.none')} />
      ) : (
        view.myOrganisations.map((organisation) => (
          <ConsentForm
            key={organisation.organisationId}
            slug={view.network.slug}
            organisation={organisation}
            onSaved={onSaved}
          />
        ))
      )}
    </section>
  );
}

function ConsentForm({
  slug,
  organisation,
  onSaved,
}: {
  slug: string;
  organisation: Organisation;
  onSaved: (view: ShowcaseAdmin) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const id = useId();
  const [consent, setConsent] = useState({
    ...organisation.consent,
    contactEmail: organisation.consent.contactEmail ?? '',
  });
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const isReadOnly = !organisation.canEdit;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { updatedAt: _updatedAt, ...body } = consent;
      const next = await api.updateShowcaseConsent(slug, organisation.organisationId, body);
      setSaved(true);
      onSaved(next);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="showcase-consent-form" onSubmit={submit} noValidate aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{organisation.name}</h3>
      {isReadOnly ? <p className="muted">{t('showcase.consent.readOnly')}</p> : null}
      <fieldset className="showcase-parts" disabled={isReadOnly || isBusy}>
        <legend className="visually-hidden">{t('showcase.consent.title')}</legend>
        {PARTS.map((part) => (
          <div key={part} className="showcase-part">
            <label className="showcase-part-label">
              <input
                type="checkbox"
                checked={consent[part]}
                onChange={(event) =>
                  setConsent((previous) => ({ ...previous, [part]: event.target.checked }))
                }
              />
              {t(PART_LABELS[part])}
            </label>
            {part === 'showIdentity' ? (
              <p className="field-hint">{t('showcase.consent.identityHint')}</p>
            ) : null}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-territory`}>{t('showcase.consent.territory')}</label>
          <select
            id={`${id}-territory`}
            value={consent.territoryLevel}
            onChange={(event) =>
              setConsent((previous) => ({
                ...previous,
                territoryLevel: event.target.value as ShowcaseTerritoryLevel,
              }))
            }
          >
            {(['none', 'departement', 'commune'] as const).map((level) => (
              <option key={level} value={level}>
                {t(TERRITORY_LABELS[level])}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('showcase.consent.contactEmail')}
          hint={t('showcase.consent.contactHint')}
          type="email"
          maxLength={254}
          value={consent.contactEmail}
          onChange={(event) => setConsent((previous) => ({ ...previous, contactEmail: event.target.value }))}
          error={fieldError(error, 'contactEmail')}
        />
      </fieldset>
      {saved ? (
        <SuccessBanner>{t('showcase.consent.saved', { name: organisation.name })}</SuccessBanner>
      ) : null}
      <ErrorBanner error={error && !fieldError(error, 'contactEmail') ? error : null} />
      {isReadOnly ? null : (
        <p className="showcase-consent-footer">
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('showcase.consent.save')}
          </button>
          {organisation.consent.updatedAt ? (
            <span className="muted">
              {t('showcase.consent.updated', { date: formatDate(organisation.consent.updatedAt, true) })}
            </span>
          ) : null}
        </p>
      )}
    </form>
  );
}
