import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type ExternalSupplier } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, fieldError } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { centsToEuros, eurosToCents } from '../../components/format.ts';

/** Listing an outside supplier — or changing one (`line` given). */
export function SupplierForm({
  slug,
  organisations,
  line,
  onDone,
  onCancel,
}: {
  slug: string;
  organisations: readonly { id: string; name: string }[];
  line?: ExternalSupplier;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const competences = useApi(() => api.competences(slug), `competences-${slug}`);
  const [competenceIds, setCompetenceIds] = useState<string[]>(line?.competences.map((c) => c.id) ?? []);
  const [what, setWhat] = useState(line?.what ?? '');
  const [amount, setAmount] = useState(line ? centsToEuros(line.yearlyAmountCents) : '');
  const [nafCode, setNafCode] = useState(line?.nafCode ?? '');
  const [certifications, setCertifications] = useState(line?.requiredCertifications.join(', ') ?? '');
  const [supplierName, setSupplierName] = useState(line?.supplierName ?? '');
  const [supplierPlace, setSupplierPlace] = useState(line?.supplierPlace ?? '');
  const [amountError, setAmountError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const idPrefix = line ? `relocation-${line.id}` : 'relocation-new';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cents = amount.trim() === '' ? null : eurosToCents(amount);
    if (cents === null) {
      setAmountError(t('relocation.field.amountInvalid'));
      return;
    }
    setAmountError(undefined);
    setIsBusy(true);
    setError(null);
    const fields = {
      what,
      yearlyAmountCents: cents,
      nafCode: nafCode.trim() || null,
      competenceIds,
      requiredCertifications: certifications
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
      supplierName,
      supplierPlace,
    };
    try {
      if (line) await api.updateExternalSupplier(slug, line.id, fields);
      else
        await api.addExternalSupplier(slug, {
          ...fields,
          ...(organisations.length > 1 ? { organisationId } : {}),
        });
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="card relocation-form" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`} className="card-title">
        {line ? t('relocation.edit') : t('relocation.add')}
      </h3>
      <form onSubmit={submit} noValidate>
        {error && !error.field ? <ErrorBanner error={error} /> : null}
        {error?.field &&
        !['body.what', 'body.yearlyAmountCents', 'body.nafCode', 'body.competenceIds'].includes(
          error.field,
        ) ? (
          <ErrorBanner error={error} />
        ) : null}
        {!line && organisations.length > 1 ? (
          <div className="field">
            <label htmlFor={`${idPrefix}-organisation`}>{t('relocation.field.organisation')}</label>
            <select
              id={`${idPrefix}-organisation`}
              value={organisationId}
              onChange={(event) => setOrganisationId(event.target.value)}
            >
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <TextField
          label={t('relocation.field.what')}
          hint={t('relocation.field.whatHint')}
          required
          maxLength={200}
          value={what}
          error={fieldError(error, 'what')}
          onChange={(event) => setWhat(event.target.value)}
        />
        <div className="form-row">
          <TextField
            label={t('relocation.field.amount')}
            hint={t('relocation.field.amountHint')}
            required
            inputMode="decimal"
            value={amount}
            error={amountError ?? fieldError(error, 'yearlyAmountCents')}
            onChange={(event) => {
              setAmount(event.target.value);
              setAmountError(undefined);
            }}
          />
          <TextField
            label={t('relocation.field.naf')}
            hint={t('relocation.field.nafHint')}
            maxLength={8}
            value={nafCode}
            error={fieldError(error, 'nafCode')}
            onChange={(event) => setNafCode(event.target.value)}
          />
        </div>
        {competences.state === 'ready' && competences.data.competences.length > 0 ? (
          <div className={fieldError(error, 'competenceIds') ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${idPrefix}-competences`}>{t('relocation.field.competences')}</label>
            <select
              id={`${idPrefix}-competences`}
              multiple
              size={Math.min(5, competences.data.competences.length)}
              value={competenceIds}
              onChange={(event) =>
                setCompetenceIds([...event.target.selectedOptions].map((option) => option.value))
              }
            >
              {competences.data.competences.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            <p className="field-hint">{t('relocation.field.competencesHint')}</p>
            {fieldError(error, 'competenceIds') ? (
              <p className="field-error">{fieldError(error, 'competenceIds')}</p>
            ) : null}
          </div>
        ) : null}
        <TextField
          label={t('relocation.field.certifications')}
          hint={t('relocation.field.certificationsHint')}
          maxLength={400}
          value={certifications}
          error={fieldError(error, 'requiredCertifications')}
          onChange={(event) => setCertifications(event.target.value)}
        />
        <div className="form-row">
          <TextField
            label={t('relocation.field.supplierName')}
            hint={t('relocation.field.supplierNameHint')}
            maxLength={200}
            value={supplierName}
            error={fieldError(error, 'supplierName')}
            onChange={(event) => setSupplierName(event.target.value)}
          />
          <TextField
            label={t('relocation.field.supplierPlace')}
            hint={t('relocation.field.supplierPlaceHint')}
            maxLength={200}
            value={supplierPlace}
            error={fieldError(error, 'supplierPlace')}
            onChange={(event) => setSupplierPlace(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {line ? t('action.save') : t('relocation.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
