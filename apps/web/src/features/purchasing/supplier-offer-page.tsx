import { costOfQuantity, type PriceSchedule, validatePriceSchedule } from '@meute/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, type RfqView } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate, useFormatMoney, useFormatNumber } from '../../components/format.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { PublicLayout } from '../../components/public-layout.tsx';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', '');

/** Euros typed by a person (« 1 234,5 », « 0,1234 ») in cents, fractions of a cent allowed; null if not an amount. */
function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,4})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 10_000) / 100;
}

function parseQuantity(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Cents shown back in a field, as a French or English person types them. */
function centsToText(cents: number, language: string): string {
  const value = Math.round(cents * 100) / 10_000;
  // Whole cents read as money (« 12,40 »); finer prices keep their digits (« 0,1234 »).
  const euros =
    Number.isInteger(value) || !Number.isInteger(Math.round(cents * 100) / 100)
      ? String(value)
      : value.toFixed(2);
  return language === 'en' ? euros : euros.replace('.', ',');
}

interface TierRow {
  from: string;
  price: string;
}

/** Public: a supplier reads the pooled request through its link and sends or revises its offer. */
export function SupplierOfferPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('purchasingRfq.page.title'));
  const loaded = useApi(() => api.rfq(token), `rfq-${token}`);
  const [override, setOverride] = useState<RfqView | null>(null);

  if (loaded.state === 'loading') {
    return (
      <PublicLayout wide>
        <Loading />
      </PublicLayout>
    );
  }
  if (loaded.state === 'failed') {
    const { status } = loaded.error;
    const title =
      status === 410
        ? t('purchasingRfq.page.goneTitle')
        : status === 404
          ? t('purchasingRfq.page.unknownTitle')
          : t('error.title');
    return (
      <PublicLayout>
        <section className="card card-form rfq-gone" aria-labelledby="rfq-gone-title">
          <h1 id="rfq-gone-title">{title}</h1>
          <ErrorBanner
            error={loaded.error}
            onRetry={status === 410 || status === 404 ? undefined : loaded.reload}
          />
          {status === 410 || status === 404 ? (
            <p className="muted">{t('purchasingRfq.page.goneHint')}</p>
          ) : null}
        </section>
      </PublicLayout>
    );
  }
  const view = override ?? loaded.data;
  return (
    <PublicLayout wide>
      <RfqRequest view={view} />
      {view.campaign.status === 'awarded' ? (
        <ClosedOffer view={view} />
      ) : (
        <OfferForm token={token} view={view} onSaved={setOverride} />
      )}
    </PublicLayout>
  );
}

