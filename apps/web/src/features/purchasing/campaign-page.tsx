import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Aggregate,
  ApiError,
  type Award,
  api,
  type CampaignDetail,
  type Commitment,
  type Offer,
} from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import {
  centsToEuros,
  eurosToCents,
  useFormatDate,
  useFormatMoney,
  useFormatNumber,
} from '../../components/format.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { AloneVsGroupChart } from './charts/alone-vs-group-chart.tsx';
import { PriceTiersChart } from './charts/price-tiers-chart.tsx';
import { EligibilitySummary } from './eligibility.tsx';
import { OptOutPanel } from './opt-out-panel.tsx';
import { PurchaseOrdersLink } from './purchase-orders-link.tsx';
import { StatusBadge } from './purchasing-page.tsx';
import { RfqPanel } from './rfq-panel.tsx';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', '');

/** One campaign: what is bought, my company's commitment, what the others add up to, the award. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const loaded = useApi(() => api.campaign(slug, id), `campaign-${slug}-${id}`);
  const [override, setOverride] = useState<CampaignDetail | null>(null);
  usePageTitle(loaded.data?.title ?? t('capability.purchasing.title'));
  const formatDate = useFormatDate();

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    if (loaded.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  const campaign = override?.id === id ? override : loaded.data;
  const refresh = (next?: CampaignDetail) => {
    if (next) setOverride(next);
    else {
      setOverride(null);
      loaded.reload();
    }
  };

  return (
    <div className="page">
      <p>
        <Link to={`/n/${slug}/purchasing`}>← {t('capability.purchasing.title')}</Link>
      </p>
      <header className="campaign-head">
        <h1>{campaign.title}</h1>
        <StatusBadge status={campaign.status} />
      </header>
      {campaign.award ? (
        <p>
          <PurchaseOrdersLink
            slug={slug}
            campaignId={campaign.id}
            status={campaign.status}
            canManage={campaign.canManage}
            shareCount={campaign.award.shares.length}
          />
        </p>
      ) : null}
      <section className="card" aria-labelledby="campaign-facts">
        <h2 id="campaign-facts" className="card-title">
          {t('purchasing.details')}
        </h2>
        <dl className="campaign-facts">
          {campaign.category ? (
            <div>
              <dt>{t('purchasing.field.category')}</dt>
              <dd>{campaign.category}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('purchasing.field.unit')}</dt>
            <dd>{campaign.unit}</dd>
          </div>
          <div>
            <dt>{t('purchasing.field.deadline')}</dt>
            <dd>{formatDate(campaign.commitmentDeadline, true)}</dd>
          </div>
          <div>
            <dt>{t('purchasing.field.rule')}</dt>
            <dd>
              <strong>{t(`purchasing.rule.${campaign.allocationRule}.name`)}</strong>
              <br />
              <span className="muted">{t(`purchasing.rule.${campaign.allocationRule}.text`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('purchasing.eligibility.title')}</dt>
            <dd>
              <EligibilitySummary eligibility={campaign.eligibility} />
            </dd>
          </div>
        </dl>
        {campaign.specification ? (
          <div className="campaign-specification">
            <h3>{t('purchasing.field.specification')}</h3>
            <p>{campaign.specification}</p>
          </div>
        ) : null}
      </section>
      {campaign.award ? (
        <AwardSection
          award={campaign.award}
          unit={campaign.unit}
          commitments={campaign.commitments ?? campaign.myCommitments}
        />
      ) : null}
      {campaign.award && campaign.myCommitments.length > 0 ? (
        <OptOutPanel slug={slug} campaign={campaign} onChange={refresh} />
      ) : campaign.myOrganisations.length > 0 || campaign.myCommitments.length > 0 ? (
        <MyCommitment slug={slug} campaign={campaign} onChange={refresh} />
      ) : null}
      <AggregateSection aggregate={campaign.aggregate} unit={campaign.unit} isStaff={campaign.canManage} />
      {campaign.canManage ? <StaffSection slug={slug} campaign={campaign} onChange={refresh} /> : null}
    </div>
  );
}

function MyCommitment({
  slug,
  campaign,
  onChange,
}: {
  slug: string;
  campaign: CampaignDetail;
  onChange: (next?: CampaignDetail) => void;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const formatMoney = useFormatMoney();
  const [organisationId, setOrganisationId] = useState(campaign.myOrganisations[0]?.id ?? '');
  const existing = campaign.myCommitments.find((c) => c.organisationId === organisationId);
  const [quantity, setQuantity] = useState(existing ? String(existing.quantity) : '');
  const [current, setCurrent] = useState(
    existing?.currentUnitPriceCents != null ? centsToEuros(existing.currentUnitPriceCents) : '',
  );
  const [ceiling, setCeiling] = useState(
    existing?.ceilingUnitPriceCents != null ? centsToEuros(existing.ceilingUnitPriceCents) : '',
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isOpen = campaign.status === 'open';
  const chosen = campaign.myOrganisations.find((o) => o.id === organisationId);
  const failed = chosen?.failedEligibility ?? [];

  function choose(next: string) {
    setOrganisationId(next);
    const found = campaign.myCommitments.find((c) => c.organisationId === next);
    setQuantity(found ? String(found.quantity) : '');
    setCurrent(found?.currentUnitPriceCents != null ? centsToEuros(found.currentUnitPriceCents) : '');
    setCeiling(found?.ceilingUnitPriceCents != null ? centsToEuros(found.ceilingUnitPriceCents) : '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const amount = Number(quantity.replace(',', '.'));
    if (!(amount > 0)) problems.quantity = t('purchasing.commit.quantityInvalid');
    const currentCents = current.trim() ? eurosToCents(current) : null;
    const ceilingCents = ceiling.trim() ? eurosToCents(ceiling) : null;
    if (current.trim() && currentCents === null)
      problems.currentUnitPriceCents = t('purchasing.amountInvalid');
    if (ceiling.trim() && ceilingCents === null)
      problems.ceilingUnitPriceCents = t('purchasing.amountInvalid');
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setIsBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await api.commit(slug, campaign.id, {
        organisationId,
        quantity: amount,
        currentUnitPriceCents: currentCents,
        ceilingUnitPriceCents: ceilingCents,
      });
      setDone(t('purchasing.commit.saved'));
      onChange(next);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  async function withdraw() {
    setIsBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await api.withdraw(slug, campaign.id, organisationId);
      setQuantity('');
      setCurrent('');
      setCeiling('');
      setDone(t('purchasing.commit.withdrawn'));
      onChange(next);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const errorOf = (path: string) => localErrors[path] ?? fieldError(error, path);
  return (
    <section className="card" aria-labelledby="my-commitment">
      <h2 id="my-commitment" className="card-title">
        {t('purchasing.commit.title')}
      </h2>
      <p className="muted">{t('purchasing.commit.confidential')}</p>
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      {!isOpen || campaign.myOrganisations.length === 0 ? (
        <ul className="plain-list">
          {campaign.myCommitments.length === 0 ? <li>{t('purchasing.commit.none')}</li> : null}
          {campaign.myCommitments.map((c) => (
            <li key={c.organisationId}>
              <strong>{c.organisationName}</strong> : {formatNumber(c.quantity)} {campaign.unit}
              {c.currentUnitPriceCents != null
                ? ` · ${t('purchasing.commit.currentShort', { price: formatMoney(c.currentUnitPriceCents) })}`
                : ''}
            </li>
          ))}
          {!isOpen ? <li className="muted">{t('purchasing.commit.closed')}</li> : null}
        </ul>
      ) : (
        <form onSubmit={submit} noValidate>
          {campaign.myOrganisations.length > 1 ? (
            <div className="field">
              <label htmlFor="commit-organisation">{t('purchasing.commit.organisation')}</label>
              <select
                id="commit-organisation"
                value={organisationId}
                onChange={(event) => choose(event.target.value)}
              >
                {campaign.myOrganisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p>{t('purchasing.commit.for', { organisation: campaign.myOrganisations[0]?.name ?? '' })}</p>
          )}
          {failed.length > 0 ? (
            <p className="notice" role="status">
              {t('purchasing.eligibility.notEligible', {
                organisation: chosen?.name ?? '',
                criteria: failed
                  .map((criterion) => t(`purchasing.eligibility.criterion.${criterion}`))
                  .join(', '),
              })}
            </p>
          ) : null}
          <div className="form-row">
            <TextField
              label={t('purchasing.commit.quantity', { unit: campaign.unit })}
              inputMode="decimal"
              required
              value={quantity}
              error={errorOf('quantity')}
              onChange={(event) => setQuantity(event.target.value)}
            />
            <TextField
              label={t('purchasing.commit.current')}
              hint={t('purchasing.commit.currentHint')}
              inputMode="decimal"
              value={current}
              error={errorOf('currentUnitPriceCents')}
              onChange={(event) => setCurrent(event.target.value)}
            />
            <TextField
              label={t('purchasing.commit.ceiling')}
              hint={t('purchasing.commit.ceilingHint')}
              inputMode="decimal"
              value={ceiling}
              error={errorOf('ceilingUnitPriceCents')}
              onChange={(event) => setCeiling(event.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={isBusy || failed.length > 0}>
              {existing ? t('purchasing.commit.change') : t('purchasing.commit.submit')}
            </button>
            {existing ? (
              <button type="button" className="button" disabled={isBusy} onClick={() => void withdraw()}>
                {t('purchasing.commit.withdraw')}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

function AggregateSection({
  aggregate,
  unit,
  isStaff,
}: {
  aggregate: Aggregate;
  unit: string;
  isStaff: boolean;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const hidden = aggregate.hiddenReason;
  return (
    <section className="card" aria-labelledby="campaign-aggregate">
      <h2 id="campaign-aggregate" className="card-title">
        {t('purchasing.aggregate.title')}
      </h2>
      {aggregate.totalQuantity !== null && aggregate.organisationCount !== null ? (
        <p className="lead">
          {t('purchasing.aggregate.total', {
            count: aggregate.organisationCount,
            total: formatNumber(aggregate.totalQuantity),
            unit,
          })}
        </p>
      ) : null}
      {hidden ? (
        <p className={isStaff ? 'muted' : 'lead'}>
          {isStaff ? `${t('purchasing.aggregate.staffNote')} ` : ''}
          {t(`purchasing.aggregate.hidden.${hidden}`)}
        </p>
      ) : null}
    </section>
  );
}

/** The award: who won, the fairness checks, and each visible company's share against its current price. */
function AwardSection({
  award,
  unit,
  commitments,
}: {
  award: Award;
  unit: string;
  commitments: Commitment[];
}) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  // Against the current unit price the company stated when it committed, if it did.
  const savedVsCurrent = (share: Award['shares'][number]) => {
    const price = commitments.find((c) => c.organisationId === share.organisationId)?.currentUnitPriceCents;
    return price == null ? '—' : formatMoney(Math.round(price * share.quantity) - share.shareCents);
  };
  return (
    <section className="card" aria-labelledby="campaign-award">
      <h2 id="campaign-award" className="card-title">
        {t('purchasing.award.title')}
      </h2>
      <p className="lead">
        {t('purchasing.award.winner', { supplier: award.supplierName, date: formatDate(award.awardedAt) })}
      </p>
      {award.optOutDeadline ? (
        <p className="muted">
          {award.isFinal
            ? t('purchasing.optOut.finalSince', { date: formatDate(award.optOutDeadline, true) })
            : t('purchasing.optOut.openUntil', { date: formatDate(award.optOutDeadline, true) })}
        </p>
      ) : null}
      {award.totalCostCents !== null && award.totalQuantity !== null ? (
        <p>
          {t('purchasing.award.total', {
            total: formatMoney(award.totalCostCents),
            quantity: formatNumber(award.totalQuantity),
            average: formatMoney(Math.round(award.averageUnitPriceCents ?? 0)),
          })}
        </p>
      ) : null}
      <ul className="award-checks">
        <li className={award.isIndividuallyRational ? 'check-ok' : 'check-ko'}>
          {award.isIndividuallyRational ? t('purchasing.award.irYes') : t('purchasing.award.irNo')}
        </li>
        <li className={award.coreStatus === 'not-in-core' ? 'check-ko' : 'check-ok'}>
          {t(`purchasing.award.core.${award.coreStatus}`)}
          {award.objectingOrganisations && award.objectingOrganisations.length > 0
            ? ` (${award.objectingOrganisations.join(', ')})`
            : ''}
        </li>
      </ul>
      {award.shares.length > 0 ? (
        <div className="table-scroll">
          <table className="table purchasing-table">
            <thead>
              <tr>
                <th scope="col">{t('purchasing.award.organisation')}</th>
                <th scope="col" className="number">
                  {t('purchasing.award.quantity')}
                </th>
                <th scope="col" className="number">
                  {t('purchasing.award.share')}
                </th>
                <th scope="col" className="number">
                  {t('purchasing.award.alone')}
                </th>
                <th scope="col" className="number">
                  {t('purchasing.award.savedVsCurrent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {award.shares.map((share) => (
                <tr key={share.organisationId}>
                  <th scope="row">{share.organisationName}</th>
                  <td className="number" data-label={t('purchasing.award.quantity')}>
                    {formatNumber(share.quantity)}
                  </td>
                  <td className="number" data-label={t('purchasing.award.share')}>
                    {formatMoney(share.shareCents)}
                  </td>
                  <td className="number" data-label={t('purchasing.award.alone')}>
                    {formatMoney(share.standAloneCostCents)}
                  </td>
                  <td className="number" data-label={t('purchasing.award.savedVsCurrent')}>
                    {savedVsCurrent(share)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {award.shares.length > 0 ? <AloneVsGroupChart shares={award.shares} unit={unit} /> : null}
    </section>
  );
}

/** Staff: every commitment, the offers side by side, the award. */
function StaffSection({
  slug,
  campaign,
  onChange,
}: {
  slug: string;
  campaign: CampaignDetail;
  onChange: (next?: CampaignDetail) => void;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const formatMoney = useFormatMoney();
  const money = (cents: number | null) => (cents === null ? '—' : formatMoney(cents));
  const offers = useApi(
    () => api.offers(slug, campaign.id),
    `offers-${campaign.id}-${campaign.commitments?.length ?? 0}-${campaign.status}`,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [optOutDays, setOptOutDays] = useState('7');

  async function award(offer: Offer) {
    setIsBusy(true);
    setError(null);
    try {
      const days = Number(optOutDays);
      const deadline = new Date(Date.now() + days * 86_400_000).toISOString();
      onChange(await api.award(slug, campaign.id, offer.id, deadline));
      offers.reload();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const commitments = campaign.commitments ?? [];
  // The awarded offer, or the cheapest at the committed volume, drawn against the volume reached.
  const chartOffer =
    offers.state === 'ready'
      ? (offers.data.offers.find((offer) => offer.isAwarded) ?? offers.data.offers[0] ?? null)
      : null;
  return (
    <>
      <section className="card" aria-labelledby="staff-commitments">
        <h2 id="staff-commitments" className="card-title">
          {t('purchasing.staff.commitments', { count: commitments.length })}
        </h2>
        {commitments.length === 0 ? (
          <EmptyState title={t('purchasing.staff.noCommitments')} />
        ) : (
          <div className="table-scroll">
            <table className="table purchasing-table">
              <thead>
                <tr>
                  <th scope="col">{t('purchasing.award.organisation')}</th>
                  <th scope="col" className="number">
                    {t('purchasing.award.quantity')}
                  </th>
                  <th scope="col" className="number">
                    {t('purchasing.commit.current')}
                  </th>
                  <th scope="col" className="number">
                    {t('purchasing.commit.ceiling')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {commitments.map((c) => (
                  <tr key={c.organisationId} className={c.optedOutAt ? 'row-opted-out' : undefined}>
                    <th scope="row">
                      {c.organisationName}
                      {c.optedOutAt ? (
                        <span className="badge badge-opted-out">{t('purchasing.optOut.out')}</span>
                      ) : null}
                    </th>
                    <td className="number" data-label={t('purchasing.award.quantity')}>
                      {formatNumber(c.quantity)}
                    </td>
                    <td className="number" data-label={t('purchasing.commit.current')}>
                      {money(c.currentUnitPriceCents)}
                    </td>
                    <td className="number" data-label={t('purchasing.commit.ceiling')}>
                      {money(c.ceilingUnitPriceCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="staff-offers">
        <h2 id="staff-offers" className="card-title">
          {t('purchasing.offers.title')}
        </h2>
        {error ? <ErrorBanner error={error} /> : null}
        {campaign.status === 'closed' && commitments.length > 0 ? (
          <div className="field field-inline">
            <label htmlFor="opt-out-days">{t('purchasing.optOut.delay')}</label>
            <select
              id="opt-out-days"
              value={optOutDays}
              onChange={(event) => setOptOutDays(event.target.value)}
            >
              {['3', '7', '14', '30'].map((days) => (
                <option key={days} value={days}>
                  {t('purchasing.optOut.days', { count: Number(days) })}
                </option>
              ))}
            </select>
            <p className="field-hint">{t('purchasing.optOut.delayHint')}</p>
          </div>
        ) : null}
        {offers.state === 'loading' ? <Loading /> : null}
        {offers.state === 'failed' ? <ErrorBanner error={offers.error} onRetry={offers.reload} /> : null}
        {offers.state === 'ready' && offers.data.offers.length === 0 ? (
          <EmptyState title={t('purchasing.offers.empty')}>{t('purchasing.offers.emptyHint')}</EmptyState>
        ) : null}
        {offers.state === 'ready' && offers.data.offers.length > 0 ? (
          <div className="table-scroll">
            <table className="table purchasing-table">
              <thead>
                <tr>
                  <th scope="col">{t('purchasing.offers.supplier')}</th>
                  <th scope="col">{t('purchasing.offers.tiers')}</th>
                  <th scope="col" className="number">
                    {t('purchasing.offers.total')}
                  </th>
                  <th scope="col" className="number">
                    {t('purchasing.offers.unit')}
                  </th>
                  <th scope="col" className="number">
                    {t('purchasing.offers.savings')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('purchasing.offers.award')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {offers.data.offers.map((offer) => (
                  <tr key={offer.id}>
                    <th scope="row">
                      {offer.supplierName}
                      {offer.isAwarded ? (
                        <span className="badge badge-campaign-awarded">{t('purchasing.offers.awarded')}</span>
                      ) : null}
                      {offer.source === 'supplier-link' ? (
                        <span className="badge badge-status-pending">
                          {t('purchasingRfq.offerSource.supplier-link')}
                        </span>
                      ) : null}
                    </th>
                    <td data-label={t('purchasing.offers.tiers')}>
                      {t(`purchasing.offers.kind.${offer.schedule.kind}`)} :{' '}
                      {offer.schedule.tiers
                        .map(
                          (tier) =>
                            `≥ ${formatNumber(tier.fromQuantity)} → ${formatMoney(tier.unitPriceCents)}`,
                        )
                        .join(' ; ')}
                      {offer.schedule.fixedCostCents > 0
                        ? ` + ${t('purchasing.offers.fixed', { amount: formatMoney(offer.schedule.fixedCostCents) })}`
                        : ''}
                    </td>
                    <td className="number" data-label={t('purchasing.offers.total')}>
                      {money(offer.comparison?.totalCostCents ?? null)}
                      {offer.comparison && offer.comparison.membersAboveCeiling > 0 ? (
                        <span className="field-hint">
                          {t('purchasing.offers.aboveCeiling', {
                            count: offer.comparison.membersAboveCeiling,
                          })}
                        </span>
                      ) : null}
                    </td>
                    <td className="number" data-label={t('purchasing.offers.unit')}>
                      {offer.comparison
                        ? formatMoney(Math.round(offer.comparison.averageUnitPriceCents))
                        : '—'}
                    </td>
                    <td className="number" data-label={t('purchasing.offers.savings')}>
                      {money(offer.comparison?.savingsVsStandAloneCents ?? null)}
                    </td>
                    <td>
                      {campaign.status === 'closed' && commitments.length > 0 ? (
                        <button
                          type="button"
                          className="button button-small button-primary"
                          disabled={isBusy}
                          onClick={() => void award(offer)}
                        >
                          {t('purchasing.offers.award')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {chartOffer ? (
          <PriceTiersChart
            schedule={chartOffer.schedule}
            reachedQuantity={campaign.award?.totalQuantity ?? campaign.aggregate.totalQuantity ?? null}
            unit={campaign.unit}
            title={`${t('purchasingCharts.priceTiers.title')} — ${chartOffer.supplierName}`}
          />
        ) : null}
        {campaign.status === 'open' ? (
          <p className="muted">{t('purchasing.offers.awardAfterDeadline')}</p>
        ) : null}
        {campaign.status !== 'awarded' ? (
          <OfferForm slug={slug} campaignId={campaign.id} onAdded={offers.reload} />
        ) : null}
      </section>
      <RfqPanel slug={slug} campaign={campaign} />
    </>
  );
}

interface TierRow {
  from: string;
  price: string;
}

function OfferForm({ slug, campaignId, onAdded }: { slug: string; campaignId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [supplierName, setSupplierName] = useState('');
  const [kind, setKind] = useState<'all-units' | 'incremental'>('all-units');
  const [tiers, setTiers] = useState<TierRow[]>([{ from: '0', price: '' }]);
  const [fixed, setFixed] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  const update = (index: number, change: Partial<TierRow>) =>
    setTiers((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setError(null);
    const parsed = tiers.map((row) => ({
      fromQuantity: Number(row.from.replace(',', '.')),
      unitPriceCents: eurosToCents(row.price),
    }));
    const fixedCents = fixed.trim() ? eurosToCents(fixed) : 0;
    if (
      parsed.some((tier) => tier.unitPriceCents === null || Number.isNaN(tier.fromQuantity)) ||
      fixedCents === null
    ) {
      setLocalError(t('purchasing.amountInvalid'));
      return;
    }
    setLocalError(null);
    setIsBusy(true);
    try {
      await api.createOffer(slug, campaignId, {
        supplierName,
        schedule: {
          kind,
          tiers: parsed.map((tier) => ({
            fromQuantity: tier.fromQuantity,
            unitPriceCents: tier.unitPriceCents ?? 0,
          })),
          fixedCostCents: fixedCents,
        },
      });
      setSupplierName('');
      setTiers([{ from: '0', price: '' }]);
      setFixed('');
      setDone(true);
      onAdded();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const tierError = (index: number) =>
    fieldError(error, `schedule.tiers.${index}.fromQuantity`) ??
    fieldError(error, `schedule.tiers.${index}.unitPriceCents`);
  return (
    <form onSubmit={submit} noValidate className="offer-form">
      <h3>{t('purchasing.offers.add')}</h3>
      {done ? <SuccessBanner>{t('purchasing.offers.added')}</SuccessBanner> : null}
      {localError ? <div className="banner banner-error">{localError}</div> : null}
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      <div className="form-row">
        <TextField
          label={t('purchasing.offers.supplier')}
          required
          maxLength={200}
          value={supplierName}
          error={fieldError(error, 'supplierName')}
          onChange={(event) => setSupplierName(event.target.value)}
        />
        <div className="field">
          <label htmlFor="offer-kind">{t('purchasing.offers.kindLabel')}</label>
          <select
            id="offer-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as 'all-units' | 'incremental')}
          >
            <option value="all-units">{t('purchasing.offers.kind.all-units')}</option>
            <option value="incremental">{t('purchasing.offers.kind.incremental')}</option>
          </select>
        </div>
        <TextField
          label={t('purchasing.offers.fixedLabel')}
          inputMode="decimal"
          value={fixed}
          error={fieldError(error, 'schedule.fixedCostCents')}
          onChange={(event) => setFixed(event.target.value)}
        />
      </div>
      <fieldset className="form-group">
        <legend>{t('purchasing.offers.tiers')}</legend>
        {tiers.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tiers are edited in place, by position.
          <div className="form-row" key={index}>
            <TextField
              label={t('purchasing.offers.from')}
              inputMode="decimal"
              value={row.from}
              error={tierError(index)}
              onChange={(event) => update(index, { from: event.target.value })}
            />
            <TextField
              label={t('purchasing.offers.price')}
              inputMode="decimal"
              value={row.price}
              onChange={(event) => update(index, { price: event.target.value })}
            />
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() => setTiers((rows) => [...rows, { from: '', price: '' }])}
        >
          {t('purchasing.offers.addTier')}
        </button>
      </fieldset>
      <button type="submit" className="button button-primary" disabled={isBusy}>
        {t('purchasing.offers.save')}
      </button>
    </form>
  );
}
