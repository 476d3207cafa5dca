import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type SavingsLedger, savingsXlsxUrl } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatDate, useFormatMoney, useFormatNumber } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { SavingsOverTimeChart } from './charts/savings-over-time-chart.tsx';

type Totals = SavingsLedger['network'];
type HiddenReason = Totals['hidden']['savingsVsCurrentCents'];

function usePercent() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (rate: number | null) => (rate === null ? '—' : format.format(rate));
}

function useFormatMonth() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (month: string) => {
    const text = format.format(new Date(`${month}-01T12:00:00Z`));
    return text.charAt(0).toLocaleUpperCase() + text.slice(1);
  };
}

/**
 * The savings ledger of group purchasing (S9): what each awarded campaign saved against the
 * companies' previous contracts, for the network (staff) or for my companies (a member).
 */
export function SavingsPage() {
  const { t } = useTranslation();
  const title = t('purchasingSavings.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const ledger = useApi(() => api.savings(slug), `savings-${slug}`);

  if (ledger.state === 'loading') return <Loading />;
  if (ledger.state === 'failed') {
    if (ledger.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={ledger.error} onRetry={ledger.error.status === 403 ? undefined : ledger.reload} />
      </div>
    );
  }
  const data = ledger.data;
  const isStaff = data.scope === 'network';
  const hasAwards = data.network.campaignCount > 0;

  return (
    <div className="page savings-page">
      <p className="back-link">
        <Link to={`/n/${slug}/purchasing`}>← {t('purchasingSavings.back')}</Link>
      </p>
      <header className="page-header savings-header">
        <div className="page-header-icon">
          <Icon name="purchasing" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">
            {isStaff ? t('purchasingSavings.introStaff') : t('purchasingSavings.introMember')}
          </p>
        </div>
        {hasAwards ? (
          <a
            className="button button-secondary button-small savings-download"
            href={savingsXlsxUrl(slug)}
            download
          >
            {t('purchasingSavings.downloadXlsx')}
          </a>
        ) : null}
      </header>

      {!hasAwards ? (
        <EmptyState title={t('purchasingSavings.empty')}>{t('purchasingSavings.emptyHint')}</EmptyState>
      ) : (
        <>
          {isStaff ? null : (
            <section aria-labelledby="savings-mine">
              <h2 id="savings-mine" className="savings-section-title">
                {t('purchasingSavings.myCompanies')}
              </h2>
              <TotalsCards
                totals={{
                  ...data.visibleTotals,
                  campaignCount: data.campaigns.length,
                  organisationCount: data.organisations.length,
                  hidden: null,
                }}
              />
            </section>
          )}
          <section aria-labelledby="savings-network">
            <h2 id="savings-network" className="savings-section-title">
              {t('purchasingSavings.network', { network: data.networkName })}
            </h2>
            <TotalsCards totals={data.network} />
            {isStaff ? null : <p className="muted savings-note">{t('purchasingSavings.networkRule')}</p>}
          </section>

          {data.campaigns.length === 0 ? (
            <EmptyState title={t('purchasingSavings.noneMine')}>
              {t('purchasingSavings.noneMineHint')}
            </EmptyState>
          ) : (
            <>
              <CampaignTable slug={slug} ledger={data} />
              <OrganisationTable ledger={data} />
              <MonthSection ledger={data} />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The cards: savings against the previous contracts, their rate, the campaigns, the companies. */
function TotalsCards({
  totals,
}: {
  totals: Pick<
    Totals,
    'savingsVsCurrentCents' | 'savingsRate' | 'savingsVsStandAloneCents' | 'campaignCount'
  > & {
    organisationCount: number | null;
    hidden: Totals['hidden'] | null;
  };
}) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const percent = usePercent();
  const number = useFormatNumber();
  const rateHidden = totals.hidden?.savingsVsCurrentCents ?? totals.hidden?.baselineCents ?? null;
  return (
    <dl className="stats savings-totals">
      <Card
        label={t('purchasingSavings.card.savings')}
        value={totals.savingsVsCurrentCents === null ? '—' : money(totals.savingsVsCurrentCents)}
        hidden={totals.hidden?.savingsVsCurrentCents ?? null}
        isLead
      />
      <Card
        label={t('purchasingSavings.card.rate')}
        value={percent(totals.savingsRate)}
        hidden={rateHidden}
      />
      <Card
        label={t('purchasingSavings.card.vsAlone')}
        value={totals.savingsVsStandAloneCents === null ? '—' : money(totals.savingsVsStandAloneCents)}
        hidden={totals.hidden?.savingsVsStandAloneCents ?? null}
      />
      <Card
        label={t('purchasingSavings.card.campaigns')}
        value={number(totals.campaignCount)}
        hidden={null}
      />
      <Card
        label={t('purchasingSavings.card.companies')}
        value={totals.organisationCount === null ? '—' : number(totals.organisationCount)}
        hidden={totals.organisationCount === null && totals.hidden ? 'TOO_FEW_ORGANISATIONS' : null}
      />
    </dl>
  );
}

function Card({
  label,
  value,
  hidden,
  isLead = false,
}: {
  label: string;
  value: string;
  hidden: HiddenReason;
  isLead?: boolean;
}) {
  const { t } = useTranslation();
  const isShown = value !== '—' || hidden === null;
  return (
    <div className={`stat savings-card${isLead ? ' savings-card-lead' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      {!isShown && hidden ? (
        <dd className="savings-hidden">{t(`purchasingSavings.hidden.${hidden}`)}</dd>
      ) : null}
    </div>
  );
}

function CampaignTable({ slug, ledger }: { slug: string; ledger: SavingsLedger }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const percent = usePercent();
  const formatDate = useFormatDate();
  const optional = (cents: number | null) => (cents === null ? '—' : money(cents));
  return (
    <section aria-labelledby="savings-by-campaign">
      <h2 id="savings-by-campaign" className="savings-section-title">
        {ledger.scope === 'network'
          ? t('purchasingSavings.byCampaign')
          : t('purchasingSavings.byCampaignMine')}
      </h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, and keyboard users must be able to scroll it too. */}
      <section className="table-scroll" aria-labelledby="savings-by-campaign" tabIndex={0}>
        <table className="table savings-table">
          <thead>
            <tr>
              <th scope="col">{t('purchasingSavings.column.campaign')}</th>
              <th scope="col">{t('purchasingSavings.column.awardedAt')}</th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.companies')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.paid')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.savings')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.rate')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.vsAlone')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ledger.campaigns.map((line) => (
              <tr key={line.campaignId}>
                <th scope="row">
                  <Link to={`/n/${slug}/purchasing/${line.campaignId}`}>{line.title}</Link>
                  <span className="muted savings-supplier">{line.supplierName}</span>
                </th>
                <td>{formatDate(line.awardedAt)}</td>
                <td className="savings-number">{line.participantCount ?? '—'}</td>
                <td className="savings-number">{money(line.paidCents)}</td>
                <td className="savings-number">{optional(line.savingsVsCurrentCents)}</td>
                <td className="savings-number">{percent(line.savingsRate)}</td>
                <td className="savings-number">{money(line.savingsVsStandAloneCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('purchasingSavings.total')}</th>
              <td />
              <td />
              <td className="savings-number">{money(ledger.visibleTotals.paidCents)}</td>
              <td className="savings-number">{optional(ledger.visibleTotals.savingsVsCurrentCents)}</td>
              <td className="savings-number">{percent(ledger.visibleTotals.savingsRate)}</td>
              <td className="savings-number">{money(ledger.visibleTotals.savingsVsStandAloneCents)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </section>
  );
}

function OrganisationTable({ ledger }: { ledger: SavingsLedger }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const percent = usePercent();
  return (
    <section aria-labelledby="savings-by-company">
      <h2 id="savings-by-company" className="savings-section-title">
        {t('purchasingSavings.byCompany')}
      </h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, and keyboard users must be able to scroll it too. */}
      <section className="table-scroll" aria-labelledby="savings-by-company" tabIndex={0}>
        <table className="table savings-table">
          <thead>
            <tr>
              <th scope="col">{t('purchasingSavings.column.company')}</th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.campaigns')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.paid')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.savings')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.rate')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.vsAlone')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ledger.organisations.map((line) => (
              <tr key={line.organisationId}>
                <th scope="row">{line.organisationName}</th>
                <td className="savings-number">{line.campaignCount}</td>
                <td className="savings-number">{money(line.paidCents)}</td>
                <td className="savings-number">
                  {line.savingsVsCurrentCents === null ? (
                    <span className="muted" title={t('purchasingSavings.noCurrentPrice')}>
                      —
                    </span>
                  ) : (
                    money(line.savingsVsCurrentCents)
                  )}
                </td>
                <td className="savings-number">{percent(line.savingsRate)}</td>
                <td className="savings-number">{money(line.savingsVsStandAloneCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="muted savings-note">{t('purchasingSavings.definitions')}</p>
    </section>
  );
}

function MonthSection({ ledger }: { ledger: SavingsLedger }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const formatMonth = useFormatMonth();
  return (
    <section aria-labelledby="savings-by-month">
      <h2 id="savings-by-month" className="savings-section-title">
        {t('purchasingSavings.byMonth')}
      </h2>
      <SavingsOverTimeChart months={ledger.months} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, and keyboard users must be able to scroll it too. */}
      <section className="table-scroll" aria-labelledby="savings-by-month" tabIndex={0}>
        <table className="table savings-table savings-months">
          <thead>
            <tr>
              <th scope="col">{t('purchasingSavings.column.month')}</th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.paid')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.savings')}
              </th>
              <th scope="col" className="savings-number">
                {t('purchasingSavings.column.vsAlone')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ledger.months.map((line) => (
              <tr key={line.month}>
                <th scope="row">{formatMonth(line.month)}</th>
                <td className="savings-number">{money(line.paidCents)}</td>
                <td className="savings-number">{money(line.savingsCents)}</td>
                <td className="savings-number">{money(line.savingsVsStandAloneCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