function RfqRequest({ view }: { view: RfqView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const { campaign } = view;
  return (
    <section className="card rfq-request" aria-labelledby="rfq-title">
      <p className="rfq-eyebrow">
        {t('purchasingRfq.page.from', { network: view.networkName, supplier: view.supplierName })}
      </p>
      <h1 id="rfq-title">{campaign.title}</h1>
      <dl className="campaign-facts">
        {campaign.category ? (
          <div>
            <dt>{t('purchasingRfq.page.category')}</dt>
            <dd>{campaign.category}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('purchasingRfq.page.unit')}</dt>
          <dd>{campaign.unit}</dd>
        </div>
        <div>
          <dt>{t('purchasingRfq.page.deadline')}</dt>
          <dd>{formatDate(campaign.commitmentDeadline, true)}</dd>
        </div>
        <div>
          <dt>{t('purchasingRfq.page.linkValid')}</dt>
          <dd>{formatDate(view.expiresAt, true)}</dd>
        </div>
      </dl>
      {campaign.specification ? (
        <div className="campaign-specification">
          <h2>{t('purchasingRfq.page.specification')}</h2>
          <p>{campaign.specification}</p>
        </div>
      ) : null}
      <div className="rfq-volume">
        {view.pooledVolume ? (
          <p className="lead">
            {t('purchasingRfq.page.volume', {
              count: view.pooledVolume.organisationCount,
              total: formatNumber(view.pooledVolume.totalQuantity),
              unit: campaign.unit,
            })}
          </p>
        ) : (
          <p>{t('purchasingRfq.page.volumeHidden')}</p>
        )}
        <p className="muted">{t('purchasingRfq.page.confidential')}</p>
      </div>
    </section>
  );
}

/** After the award: closed, and whether this supplier's own offer was retained. */
function ClosedOffer({ view }: { view: RfqView }) {
  const { t } = useTranslation();
  const outcome = !view.offer ? 'noOffer' : view.isRetained ? 'retained' : 'notRetained';
  return (
    <section className="card" aria-labelledby="rfq-closed-title">
      <h2 id="rfq-closed-title" className="card-title">
        {t('purchasingRfq.page.closedTitle')}
      </h2>
      <p className={outcome === 'retained' ? 'banner banner-success' : 'lead'}>
        {t(`purchasingRfq.page.outcome.${outcome}`)}
      </p>
      {view.offer ? <OfferSummary view={view} /> : null}
    </section>
  );
}

function OfferSummary({ view }: { view: RfqView }) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const offer = view.offer;
  if (!offer) return null;
  return (
    <div className="rfq-summary">
      <h3>{t('purchasingRfq.page.yourOffer', { date: formatDate(offer.submittedAt, true) })}</h3>
      <p>{t(`purchasingRfq.kind.${offer.schedule.kind}.name`)}</p>
      <ul className="plain-list">
        {offer.schedule.tiers.map((tier) => (
          <li key={tier.fromQuantity}>
            {t('purchasingRfq.page.tierLine', {
              from: formatNumber(tier.fromQuantity),
              unit: view.campaign.unit,
              price: formatMoney(tier.unitPriceCents),
            })}
          </li>
        ))}
        <li>{t('purchasingRfq.page.fixedLine', { amount: formatMoney(offer.schedule.fixedCostCents) })}</li>
        {offer.validUntil ? (
          <li>{t('purchasingRfq.page.validLine', { date: formatDate(offer.validUntil) })}</li>
        ) : null}
      </ul>
    </div>
  );
}

function rowsOf(view: RfqView, language: string): TierRow[] {
  if (!view.offer) return [{ from: '0', price: '' }];
  return view.offer.schedule.tiers.map((tier) => ({
    from: String(tier.fromQuantity),
    price: centsToText(tier.unitPriceCents, language),
  }));
}

function OfferForm({
  token,
  view,
  onSaved,
}: {
  token: string;
  view: RfqView;
  onSaved: (next: RfqView) => void;
}) {
  const { t, i18n } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const [kind, setKind] = useState<'all-units' | 'incremental'>(view.offer?.schedule.kind ?? 'all-units');
  const [tiers, setTiers] = useState<TierRow[]>(() => rowsOf(view, i18n.language));
  const [fixed, setFixed] = useState(
    view.offer ? centsToText(view.offer.schedule.fixedCostCents, i18n.language) : '',
  );
  const [validUntil, setValidUntil] = useState(view.offer?.validUntil ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [isSaved, setIsSaved] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const unit = view.campaign.unit;

  /** A field being corrected loses its error; the others keep theirs until the next submit. */
  const clearError = (path: string) =>
    setLocalErrors((errors) => {
      if (!(path in errors)) return errors;
      const { [path]: _cleared, ...rest } = errors;
      return rest;
    });
  const update = (index: number, change: Partial<TierRow>) => {
    setTiers((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
    clearError(`schedule.tiers.${index}.${change.from === undefined ? 'unitPriceCents' : 'fromQuantity'}`);
  };

  /** The schedule as typed, or the first problem found in the fields, by field path. */
  function parse(): { schedule: PriceSchedule } | { problems: Record<string, string> } {
    const problems: Record<string, string> = {};
    const parsed = tiers.map((row, index) => {
      const from = index === 0 ? 0 : parseQuantity(row.from);
      const price = parseEuros(row.price);
      if (from === null)
        problems[`schedule.tiers.${index}.fromQuantity`] = t('purchasingRfq.form.quantityInvalid');
      if (price === null)
        problems[`schedule.tiers.${index}.unitPriceCents`] = t('purchasingRfq.form.amountInvalid');
      return { fromQuantity: from ?? 0, unitPriceCents: price ?? 0 };
    });
    const fixedCents = fixed.trim() ? parseEuros(fixed) : 0;
    if (fixedCents === null || !Number.isInteger(fixedCents)) {
      problems['schedule.fixedCostCents'] = t('purchasingRfq.form.amountInvalid');
    }
    if (Object.keys(problems).length > 0) return { problems };
    const schedule: PriceSchedule = { kind, tiers: parsed, fixedCostCents: fixedCents ?? 0 };
    const [issue] = validatePriceSchedule(schedule);
    if (issue?.code === 'TIERS_NOT_ASCENDING') {
      problems[`schedule.tiers.${issue.tierIndex ?? 0}.fromQuantity`] = t('purchasingRfq.form.notAscending');
      return { problems };
    }
    return { schedule };
  }

  const preview = (() => {
    if (!view.pooledVolume) return null;
    const result = parse();
    if (!('schedule' in result) || validatePriceSchedule(result.schedule).length > 0) return null;
    const total = costOfQuantity(result.schedule, view.pooledVolume.totalQuantity);
    return { total, average: total / view.pooledVolume.totalQuantity };
  })();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    setError(null);
    const result = parse();
    if ('problems' in result) {
      setLocalErrors(result.problems);
      return;
    }
    setLocalErrors({});
    setIsBusy(true);
    try {
      const next = await api.submitRfqOffer(token, {
        schedule: {
          kind: result.schedule.kind,
          tiers: result.schedule.tiers.map((tier) => ({ ...tier })),
          fixedCostCents: result.schedule.fixedCostCents,
        },
        validUntil: validUntil || null,
      });
      setIsSaved(true);
      onSaved(next);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const errorOf = (path: string) => localErrors[path] ?? fieldError(error, path);
  return (
    <section className="card" aria-labelledby="rfq-offer-title">
      <h2 id="rfq-offer-title" className="card-title">
        {view.offer ? t('purchasingRfq.form.reviseTitle') : t('purchasingRfq.form.title')}
      </h2>
      {isSaved && view.offer ? (
        <SuccessBanner>
          {t('purchasingRfq.form.saved', { date: formatDate(view.offer.submittedAt, true) })}
        </SuccessBanner>
      ) : null}
      {!isSaved && view.offer ? (
        <p className="muted">
          {t('purchasingRfq.form.alreadySent', { date: formatDate(view.offer.submittedAt, true) })}
        </p>
      ) : null}
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      <form onSubmit={submit} noValidate>
        <fieldset className="form-group rfq-kinds">
          <legend>{t('purchasingRfq.form.kind')}</legend>
          {(['all-units', 'incremental'] as const).map((option) => (
            <label key={option} className={kind === option ? 'rfq-kind rfq-kind-selected' : 'rfq-kind'}>
              <input
                type="radio"
                name="rfq-kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              <span>
                <strong>{t(`purchasingRfq.kind.${option}.name`)}</strong>
                <span className="field-hint">{t(`purchasingRfq.kind.${option}.text`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="form-group rfq-tiers">
          <legend>{t('purchasingRfq.form.tiers', { unit })}</legend>
          <p className="field-hint">{t('purchasingRfq.form.tiersHint')}</p>
          {tiers.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tiers are edited in place, by position.
            <div className="rfq-tier" key={index}>
              <TextField
                label={t('purchasingRfq.form.from', { unit })}
                inputMode="decimal"
                value={index === 0 ? '0' : row.from}
                readOnly={index === 0}
                hint={index === 0 ? t('purchasingRfq.form.firstTier') : undefined}
                error={errorOf(`schedule.tiers.${index}.fromQuantity`)}
                onChange={(event) => update(index, { from: event.target.value })}
              />
              <TextField
                label={t('purchasingRfq.form.price', { unit })}
                inputMode="decimal"
                value={row.price}
                error={errorOf(`schedule.tiers.${index}.unitPriceCents`)}
                onChange={(event) => update(index, { price: event.target.value })}
              />
              {index > 0 ? (
                <button
                  type="button"
                  className="button button-small rfq-tier-remove"
                  aria-label={t('purchasingRfq.form.removeTierLabel', { index: index + 1 })}
                  onClick={() => {
                    setTiers((rows) => rows.filter((_, i) => i !== index));
                    setLocalErrors({});
                  }}
                >
                  {t('purchasingRfq.form.removeTier')}
                </button>
              ) : (
                <span className="rfq-tier-remove" aria-hidden="true" />
              )}
            </div>
          ))}
          {errorOf('schedule.tiers') && !errorOf('schedule.tiers.0') ? (
            <p className="field-error">{errorOf('schedule.tiers')}</p>
          ) : null}
          <button
            type="button"
            className="button button-small"
            disabled={tiers.length >= 50}
            onClick={() => setTiers((rows) => [...rows, { from: '', price: '' }])}
          >
            {t('purchasingRfq.form.addTier')}
          </button>
        </fieldset>
        <div className="form-row">
          <TextField
            label={t('purchasingRfq.form.fixed')}
            hint={t('purchasingRfq.form.fixedHint')}
            inputMode="decimal"
            value={fixed}
            error={errorOf('schedule.fixedCostCents')}
            onChange={(event) => {
              setFixed(event.target.value);
              clearError('schedule.fixedCostCents');
            }}
          />
          <TextField
            label={t('purchasingRfq.form.validUntil')}
            hint={t('purchasingRfq.form.validUntilHint')}
            type="date"
            value={validUntil}
            error={errorOf('validUntil')}
            onChange={(event) => setValidUntil(event.target.value)}
          />
        </div>
        <div className="rfq-preview" aria-live="polite">
          {view.pooledVolume && preview ? (
            <p>
              {t('purchasingRfq.form.preview', {
                quantity: formatNumber(view.pooledVolume.totalQuantity),
                unit,
                total: formatMoney(Math.round(preview.total)),
                average: formatMoney(Math.round(preview.average * 100) / 100),
              })}
            </p>
          ) : view.pooledVolume ? (
            <p className="muted">{t('purchasingRfq.form.previewPending')}</p>
          ) : (
            <p className="muted">{t('purchasingRfq.form.previewUnknown')}</p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {view.offer ? t('purchasingRfq.form.revise') : t('purchasingRfq.form.submit')}
        </button>
      </form>
    </section>
  );
}
