import { categoryForHeadcountBand } from '@meute/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type OrganisationProfile, type UpdateOrganisationRequest } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, fieldError } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import {
  CommunePicker,
  type CommuneValue,
  HeadcountSelect,
  NafPicker,
  type NafValue,
} from '../../components/reference.tsx';

type Certification = { name: string; expiresOn: string };
type Capacity = { label: string; quantity: string; freePercent: string };
type Reference = { title: string; client: string; year: string; description: string };

const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));

/** Everything a leader keeps current about their company, in one form. */
export function OrganisationForm({
  slug,
  organisation,
  onCancel,
  onSaved,
}: {
  slug: string;
  organisation: OrganisationProfile;
  onCancel: () => void;
  onSaved: (saved: OrganisationProfile) => void;
}) {
  const { t } = useTranslation();
  usePageTitle(t('organisation.editTitle', { name: organisation.name }));
  const [name, setName] = useState(organisation.name);
  const [siret, setSiret] = useState(organisation.siret ?? '');
  const [website, setWebsite] = useState(organisation.website);
  const [description, setDescription] = useState(organisation.description);
  const [naf, setNaf] = useState<NafValue | null>(
    organisation.nafCode ? { code: organisation.nafCode, label: organisation.nafLabel ?? '' } : null,
  );
  const [commune, setCommune] = useState<CommuneValue | null>(
    organisation.commune
      ? {
          code: organisation.commune.code,
          name: organisation.departement
            ? `${organisation.commune.name} (${organisation.departement.code})`
            : organisation.commune.name,
        }
      : null,
  );
  const [band, setBand] = useState(organisation.headcountBand ?? '');
  const [competenceIds, setCompetenceIds] = useState<string[]>(organisation.competenceItems.map((c) => c.id));
  const [freeCompetences, setFreeCompetences] = useState<string[]>(organisation.freeCompetences);
  const [certifications, setCertifications] = useState<Certification[]>(
    organisation.certificationItems.map((c) => ({ name: c.name, expiresOn: c.expiresOn ?? '' })),
  );
  const [capacities, setCapacities] = useState<Capacity[]>(
    organisation.capacities.map((c) => ({
      label: c.label,
      quantity: c.quantity === null ? '' : String(c.quantity),
      freePercent: c.freePercent === null ? '' : String(c.freePercent),
    })),
  );
  const [references, setReferences] = useState<Reference[]>(
    organisation.references.map((r) => ({
      title: r.title,
      client: r.client,
      year: r.year === null ? '' : String(r.year),
      description: r.description,
    })),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const category = categoryForHeadcountBand(band || null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const changes: UpdateOrganisationRequest = {
      name: name.trim(),
      siret: siret.replace(/[\s.-]/g, '') || null,
      website: website.trim(),
      description: description.trim(),
      nafCode: naf?.code ?? null,
      communeCode: commune?.code ?? null,
      headcountBand: (band || null) as UpdateOrganisationRequest['headcountBand'],
      competenceIds,
      freeCompetences,
      certifications: certifications
        .filter((c) => c.name.trim() !== '')
        .map((c) => ({ name: c.name.trim(), expiresOn: c.expiresOn || null })),
      capacities: capacities
        .filter((c) => c.label.trim() !== '')
        .map((c) => ({
          label: c.label.trim(),
          quantity: toNumber(c.quantity),
          freePercent: toNumber(c.freePercent),
        })),
      references: references
        .filter((r) => r.title.trim() !== '')
        .map((r) => ({
          title: r.title.trim(),
          client: r.client.trim(),
          year: toNumber(r.year),
          description: r.description.trim(),
        })),
    };
    try {
      onSaved(await api.updateOrganisation(organisation.id, changes));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
      window.scrollTo({ top: 0 });
    } finally {
      setIsBusy(false);
    }
  }

  const errorOf = (path: string) => {
    const message = fieldError(error, path);
    // The server names a bad SIRET by a code; say it in words.
    if (path === 'siret' && message === 'CHECKSUM') return t('join.siretChecksum');
    if (path === 'siret' && message === 'FORMAT') return t('join.siretDigits');
    return message;
  };
  const isFieldError = Boolean(error?.field);

  return (
    <div className="page page-narrow organisation-edit">
      <header className="page-header">
        <div>
          <h1>{t('organisation.editTitle', { name: organisation.name })}</h1>
          <p className="muted">{t('organisation.editIntro')}</p>
        </div>
      </header>
      <form onSubmit={submit} noValidate>
        {error ? (
          isFieldError ? (
            <div className="banner banner-error" role="alert">
              {t('organisation.fixErrors')}
            </div>
          ) : (
            <ErrorBanner error={error} />
          )
        ) : null}

        <section className="card form-section" aria-labelledby="edit-identity">
          <h2 id="edit-identity" className="card-title">
            {t('organisation.identity')}
          </h2>
          <TextField
            label={t('organisation.name')}
            required
            maxLength={200}
            value={name}
            error={errorOf('name')}
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            label={t('organisation.siret')}
            inputMode="numeric"
            maxLength={20}
            value={siret}
            error={errorOf('siret')}
            onChange={(event) => setSiret(event.target.value)}
          />
          <NafPicker value={naf} onChange={setNaf} error={errorOf('nafCode')} />
          <div className="form-row">
            <HeadcountSelect value={band} onChange={setBand} error={errorOf('headcountBand')} />
            <div className="field">
              <span className="field-label">{t('organisation.category')}</span>
              <p className="derived" aria-live="polite">
                {category ? t(`category.${category}.long`) : t('organisation.categoryUnknown')}
              </p>
            </div>
          </div>
          <CommunePicker value={commune} onChange={setCommune} error={errorOf('communeCode')} />
          <TextField
            label={t('organisation.website')}
            type="url"
            placeholder="https://"
            maxLength={300}
            value={website}
            error={errorOf('website')}
            onChange={(event) => setWebsite(event.target.value)}
          />
          <div className={errorOf('description') ? 'field field-invalid' : 'field'}>
            <label htmlFor="org-description">{t('organisation.description')}</label>
            <textarea
              id="org-description"
              rows={5}
              maxLength={5000}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
            {errorOf('description') ? <p className="field-error">{errorOf('description')}</p> : null}
          </div>
        </section>

        <CompetencesEditor
          slug={slug}
          selected={competenceIds}
          onSelected={setCompetenceIds}
          free={freeCompetences}
          onFree={setFreeCompetences}
          error={errorOf('competenceIds') ?? errorOf('freeCompetences')}
        />

        <section className="card form-section" aria-labelledby="edit-certifications">
          <h2 id="edit-certifications" className="card-title">
            {t('organisation.certifications')}
          </h2>
          <p className="muted small">{t('organisation.certificationsHint')}</p>
          <Rows
            items={certifications}
            onChange={setCertifications}
            empty={{ name: '', expiresOn: '' }}
            addLabel={t('organisation.addCertification')}
            removeLabel={(item) => t('organisation.removeItem', { name: item.name || '—' })}
            errorOf={(index) => errorOf(`certifications.${index}`)}
            render={(item, update, index) => (
              <>
                <TextField
                  label={t('organisation.certificationName')}
                  placeholder={t('organisation.certificationPlaceholder')}
                  value={item.name}
                  onChange={(event) => update({ name: event.target.value })}
                  data-row={index}
                />
                <TextField
                  label={t('organisation.expiresOn')}
                  type="date"
                  value={item.expiresOn}
                  onChange={(event) => update({ expiresOn: event.target.value })}
                />
              </>
            )}
          />
        </section>

        <section className="card form-section" aria-labelledby="edit-capacities">
          <h2 id="edit-capacities" className="card-title">
            {t('organisation.capacities')}
          </h2>
          <p className="muted small">{t('organisation.capacitiesHint')}</p>
          <Rows
            items={capacities}
            onChange={setCapacities}
            empty={{ label: '', quantity: '', freePercent: '' }}
            addLabel={t('organisation.addCapacity')}
            removeLabel={(item) => t('organisation.removeItem', { name: item.label || '—' })}
            errorOf={(index) => errorOf(`capacities.${index}`)}
            render={(item, update) => (
              <>
                <TextField
                  label={t('organisation.capacityLabel')}
                  placeholder={t('organisation.capacityPlaceholder')}
                  value={item.label}
                  onChange={(event) => update({ label: event.target.value })}
                />
                <TextField
                  label={t('organisation.quantity')}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  value={item.quantity}
                  onChange={(event) => update({ quantity: event.target.value })}
                />
                <TextField
                  label={t('organisation.freePercentLabel')}
                  type="number"
                  min={0}
                  max={100}
                  inputMode="numeric"
                  value={item.freePercent}
                  onChange={(event) => update({ freePercent: event.target.value })}
                />
              </>
            )}
          />
        </section>

        <section className="card form-section" aria-labelledby="edit-references">
          <h2 id="edit-references" className="card-title">
            {t('organisation.references')}
          </h2>
          <Rows
            items={references}
            onChange={setReferences}
            empty={{ title: '', client: '', year: '', description: '' }}
            addLabel={t('organisation.addReference')}
            removeLabel={(item) => t('organisation.removeItem', { name: item.title || '—' })}
            errorOf={(index) => errorOf(`references.${index}`)}
            render={(item, update) => (
              <>
                <TextField
                  label={t('organisation.referenceTitle')}
                  value={item.title}
                  onChange={(event) => update({ title: event.target.value })}
                />
                <TextField
                  label={t('organisation.referenceClient')}
                  value={item.client}
                  onChange={(event) => update({ client: event.target.value })}
                />
                <TextField
                  label={t('organisation.referenceYear')}
                  type="number"
                  min={1900}
                  max={2100}
                  value={item.year}
                  onChange={(event) => update({ year: event.target.value })}
                />
                <TextField
                  label={t('organisation.referenceDescription')}
                  value={item.description}
                  onChange={(event) => update({ description: event.target.value })}
                />
              </>
            )}
          />
        </section>

        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={isBusy}>
            {t('action.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {isBusy ? t('organisation.saving') : t('organisation.save')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A list of small records edited in place: each row its fields and a remove button, then « add ». */
function Rows<T extends object>({
  items,
  onChange,
  empty,
  addLabel,
  removeLabel,
  errorOf,
  render,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  empty: T;
  addLabel: string;
  removeLabel: (item: T) => string;
  errorOf: (index: number) => string | undefined;
  render: (item: T, update: (changes: Partial<T>) => void, index: number) => React.ReactNode;
}) {
  return (
    <>
      {items.length > 0 ? (
        <ol className="edit-rows">
          {items.map((item, index) => {
            const problem = errorOf(index);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity.
              <li key={index} className={problem ? 'edit-row is-invalid' : 'edit-row'}>
                <div className="edit-row-fields">
                  {render(
                    item,
                    (changes) => onChange(items.map((x, i) => (i === index ? { ...x, ...changes } : x))),
                    index,
                  )}
                </div>
                <button
                  type="button"
                  className="icon-button edit-row-remove"
                  aria-label={removeLabel(item)}
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                >
                  <Icon name="close" size={18} />
                </button>
                {problem ? <p className="field-error edit-row-error">{problem}</p> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...items, empty])}
      >
        + {addLabel}
      </button>
    </>
  );
}

/** The network's shared competences to tick, and the company's own words for the rest. */
function CompetencesEditor({
  slug,
  selected,
  onSelected,
  free,
  onFree,
  error,
}: {
  slug: string;
  selected: string[];
  onSelected: (ids: string[]) => void;
  free: string[];
  onFree: (labels: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const taxonomy = useApi(() => api.competences(slug), slug);
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState('');
  const normalise = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const items = (taxonomy.data?.competences ?? []).filter(
    (c) => selected.includes(c.id) || normalise(c.label).includes(normalise(filter.trim())),
  );

  function addFree() {
    const label = draft.trim();
    if (label.length === 0) return;
    if (!free.some((f) => normalise(f) === normalise(label))) onFree([...free, label]);
    setDraft('');
  }

  return (
    <section className="card form-section" aria-labelledby="edit-competences">
      <h2 id="edit-competences" className="card-title">
        {t('organisation.competences')}
      </h2>
      {error ? <p className="field-error">{error}</p> : null}
      <fieldset className="competence-picker">
        <legend>{t('organisation.taxonomy')}</legend>
        {(taxonomy.data?.competences.length ?? 0) > 12 ? (
          <TextField
            label={t('organisation.filterCompetences')}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        ) : null}
        {taxonomy.state === 'ready' && taxonomy.data.competences.length === 0 ? (
          <p className="muted small">{t('organisation.noTaxonomy')}</p>
        ) : null}
        <div className="chip-toggles">
          {items.map((competence) => {
            const isOn = selected.includes(competence.id);
            return (
              <button
                key={competence.id}
                type="button"
                className="chip-toggle"
                aria-pressed={isOn}
                onClick={() =>
                  onSelected(
                    isOn ? selected.filter((id) => id !== competence.id) : [...selected, competence.id],
                  )
                }
              >
                {competence.label}
              </button>
            );
          })}
        </div>
      </fieldset>
      <div className="free-competences">
        <div className="inline-add">
          <TextField
            label={t('organisation.freeCompetence')}
            hint={t('organisation.freeCompetenceHint')}
            maxLength={80}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addFree();
              }
            }}
          />
          <button type="button" className="button button-secondary" onClick={addFree}>
            {t('organisation.addFreeCompetence')}
          </button>
        </div>
        {free.length > 0 ? (
          <ul className="chips">
            {free.map((label) => (
              <li key={label} className="chip chip-removable">
                {label}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('organisation.removeItem', { name: label })}
                  onClick={() => onFree(free.filter((f) => f !== label))}
                >
                  <Icon name="close" size={14} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
