import type { FunderReport, FunderReportQuery } from '@meute/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, funderReportUrl } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, fieldError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate, useFormatMoney, useFormatNumber } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { useTerritories } from '../../components/reference.tsx';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { NeedsNav } from './needs-nav.tsx';

type IndicatorKey = keyof FunderReport['indicators'];
/** The indicators funders ask for first, then what explains them. */
const HEADLINE: IndicatorKey[] = ['jobsKept', 'jobsCreated', 'trainees', 'relocatedPurchasesCents'];
const DETAIL: IndicatorKey[] = [
  'relocatedSupplierCount',
  'reportedLocalPurchasesCents',
  'fundingObtainedCents',
  'fundingRequestedCents',
  'reportedAmountsRaisedCents',
  'projectCount',
  'organisationCount',
];

/** The first day of this year and today, as the form's default period. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The report a network sends its public funders (S10 step 4): jobs kept and created, people
 * trained, purchases brought back into the network, money raised and projects by stage, over a
 * period, for the network or one of its territories; downloadable as XLSX and PDF. Staff only.
 */
export function FunderReportsPage() {
  const { t } = useTranslation();
  const title = t('funderReports.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const territories = useTerritories();
  const [draft, setDraft] = useState({ ...defaultPeriod(), territory: '' });
  const [query, setQuery] = useState<FunderReportQuery>(defaultPeriod());
  const report = useApi(
    () => api.funderReport(slug, query),
    `funder-report-${slug}-${JSON.stringify(query)}`,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const [kind, code] = draft.territory.split(':');
    setQuery({
      from: draft.from || undefined,
      to: draft.to || undefined,
      ...(kind === 'departement' ? { departement: code } : {}),
      ...(kind === 'region' ? { region: code } : {}),
    });
  }

  if (report.state === 'failed' && report.error.status === 404) return <NetworkUnavailable />;
  const error = report.state === 'failed' ? report.error : null;
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="needs" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('funderReports.intro')}</p>
        </div>
      </header>
      <NeedsNav slug={slug} />
      {error?.status === 403 ? (
        <EmptyState title={t('funderReports.staffOnly')}>{t('funderReports.staffOnlyHint')}</EmptyState>
      ) : (
        <>
          <form className="card funder-form" onSubmit={submit} noValidate>
            <TextField
              label={t('funderReports.from')}
              type="date"
              value={draft.from}
              error={fieldError(error, 'querystring.from')}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
            <TextField
              label={t('funderReports.to')}
              type="date"
              value={draft.to}
              error={fieldError(error, 'querystring.to')}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
            <div className="field">
              <label htmlFor="funder-territory">{t('funderReports.territory')}</label>
              <select
                id="funder-territory"
                value={draft.territory}
                onChange={(event) => setDraft({ ...draft, territory: event.target.value })}
              >
                <option value="">{t('funderReports.wholeNetwork')}</option>
                <optgroup label={t('funderReports.regions')}>
                  {(territories?.regions ?? []).map((region) => (
                    <option key={region.code} value={`region:${region.code}`}>
                      {region.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('funderReports.departements')}>
                  {(territories?.departements ?? []).map((departement) => (
                    <option key={departement.code} value={`departement:${departement.code}`}>
                      {departement.code} — {departement.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t('funderReports.show')}
              </button>
            </div>
          </form>
          {error && error.status !== 400 ? <ErrorBanner error={error} onRetry={report.reload} /> : null}
          {error?.status === 400 && !error.field ? <ErrorBanner error={error} /> : null}
          {report.state === 'loading' ? <Loading /> : null}
          {report.state === 'ready' ? <ReportView slug={slug} query={query} report={report.data} /> : null}
        </>
      )}
    </div>
  );
}

function ReportView({
  slug,
  query,
  report,
}: {
  slug: string;
  query: FunderReportQuery;
  report: FunderReport;
}) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const value = (key: IndicatorKey) =>
    key.endsWith('Cents') ? formatMoney(report.indicators[key]) : formatNumber(report.indicators[key]);
  return (
    <section aria-labelledby="funder-report-title" className="funder-report">
      <div className="section-head">
        <h3 id="funder-report-title">
          {t('funderReports.heading', {
            from: formatDate(report.from),
            to: formatDate(report.to),
            territory: report.territory ? report.territory.name : t('funderReports.wholeNetwork'),
          })}
        </h3>
        <div className="form-actions">
          <a
            className="button button-secondary button-small"
            href={funderReportUrl(slug, query, 'xlsx')}
            download
          >
            {t('funderReports.xlsx')}
          </a>
          <a
            className="button button-secondary button-small"
            href={funderReportUrl(slug, query, 'pdf')}
            download
          >
            {t('funderReports.pdf')}
          </a>
        </div>
      </div>
      <dl className="funder-cards">
        {HEADLINE.map((key) => (
          <div key={key} className="funder-card">
            <dt>{t(`funderReports.indicator.${key}`)}</dt>
            <dd>{value(key)}</dd>
          </div>
        ))}
      </dl>
      <div className="funder-columns">
        <table className="table funder-table">
          <caption>{t('funderReports.details')}</caption>
          <tbody>
            {DETAIL.map((key) => (
              <tr key={key}>
                <th scope="row">{t(`funderReports.indicator.${key}`)}</th>
                <td className="number">{value(key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table funder-table">
          <caption>{t('funderReports.byStage')}</caption>
          <tbody>
            {report.projectsByStage.map(({ stage, count }) => (
              <tr key={stage}>
                <th scope="row">{t(`funderReports.stage.${stage}`)}</th>
                <td className="number">{formatNumber(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.projects.length === 0 ? (
        <EmptyState title={t('funderReports.noProjects')}>{t('funderReports.noProjectsHint')}</EmptyState>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, and keyboard users must be able to scroll it too.
        <section className="table-scroll funder-scroll" aria-label={t('funderReports.projects')} tabIndex={0}>
          <table className="table funder-table funder-projects">
            <caption>{t('funderReports.projects')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('funderReports.project')}</th>
                <th scope="col">{t('funderReports.stageColumn')}</th>
                <th scope="col" className="number">
                  {t('funderReports.indicator.jobsKept')}
                </th>
                <th scope="col" className="number">
                  {t('funderReports.indicator.trainees')}
                </th>
                <th scope="col" className="number">
                  {t('funderReports.indicator.fundingObtainedCents')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.projects.map((project) => (
                <tr key={project.id}>
                  <th scope="row">
                    {project.title}
                    {project.leadOrganisationName ? (
                      <span className="muted funder-lead">{project.leadOrganisationName}</span>
                    ) : null}
                  </th>
                  <td data-label={t('funderReports.stageColumn')}>
                    {t(`funderReports.stage.${project.stage}`)}
                  </td>
                  <td className="number" data-label={t('funderReports.indicator.jobsKept')}>
                    {formatNumber(project.jobsKept)}
                  </td>
                  <td className="number" data-label={t('funderReports.indicator.trainees')}>
                    {formatNumber(project.trainees)}
                  </td>
                  <td className="number" data-label={t('funderReports.indicator.fundingObtainedCents')}>
                    {formatMoney(project.fundingObtainedCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p className="muted">{t('funderReports.sources')}</p>
    </section>
  );
}
