import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type NetworkSettings, type TerritoryKind } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { centsToEuros, eurosToCents, useFormatDate } from '../../components/format.ts';
import { CommunePicker, type CommuneValue, useTerritories } from '../../components/reference.tsx';

/** The network's rules: territory, fees, size rule, openness, charter and competence taxonomy. */
export function SettingsTab({ slug }: { slug: string }) {
  const settings = useApi(() => api.settings(slug), `settings-${slug}`);
  if (settings.state === 'loading') return <Loading />;
  if (settings.state === 'failed') return <ErrorBanner error={settings.error} onRetry={settings.reload} />;
  return (
    <div className="settings">
      <RulesForm slug={slug} settings={settings.data} />
      <CharterEditor slug={slug} charter={settings.data.charter} onPublished={settings.reload} />
      <Taxonomy slug={slug} />
    </div>
  );
}

type TerritoryChoice = TerritoryKind | '';

function RulesForm({ slug, settings }: { slug: string; settings: NetworkSettings }) {
  const { t } = useTranslation();
  const territories = useTerritories();
  const [kind, setKind] = useState<TerritoryChoice>(settings.territory?.kind ?? '');
  const [code, setCode] = useState(settings.territory?.code ?? '');
  const [commune, setCommune] = useState<CommuneValue | null>(
    settings.territory?.kind === 'commune'
      ? { code: settings.territory.code, name: settings.territory.label }
      : null,
  );
  const [entryFee, setEntryFee] = useState(centsToEuros(settings.entryFeeCents));
  const [yearlyDues, setYearlyDues] = useState(centsToEuros(settings.yearlyDuesCents));
  const [minStaff, setMinStaff] = useState(settings.minStaff === null ? '' : String(settings.minStaff));
  const [maxStaff, setMaxStaff] = useState(settings.maxStaff === null ? '' : String(settings.maxStaff));
  const [isOpen, setIsOpen] = useState(settings.isOpenToApplications);
  const [noBusiness, setNoBusiness] = useState(settings.noBusiness);
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [isSaved, setIsSaved] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    setError(null);
    const entryFeeCents = eurosToCents(entryFee);
    const yearlyDuesCents = eurosToCents(yearlyDues);
    const problems: Record<string, string> = {};
    if (entryFeeCents === null) problems.entryFeeCents = t('settings.notAmount');
    if (yearlyDuesCents === null) problems.yearlyDuesCents = t('settings.notAmount');
    const territoryCode = kind === 'commune' ? (commune?.code ?? '') : code.trim();
    if (kind && !territoryCode) problems.territory = t('settings.territoryMissing');
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0 || entryFeeCents === null || yearlyDuesCents === null) return;
    setIsBusy(true);
    try {
      await api.updateSettings(slug, {
        territory: kind ? { kind, code: territoryCode } : null,
        entryFeeCents,
        yearlyDuesCents,
        minStaff: minStaff.trim() === '' ? null : Number(minStaff),
        maxStaff: maxStaff.trim() === '' ? null : Number(maxStaff),
        isOpenToApplications: isOpen,
        noBusiness,
      });
      setIsSaved(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  const errorOf = (path: string) => localErrors[path] ?? fieldError(error, path);
  return (
    <section className="card" aria-labelledby="settings-rules">
      <h2 id="settings-rules" className="card-title">
        {t('settings.rulesTitle')}
      </h2>
      <form onSubmit={submit} noValidate>
        {isSaved ? <SuccessBanner>{t('settings.saved')}</SuccessBanner> : null}
        {error && !error.field ? <ErrorBanner error={error} /> : null}
        <fieldset className="form-group">
          <legend>{t('settings.territory')}</legend>
          <div className="form-row">
            <div className="field">
              <label htmlFor="territory-kind">{t('settings.territoryKind')}</label>
              <select
                id="territory-kind"
                value={kind}
                onChange={(event) => {
                  setKind(event.target.value as TerritoryChoice);
                  setCode('');
                }}
              >
                <option value="">{t('settings.territoryNone')}</option>
                {(['region', 'departement', 'epci', 'commune'] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`settings.territoryKinds.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            {kind === 'region' || kind === 'departement' ? (
              <div className={errorOf('territory') ? 'field field-invalid' : 'field'}>
                <label htmlFor="territory-code">{t(`settings.territoryKinds.${kind}`)}</label>
                <select id="territory-code" value={code} onChange={(event) => setCode(event.target.value)}>
                  <option value="">{t('settings.choose')}</option>
                  {(kind === 'region' ? territories?.regions : territories?.departements)?.map((item) => (
                    <option key={item.code} value={item.code}>
                      {item.code} {item.name}
                    </option>
                  ))}
                </select>
                {errorOf('territory') ? <p className="field-error">{errorOf('territory')}</p> : null}
              </div>
            ) : null}
            {kind === 'epci' ? (
              <TextField
                label={t('settings.epciCode')}
                hint={settings.territory?.kind === 'epci' ? settings.territory.label : t('settings.epciHint')}
                inputMode="numeric"
                maxLength={9}
                value={code}
                error={errorOf('territory')}
                onChange={(event) => setCode(event.target.value)}
              />
            ) : null}
          </div>
          {kind === 'commune' ? (
            <CommunePicker value={commune} onChange={setCommune} error={errorOf('territory')} />
          ) : null}
        </fieldset>
        <fieldset className="form-group">
          <legend>{t('settings.fees')}</legend>
          <div className="form-row">
            <TextField
              label={t('settings.entryFee')}
              inputMode="decimal"
              value={entryFee}
              error={errorOf('entryFeeCents')}
              onChange={(event) => setEntryFee(event.target.value)}
            />
            <TextField
              label={t('settings.yearlyDues')}
              inputMode="decimal"
              value={yearlyDues}
              error={errorOf('yearlyDuesCents')}
              onChange={(event) => setYearlyDues(event.target.value)}
            />
          </div>
        </fieldset>
        <fieldset className="form-group">
          <legend>{t('settings.sizeRule')}</legend>
          <p className="field-hint">{t('settings.sizeRuleHint')}</p>
          <div className="form-row">
            <TextField
              label={t('settings.minStaff')}
              type="number"
              min={0}
              inputMode="numeric"
              value={minStaff}
              error={errorOf('minStaff')}
              onChange={(event) => setMinStaff(event.target.value)}
            />
            <TextField
              label={t('settings.maxStaff')}
              type="number"
              min={0}
              inputMode="numeric"
              value={maxStaff}
              error={errorOf('maxStaff')}
              onChange={(event) => setMaxStaff(event.target.value)}
            />
          </div>
        </fieldset>
        <div className="check">
          <input
            id="settings-open"
            type="checkbox"
            checked={isOpen}
            onChange={(event) => setIsOpen(event.target.checked)}
          />
          <label htmlFor="settings-open">{t('settings.open')}</label>
        </div>
        <div className="check">
          <input
            id="settings-no-business"
            type="checkbox"
            aria-describedby="settings-no-business-hint"
            checked={noBusiness}
            onChange={(event) => setNoBusiness(event.target.checked)}
          />
          <label htmlFor="settings-no-business">{t('noBusiness.setting')}</label>
        </div>
        <p id="settings-no-business-hint" className="field-hint">
          {t('noBusiness.settingHint')}
        </p>
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t('action.save')}
        </button>
      </form>
    </section>
  );
}

function CharterEditor({
  slug,
  charter,
  onPublished,
}: {
  slug: string;
  charter: NetworkSettings['charter'];
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [body, setBody] = useState(charter?.body ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isChanged = body.trim() !== (charter?.body ?? '').trim();

  async function publish(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const created = await api.publishCharter(slug, body.trim());
      setPublished(created.version);
      onPublished();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  const bodyError = fieldError(error, 'body');
  return (
    <section className="card" aria-labelledby="settings-charter">
      <h2 id="settings-charter" className="card-title">
        {t('settings.charterTitle')}
      </h2>
      <p className="muted">
        {charter
          ? t('settings.charterCurrent', { version: charter.version, date: formatDate(charter.createdAt) })
          : t('settings.charterNone')}
      </p>
      <form onSubmit={publish}>
        {published ? (
          <SuccessBanner>{t('settings.charterPublished', { version: published })}</SuccessBanner>
        ) : null}
        {error && !bodyError ? <ErrorBanner error={error} /> : null}
        <div className={bodyError ? 'field field-invalid' : 'field'}>
          <label htmlFor="charter-body">{t('settings.charterText')}</label>
          <textarea
            id="charter-body"
            rows={10}
            value={body}
            aria-describedby="charter-hint"
            onChange={(event) => {
              setBody(event.target.value);
              setPublished(null);
            }}
          />
          <p id="charter-hint" className="field-hint">
            {t('settings.charterHint')}
          </p>
          {bodyError ? <p className="field-error">{bodyError}</p> : null}
        </div>
        <button type="submit" className="button button-primary" disabled={isBusy || !isChanged}>
          {t('settings.publish')}
        </button>
      </form>
    </section>
  );
}

function Taxonomy({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const competences = useApi(() => api.competences(slug), `competences-${slug}`);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      await api.addCompetence(slug, label.trim());
      setLabel('');
      competences.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="settings-taxonomy">
      <h2 id="settings-taxonomy" className="card-title">
        {t('settings.taxonomyTitle')}
        {competences.state === 'ready' ? (
          <span className="count">{competences.data.competences.length}</span>
        ) : null}
      </h2>
      <p className="muted">{t('settings.taxonomyIntro')}</p>
      <form className="inline-add" onSubmit={add}>
        <TextField
          label={t('settings.newCompetence')}
          minLength={2}
          maxLength={80}
          required
          value={label}
          error={fieldError(error, 'label') ?? (error && !error.field ? error.message : undefined)}
          onChange={(event) => setLabel(event.target.value)}
        />
        <button
          type="submit"
          className="button button-secondary"
          disabled={isBusy || label.trim().length < 2}
        >
          {t('settings.addCompetence')}
        </button>
      </form>
      {competences.state === 'loading' ? <Loading /> : null}
      {competences.state === 'failed' ? (
        <ErrorBanner error={competences.error} onRetry={competences.reload} />
      ) : null}
      {competences.state === 'ready' && competences.data.competences.length === 0 ? (
        <EmptyState title={t('settings.taxonomyEmpty')} />
      ) : null}
      {competences.state === 'ready' && competences.data.competences.length > 0 ? (
        <ul className="chips taxonomy">
          {competences.data.competences.map((competence) => (
            <li key={competence.id} className={competence.isShared ? 'chip chip-shared' : 'chip'}>
              {competence.label}
              <span
                className="chip-count"
                title={t('settings.usedBy', { count: competence.organisationCount })}
              >
                {competence.organisationCount}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted small">{t('settings.sharedNote')}</p>
    </section>
  );
}
