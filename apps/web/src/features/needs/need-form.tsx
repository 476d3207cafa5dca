import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Need, type NeedList } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, fieldError } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { NoBusinessNotice, useNoBusiness } from '../networks/no-business.tsx';

export const NEED_KINDS = ['need', 'offer', 'idea'] as const;
export const NEED_VISIBILITIES = ['network', 'staff', 'named'] as const;

/** Posting a need, an offer or an idea — or changing one (`need` given). */
export function NeedForm({
  slug,
  list,
  need,
  onDone,
  onCancel,
}: {
  slug: string;
  list: NeedList;
  need?: Need;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const competences = useApi(() => api.competences(slug), `competences-${slug}`);
  const [kind, setKind] = useState<Need['kind']>(need?.kind ?? 'need');
  // A club with the « no business » rule: members post no offer to each other.
  const noBusiness = useNoBusiness(slug);
  const kinds = NEED_KINDS.filter(
    (value) => value !== 'offer' || noBusiness === false || need?.kind === 'offer',
  );
  const [title, setTitle] = useState(need?.title ?? '');
  const [description, setDescription] = useState(need?.description ?? '');
  const [organisationId, setOrganisationId] = useState(list.myOrganisations[0]?.id ?? '');
  const [competenceIds, setCompetenceIds] = useState<string[]>(need?.competenceIds ?? []);
  const [nafCode, setNafCode] = useState(need?.nafCode ?? '');
  const [quantity, setQuantity] = useState(need?.quantity ?? '');
  const [deadline, setDeadline] = useState(need?.deadline ?? '');
  const [visibility, setVisibility] = useState<Need['visibility']>(need?.visibility ?? 'network');
  const [named, setNamed] = useState<string[]>(need?.namedOrganisationIds ?? []);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const idPrefix = need ? `need-${need.id}` : 'new-need';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const fields = {
      kind,
      title,
      description,
      competenceIds,
      nafCode: nafCode.trim() || null,
      quantity,
      deadline: deadline || null,
      visibility,
      namedOrganisationIds: visibility === 'named' ? named : [],
    };
    try {
      if (need) await api.updateNeed(slug, need.id, fields);
      else
        await api.postNeed(slug, {
          ...fields,
          ...(list.myOrganisations.length > 1 ? { organisationId } : {}),
        });
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  const selected = (event: React.ChangeEvent<HTMLSelectElement>) =>
    [...event.target.selectedOptions].map((option) => option.value);

  return (
    <section className="card" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="card-title">
        {need ? t('needs.edit') : t('needs.new')}
      </h2>
      <form onSubmit={submit} noValidate>
        {error && !error.field ? <ErrorBanner error={error} /> : null}
        <fieldset className="form-group">
          <legend>{t('needs.field.kind')}</legend>
          {kinds.map((value) => (
            <div className="check" key={value}>
              <input
                id={`${idPrefix}-kind-${value}`}
                type="radio"
                name={`${idPrefix}-kind`}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              <label htmlFor={`${idPrefix}-kind-${value}`}>
                <strong>{t(`needs.kind.${value}`)}</strong> — {t(`needs.kindHint.${value}`)}
              </label>
            </div>
          ))}
          {noBusiness ? <NoBusinessNotice what="offer" /> : null}
          {fieldError(error, 'kind') ? <p className="field-error">{fieldError(error, 'kind')}</p> : null}
        </fieldset>
        {!need && list.myOrganisations.length > 1 ? (
          <div className="field">
            <label htmlFor={`${idPrefix}-organisation`}>{t('needs.field.organisation')}</label>
            <select
              id={`${idPrefix}-organisation`}
              value={organisationId}
              onChange={(event) => setOrganisationId(event.target.value)}
            >
              {list.myOrganisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <TextField
          label={t('needs.field.title')}
          required
          maxLength={200}
          value={title}
          error={fieldError(error, 'title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        <div className="field">
          <label htmlFor={`${idPrefix}-description`}>{t('needs.field.description')}</label>
          <textarea
            id={`${idPrefix}-description`}
            rows={4}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        {competences.state === 'ready' && competences.data.competences.length > 0 ? (
          <div className={fieldError(error, 'competenceIds') ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${idPrefix}-competences`}>{t('needs.field.competences')}</label>
            <select
              id={`${idPrefix}-competences`}
              multiple
              size={Math.min(5, competences.data.competences.length)}
              value={competenceIds}
              onChange={(event) => setCompetenceIds(selected(event))}
            >
              {competences.data.competences.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            <p className="field-hint">{t('needs.field.competencesHint')}</p>
          </div>
        ) : null}
        <div className="form-row">
          <TextField
            label={t('needs.field.naf')}
            hint={t('needs.field.nafHint')}
            maxLength={8}
            value={nafCode}
            error={fieldError(error, 'nafCode')}
            onChange={(event) => setNafCode(event.target.value)}
          />
          <TextField
            label={t('needs.field.quantity')}
            hint={t('needs.field.quantityHint')}
            maxLength={120}
            value={quantity}
            error={fieldError(error, 'quantity')}
            onChange={(event) => setQuantity(event.target.value)}
          />
          <TextField
            label={t('needs.field.deadline')}
            type="date"
            value={deadline}
            error={fieldError(error, 'deadline')}
            onChange={(event) => setDeadline(event.target.value)}
          />
        </div>
        <fieldset className="form-group">
          <legend>{t('needs.field.visibility')}</legend>
          {NEED_VISIBILITIES.map((value) => (
            <div className="check" key={value}>
              <input
                id={`${idPrefix}-visibility-${value}`}
                type="radio"
                name={`${idPrefix}-visibility`}
                checked={visibility === value}
                onChange={() => setVisibility(value)}
              />
              <label htmlFor={`${idPrefix}-visibility-${value}`}>
                <strong>{t(`needs.visibility.${value}`)}</strong> — {t(`needs.visibilityHint.${value}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {visibility === 'named' ? (
          <div className={fieldError(error, 'namedOrganisationIds') ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${idPrefix}-named`}>{t('needs.field.named')}</label>
            <select
              id={`${idPrefix}-named`}
              multiple
              size={Math.min(6, Math.max(2, list.networkOrganisations.length))}
              value={named}
              onChange={(event) => setNamed(selected(event))}
            >
              {list.networkOrganisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            {fieldError(error, 'namedOrganisationIds') ? (
              <p className="field-error">{fieldError(error, 'namedOrganisationIds')}</p>
            ) : null}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {need ? t('action.save') : t('needs.post')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
